import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/db.js';

// The annotation commands as a journalist or a script calls them: a real process on a real file.

const WIRE = `date 2026-03 Quelle: (c) Copyright Thomson Reuters 2026. Click For Restrictions - https://agency.reuters.com/en/copyright.html

Lindau (Reuters) - Die Bodenseewerft Möwe hat einen Auftrag über 40 Millionen Euro für zwei Elektrofähren erhalten.

Die Fähren sollen ab 2027 zwischen Lindau und Bregenz pendeln, wie das Unternehmen mitteilte. Die Fähren sollen je 300 Fahrgäste fassen.

(Bericht von Anna Beispiel; Redigiert von Bernd Muster; Bei Rückfragen wenden Sie sich an unsere Redaktion unter see.desk@example.org (für Unternehmen und Märkte).)
`;

let dir: string;
let db: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  db = path.join(dir, 'collection.sqlite');
  fs.writeFileSync(path.join(dir, 'werft.txt'), WIRE);
  expect(runCli(['import', path.join(dir, 'werft.txt'), '--db', db]).status).toBe(0);
});
afterEach(() => cleanup());

describe('fundstelle annotate / annotations', () => {
  it('annotates, lists, exports and imports', { timeout: 180_000 }, () => {
    const made = runCli(['annotate', '1', '--quote', '40 Millionen Euro', '--type', 'figure', '--note', 'Auftragswert prüfen', '--tag', 'Werft', '--tag', 'Zahl', '--json', '--db', db]);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    const a = JSON.parse(made.stdout) as { id: string; type: string; tags: string[]; selectors: { quote: { exact: string } } };
    expect(a).toMatchObject({ type: 'figure', tags: ['Werft', 'Zahl'], selectors: { quote: { exact: '40 Millionen Euro' } } });

    // The same words twice: --prefix picks one; German type labels work.
    const second = runCli(['annotate', '1', '--quote', 'Die Fähren sollen', '--prefix', 'mitteilte.', '--type', 'Behauptung', '--db', db, '--lang', 'de']);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/^✓ Behauptung [0-9a-f-]{36} in Artikel #1: „Die Fähren sollen“\n$/);

    const list = runCli(['annotations', 'list', '1', '--json', '--db', db]);
    const rows = JSON.parse(list.stdout) as { id: string; articleTitle: string; anchor: { start: number } }[];
    expect(rows.map((r) => r.id)).toContain(a.id);
    expect(rows).toHaveLength(2);
    const text = runCli(['annotations', 'list', '--db', db, '--lang', 'de']);
    expect(text.stdout).toMatch(/#1 {2}/);
    expect(text.stdout).toContain('Zahl');
    expect(text.stdout).toContain('#Werft #Zahl');
    expect(text.stdout).toMatch(/2 Annotationen\n$/);

    const out = path.join(dir, 'export.jsonld');
    const exp = runCli(['annotations', 'export', '--format', 'w3c', '--article', '1', '--out', out, '--db', db]);
    expect(exp.status).toBe(0);
    expect(exp.stdout).toBe('');
    const doc = JSON.parse(fs.readFileSync(out, 'utf8')) as { type: string; total: number };
    expect(doc).toMatchObject({ type: 'AnnotationCollection', total: 2 });
    const csv = runCli(['annotations', 'export', '--format', 'csv', '--db', db]);
    expect(csv.stdout.startsWith('\uFEFFID,')).toBe(true);
    const md = runCli(['annotations', 'export', '--format', 'markdown', '--db', db]);
    expect(md.stdout).toContain('## Reuters, März 2026:');

    // Into a fresh collection with the same article.
    const db2 = path.join(dir, 'other.sqlite');
    runCli(['import', path.join(dir, 'werft.txt'), '--db', db2]);
    const imp = runCli(['annotations', 'import', out, '--db', db2, '--lang', 'de']);
    expect(imp.stderr).toBe('');
    expect(imp.stdout).toBe('export.jsonld: 2 neu, 0 aktualisiert, 0 unverändert, davon 0 nicht im aktuellen Text gefunden.\n');
    expect(JSON.parse(runCli(['annotations', 'list', '--json', '--db', db2]).stdout)).toEqual(JSON.parse(runCli(['annotations', 'list', '--json', '--db', db]).stdout));
  });

  it('says clearly when a quote is missing or ambiguous, and when the call is wrong', { timeout: 180_000 }, () => {
    const missing = runCli(['annotate', '1', '--quote', '50 Millionen Euro', '--type', 'figure', '--db', db, '--lang', 'de']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('Die Textstelle „50 Millionen Euro“ kommt in Artikel 1 nicht vor. Bitte genau wie im Artikeltext angeben.\n');
    const ambiguous = runCli(['annotate', '1', '--quote', 'Die Fähren sollen', '--type', 'claim', '--db', db, '--lang', 'en']);
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toBe('The passage “Die Fähren sollen” occurs 2 times in article 1. Please tell them apart with --prefix (text before) or --suffix (text after).\n');
    const contextMissing = runCli(['annotate', '1', '--quote', 'Die Fähren sollen', '--suffix', 'fliegen', '--type', 'claim', '--db', db, '--lang', 'de']);
    expect(contextMissing.stderr).toMatch(/nicht vor \(mit dem angegebenen Text davor\/danach\)/);
    expect(runCli(['annotate', '1', '--quote', 'Lindau', '--type', 'gerücht', '--db', db]).status).toBe(2);
    expect(runCli(['annotate', '1', '--type', 'claim', '--db', db]).status).toBe(2);
    expect(runCli(['annotate', '7', '--quote', 'x', '--type', 'claim', '--db', db]).stderr).toMatch(/Artikel 7/);
    expect(runCli(['annotations', 'export', '--format', 'pdf', '--db', db]).status).toBe(2);
    expect(runCli(['annotations', 'frobnicate', '--db', db]).status).toBe(2);

    fs.writeFileSync(path.join(dir, 'bad.jsonld'), '{"type": "Annotation", "target": "urn:x"}');
    const bad = runCli(['annotations', 'import', path.join(dir, 'bad.jsonld'), '--db', db, '--lang', 'de']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^bad\.jsonld: Die Datei ist kein gültiger Web-Annotation-Export \(Annotation 1: kein Ziel .*\)\. Es wurde nichts importiert\.\n$/);
    expect(runCli(['annotations', 'import', path.join(dir, 'nope.jsonld'), '--db', db]).stderr).toMatch(/nope\.jsonld/);
  });
});
