import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotation, deleteAnnotation, listAnnotationsForArticle, restoreAnnotation } from '../../../main/core/annotations.js';
import { comparableTitle, findVersionTarget, importAsNewVersion, listArticleVersions, storeImportedArticle } from '../../../main/core/article-versions.js';
import { getArticle, searchArticles } from '../../../main/core/articles.js';
import { importFile } from '../../../main/core/import/pipeline.js';
import type { Database } from '../../../main/db/open.js';
import type { BlockKind } from '../../../shared/article.js';
import { parsed, tempDb } from '../../helpers/db.js';

const P = [
  'Kellbrück (Reuters) - Die Stadtwerke Kellbrück heben die Fernwärmepreise zum 1. Mai um durchschnittlich 9,4 Prozent an.',
  'Betroffen seien knapp 61.000 Haushalte, teilte der Versorger am Donnerstag mit.',
  '„Wir haben lange gezögert, aber die Kosten lassen uns keine Wahl“, sagte Gechäftsführerin Marlene Osterkamp. Die Stadtwerke rechnen damit, dass die Preise im kommenden Jahr wieder sinken könnten.',
  'Nach Angaben des Versorgers liegt der Preis für eine Kilowattstunde Fernwärme künftig bei 14,2 Cent.',
  'Der Stadtrat will sich in seiner Sitzung am 18. April mit der Erhöhung befassen.',
];
const META = { agency: 'Reuters', dateline: { place: 'Kellbrück', agency: 'Reuters' }, datelineText: 'Kellbrück (Reuters) - ', title: 'Stadtwerke Kellbrück erhöhen Fernwärmepreise' };
const prov = (file: string, at: string) => ({ file, format: 'wire' as const, encoding: 'utf-8', importedAt: at });
const blocks = (ps: string[]): [BlockKind, string][] => ps.map((p) => ['paragraph', p]);

/** The corrected version: a sentence added to the lead, the typo fixed, one sentence rewritten, a paragraph deleted. */
function corrected(): string[] {
  return [
    P[0]!.replace(' an.', ' an. Das teilte das Unternehmen am Donnerstag mit.'),
    P[1]!,
    P[2]!.replace('Gechäftsführerin', 'Geschäftsführerin').replace('Die Stadtwerke rechnen damit, dass die Preise im kommenden Jahr wieder sinken könnten.', 'Eine Senkung schloss sie aus.'),
    P[4]!,
  ];
}

let db: Database;
let cleanup: () => void;
let dir: string;
beforeEach(() => ({ db, cleanup, dir } = tempDb()));
afterEach(() => cleanup());

function mark(articleId: number, passage: string, type: 'quote' | 'claim' | 'figure' | 'note' | 'question' = 'claim') {
  const text = getArticle(db, articleId).text;
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(passage);
  return createAnnotation(db, { articleId, start, end: start + passage.length, type, note: `zu ${passage.slice(0, 10)}` });
}

describe('article versions', () => {
  it('keeps both versions of a corrected story and re-anchors its annotations onto the newest, deleting none', () => {
    const v1 = parsed(blocks(P), META);
    const { id } = storeImportedArticle(db, v1, prov('v1.txt', '2025-02-25T10:00:00.000Z'));
    const kept = mark(id, 'Die Stadtwerke Kellbrück heben die Fernwärmepreise'); // before any edit: position
    const moved = mark(id, 'Der Stadtrat will sich', 'note'); // after the edits: exact
    const typo = mark(id, 'sagte Gechäftsführerin Marlene Osterkamp', 'quote'); // typo fixed: fuzzy
    const rewritten = mark(id, 'Die Stadtwerke rechnen damit, dass die Preise im kommenden Jahr wieder sinken könnten.'); // orphan
    const deletedParagraph = mark(id, 'liegt der Preis für eine Kilowattstunde Fernwärme künftig bei 14,2 Cent', 'figure'); // orphan
    const inBin = mark(id, 'teilte der Versorger am Donnerstag mit');
    deleteAnnotation(db, inBin.id);

    const v2 = parsed(blocks(corrected()), { ...META, title: 'KORREKTUR-Stadtwerke Kellbrück erhöhen Fernwärmepreise', versionMarkers: ['KORREKTUR'] });
    const out = storeImportedArticle(db, v2, prov('v2.txt', '2025-02-25T12:00:00.000Z'));
    expect(out).toMatchObject({ id, duplicate: false, version: { number: 2, rule: 'title', reanchor: { unchanged: 1, moved: 3, orphaned: 2 } } });

    const article = getArticle(db, id);
    expect(article.text).toBe(v2.text);
    expect(article.source.file).toBe('v2.txt');
    expect(listArticleVersions(db, id)).toMatchObject([
      { version: 1, title: META.title, current: false, sourceFile: 'v1.txt' },
      { version: 2, versionMarkers: ['KORREKTUR'], current: true, sourceFile: 'v2.txt' },
    ]);
    expect(db.prepare('SELECT text FROM article_versions WHERE article_id = ?').all(id)).toEqual([{ text: v1.text }]);

    const list = listAnnotationsForArticle(db, id);
    const byId = new Map([...list.anchored, ...list.orphans].map((a) => [a.id, a]));
    expect(byId.get(kept.id)!.anchor).toMatchObject({ method: 'position', start: kept.anchor!.start });
    const m = byId.get(moved.id)!;
    expect(m.anchor!.method).toBe('exact');
    expect(article.text.slice(m.anchor!.start, m.anchor!.end)).toBe('Der Stadtrat will sich');
    expect(m.versionHash).toBe(article.contentHash);
    const t = byId.get(typo.id)!;
    expect(t.anchor!.method).toBe('fuzzy');
    expect(t.selectors.quote.exact).toBe('sagte Geschäftsführerin Marlene Osterkamp');
    expect(t.originalQuote).toBe('sagte Gechäftsführerin Marlene Osterkamp');
    expect(list.orphans.map((o) => o.id).sort()).toEqual([rewritten.id, deletedParagraph.id].sort());
    for (const o of list.orphans) {
      expect(o.anchor).toBeNull();
      expect(o.versionHash).not.toBe(article.contentHash); // selectors still describe version 1
      expect(o.selectors).toEqual((o.id === rewritten.id ? rewritten : deletedParagraph).selectors);
    }
    // Never deleted: all six rows are there, the one in the bin re-anchored too.
    expect(db.prepare('SELECT count(*) AS n FROM annotations').get()).toEqual({ n: 6 });
    expect(restoreAnnotation(db, inBin.id).anchor).toMatchObject({ method: 'exact' });

    // Search follows the newest text.
    expect(searchArticles(db, 'Senkung').map((h) => h.id)).toEqual([id]);
    expect(searchArticles(db, 'kommenden')).toEqual([]);
  });

  it('recognises re-imports of the current and of an old version as duplicates', () => {
    const v1 = parsed(blocks(P), META);
    const { id } = storeImportedArticle(db, v1, prov('v1.txt', '2025-02-25T10:00:00.000Z'));
    storeImportedArticle(db, parsed(blocks(corrected()), { ...META, versionMarkers: ['Berichtigung'] }), prov('v2.txt', '2025-02-25T12:00:00.000Z'));
    const before = db.prepare('SELECT * FROM articles').all();
    expect(storeImportedArticle(db, v1, prov('v1-again.txt', '2025-02-26T10:00:00.000Z'))).toEqual({ id, duplicate: true });
    expect(storeImportedArticle(db, parsed(blocks(corrected()), META), prov('v2-again.txt', '2025-02-26T10:00:00.000Z'))).toEqual({ id, duplicate: true });
    expect(importAsNewVersion(db, id, v1, prov('x.txt', '2025-02-26T10:00:00.000Z'))).toEqual({ id, duplicate: true });
    expect(db.prepare('SELECT * FROM articles').all()).toEqual(before);
    expect(listArticleVersions(db, id)).toHaveLength(2);
  });

  it('detects a version by dateline and lead when the headline changed, and only with a version marker', () => {
    const { id } = storeImportedArticle(db, parsed(blocks(P), META), prov('v1.txt', '2025-02-25T10:00:00.000Z'));
    const changedHeadline = parsed(blocks(corrected()), { ...META, title: 'Fernwärme in Kellbrück wird teurer', versionMarkers: ['Adds comments, detail'] });
    expect(findVersionTarget(db, changedHeadline)).toEqual({ articleId: id, rule: 'lead' });
    expect(findVersionTarget(db, { ...changedHeadline, versionMarkers: [] })).toBeNull();
    expect(findVersionTarget(db, { ...changedHeadline, agency: 'dpa' })).toBeNull();
    const otherStory = parsed(blocks(['Kellbrück (Reuters) - Der Fußballverein FC Kellbrück hat einen neuen Trainer verpflichtet.']), {
      ...META,
      title: 'FC Kellbrück holt neuen Trainer',
      versionMarkers: ['UPDATE 1'],
    });
    expect(findVersionTarget(db, otherStory)).toBeNull();
    const noMarker = storeImportedArticle(db, parsed(blocks(corrected()), META), prov('same-title.txt', '2025-02-25T11:00:00.000Z'));
    expect(noMarker.id).not.toBe(id); // same headline without a marker: a separate article
    expect(comparableTitle('CORRECTED-UPDATE 2-Stadtwerke: Kellbrück erhöht Preise (Adds comments)')).toBe('stadtwerke kellbrück erhöht preise');
  });

  it('takes the caller’s word for it ("als neue Fassung von …"), also without a marker', () => {
    const { id } = storeImportedArticle(db, parsed(blocks(P), META), prov('v1.txt', '2025-02-25T10:00:00.000Z'));
    const other = parsed(blocks(['Ein ganz anderer Text ohne Marker.']), { title: 'Anders' });
    expect(storeImportedArticle(db, other, prov('v2.txt', '2025-02-25T12:00:00.000Z'), { asVersionOf: id })).toMatchObject({ id, version: { number: 2, rule: 'caller' } });
    expect(() => importAsNewVersion(db, 999, parsed(blocks(['Noch ein Text.'])), prov('v3.txt', '2025-02-25T12:00:00.000Z'))).toThrow(/999/);
  });

  it('routes through the import pipeline: a Neufassung file becomes version 2 and moves the annotations', async () => {
    const header = 'date 2024-03-14 Quelle: (c) Copyright Thomson Reuters 2024. Click For Restrictions - https://rights.example.com/reuters-terms.html';
    const v1 = `${header}\n\nStadtwerke Kellbrück erhöhen Fernwärmepreise\n\n${P.join('\n\n')}\n`;
    const v2 = `${header.replace('2024-03-14', '2024-03-14 Neufassung')}\n\nKORREKTUR-Stadtwerke Kellbrück erhöhen Fernwärmepreise\n\n${corrected().join('\n\n')}\n`;
    fs.writeFileSync(path.join(dir, 'v1.txt'), v1);
    fs.writeFileSync(path.join(dir, 'v2.txt'), v2);
    const first = await importFile(db, path.join(dir, 'v1.txt'));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const a = mark(first.article.id, 'Der Stadtrat will sich');
    const second = await importFile(db, path.join(dir, 'v2.txt'));
    expect(second).toMatchObject({ ok: true, article: { id: first.article.id, duplicate: false } });
    expect(listArticleVersions(db, first.article.id)).toHaveLength(2);
    expect(listAnnotationsForArticle(db, first.article.id).anchored.find((x) => x.id === a.id)!.anchor!.method).toBe('exact');
    const again = await importFile(db, path.join(dir, 'v1.txt'));
    expect(again).toMatchObject({ ok: true, article: { id: first.article.id, duplicate: true } });
    const forced = await importFile(db, path.join(dir, 'v1.txt'), { asVersionOf: 12345 });
    expect(forced).toMatchObject({ ok: true, article: { duplicate: true } }); // duplicate check comes first
  });
});
