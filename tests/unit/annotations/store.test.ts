import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createAnnotation,
  deleteAnnotation,
  getAnnotation,
  listAnnotationsForArticle,
  listTags,
  restoreAnnotation,
  reviewAnnotations,
  updateAnnotation,
} from '../../../main/core/annotations.js';
import { insertArticle } from '../../../main/core/articles.js';
import type { Database } from '../../../main/db/open.js';
import { AppError } from '../../../shared/errors.js';
import { parsed, tempDb } from '../../helpers/db.js';

const PROV = { file: 'a.txt', format: 'wire' as const, encoding: 'utf-8', importedAt: '2025-02-25T10:00:00.000Z' };

let db: Database;
let cleanup: () => void;
let articleId: number;
let text: string;
beforeEach(() => {
  ({ db, cleanup } = tempDb());
  const article = parsed([
    ['paragraph', 'Seoul (Reuters) - Samsung will jährlich drei Milliarden Dollar für KI-Dienste ausgeben, sagte ein Sprecher.'],
    ['paragraph', 'Insidern zufolge könnte der Betrag noch steigen. Öffentlich bestätigt wurde das nicht.'],
    ['nonpublic', 'Die folgenden Informationen sind nicht zur Veröffentlichung bestimmt: Handy 0170 1234567'],
    ['paragraph', 'Der Konzern äußerte sich nicht zu den Plänen.'],
  ]);
  articleId = insertArticle(db, article, PROV).id;
  text = article.text;
});
afterEach(() => cleanup());

function range(passage: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(passage, from);
  if (start < 0) throw new Error(passage);
  return { start, end: start + passage.length };
}

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
  return undefined;
}

describe('annotation store', () => {
  it('creates an annotation with selectors computed on the canonical text', () => {
    const a = createAnnotation(db, { articleId, ...range('drei Milliarden Dollar'), type: 'figure', note: ' Prüfen: Jahresbericht ', tags: ['KI', '#Samsung', 'ki'] }, '2025-03-01T09:00:00.000Z');
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).toMatchObject({
      articleId,
      type: 'figure',
      note: 'Prüfen: Jahresbericht',
      tags: ['KI', 'Samsung'],
      originalQuote: 'drei Milliarden Dollar',
      created: '2025-03-01T09:00:00.000Z',
      modified: '2025-03-01T09:00:00.000Z',
      deleted: null,
      anchor: { ...range('drei Milliarden Dollar'), method: 'created', score: 1 },
    });
    expect(a.selectors.quote).toEqual({ exact: 'drei Milliarden Dollar', prefix: text.slice(a.anchor!.start - 32, a.anchor!.start), suffix: text.slice(a.anchor!.end, a.anchor!.end + 32) });
    expect(getAnnotation(db, a.id)).toEqual(a);
  });

  it('trims whitespace at the edges of a selection and refuses empty or outside ranges', () => {
    const r = range('Insidern zufolge');
    expect(createAnnotation(db, { articleId, start: r.start - 2, end: r.end + 1, type: 'claim' }).selectors.quote.exact).toBe('Insidern zufolge');
    expect(code(() => createAnnotation(db, { articleId, start: 5, end: 5, type: 'note' }))).toBe('ANNOTATION_RANGE_INVALID');
    expect(code(() => createAnnotation(db, { articleId, start: 0, end: text.length + 1, type: 'note' }))).toBe('ANNOTATION_RANGE_INVALID');
    const gap = text.indexOf('\n\n');
    expect(code(() => createAnnotation(db, { articleId, start: gap, end: gap + 2, type: 'note' }))).toBe('ANNOTATION_RANGE_INVALID');
    expect(code(() => createAnnotation(db, { articleId: 999, start: 0, end: 3, type: 'note' }))).toBe('ARTICLE_NOT_FOUND');
  });

  it('refuses passages in non-public blocks and keeps such text out of the context of neighbours', () => {
    expect(code(() => createAnnotation(db, { articleId, ...range('0170 1234567'), type: 'note' }))).toBe('ANNOTATION_NONPUBLIC');
    expect(code(() => createAnnotation(db, { articleId, ...range('bestätigt wurde das nicht.\n\nDie folgenden'), type: 'note' }))).toBe('ANNOTATION_NONPUBLIC');
    const before = createAnnotation(db, { articleId, ...range('bestätigt wurde das nicht.'), type: 'claim' });
    expect(before.selectors.quote.suffix).toBe('\n\n');
    const after = createAnnotation(db, { articleId, ...range('Der Konzern'), type: 'claim' });
    expect(after.selectors.quote.prefix).toBe('\n\n');
  });

  it('updates type, note, tags and range; deletes softly and restores', () => {
    const a = createAnnotation(db, { articleId, ...range('Insidern zufolge'), type: 'claim', tags: ['anonym'] }, '2025-03-01T09:00:00.000Z');
    const u = updateAnnotation(db, a.id, { type: 'question', note: 'Wer sind die Insider?', tags: ['Quelle', 'anonym'] }, '2025-03-02T09:00:00.000Z');
    expect(u).toMatchObject({ type: 'question', note: 'Wer sind die Insider?', tags: ['anonym', 'Quelle'], created: a.created, modified: '2025-03-02T09:00:00.000Z' });
    const moved = updateAnnotation(db, a.id, range('Insidern zufolge könnte der Betrag noch steigen'));
    expect(moved.selectors.quote.exact).toBe('Insidern zufolge könnte der Betrag noch steigen');
    expect(moved.originalQuote).toBe('Insidern zufolge');
    expect(moved.tags).toEqual(['anonym', 'Quelle']);

    const d = deleteAnnotation(db, a.id, '2025-03-03T09:00:00.000Z');
    expect(d.deleted).toBe('2025-03-03T09:00:00.000Z');
    expect(listAnnotationsForArticle(db, articleId).anchored).toEqual([]);
    expect(reviewAnnotations(db).total).toBe(0);
    expect(reviewAnnotations(db, { deleted: true }).items.map((r) => r.id)).toEqual([a.id]);
    expect(listTags(db)).toEqual([]);
    const r = restoreAnnotation(db, a.id);
    expect(r.deleted).toBeNull();
    expect(listAnnotationsForArticle(db, articleId).anchored.map((x) => x.id)).toEqual([a.id]);
    expect(listTags(db)).toEqual([
      { name: 'anonym', count: 1 },
      { name: 'Quelle', count: 1 },
    ]);
    expect(code(() => updateAnnotation(db, '00000000-0000-4000-8000-000000000000', { note: 'x' }))).toBe('ANNOTATION_NOT_FOUND');
    expect(code(() => deleteAnnotation(db, '00000000-0000-4000-8000-000000000000'))).toBe('ANNOTATION_NOT_FOUND');
  });

  it('normalises tags into one table: case-insensitive, German lower case, unused ones removed', () => {
    const a = createAnnotation(db, { articleId, ...range('Samsung'), type: 'note', tags: ['Öl', ' KI  Dienste ', '#Prüfen'] });
    const b = createAnnotation(db, { articleId, ...range('Konzern'), type: 'note', tags: ['öl', 'ki dienste'] });
    expect(b.tags).toEqual(['KI Dienste', 'Öl']);
    expect(listTags(db)).toEqual([
      { name: 'KI Dienste', count: 2 },
      { name: 'Öl', count: 2 },
      { name: 'Prüfen', count: 1 },
    ]);
    updateAnnotation(db, a.id, { tags: [] });
    expect(listTags(db).map((t) => t.name)).toEqual(['KI Dienste', 'Öl']);
    expect(db.prepare('SELECT count(*) AS n FROM tags').get()).toEqual({ n: 2 });
  });

  it('lists an article: placed annotations in text order, orphans apart', () => {
    const late = createAnnotation(db, { articleId, ...range('Der Konzern'), type: 'note' });
    const early = createAnnotation(db, { articleId, ...range('Samsung'), type: 'quote' });
    db.prepare('UPDATE annotations SET anchor_start = NULL, anchor_end = NULL, anchor_method = NULL, anchor_score = NULL WHERE id = ?').run(late.id);
    const list = listAnnotationsForArticle(db, articleId);
    expect(list.anchored.map((a) => a.id)).toEqual([early.id]);
    expect(list.orphans.map((a) => a.id)).toEqual([late.id]);
    expect(list.orphans[0]!.originalQuote).toBe('Der Konzern');
  });
});

describe('review query', () => {
  let second: number;
  beforeEach(() => {
    second = insertArticle(db, parsed([['paragraph', 'Berlin (dpa) - Die Bundesregierung plant Ausgaben von 500 Milliarden Euro für die Infrastruktur.']], { title: 'Infrastruktur' }), { ...PROV, file: 'b.txt' }).id;
    const t2 = db.prepare('SELECT text FROM articles WHERE id = ?').get(second) as { text: string };
    const at = (s: string) => ({ start: t2.text.indexOf(s), end: t2.text.indexOf(s) + s.length });
    createAnnotation(db, { articleId, ...range('drei Milliarden Dollar'), type: 'figure', note: 'Jahresbericht prüfen', tags: ['KI'] }, '2025-03-01T08:00:00.000Z');
    createAnnotation(db, { articleId, ...range('Insidern zufolge'), type: 'claim', note: 'Wer genau? Überprüfung nötig', tags: ['KI', 'anonym'] }, '2025-03-02T08:00:00.000Z');
    createAnnotation(db, { articleId: second, ...at('500 Milliarden Euro'), type: 'figure', note: 'Quelle: Haushaltsentwurf' }, '2025-03-03T08:00:00.000Z');
    createAnnotation(db, { articleId: second, ...at('Die Bundesregierung plant'), type: 'claim', tags: ['Haushalt'] }, '2025-03-04T23:59:00.000Z');
  });

  it('filters by type, tag, article, date and note text, with counts per type', () => {
    const all = reviewAnnotations(db);
    expect(all.total).toBe(4);
    expect(all.countsByType).toEqual({ quote: 0, claim: 2, figure: 2, note: 0, question: 0 });
    expect(all.items.map((r) => r.created)).toEqual(['2025-03-04T23:59:00.000Z', '2025-03-03T08:00:00.000Z', '2025-03-02T08:00:00.000Z', '2025-03-01T08:00:00.000Z']);
    expect(all.items[0]).toMatchObject({ articleTitle: 'Infrastruktur', articleId: second });

    const claims = reviewAnnotations(db, { types: ['claim'] });
    expect(claims.total).toBe(2);
    expect(claims.countsByType).toEqual(all.countsByType); // counts ignore the type filter
    expect(reviewAnnotations(db, { tags: ['ki'] }).total).toBe(2);
    expect(reviewAnnotations(db, { tags: ['KI', 'Anonym'] }).items.map((r) => r.selectors.quote.exact)).toEqual(['Insidern zufolge']);
    expect(reviewAnnotations(db, { articleIds: [second] }).countsByType).toEqual({ quote: 0, claim: 1, figure: 1, note: 0, question: 0 });
    expect(reviewAnnotations(db, { from: '2025-03-02', to: '2025-03-03' }).total).toBe(2);
    expect(reviewAnnotations(db, { to: '2025-03-04' }).total).toBe(4);
    // Full text: diacritics folded, word prefixes, notes and passages.
    expect(reviewAnnotations(db, { query: 'uberprufung' }).items.map((r) => r.type)).toEqual(['claim']);
    expect(reviewAnnotations(db, { query: 'haushalts' }).total).toBe(1);
    expect(reviewAnnotations(db, { query: 'Bundesregierung' }).total).toBe(1);
    expect(reviewAnnotations(db, { query: '"(' }).total).toBe(4); // nothing searchable left: no filter, no error
    expect(reviewAnnotations(db, { types: ['figure'], query: 'prüfen', tags: ['KI'] }).total).toBe(1);
    expect(reviewAnnotations(db, { sort: 'article', direction: 'asc' }).items.map((r) => r.articleTitle)).toEqual(['Infrastruktur', 'Infrastruktur', 'Testartikel', 'Testartikel']);
    expect(reviewAnnotations(db, { limit: 1, offset: 1 }).items.map((r) => r.created)).toEqual(['2025-03-03T08:00:00.000Z']);
  });

  it('uses the article index for an article filter', () => {
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT * FROM annotations a WHERE a.article_id = ? AND a.deleted_at IS NULL ORDER BY a.anchor_start').all(articleId) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/annotations_article/);
  });
});
