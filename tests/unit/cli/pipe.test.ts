import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertArticle } from '../../../main/core/articles.js';
import { parsed, tempDb } from '../../helpers/db.js';

const BIN = path.resolve(import.meta.dirname, '../../../bin/fundstelle.js');

let file: string;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDb();
  // 300 kB of text: more than a pipe holds, so the command is still writing when the reader leaves.
  insertArticle(t.db, parsed(Array.from({ length: 3000 }, (_, i) => ['paragraph', `Absatz ${i}: Die Werft in Lindhafen meldet neue Aufträge für Fähren und Schlepper.`])), {
    file: 'lang.txt',
    format: 'text',
    encoding: 'utf-8',
    importedAt: '2026-11-28T10:00:00.000Z',
  });
  t.db.close();
  ({ file, cleanup } = t);
});
afterEach(() => cleanup());

describe('fundstelle in a pipe', () => {
  it('stops quietly when the reader closes the pipe (fundstelle show … | head)', async () => {
    const child = spawn(process.execPath, [BIN, 'show', '1', '--text', '--db', file], { env: { ...process.env, FUNDSTELLE_DB: '', FUNDSTELLE_LANG: '' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const first = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString())));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(first).toContain('Testartikel');
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });
});
