import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HIT_END, HIT_START, insertArticle, listArticles } from '../../../main/core/articles.js';
import { search } from '../../../main/core/search.js';
import type { Database } from '../../../main/db/open.js';
import { searchRequestSchema, type ArticleSearchHit, type SearchFilters } from '../../../shared/contract-search.js';
import { AppError } from '../../../shared/errors.js';
import { parsed, tempDb } from '../../helpers/db.js';
import { seedStories, type StoryKey } from './fixtures.js';

let db: Database;
let cleanup: () => void;
let ids: Record<StoryKey, number>;
beforeEach(() => {
  ({ db, cleanup } = tempDb());
  ids = seedStories(db);
});
afterEach(() => cleanup());

function run(query: string, filters: SearchFilters = {}, sort: 'date' | 'relevance' = 'date') {
  return search(db, searchRequestSchema.parse({ query, filters: { kinds: ['article'], ...filters }, sort }));
}
function found(query: string, filters: SearchFilters = {}): number[] {
  return run(query, filters).hits.map((h) => (h as ArticleSearchHit).id).sort((a, b) => a - b);
}
const only = (...keys: StoryKey[]) => keys.map((k) => ids[k]).sort((a, b) => a - b);

describe('German-aware normalisation', () => {
  it('finds Südkorea as Südkorea, Sudkorea and Suedkorea', () => {
    for (const q of ['Südkorea', 'Sudkorea', 'Suedkorea', 'SÜDKOREA', 'südkoreas']) expect(found(q), q).toEqual(only('korea'));
  });

  it('finds Straße as strasse and Strasse, and the reverse', () => {
    for (const q of ['Hauptstraße', 'hauptstrasse', 'HAUPTSTRASSE']) expect(found(q), q).toEqual(only('strasse'));
  });

  it('folds ä/ae, ö/oe, ü/ue both ways', () => {
    expect(found('Muehle')).toEqual(only('muehle'));
    expect(found('Mühle')).toEqual(only('muehle'));
    expect(found('Haendler')).toEqual(only('kakao'));
    expect(found('Kuste')).toEqual(only('korea'));
  });

  it('stems German: Rechenzentrum finds Rechenzentren, Museum finds Museen', () => {
    expect(found('Rechenzentrum')).toEqual(only('korea'));
    expect(found('Rechenzentren')).toEqual(only('korea'));
    expect(found('Museen')).toEqual(only('muehle'));
    expect(found('Preise')).toEqual(only('kakao'));
  });

  it('stems English articles with the English stemmer', () => {
    expect(found('shortage')).toEqual(only('cocoaEn'));
    expect(found('farmer')).toEqual(only('cocoaEn'));
    expect(found('run')).toEqual(only('cocoaEn'));
    expect(found('fertiliser')).toEqual(only('cocoaEn'));
  });

  it('never finds text of non-public blocks', () => {
    expect(found('Kühlturm')).toEqual([]);
    expect(found('0170')).toEqual([]);
  });
});

describe('query forms', () => {
  it('phrases match words in order only', () => {
    expect(found('"Lindau und Bregenz"')).toEqual(only('strasse'));
    expect(found('„Lindau und Bregenz“')).toEqual(only('strasse'));
    expect(found('"Bregenz und Lindau"')).toEqual([]);
    expect(found('"neue Rechenzentren"')).toEqual(only('korea'));
  });

  it('prefixes with *', () => {
    expect(found('Kakao*')).toEqual(only('kakao'));
    expect(found('Kakaobohnen*')).toEqual(only('kakao'));
    expect(found('Kakao')).toEqual([]); // a bare word is a whole word
    expect(found('Rechenz*')).toEqual(only('korea'));
    expect(found('"Lindau und Breg"*')).toEqual(only('strasse'));
  });

  it('AND, OR, NOT and parentheses', () => {
    expect(found('Preis AND Schokolade')).toEqual(only('kakao'));
    expect(found('Preis Schokolade')).toEqual(only('kakao'));
    expect(found('Schokolade OR Bregenz')).toEqual(only('kakao', 'strasse'));
    expect(found('Mühle OR Museum NOT Bach')).toEqual(only('muehle')); // AND (and NOT) bind tighter than OR
    expect(found('(Mühle OR Kakaobohnen) NOT Bach')).toEqual(only('kakao'));
    expect(found('Rekordhoch AND NOT Händler')).toEqual([]);
    expect(found('(Kakao* OR Cocoa) AND (Preis OR farmers)')).toEqual(only('kakao', 'cocoaEn'));
  });

  it('field queries: title:, text:, agency:, lang:', () => {
    expect(found('title:Mühle')).toEqual(only('muehle'));
    expect(found('title:Bregenz')).toEqual([]);
    expect(found('text:Bregenz')).toEqual(only('strasse'));
    expect(found('titel:(Kakaopreis OR Sperrung)')).toEqual(only('kakao', 'strasse'));
    expect(found('agency:dpa')).toEqual(only('korea', 'muehle'));
    expect(found('agency:reuters Bregenz')).toEqual(only('strasse'));
    expect(found('lang:en')).toEqual(only('cocoaEn'));
    expect(found('agentur:AFP Preis')).toEqual(only('kakao'));
  });
});

describe('malformed queries', () => {
  const cases: [string, RegExp][] = [
    ['"Lindau und', /Anführungszeichen an Stelle 1 wird nicht geschlossen/],
    ['(Kakao OR Preis', /Klammer an Stelle 1 wird nicht geschlossen/],
    ['Kakao OR Preis)', /schließenden Klammer an Stelle 15 fehlt die öffnende/],
    ['Kakao AND', /Nach „AND“ an Stelle 7 fehlt ein Suchbegriff/],
    ['OR Kakao', /Vor „OR“ an Stelle 1 fehlt ein Suchbegriff/],
    ['Kakao AND OR Preis', /Zwischen „AND“ \(Stelle 7\) und „OR“ \(Stelle 11\) fehlt ein Suchbegriff/],
    ['NOT Kakao', /„NOT“ an Stelle 1 braucht einen Suchbegriff davor/],
    ['Kakao ()', /Klammern an Stelle 7 sind leer/],
    ['autor:Meier', /Feld „autor:“ an Stelle 1 gibt es nicht/],
    ['K*', /mindestens zwei Buchstaben/],
    ['Ka*kao', /Stern \(\*\) ist nur am Wortende erlaubt/],
    ['"" Kakao', /umschließen keinen Suchbegriff/],
    ['Kakao OR agency:dpa', /agency: und lang: filtern die Artikel/],
    ['&& !!', /keinen suchbaren Begriff/],
    ['title:', /Nach „title:“ an Stelle 1 fehlt ein Suchbegriff/],
  ];
  it.each(cases)('%s → a specific SEARCH_QUERY_INVALID message', (query, message) => {
    let error: unknown;
    try {
      run(query);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('SEARCH_QUERY_INVALID');
    expect((error as AppError).message).toMatch(message);
    expect((error as AppError).message).toContain(`„${query}“`);
  });

  it('the library type-ahead filter never fails on half-typed input', () => {
    for (const q of ['"Lindau und', '(Kakao', 'Kakao AND', 'NOT', '*', 'autor:x']) {
      expect(() => listArticles(db, { sort: 'published', direction: 'desc', query: q, offset: 0, limit: 10 })).not.toThrow();
    }
    expect(listArticles(db, { sort: 'published', direction: 'desc', query: '"Lindau und', offset: 0, limit: 10 }).items.map((i) => i.id)).toEqual([ids.strasse]);
    // Words match as prefixes while typing.
    expect(listArticles(db, { sort: 'published', direction: 'desc', query: 'Rechenz', offset: 0, limit: 10 }).total).toBe(1);
  });
});

describe('snippets and sort', () => {
  it('marks hits in the snippet, also stemmed and folded ones', () => {
    const [hit] = run('Rechenzentrum').hits as ArticleSearchHit[];
    expect(hit?.snippet).toContain(`${HIT_START}Rechenzentren${HIT_END}`);
    const [s] = run('strasse').hits as ArticleSearchHit[];
    expect(s).toBeUndefined(); // "strasse" alone is not a word in the text …
    const [h2] = run('hauptstrasse').hits as ArticleSearchHit[];
    expect(h2?.snippet).toContain(`${HIT_START}Hauptstraße${HIT_END}`);
    const [h3] = run('"Lindau und Bregenz"').hits as ArticleSearchHit[];
    expect(h3?.snippet).toContain(`${HIT_START}Lindau${HIT_END} ${HIT_START}und${HIT_END} ${HIT_START}Bregenz${HIT_END}`);
    expect(h3?.snippet).not.toContain('0170');
  });

  it('cuts the snippet around a hit deep in a long text', () => {
    const filler = Array.from({ length: 400 }, (_, i) => `Füllwort${i}`).join(' ');
    const id = insertArticle(db, parsed([['paragraph', `${filler} vor dem Treffer: die Zielgemeinden melden Hochwasser. ${filler}`]], { title: 'Lang' }), {
      file: 'lang.txt',
      format: 'wire',
      encoding: 'utf-8',
      importedAt: '2026-01-01T00:00:00.000Z',
    }).id;
    const hit = (run('Zielgemeinde').hits as ArticleSearchHit[]).find((h) => h.id === id);
    const snippet = (hit?.snippet ?? '').replaceAll(HIT_START, '[').replaceAll(HIT_END, ']');
    expect(snippet).toMatch(/^…Füllwort39[4-9] .* vor dem Treffer: die \[Zielgemeinden\] melden Hochwasser\. Füllwort.*…$/u);
  });

  it('marks every word searched for, from any branch of an OR', () => {
    const [hit] = run('Preisen OR Schokolade').hits as ArticleSearchHit[];
    expect(hit?.snippet).toContain(`${HIT_START}Preisen${HIT_END}`);
    expect(hit?.snippet).toContain(`${HIT_START}Schokolade${HIT_END}`);
    expect(hit?.snippet).not.toContain(`${HIT_START}Händler${HIT_END}`);
  });

  it('sorts by date (newest first) or by relevance', () => {
    // Function words occur in every story: newest first by publication date.
    const byDate = run('die OR the').hits.map((h) => (h as ArticleSearchHit).id);
    expect(byDate).toEqual([ids.strasse, ids.korea, ids.cocoaEn, ids.muehle]);
    const rel = run('Kakaopreis OR Kakaobohnen OR Rekordhoch OR Preise', {}, 'relevance').hits.map((h) => (h as ArticleSearchHit).id);
    expect(rel[0]).toBe(ids.kakao);
    const relTitle = run('Mühle OR Bach OR Gemeinde OR Bauarbeiten', {}, 'relevance').hits.map((h) => (h as ArticleSearchHit).id);
    expect(relTitle).toEqual([ids.muehle, ids.strasse]);
  });
});
