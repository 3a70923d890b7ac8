import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getArticle, insertArticle } from '../../../main/core/articles.js';
import { search } from '../../../main/core/search.js';
import { addMention, createSource, deleteSource, mergeSources, updateSource } from '../../../main/core/sources.js';
import type { Database } from '../../../main/db/open.js';
import { searchRequestSchema, type SearchFilters } from '../../../shared/contract-search.js';
import { parsed, tempDb } from '../../helpers/db.js';

let db: Database;
let cleanup: () => void;
let reuters: number;
let dpa: number;
const source = { file: 'x.txt', format: 'wire' as const, encoding: 'utf-8', importedAt: '2026-01-01T00:00:00.000Z' };

beforeEach(() => {
  ({ db, cleanup } = tempDb());
  reuters = insertArticle(db, parsed([['paragraph', 'Der Konzernchef Masayoshi Son sagte, ARM sei ein großartiger Partner.']], { title: 'Softbank', agency: 'Reuters', published: '2025-02-14' }), source).id;
  dpa = insertArticle(db, parsed([['paragraph', 'Ein Sprecher der Mühlenwerke wollte sich nicht äußern.']], { title: 'Mühle', agency: 'dpa', published: '2025-03-01' }), source).id;
});
afterEach(() => cleanup());

function mention(sourceId: number, articleId: number, quote: string) {
  const text = getArticle(db, articleId).text;
  const start = text.indexOf(quote);
  addMention(db, { sourceId, articleId, start, end: start + quote.length });
}

function names(query: string, filters: SearchFilters = {}): string[] {
  return search(db, searchRequestSchema.parse({ query, filters })).sources.map((s) => s.name);
}

describe('source names in the search', () => {
  it('finds sources by name, alias, role, organisation and wording, in German spellings', () => {
    const son = createSource(db, { kind: 'person', name: 'Masayoshi Son', role: 'Softbank-Chef', organisation: 'Softbank' });
    mention(son.id, reuters, 'Masayoshi Son');
    createSource(db, { kind: 'person', name: 'Jürgen Weißmüller', aliases: ['J. W.'], role: 'Pressesprecher' });
    createSource(db, { kind: 'anonymous', name: 'Insider', wording: 'mit der Sache vertraute Personen' });

    expect(names('Masayoshi')).toEqual(['Masayoshi Son']);
    expect(names('Softbank-Chef')).toEqual(['Masayoshi Son']);
    expect(names('Weissmueller')).toEqual(['Jürgen Weißmüller']);
    expect(names('Weißmüller')).toEqual(['Jürgen Weißmüller']);
    expect(names('Pressesprech*')).toEqual(['Jürgen Weißmüller']);
    expect(names('vertraute')).toEqual(['Insider']);
    const [hit] = search(db, searchRequestSchema.parse({ query: 'Son' })).sources;
    expect(hit).toMatchObject({ name: 'Masayoshi Son', kind: 'person', mentionCount: 1, articleIds: [reuters], protected: false });
    // Only article hits when asked for articles only; not on later pages.
    expect(search(db, searchRequestSchema.parse({ query: 'Masayoshi', filters: { kinds: ['article'] } })).sources).toEqual([]);
    expect(search(db, searchRequestSchema.parse({ query: 'Masayoshi', offset: 10 })).sources).toEqual([]);
  });

  it('follows renames, merges and deletions (the index is kept by triggers)', () => {
    const a = createSource(db, { kind: 'person', name: 'Erika Musterfrau' });
    expect(names('Musterfrau')).toEqual(['Erika Musterfrau']);
    updateSource(db, a.id, { name: 'Erika Beispiel' });
    expect(names('Musterfrau')).toEqual([]);
    expect(names('Beispiel')).toEqual(['Erika Beispiel']);
    const b = createSource(db, { kind: 'person', name: 'E. Beispiel' });
    mergeSources(db, a.id, b.id);
    expect(names('Beispiel')).toEqual(['Erika Beispiel']);
    deleteSource(db, a.id);
    expect(names('Beispiel')).toEqual([]);
    expect(() => db.prepare("INSERT INTO sources_fts (sources_fts) VALUES ('integrity-check')").run()).not.toThrow();
  });

  it('keeps protected sources findable inside the app, flagged', () => {
    createSource(db, { kind: 'person', name: 'Hinweisgeberin Vogelsang', protected: true });
    const [hit] = search(db, searchRequestSchema.parse({ query: 'Vogelsang' })).sources;
    expect(hit).toMatchObject({ name: 'Hinweisgeberin Vogelsang', protected: true });
  });

  it('with article filters: only sources mentioned in a matching article', () => {
    const son = createSource(db, { kind: 'person', name: 'Sprecher Son' });
    mention(son.id, reuters, 'Masayoshi Son');
    const spr = createSource(db, { kind: 'organisation', name: 'Sprecher der Mühlenwerke' });
    mention(spr.id, dpa, 'Sprecher der Mühlenwerke');
    expect(names('Sprecher').sort()).toEqual(['Sprecher Son', 'Sprecher der Mühlenwerke']);
    expect(names('Sprecher', { agencies: ['dpa'] })).toEqual(['Sprecher der Mühlenwerke']);
    expect(names('Sprecher', { from: '2025-03' })).toEqual(['Sprecher der Mühlenwerke']);
    expect(names('title:Sprecher')).toEqual([]); // a title field names article titles only
  });
});
