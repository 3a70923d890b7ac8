import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportAnnotations, importW3cAnnotations } from '../../../main/core/annotation-export/index.js';
import { createAnnotation, selectAnnotations, updateAnnotation, upsertAnnotationRecords } from '../../../main/core/annotations.js';
import { storeImportedArticle } from '../../../main/core/article-versions.js';
import { insertArticle } from '../../../main/core/articles.js';
import type { Database } from '../../../main/db/open.js';
import type { Annotation } from '../../../shared/annotation.js';
import type { ParsedArticle } from '../../../shared/article.js';
import { AppError } from '../../../shared/errors.js';
import { dumpDatabase, parsed, tempDb } from '../../helpers/db.js';
import { manifestMusts, mustAssertions } from './w3c-conformance.js';

const PROV = { file: 'a.txt', format: 'wire' as const, encoding: 'utf-8', importedAt: '2025-02-25T10:00:00.000Z' };
const ARTICLE = parsed(
  [
    ['paragraph', 'Seoul (Reuters) - Samsung will jährlich drei Milliarden Dollar für KI-Dienste ausgeben, sagte ein Sprecher.'],
    ['paragraph', 'Insidern zufolge könnte der Betrag noch steigen. Der Partner sei „großartig“, sagte Chef Masayoshi Son.'],
    ['nonpublic', 'Die folgenden Informationen sind nicht zur Veröffentlichung bestimmt: Handy 0170 1234567'],
  ],
  { agency: 'Reuters', title: 'Samsung investiert in KI', published: '2025-02' },
);
const SECOND = parsed([['paragraph', 'Berlin (dpa) - Die Bundesregierung plant Ausgaben von 500 Milliarden Euro.']], { agency: 'dpa', title: 'Infrastruktur' });

const opened: (() => void)[] = [];
afterEach(() => opened.splice(0).forEach((c) => c()));
function freshDb(...articles: (ParsedArticle & { title: string; language: string | null })[]): { db: Database; ids: number[] } {
  const t = tempDb();
  opened.push(t.cleanup);
  return { db: t.db, ids: articles.map((a) => insertArticle(t.db, a, PROV).id) };
}

function at(text: string, passage: string): { start: number; end: number } {
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(passage);
  return { start, end: start + passage.length };
}

let db: Database;
let ids: number[];
let made: Annotation[];
beforeEach(() => {
  ({ db, ids } = freshDb(ARTICLE, SECOND));
  made = [
    createAnnotation(db, { articleId: ids[0]!, ...at(ARTICLE.text, 'drei Milliarden Dollar'), type: 'figure', note: 'Jahresbericht prüfen', tags: ['KI', 'Samsung'] }, '2025-03-01T08:00:00.000Z'),
    createAnnotation(db, { articleId: ids[0]!, ...at(ARTICLE.text, 'Insidern zufolge'), type: 'claim', note: 'Wer?\n\nZweiter Absatz, mit "Anführungszeichen".' }, '2025-03-01T09:00:00.000Z'),
    createAnnotation(db, { articleId: ids[0]!, ...at(ARTICLE.text, '„großartig“'), type: 'quote' }, '2025-03-01T10:00:00.000Z'),
    createAnnotation(db, { articleId: ids[1]!, ...at(SECOND.text, 'Die Bundesregierung plant'), type: 'question', note: '=HYPERLINK("http://x")', tags: ['-minus', '@at'] }, '2025-03-01T11:00:00.000Z'),
    createAnnotation(db, { articleId: ids[1]!, ...at(SECOND.text, '500 Milliarden Euro'), type: 'note', note: '+1 zur Quelle' }, '2025-03-01T12:00:00.000Z'),
  ];
  updateAnnotation(db, made[0]!.id, { note: 'Jahresbericht 2024 prüfen' }, '2025-03-02T08:00:00.000Z');
});

describe('W3C Web Annotation export', () => {
  const assertions = mustAssertions();

  it('checks every MUST assertion of the suite', () => {
    expect(assertions.map((a) => a.file).sort()).toEqual(manifestMusts().map((f) => f).sort());
    expect(assertions.length).toBeGreaterThanOrEqual(50);
  });

  function expectConforms(annotation: unknown): void {
    const failures = assertions.filter((a) => !a.validate(annotation)).map((a) => `${a.file}: ${JSON.stringify(a.validate.errors?.slice(0, 2))}`);
    expect(failures).toEqual([]);
  }

  it('writes an AnnotationCollection whose every item passes every MUST assertion', () => {
    const file = exportAnnotations(db, 'w3c', { now: '2025-03-05T10:00:00.000Z' });
    expect(file).toMatchObject({ fileName: 'annotationen-2025-03-05.jsonld', count: 5 });
    expect(file.mimeType).toMatch(/^application\/ld\+json/);
    const doc = JSON.parse(file.content) as { '@context': string; type: string; total: number; first: { type: string; items: Record<string, unknown>[] } };
    expect(doc).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 5, first: { type: 'AnnotationPage' } });
    expect(doc.first.items).toHaveLength(5);
    for (const item of doc.first.items) expectConforms(item);
    // The validators do reject: an annotation without the W3C context or with body and bodyValue fails.
    const broken = { ...doc.first.items[0], '@context': 'http://example.org/ctx', bodyValue: 'x' };
    expect(assertions.filter((a) => !a.validate(broken)).map((a) => a.file).sort()).toEqual(['annotations/3.1-annotationContextValidated.json', 'annotations/3.2.5-notBodyBodyValue.json']);
    const claim = doc.first.items.find((i) => i.motivation === 'assessing')!;
    expect(claim).toMatchObject({
      id: `urn:uuid:${made[1]!.id}`,
      type: 'Annotation',
      created: '2025-03-01T09:00:00.000Z',
      body: [
        { type: 'TextualBody', purpose: 'classifying', value: 'claim' },
        { type: 'TextualBody', purpose: 'commenting', value: 'Wer?\n\nZweiter Absatz, mit "Anführungszeichen".' },
      ],
      target: {
        source: expect.stringMatching(/^urn:fundstelle:article:[0-9a-f]{64}$/) as unknown,
        selector: [
          { type: 'TextQuoteSelector', exact: 'Insidern zufolge', prefix: expect.any(String) as unknown, suffix: ' könnte der Betrag noch steigen.' },
          { type: 'TextPositionSelector', ...at(ARTICLE.text, 'Insidern zufolge') },
        ],
      },
    });
    expect(doc.first.items.map((i) => i.motivation).sort()).toEqual(['assessing', 'commenting', 'highlighting', 'questioning', 'tagging']);
  });

  it('writes a single Annotation when one id is asked for, also passing every MUST assertion', () => {
    const file = exportAnnotations(db, 'w3c', { ids: [made[0]!.id] });
    const single = JSON.parse(file.content) as Record<string, unknown>;
    expect(single).toMatchObject({ type: 'Annotation', id: `urn:uuid:${made[0]!.id}`, motivation: 'tagging', generator: { type: 'Software' } });
    expectConforms(single);
  });

  it('never exports non-public text, not even from hand-made or imported selectors', () => {
    const secret = at(ARTICLE.text, 'Handy 0170 1234567');
    const hash = (db.prepare('SELECT content_hash FROM articles WHERE id = ?').get(ids[0]) as { content_hash: string }).content_hash;
    upsertAnnotationRecords(db, [
      {
        id: '11111111-1111-4111-8111-111111111111',
        articleId: ids[0]!,
        versionHash: hash,
        type: 'note',
        note: 'intern',
        tags: [],
        selectors: { quote: { exact: 'Handy 0170 1234567', prefix: '', suffix: '' }, position: secret },
        originalQuote: 'Handy 0170 1234567',
        created: '2025-03-01T08:00:00.000Z',
        modified: '2025-03-01T08:00:00.000Z',
      },
    ]);
    for (const format of ['w3c', 'markdown', 'csv'] as const) {
      const content = exportAnnotations(db, format).content;
      expect(content, format).not.toMatch(/0170|Handy|Veröffentlichung bestimmt:/);
    }
    const doc = JSON.parse(exportAnnotations(db, 'w3c').content) as { first: { items: { id: string; target: { selector: { type: string }[] } }[] } };
    const item = doc.first.items.find((i) => i.id.endsWith('111111111111'))!;
    expect(item.target.selector.map((s) => s.type)).toEqual(['TextPositionSelector']);
    expectConforms(item);
  });

  it('round-trips into a fresh collection without loss', () => {
    const file = exportAnnotations(db, 'w3c');
    const fresh = freshDb(ARTICLE, SECOND);
    const res = importW3cAnnotations(fresh.db, 'export.jsonld', file.content);
    expect(res).toEqual({ file: 'export.jsonld', created: 5, updated: 0, unchanged: 0, orphaned: 0 });
    const strip = (list: Annotation[]) => list.map((a) => ({ ...a, anchor: a.anchor && { start: a.anchor.start, end: a.anchor.end } }));
    expect(strip(selectAnnotations(fresh.db))).toEqual(strip(selectAnnotations(db)));
    // The same file again changes nothing.
    const before = dumpDatabase(fresh.db);
    expect(importW3cAnnotations(fresh.db, 'export.jsonld', file.content)).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    expect(dumpDatabase(fresh.db)).toEqual(before);
    // A newer modification replaces the older one.
    updateAnnotation(db, made[2]!.id, { note: 'später ergänzt', tags: ['neu'] }, '2025-04-01T08:00:00.000Z');
    expect(importW3cAnnotations(fresh.db, 'e2.jsonld', exportAnnotations(db, 'w3c').content)).toMatchObject({ created: 0, updated: 1, unchanged: 4 });
    expect(selectAnnotations(fresh.db, { ids: [made[2]!.id] })[0]).toMatchObject({ note: 'später ergänzt', tags: ['neu'], modified: '2025-04-01T08:00:00.000Z' });
  });

  it('round-trips re-anchored and orphaned annotations with their original quote', () => {
    const { db: a, ids: [id] } = freshDb(ARTICLE);
    const x = createAnnotation(a, { articleId: id!, ...at(ARTICLE.text, 'sagte ein Sprecher'), type: 'quote' }, '2025-03-01T08:00:00.000Z');
    const y = createAnnotation(a, { articleId: id!, ...at(ARTICLE.text, 'Der Partner sei „großartig“, sagte Chef Masayoshi Son.'), type: 'claim' }, '2025-03-01T08:00:00.000Z');
    const v2 = parsed(
      [
        ['paragraph', 'Seoul (Reuters) - Samsung will jährlich drei Milliarden Dollar für KI-Dienste ausgeben, sagten zwei Sprecher.'],
        ['paragraph', 'Insidern zufolge könnte der Betrag noch steigen.'],
      ],
      { agency: 'Reuters', title: 'Samsung investiert in KI', versionMarkers: ['Berichtigung'] },
    );
    storeImportedArticle(a, v2, { ...PROV, file: 'v2.txt' });
    const [mx, my] = [selectAnnotations(a, { ids: [x.id] })[0]!, selectAnnotations(a, { ids: [y.id] })[0]!];
    expect(mx.anchor?.method).toBe('fuzzy');
    expect(my.anchor).toBeNull();
    const content = exportAnnotations(a, 'w3c').content;
    expect(content).toContain('"urn:fundstelle:originalQuote": "sagte ein Sprecher"');

    // Another collection with both versions imported.
    const { db: b } = freshDb(ARTICLE);
    storeImportedArticle(b, v2, { ...PROV, file: 'v2.txt' });
    expect(importW3cAnnotations(b, 'x.jsonld', content)).toMatchObject({ created: 2, orphaned: 1 });
    const strip = (list: Annotation[]) => list.map((n) => ({ ...n, anchor: n.anchor && { start: n.anchor.start, end: n.anchor.end } }));
    expect(strip(selectAnnotations(b))).toEqual(strip(selectAnnotations(a)));
  });

  it('refuses invalid files with an error naming the file and the problem, writing nothing', () => {
    const before = dumpDatabase(db);
    const reason = (content: string): string => {
      try {
        importW3cAnnotations(db, 'kaputt.jsonld', content);
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).code).toBe('ANNOTATION_IMPORT_INVALID');
        expect((e as AppError).message).toMatch(/^kaputt\.jsonld: /);
        return String((e as AppError).details.reason);
      }
      throw new Error('no error');
    };
    expect(reason('{ nicht json')).toMatch(/kein gültiges JSON/);
    expect(reason('{"type": "Foo"}')).toMatch(/weder Annotation/);
    const good = JSON.parse(exportAnnotations(db, 'w3c').content) as { first: { items: Record<string, unknown>[] } };
    const items = good.first.items;
    const bad = (patch: (a: Record<string, unknown>) => void) => {
      const copy = structuredClone(items);
      patch(copy[1]!);
      return JSON.stringify(copy);
    };
    expect(reason(bad((a) => (a.target = { source: 'urn:fundstelle:article:' + '0'.repeat(64), selector: [] })))).toMatch(/^Annotation 2 \(urn:uuid:.*nicht in dieser Sammlung/);
    expect(reason(bad((a) => (a.target = { source: 'https://example.org/page' })))).toMatch(/kein Ziel/);
    expect(reason(bad((a) => (a.created = 'gestern'))))
      .toMatch(/created.*ISO 8601/);
    expect(reason(bad((a) => ((a.target as { selector: unknown[] }).selector = [{ type: 'TextPositionSelector', start: 5, end: 2 }])))).toMatch(/TextPositionSelector/);
    expect(reason(bad((a) => (a.id = items[0]!.id)))).toMatch(/mehrfach/);
    expect(reason(JSON.stringify({ type: 'AnnotationCollection', total: 3, first: 'urn:x:page1' }))).toMatch(/Seiten/);
    expect(dumpDatabase(db)).toEqual(before);
  });

  it('reads the type from the motivation when a foreign file has no classifying body', () => {
    const src = JSON.parse(exportAnnotations(db, 'w3c', { ids: [made[3]!.id] }).content) as Record<string, unknown>;
    const foreign = { ...src, id: 'https://example.org/anno/1', body: { type: 'TextualBody', value: 'Frage an die Redaktion' } };
    const { db: other } = freshDb(ARTICLE, SECOND);
    importW3cAnnotations(other, 'f.json', JSON.stringify(foreign));
    const [imported] = selectAnnotations(other);
    expect(imported).toMatchObject({ type: 'question', note: 'Frage an die Redaktion' });
    expect(imported!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    importW3cAnnotations(other, 'f.json', JSON.stringify(foreign));
    expect(selectAnnotations(other)).toHaveLength(1); // same IRI, same id
  });
});
