import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { ParsedFile } from '../../../main/core/import/parse-job.js';
import { removeStaleBundles, reusableBundle, withoutPreloads, workerScript } from '../../../main/core/import/worker-script.js';

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

  it('starts workers without the module preloads of a process run through tsx, and with its other options', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundstelle-worker-'));
    try {
      fs.writeFileSync(path.join(dir, 'echo.mjs'), "import { parentPort } from 'node:worker_threads';\nparentPort.postMessage(process.execArgv);\n");
      const probe = path.join(dir, 'probe.mjs');
      fs.writeFileSync(
        probe,
        // tsx registered by the program (as bin/fundstelle.js does) where the process was not started with it.
        `if (!process.execArgv.includes('tsx')) (await import(${JSON.stringify(path.join(ROOT, 'node_modules/tsx/dist/esm/api/index.mjs'))})).register();
const { startWorker } = await import(${JSON.stringify(path.join(ROOT, 'main/core/import/worker-script.ts'))});
const worker = startWorker(new URL('./echo.mjs', import.meta.url));
worker.once('message', (argv) => { console.log(JSON.stringify({ main: process.execArgv, worker: argv })); void worker.terminate(); });
`,
      );
      const run = (...options: string[]) => JSON.parse(execFileSync(process.execPath, [...options, probe], { cwd: ROOT, encoding: 'utf8' })) as unknown;
      expect(run('--import', 'tsx', '--trace-warnings')).toEqual({ main: ['--import', 'tsx', '--trace-warnings'], worker: ['--trace-warnings'] });
      // A V8 option cannot be given to a worker by name (it holds for the process): it inherits all.
      expect(run('--import', 'tsx', '--max-old-space-size=300')).toEqual({
        main: ['--import', 'tsx', '--max-old-space-size=300'],
        worker: ['--import', 'tsx', '--max-old-space-size=300'],
      });
      // Nothing to leave out: inherited as it is.
      expect(run('--trace-warnings', '--max-old-space-size=300')).toEqual({
        main: ['--trace-warnings', '--max-old-space-size=300'],
        worker: ['--trace-warnings', '--max-old-space-size=300'],
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves out every form of the preload and loader options, and keeps the rest in order', () => {
    expect(
      withoutPreloads(['--cpu-prof', '--import', 'tsx', '--require=./a.cjs', '-r', 'b', '--max-old-space-size=300', '--loader', 'c', '--experimental-loader=d', '--import=e', '--stack-size=900']),
    ).toEqual(['--cpu-prof', '--max-old-space-size=300', '--stack-size=900']);
    // An option that only starts like one of them is kept.
    expect(withoutPreloads(['--importance', '-rx', '--inspect'])).toEqual(['--importance', '-rx', '--inspect']);
  });

  it('gives no script for a worker that does not exist', () => {
    expect(workerScript('no-such-worker')).toBeNull();
  });
});
