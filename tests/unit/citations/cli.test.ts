import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRis } from '../../../main/core/citations/ris.js';
import { openDatabase } from '../../../main/db/open.js';
import { runCli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/db.js';
import { add, WIRE_DE, WIRE_EN } from './fixtures.js';

// `fundstelle cite` as a real process against a real collection file.

let dir: string;
let db: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  db = path.join(dir, 'collection.sqlite');
  const conn = openDatabase(db);
  add(conn, WIRE_DE);
  add(conn, WIRE_EN, 'wire', 'afp.txt');
  conn.close();
});
afterAll(() => cleanup());

describe('fundstelle cite', () => {
  it('prints agency lines and RIS with authors and dates', () => {
    const agency = runCli(['cite', '1', '2', '--format', 'agency', '--db', db]);
    expect(agency.stderr).toBe('');
    expect(agency.status).toBe(0);
    expect(agency.stdout).toBe('Quelle: Reuters, März 2026\nQuelle: AFP, 29.08.2014\n');
    expect(runCli(['cite', '2', '--format', 'agency', '--locale', 'en-US', '--db', db]).stdout).toBe('Source: AFP, 29 Aug 2014\n');
    const ris = runCli(['cite', '1', '--format', 'ris', '--db', db]);
    expect(ris.status).toBe(0);
    const [item] = parseRis(ris.stdout);
    expect(item).toMatchObject({ type: 'article-newspaper', issued: { 'date-parts': [[2026, 3]] } });
    expect((item!.author as unknown[]).length).toBe(3);
  });

  it('writes a formatted bibliography to --out', () => {
    const out = path.join(dir, 'quellen.md');
    const r = runCli(['cite', '1', '2', '--format', 'markdown', '--style', 'din-1505-2', '--out', out, '--db', db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const md = fs.readFileSync(out, 'utf8');
    expect(md).toMatch(/Beispiel, Anna/);
    expect(md).not.toMatch(/<\/?[a-z][^>]*>/i);
  });

  it('refuses an unknown style listing the available ones, and bad calls', () => {
    const r = runCli(['cite', '1', '--format', 'text', '--style', 'mla', '--db', db]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/mla.*iso690-author-date-de.*din-1505-2.*apa/);
    const en = runCli(['cite', '1', '--format', 'text', '--style', 'mla', '--lang', 'en', '--db', db]);
    expect(en.stderr).toMatch(/There is no citation style “mla”/);
    expect(runCli(['cite', '1', '--format', 'word', '--db', db]).status).toBe(2);
    expect(runCli(['cite', '--format', 'ris', '--db', db]).status).toBe(2);
    expect(runCli(['cite', '1', '--format', 'ris', '--locale', 'fr-FR', '--db', db]).status).toBe(2);
    const missing = runCli(['cite', '9', '--format', 'ris', '--db', db]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/9/);
  });
});
