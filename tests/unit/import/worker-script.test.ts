import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { ParsedFile } from '../../../main/core/import/parse-job.js';
import { removeStaleBundles, reusableBundle, workerScript } from '../../../main/core/import/worker-script.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('worker scripts from the sources', () => {
  it('bundles a worker once per process into dist/<name>-<hash>/, with what it imports only when needed apart', () => {
    const url = workerScript('parse-worker');
    expect(url).not.toBeNull();
    const file = fileURLToPath(url!);
    expect(path.relative(ROOT, file)).toMatch(/^dist[\\/]parse-worker-[0-9a-f]{16}[\\/]parse-worker\.js$/);
    expect(workerScript('parse-worker')?.href).toBe(url!.href);
    const start = fs.readFileSync(file, 'utf8');
    // The parse worker reads wire copy; pdf.js, the HTML parser and SQLite are not loaded to start it.
    expect(start).not.toMatch(/from "(pdfjs-dist|linkedom|better-sqlite3)/);
    // What it needs at start is in it, not imported: the stemmers and the language detection.
    expect(start).not.toMatch(/from "(snowball-stemmer\.jsx|franc-min)/);
    expect(start).toContain('GermanStemmer');
    expect(fs.readdirSync(path.dirname(file)).length).toBeGreaterThan(1);
  });

  it('starts the bundled worker, which parses what it loads only when needed too (a PDF, a web page)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundstelle-worker-'));
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage().drawText('Hafen Kellbrueck erweitert die Kaimauer. Die Stadt baut im Sommer.', { x: 50, y: 700, size: 12, font });
    fs.writeFileSync(path.join(dir, 'kaimauer.pdf'), await doc.save());
    const worker = new Worker(workerScript('parse-worker')!);
    try {
      const files = [path.join(dir, 'kaimauer.pdf'), path.join(ROOT, 'tests/fixtures/import/tagblatt-suedwestbahn.html'), path.join(dir, 'fehlt.txt')];
      const reply = await new Promise<{ id: number; results: ParsedFile[] }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ id: 7, files, lang: 'de' });
      });
      expect(reply.id).toBe(7);
      expect(reply.results.map((r) => (r.ok ? `${r.format}: ${r.article.title}` : r.error.code))).toEqual([
        'pdf: Hafen Kellbrueck erweitert die Kaimauer',
        expect.stringMatching(/^html: Südwestbahn stoppt Ausbau/),
        'FILE_NOT_FOUND',
      ]);
    } finally {
      await worker.terminate();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists the sources a bundle was built from, and reuses it in another process only while they are unchanged', () => {
    const url = workerScript('parse-worker')!;
    const sources = JSON.parse(fs.readFileSync(path.join(path.dirname(fileURLToPath(url)), 'sources.json'), 'utf8')) as Record<string, [number, number]>;
    expect(Object.keys(sources)).toEqual(expect.arrayContaining([path.join(ROOT, 'main/core/import/parse-worker.ts'), path.join(ROOT, 'shared/article.ts')]));
    // Packages bundled into the worker are listed too (an update rebuilds it); imported ones are not.
    expect(Object.keys(sources)).toContain(path.join(ROOT, 'node_modules/snowball-stemmer.jsx/dest/german-stemmer.common.js'));
    expect(Object.keys(sources).filter((f) => /node_modules\/(pdfjs-dist|linkedom|better-sqlite3|tsx)\//.test(f))).toEqual([]);

    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'fundstelle-dist-'));
    try {
      const source = path.join(dist, 'worker.ts');
      fs.writeFileSync(source, 'export const a = 1;\n');
      const list = (dir: string) => {
        const st = fs.statSync(source);
        fs.mkdirSync(path.join(dist, dir));
        fs.writeFileSync(path.join(dist, dir, 'sources.json'), JSON.stringify({ [source]: [st.mtimeMs, st.size] }));
      };
      list('parse-worker-00000000000000aa');
      fs.mkdirSync(path.join(dist, 'parse-worker-00000000000000bb')); // no list: never reused
      expect(reusableBundle(dist, 'parse-worker')).toBe(path.join(dist, 'parse-worker-00000000000000aa'));
      expect(reusableBundle(dist, 'checkpoint-worker')).toBeNull();
      // The source changed (size and time): built anew.
      fs.writeFileSync(source, 'export const a = 22;\n');
      expect(reusableBundle(dist, 'parse-worker')).toBeNull();
      // The source gone: built anew.
      fs.rmSync(source);
      expect(reusableBundle(dist, 'parse-worker')).toBeNull();
    } finally {
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });

  it('removes bundles of other sources and half-written ones after a day, and nothing else', () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'fundstelle-dist-'));
    try {
      const names = ['parse-worker-0000000000000001', 'parse-worker-0000000000000002', 'parse-worker-0000000000000003.4711.tmp', 'parse-worker-0000000000000004', 'checkpoint-worker-0000000000000005', 'electron', 'renderer'];
      for (const n of names) fs.mkdirSync(path.join(dist, n));
      const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
      for (const n of names.filter((n) => !n.endsWith('04'))) fs.utimesSync(path.join(dist, n), twoDaysAgo, twoDaysAgo);
      removeStaleBundles(dist, 'parse-worker', path.join(dist, 'parse-worker-0000000000000001'));
      // Kept: the current bundle, one younger than a day, other workers' bundles, other folders.
      expect(fs.readdirSync(dist).sort()).toEqual(['checkpoint-worker-0000000000000005', 'electron', 'parse-worker-0000000000000001', 'parse-worker-0000000000000004', 'renderer']);
    } finally {
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });

  it('gives no script for a worker that does not exist', () => {
    expect(workerScript('no-such-worker')).toBeNull();
  });
});
