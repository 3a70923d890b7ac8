import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertArticle } from '../../../main/core/articles.js';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { createHandlers } from '../../../main/ipc/handlers.js';
import type { Database } from '../../../main/db/open.js';
import type { Annotation, ArticleAnnotations, ExportFile, ReviewResult } from '../../../shared/annotation.js';
import { CHANNEL_NAMES } from '../../../shared/channels.js';
import { CHANNELS } from '../../../shared/contract.js';
import { annotationChannels } from '../../../shared/contract-annotations.js';
import { parsed, tempDb } from '../../helpers/db.js';

let db: Database;
let dir: string;
let cleanup: () => void;
let articleId: number;
const TEXT = 'Berlin (dpa) - Die Bundesregierung plant Ausgaben von 500 Milliarden Euro für Brücken und Schienen.';
beforeEach(() => {
  ({ db, dir, cleanup } = tempDb());
  articleId = insertArticle(db, parsed([['paragraph', TEXT]], { agency: 'dpa', title: 'Infrastruktur' }), { file: 'a.txt', format: 'text', encoding: 'utf-8', importedAt: '2025-03-01T00:00:00.000Z' }).id;
});
afterEach(() => cleanup());

async function call<T>(channel: string, args: unknown): Promise<T> {
  const env = await dispatch(createHandlers({ db, dbPath: ':memory:', transport: 'web' }), channel, args, 'de');
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value as T;
}

describe('annotation channels', () => {
  it('are all in the contract and in the zod-free name list', () => {
    for (const name of Object.keys(annotationChannels)) {
      expect(CHANNELS).toContain(name);
      expect(CHANNEL_NAMES as readonly string[]).toContain(name);
    }
  });

  it('serve the reading view: create, update, delete with undo, list, review, tags, export, import', async () => {
    const start = TEXT.indexOf('500 Milliarden Euro');
    const a = await call<Annotation>('annotations.create', { articleId, start, end: start + 19, type: 'figure', note: 'Haushaltsplan', tags: ['Bund'] });
    expect(a.selectors.quote.exact).toBe('500 Milliarden Euro');
    await expect(call('annotations.create', { articleId, start: 5, end: 2, type: 'figure' })).rejects.toThrow(/INVALID_ARGUMENTS/);
    await expect(call('annotations.create', { articleId, start: 0, end: 2, type: 'gerücht' })).rejects.toThrow(/INVALID_ARGUMENTS/);
    await expect(call('annotations.delete', { id: 'kein-uuid' })).rejects.toThrow(/INVALID_ARGUMENTS/);
    await expect(call('annotations.restore', { id: '00000000-0000-4000-8000-000000000000' })).rejects.toThrow(/ANNOTATION_NOT_FOUND/);
    expect(await call<Annotation>('annotations.update', { id: a.id, type: 'claim' })).toMatchObject({ type: 'claim', note: 'Haushaltsplan' });
    expect((await call<Annotation>('annotations.delete', { id: a.id })).deleted).not.toBeNull();
    expect((await call<ArticleAnnotations>('annotations.listForArticle', { articleId })).anchored).toEqual([]);
    await call('annotations.restore', { id: a.id });
    expect((await call<ArticleAnnotations>('annotations.listForArticle', { articleId })).anchored.map((x) => x.id)).toEqual([a.id]);
    expect(await call<ReviewResult>('annotations.review', { tags: ['bund'] })).toMatchObject({ total: 1, countsByType: { claim: 1 } });
    expect(await call('annotations.tags', {})).toEqual([{ name: 'Bund', count: 1 }]);
    const file = await call<ExportFile>('annotations.export', { format: 'w3c', articleIds: [articleId] });
    expect(file.count).toBe(1);
    expect(await call('annotations.import', { name: 'x.jsonld', content: file.content })).toMatchObject({ unchanged: 1 });
  });

  it('import a file as a new version of an article and list the versions', async () => {
    const start = TEXT.indexOf('Brücken und Schienen');
    const a = await call<Annotation>('annotations.create', { articleId, start, end: start + 20, type: 'note' });
    fs.writeFileSync(path.join(dir, 'v2.txt'), `Infrastruktur\n\n${TEXT.replace('500', '600')}\n`);
    await expect(call('articles.importVersion', { articleId })).rejects.toThrow(/INVALID_ARGUMENTS/);
    const out = await call<{ ok: boolean; article: { id: number } }>('articles.importVersion', { articleId, path: path.join(dir, 'v2.txt') });
    expect(out).toMatchObject({ ok: true, article: { id: articleId } });
    expect(await call<unknown[]>('articles.versions', { articleId })).toHaveLength(2);
    const list = await call<ArticleAnnotations>('annotations.listForArticle', { articleId });
    expect(list.anchored.map((x) => [x.id, x.anchor?.method])).toEqual([[a.id, 'position']]); // "600" has the length of "500"
    const upload = await call<{ ok: boolean; article: { id: number } }>('articles.importVersion', { articleId, name: 'v3.txt', data: Buffer.from(`Infrastruktur\n\n${TEXT.replace('500', '700')}\n`).toString('base64') });
    expect(upload).toMatchObject({ ok: true, article: { id: articleId } });
    expect(await call<unknown[]>('articles.versions', { articleId })).toHaveLength(3);
  });
});
