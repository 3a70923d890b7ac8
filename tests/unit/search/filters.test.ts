import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotation, deleteAnnotation } from '../../../main/core/annotations.js';
import { getArticle } from '../../../main/core/articles.js';
import { addToMappe, createMappe } from '../../../main/core/mappen.js';
import { deleteSavedSearch, listSavedSearches, saveSearch } from '../../../main/core/saved-searches.js';
import { search } from '../../../main/core/search.js';
import { HIT_START } from '../../../main/core/search-snippet.js';
import type { Database } from '../../../main/db/open.js';
import { searchRequestSchema, type AnnotationSearchHit, type ArticleSearchHit, type SearchFilters } from '../../../shared/contract-search.js';
import { AppError } from '../../../shared/errors.js';
import { tempDb } from '../../helpers/db.js';
import { seedStories, type StoryKey } from './fixtures.js';

let db: Database;
let cleanup: () => void;
let ids: Record<StoryKey, number>;
beforeEach(() => {
  ({ db, cleanup } = tempDb());
  ids = seedStories(db);
});
afterEach(() => cleanup());

const articleIds = (query: string, filters: SearchFilters = {}) =>
  search(db, searchRequestSchema.parse({ query, filters: { kinds: ['article'], ...filters } }))
    .hits.map((h) => (h as ArticleSearchHit).id)
    .sort((a, b) => a - b);
const only = (...keys: StoryKey[]) => keys.map((k) => ids[k]).sort((a, b) => a - b);

/** Annotates the first occurrence of `passage` in an article. */
function annotate(key: StoryKey, passage: string, type: 'quote' | 'claim' | 'figure' | 'note' | 'question', note = '', tags: string[] = []) {
  const { text } = getArticle(db, ids[key]);
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`passage not found: ${passage}`);
  return createAnnotation(db, { articleId: ids[key], start, end: start + passage.length, type, note, tags });
}

describe('filters', () => {
  it('by agency (case ignored, several = any)', () => {
    expect(articleIds('', { agencies: ['DPA'] })).toEqual(only('korea', 'muehle'));
    expect(articleIds('', { agencies: ['dpa', 'AFP'] })).toEqual(only('korea', 'muehle', 'kakao'));
  });

  it('by date range with year, month and day precision', () => {
    expect(articleIds('', { from: '2025-02', to: '2025-02' })).toEqual(only('korea', 'cocoaEn'));
    expect(articleIds('', { from: '2025-02-04', to: '2025-02-28' })).toEqual(only('korea'));
    expect(articleIds('', { from: '2025' })).toEqual(only('korea', 'cocoaEn', 'strasse'));
    expect(articleIds('', { to: '2024' })).toEqual(only('kakao', 'muehle'));
    // A timestamp on the last day is inside a day bound.
    expect(articleIds('', { from: '2025-03-02', to: '2025-03-02' })).toEqual(only('strasse'));
  });

  it('by language', () => {
    expect(articleIds('', { languages: ['en'] })).toEqual(only('cocoaEn'));
    expect(articleIds('Preis OR Cocoa', { languages: ['de'] })).toEqual(only('kakao'));
  });

  it('by Mappe', () => {
    const m = createMappe(db, 'Rohstoffe');
    addToMappe(db, m.id, [ids.kakao, ids.cocoaEn]);
    expect(articleIds('', { mappen: [m.id] })).toEqual(only('kakao', 'cocoaEn'));
    expect(articleIds('Preis', { mappen: [m.id] })).toEqual(only('kakao'));
  });

  it('by annotation tag and type; deleted annotations do not count', () => {
    annotate('korea', 'drei neue Rechenzentren', 'figure', 'Zahl prüfen', ['KI', 'Energie']);
    const q = annotate('strasse', 'bis Mai gesperrt', 'claim', '', ['Verkehr']);
    expect(articleIds('', { tags: ['ki'] })).toEqual(only('korea'));
    expect(articleIds('', { types: ['claim'] })).toEqual(only('strasse'));
    expect(articleIds('', { types: ['claim', 'figure'] })).toEqual(only('korea', 'strasse'));
    expect(articleIds('', { types: ['quote'] })).toEqual([]);
    deleteAnnotation(db, q.id);
    expect(articleIds('', { types: ['claim'] })).toEqual([]);
  });

  it('by open Rückfragen', () => {
    const now = '2026-01-01T00:00:00.000Z';
    const ins = db.prepare("INSERT INTO inquiries (article_id, question, route_basis, status, answer, created_at, updated_at) VALUES (?, 'Stimmt das?', 'none', ?, ?, ?, ?)");
    ins.run(ids.korea, 'offen', null, now, now);
    ins.run(ids.kakao, 'beantwortet', 'Ja.', now, now);
    expect(articleIds('', { openInquiries: true })).toEqual(only('korea'));
  });

  it('combine: every filter must hold', () => {
    const m = createMappe(db, 'Korea und Kakao');
    addToMappe(db, m.id, [ids.korea, ids.kakao, ids.cocoaEn]);
    annotate('korea', 'Meerwasser', 'note', '', ['Umwelt']);
    annotate('cocoaEn', 'fertilisers', 'note', '', ['Umwelt']);
    expect(articleIds('', { mappen: [m.id], tags: ['Umwelt'] })).toEqual(only('korea', 'cocoaEn'));
    expect(articleIds('', { mappen: [m.id], tags: ['Umwelt'], languages: ['de'] })).toEqual(only('korea'));
    expect(articleIds('', { mappen: [m.id], tags: ['Umwelt'], from: '2025-02-10' })).toEqual(only('korea'));
    expect(articleIds('Meerwasser OR farmers', { mappen: [m.id], agencies: ['Reuters'] })).toEqual(only('cocoaEn'));
    expect(articleIds('agency:dpa', { from: '2024' })).toEqual(only('korea'));
  });
});

describe('annotation hits', () => {
  it('finds notes with the same German folding and stemming, marks the hit', () => {
    annotate('korea', 'drei neue Rechenzentren', 'figure', 'Bestätigung aus Suedkorea für die Rechenzentren fehlt');
    for (const q of ['Südkorea', 'Sudkorea', 'Rechenzentrum']) {
      const res = search(db, searchRequestSchema.parse({ query: q, filters: { kinds: ['annotation'] } }));
      expect(res.annotationTotal, q).toBe(1);
      const hit = res.hits[0] as AnnotationSearchHit;
      expect(hit).toMatchObject({ kind: 'annotation', articleId: ids.korea, type: 'figure' });
      expect(hit.snippet).toContain(HIT_START);
    }
  });

  it('mixes article and annotation hits in one page, filtered by type and tag', () => {
    annotate('kakao', 'Rekordhoch', 'claim', 'Rekordhoch laut Börse London?', ['Rohstoffe']);
    annotate('muehle', 'Museum', 'note', 'kein Rekordhoch', ['Kultur']);
    const all = search(db, searchRequestSchema.parse({ query: 'Rekordhoch' }));
    expect(all.articleTotal).toBe(1);
    expect(all.annotationTotal).toBe(2);
    expect(all.total).toBe(3);
    expect(all.hits.map((h) => h.kind).sort()).toEqual(['annotation', 'annotation', 'article']);
    const claims = search(db, searchRequestSchema.parse({ query: 'Rekordhoch', filters: { types: ['claim'], kinds: ['annotation'] } }));
    expect(claims.hits.map((h) => (h as AnnotationSearchHit).tags)).toEqual([['Rohstoffe']]);
    const kultur = search(db, searchRequestSchema.parse({ query: 'Rekordhoch', filters: { tags: ['kultur'] } }));
    expect(kultur.hits.map((h) => h.kind)).toEqual(['annotation']); // the article itself has no Kultur annotation
  });
});

describe('saved searches', () => {
  it('saves, lists, replaces only when asked, deletes', () => {
    const s = saveSearch(db, { name: 'Kakao-Preise', query: 'Kakao* AND Preis', filters: { agencies: ['AFP'] }, sort: 'relevance' }, '2026-01-01T00:00:00.000Z');
    expect(s).toMatchObject({ name: 'Kakao-Preise', query: 'Kakao* AND Preis', filters: { agencies: ['AFP'] }, sort: 'relevance' });
    expect(listSavedSearches(db)).toEqual([s]);
    expect(() => saveSearch(db, { name: 'kakao-preise', query: 'x', filters: {}, sort: 'date' })).toThrow(expect.objectContaining({ code: 'SAVED_SEARCH_NAME_TAKEN' }) as unknown as Error);
    const replaced = saveSearch(db, { name: 'kakao-preise', query: 'Schokolade', filters: {}, sort: 'date', replace: true });
    expect(replaced.id).toBe(s.id);
    expect(listSavedSearches(db)).toHaveLength(1);
    // A saved search runs as saved.
    const [saved] = listSavedSearches(db);
    expect(articleIds(saved!.query, saved!.filters)).toEqual(only('kakao'));
    deleteSavedSearch(db, s.id);
    expect(listSavedSearches(db)).toEqual([]);
    expect(() => deleteSavedSearch(db, s.id)).toThrow(expect.objectContaining({ code: 'SAVED_SEARCH_NOT_FOUND' }) as unknown as Error);
  });

  it('refuses to save a malformed query', () => {
    expect(() => saveSearch(db, { name: 'kaputt', query: '(Kakao', filters: {}, sort: 'date' })).toThrow(AppError);
    expect(listSavedSearches(db)).toEqual([]);
  });
});
