import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsonLines, runCli, SAMPLES } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/db.js';

// The CLI runs as a real process against a real SQLite file, as a journalist or a script would use it.

let dir: string;
let db: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  db = path.join(dir, 'collection.sqlite');
});
afterEach(() => cleanup());

const WIRE = `date 2026-03 Quelle: (c) Copyright Thomson Reuters 2026. Click For Restrictions - https://agency.reuters.com/en/copyright.html

Lindau (Reuters) - Die Bodenseewerft Möwe hat einen Auftrag über 40 Millionen Euro für zwei Elektrofähren erhalten.

Die Fähren sollen ab 2027 zwischen Lindau und Bregenz pendeln, wie das Unternehmen mitteilte.

(Bericht von Anna Beispiel; Redigiert von Bernd Muster; Bei Rückfragen wenden Sie sich an unsere Redaktion unter see.desk@example.org (für Unternehmen und Märkte).)
`;

describe('fundstelle CLI', { timeout: 120_000 }, () => {
  it('imports, reports duplicates, lists, shows and searches', () => {
    const file = path.join(dir, 'werft.txt');
    fs.writeFileSync(file, WIRE);
    const first = runCli(['import', file, '--json', '--db', db]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const [meta] = jsonLines(first.stdout) as Record<string, unknown>[];
    expect(meta).toMatchObject({
      id: 1,
      duplicate: false,
      titleDerived: true,
      language: 'de',
      agency: 'Reuters',
      published: '2026-03',
      dateline: { place: 'Lindau', agency: 'Reuters' },
      credits: [
        { role: 'reporter', name: 'Anna Beispiel' },
        { role: 'editor', name: 'Bernd Muster' },
      ],
      deskContacts: [{ email: 'see.desk@example.org', scope: 'Unternehmen und Märkte' }],
      source: { file: 'werft.txt', format: 'wire' },
    });
    expect(Object.keys(meta!).sort()).toEqual(
      ['id', 'duplicate', 'title', 'titleDerived', 'language', 'agency', 'copyright', 'published', 'dateline', 'credits', 'deskContacts', 'headings', 'versionMarkers', 'wordCount', 'source'].sort(),
    );

    const again = runCli(['import', file, '--json', '--db', db]);
    expect(again.status).toBe(0);
    expect(jsonLines(again.stdout)).toEqual([{ ...meta, duplicate: true }]);

    const list = runCli(['list', '--json', '--db', db]);
    expect((JSON.parse(list.stdout) as { id: number }[]).map((a) => a.id)).toEqual([1]);

    const show = runCli(['show', '1', '--json', '--text', '--db', db]);
    const shown = JSON.parse(show.stdout) as { text: string };
    expect(shown.text).toContain('Elektrofähren');
    expect(shown.text).not.toContain('Bericht von');

    const human = runCli(['show', '1', '--db', db]);
    expect(human.stdout).toMatch(/Ortsmarke\s+Lindau \(Reuters\)/);
    expect(human.stdout).toMatch(/Redigiert von\s+Bernd Muster/);

    const search = runCli(['search', 'Elektrofahren', '--json', '--db', db]);
    expect((JSON.parse(search.stdout) as { id: number }[]).map((h) => h.id)).toEqual([1]);
    expect(JSON.parse(runCli(['search', 'Zeppelin', '--json', '--db', db]).stdout)).toEqual([]);
  });

  it('keeps importing after a bad file, names it, and exits 1', () => {
    const good = path.join(dir, 'gut.txt');
    const empty = path.join(dir, 'leer.txt');
    fs.writeFileSync(good, WIRE);
    fs.writeFileSync(empty, '');
    const r = runCli(['import', empty, path.join(dir, 'fehlt.txt'), good, '--json', '--db', db]);
    expect(r.status).toBe(1);
    const lines = jsonLines(r.stdout) as Record<string, unknown>[];
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.file === 'leer.txt')).toMatchObject({ code: 'FILE_EMPTY', error: expect.stringContaining('leer.txt') });
    expect(lines.find((l) => String(l.file).endsWith('fehlt.txt'))).toMatchObject({ code: 'FILE_NOT_FOUND' });
    expect(lines.find((l) => l.id === 1)).toMatchObject({ agency: 'Reuters', duplicate: false });
    expect((JSON.parse(runCli(['list', '--json', '--db', db]).stdout) as unknown[]).length).toBe(1);
  });

  it('imports a folder recursively, in English when asked', () => {
    fs.mkdirSync(path.join(dir, 'mappe', 'unter'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'mappe', 'a.txt'), WIRE);
    fs.writeFileSync(path.join(dir, 'mappe', 'unter', 'b.md'), '# Notiz zur Werft\n\nDie Werft beschäftigt 120 Menschen.\n');
    fs.writeFileSync(path.join(dir, 'mappe', '.DS_Store'), 'x');
    const r = runCli(['import', path.join(dir, 'mappe'), '--db', db, '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/2 imported, 0 already in the collection, 0 failed\./);
  });

  it('honours FUNDSTELLE_DB and --db, in that order', () => {
    const envDb = path.join(dir, 'env.sqlite');
    const file = path.join(dir, 'werft.txt');
    fs.writeFileSync(file, WIRE);
    expect(runCli(['import', file], { FUNDSTELLE_DB: envDb }).status).toBe(0);
    expect(fs.existsSync(envDb)).toBe(true);
    expect(JSON.parse(runCli(['list', '--json', '--db', db], { FUNDSTELLE_DB: envDb }).stdout)).toEqual([]);
  });

  it('has --help on every command and clear usage errors', () => {
    for (const cmd of ['import', 'list', 'show', 'search', 'web']) {
      const r = runCli([cmd, '--help', '--db', db]);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`fundstelle ${cmd}`));
    }
    expect(runCli(['--help']).stdout).toMatch(/Befehle:/);
    const bad = runCli(['show', 'abc', '--db', db]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Artikel-ID/);
    const missing = runCli(['show', '42', '--db', db]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/Artikel 42 gibt es in dieser Sammlung nicht/);
    expect(runCli(['frobnicate']).status).toBe(2);
    expect(runCli(['list', '--bogus', '--db', db]).stderr).toMatch(/bogus/);
  });
});

describe.skipIf(!fs.existsSync(SAMPLES))('fundstelle CLI with the real samples', { timeout: 120_000 }, () => {
  it('imports every sample and finds the Reuters story by Kakao', () => {
    const r = runCli(['import', SAMPLES, '--json', '--db', db]);
    const lines = jsonLines(r.stdout) as Record<string, unknown>[];
    const articles = lines.filter((l) => 'id' in l);
    // SOURCES.md is a Markdown note, not an article, but it imports too.
    expect(articles.length).toBeGreaterThanOrEqual(5);
    expect(r.status).toBe(0);
    const reuters = articles.find((a) => (a.source as { file: string }).file === 'reuters-de_altman-asien-stargate.txt');
    expect(reuters).toMatchObject({ agency: 'Reuters', published: '2025-02', language: 'de', dateline: { place: 'Seoul', agency: 'Reuters' } });
    const hits = JSON.parse(runCli(['search', 'Kakao', '--json', '--db', db]).stdout) as { id: number }[];
    expect(hits.map((h) => h.id)).toEqual([reuters!.id]);
    const again = jsonLines(runCli(['import', path.join(SAMPLES, 'reuters-de_altman-asien-stargate.txt'), '--json', '--db', db]).stdout);
    expect(again).toEqual([{ ...reuters, duplicate: true }]);
  });
});
