import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getArticleMetadata, insertArticle, insertedMetadata } from '../../../main/core/articles.js';
import { importFile, importPaths } from '../../../main/core/import/pipeline.js';
import type { Database } from '../../../main/db/open.js';
import type { ImportOutcome } from '../../../shared/contract.js';
import { corpus, story } from '../../bench/generate.js';
import { SAMPLES } from '../../helpers/cli.js';
import { parsed, tempDb } from '../../helpers/db.js';

/**
 * A file stored as a new article is reported from the parsed article (insertedMetadata), not read
 * back from the collection: that report must be exactly what reading it back gives, for every kind
 * of file the importers take.
 */

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

/** Every importable fixture file, and the sample articles where this machine has them. */
function fixtureFiles(): string[] {
  const files: string[] = [];
  for (const sub of ['wire', 'import', 'hostile']) {
    for (const name of fs.readdirSync(path.join(FIXTURES, sub)).sort()) if (name !== 'README.md') files.push(path.join(FIXTURES, sub, name));
  }
  if (fs.existsSync(SAMPLES)) for (const name of fs.readdirSync(SAMPLES).sort()) if (name.endsWith('.txt')) files.push(path.join(SAMPLES, name));
  return files;
}

/** Invented files with what the mapping has to carry: several credits and desks, a dateline without agency, a derived title, version markers, headings. */
const INVENTED: Record<string, string> = {
  'credits.txt': `date 2026-03 Quelle: (c) Copyright Thomson Reuters 2026.

Lindau (Reuters) - Die Bodenseewerft Möwe hat einen Auftrag über 40 Millionen Euro für zwei Elektrofähren erhalten.

Die Fähren sollen ab 2027 zwischen Lindau und Bregenz pendeln, wie das Unternehmen mitteilte.

(Bericht von Jana Ostsee und Piet Förde; Redigiert von Bernd Muster; Bei Rückfragen wenden Sie sich an unsere Redaktion unter see.desk@example.org (für Unternehmen und Märkte) oder politik.desk@example.org.)
`,
  'note.md': '# Notiz zur Förde\n\nEine Beobachtung ohne Agentur, **fett** und _kursiv_.\n\n## Nachtrag\n\nNoch ein Absatz.\n',
  'untitled.txt': 'erste zeile ohne titel\n\nMÜNCHEN - Ein Ort ohne Agentur in der Ortsmarke, dann der Text.\n',
  'kiel.txt': `Stadtwerke Förde stellen 120 Ladesäulen auf

Kiel (dpa) - Die Stadtwerke Förde haben 120 neue Ladesäulen aufgestellt.
`,
  'korrektur.txt': `Berichtigung: Stadtwerke Förde stellen 130 Ladesäulen auf

Kiel (dpa) - Die Stadtwerke Förde haben 130 neue Ladesäulen aufgestellt.
`,
};

let db: Database;
let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ db, dir, cleanup } = tempDb());
});
afterEach(() => cleanup());

function writeInputs(): string {
  const folder = path.join(dir, 'in');
  fs.mkdirSync(folder);
  fixtureFiles().forEach((f, i) => fs.copyFileSync(f, path.join(folder, `${String(i).padStart(3, '0')}-${path.basename(f)}`)));
  for (const [name, text] of Object.entries(INVENTED)) fs.writeFileSync(path.join(folder, name), text);
  const c = corpus();
  for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(folder, `bench-${i}.txt`), story(c, i).text);
  return folder;
}

/** Compares each new article's report with the article read back; an article that a later file replaced (the correction) is left out. Returns how many were compared. */
function expectAsReadBack(outcomes: ImportOutcome[]): number {
  const ids = outcomes.map((o) => (o.ok ? o.article.id : 0));
  let fresh = 0;
  for (const o of outcomes) {
    if (!o.ok) throw new Error(`${o.file}: ${o.error.message}`);
    if (o.article.duplicate || ids.indexOf(o.article.id) !== ids.lastIndexOf(o.article.id)) continue;
    fresh++;
    expect({ file: o.file, ...o.article }).toStrictEqual({ file: o.file, ...getArticleMetadata(db, o.article.id) });
  }
  return fresh;
}

describe('the metadata reported for a newly stored article', () => {
  it('is what reading the article back gives, for every fixture and sample file, in a folder import', async () => {
    const folder = writeInputs();
    const outcomes: ImportOutcome[] = [];
    for await (const { outcome } of importPaths(db, [folder], { now: () => '2026-01-01T00:00:00.000Z' })) outcomes.push(outcome);
    expect(outcomes.length).toBe(fs.readdirSync(folder).length);
    // Every file but the story and its correction (its new version) is compared.
    expect(expectAsReadBack(outcomes)).toBe(outcomes.length - 2);
    expect(outcomes.find((o) => o.file === 'korrektur.txt')).toMatchObject({ ok: true, article: { versionMarkers: ['Berichtigung'] } });
    const withCredits = outcomes.find((o) => o.ok && o.file === 'credits.txt');
    expect(withCredits).toMatchObject({ ok: true, article: { credits: [{ name: 'Jana Ostsee' }, { name: 'Piet Förde' }, { name: 'Bernd Muster' }] } });
    expect(withCredits?.ok && withCredits.article.deskContacts.length).toBe(2);
    expect(outcomes.some((o) => o.ok && o.article.dateline !== null)).toBe(true);
    expect(outcomes.some((o) => o.ok && o.article.headings.length > 0)).toBe(true);
    expect(outcomes.some((o) => o.ok && o.article.titleDerived)).toBe(true);
  });

  it('is what reading the article back gives when files are imported one by one', async () => {
    const folder = writeInputs();
    const outcomes: ImportOutcome[] = [];
    for (const name of fs.readdirSync(folder).sort()) outcomes.push(await importFile(db, path.join(folder, name)));
    expect(expectAsReadBack(outcomes)).toBe(outcomes.length - 2);
  });

  it('is what reading back gives for what files never carry: a dateline without agency or without place, a credit with extra fields', () => {
    const prov = { file: 'x.txt', format: 'text' as const, encoding: 'utf-8', importedAt: '2026-01-01T00:00:00.000Z' };
    const cases = [
      parsed([['paragraph', 'Kiel - Ein Text.']], { dateline: { place: 'Kiel', agency: null } }),
      parsed([['paragraph', 'Ein anderer Text.']], { dateline: { place: '', agency: 'dpa' } }),
      parsed([['heading', 'Zwischenzeile'], ['paragraph', 'Ein dritter Text.']], {
        titleDerived: true,
        credits: [{ role: 'reporter', name: 'Jana Ostsee', note: 'nicht gespeichert' } as never],
        deskContacts: [{ email: 'desk@example.org', scope: null }],
        versionMarkers: ['UPDATE 1'],
      }),
    ];
    for (const article of cases) {
      const { id } = insertArticle(db, article, prov);
      expect(insertedMetadata(article, prov, id)).toStrictEqual(getArticleMetadata(db, id));
    }
  });
});
