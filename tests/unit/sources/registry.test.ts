import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertArticle } from '../../../main/core/articles.js';
import {
  addMention,
  createSource,
  deleteSource,
  findSourceByName,
  getSource,
  listSources,
  mergeSources,
  removeMention,
  setSourceProtected,
  setSourceStatus,
  updateSource,
} from '../../../main/core/sources.js';
import type { Database } from '../../../main/db/open.js';
import { dumpDatabase, parsed, tempDb } from '../../helpers/db.js';

const PROV = { file: 'test.txt', format: 'text' as const, encoding: 'utf-8', importedAt: '2025-03-01T10:00:00.000Z' };

describe('source registry', () => {
  let db: Database;
  let cleanup: () => void;
  let articleId: number;
  beforeEach(() => {
    ({ db, cleanup } = tempDb());
    articleId = insertArticle(
      db,
      parsed([
        ['paragraph', 'Bürgermeisterin Karla Vogt sagte, der Haushalt sei ausgeglichen.'],
        ['nonpublic', 'Handy Vogt: 0170 1234567'],
      ]),
      PROV,
    ).id;
  });
  afterEach(() => cleanup());

  it('creates, reads, updates, lists and deletes sources', () => {
    const s = createSource(db, { kind: 'person', name: '  Karla   Vogt ', role: 'Bürgermeisterin', organisation: 'Stadt Lindenau', aliases: ['K. Vogt', 'karla vogt', ''] }, { now: '2025-03-01T10:00:00.000Z', by: 'redaktion' });
    expect(s).toMatchObject({ kind: 'person', name: 'Karla Vogt', role: 'Bürgermeisterin', organisation: 'Stadt Lindenau', aliases: ['K. Vogt'], status: 'unbestätigt', protected: false, mentionCount: 0 });
    expect(s.history).toEqual([expect.objectContaining({ status: 'unbestätigt', previous: null, by: 'redaktion', at: '2025-03-01T10:00:00.000Z' })]);
    const org = createSource(db, { kind: 'organisation', name: 'Stadtwerke Lindenau' });
    createSource(db, { kind: 'anonymous', name: 'Insider', wording: 'Insidern zufolge' });
    createSource(db, { kind: 'document', name: 'Haushaltsplan 2025' });

    expect(listSources(db).map((x) => x.name)).toEqual(['Haushaltsplan 2025', 'Insider', 'Karla Vogt', 'Stadtwerke Lindenau']);
    expect(listSources(db, { kind: 'organisation' }).map((x) => x.id)).toEqual([org.id]);
    expect(listSources(db, { query: 'LINDENAU' }).map((x) => x.name)).toEqual(['Karla Vogt', 'Stadtwerke Lindenau']);
    expect(listSources(db, { query: 'zufolge' }).map((x) => x.name)).toEqual(['Insider']);

    const u = updateSource(db, s.id, { role: null, note: 'Pressestelle bestätigt Zitat', aliases: ['Vogt'] });
    expect(u).toMatchObject({ name: 'Karla Vogt', role: null, organisation: 'Stadt Lindenau', note: 'Pressestelle bestätigt Zitat', aliases: ['Vogt'] });
    expect(findSourceByName(db, 'person', 'KARLA VOGT')?.id).toBe(s.id);
    expect(findSourceByName(db, 'person', 'vogt')?.id).toBe(s.id);
    expect(findSourceByName(db, 'organisation', 'Karla Vogt')).toBeNull();

    expect(deleteSource(db, org.id)).toEqual({ removed: true });
    expect(deleteSource(db, org.id)).toEqual({ removed: false });
    expect(() => getSource(db, org.id)).toThrow(expect.objectContaining({ code: 'SOURCE_NOT_FOUND' }));
  });

  it('keeps a dated history of status changes with who and why', () => {
    const s = createSource(db, { kind: 'person', name: 'Karla Vogt' }, { now: '2025-03-01T10:00:00.000Z', by: 'a' });
    setSourceStatus(db, s.id, 'fraglich', { note: 'Zahl weicht ab', by: 'Jana', now: '2025-03-02T09:00:00.000Z' });
    const done = setSourceStatus(db, s.id, 'bestätigt', { note: 'Rückruf Pressestelle', by: 'Jana', now: '2025-03-03T09:00:00.000Z' });
    expect(done.status).toBe('bestätigt');
    expect(done.history.map((h) => [h.previous, h.status, h.note, h.by, h.at])).toEqual([
      [null, 'unbestätigt', '', 'a', '2025-03-01T10:00:00.000Z'],
      ['unbestätigt', 'fraglich', 'Zahl weicht ab', 'Jana', '2025-03-02T09:00:00.000Z'],
      ['fraglich', 'bestätigt', 'Rückruf Pressestelle', 'Jana', '2025-03-03T09:00:00.000Z'],
    ]);
    expect(listSources(db, { status: 'bestätigt' }).map((x) => x.id)).toEqual([s.id]);
    // Without a name the OS user is recorded, never an empty string.
    expect(setSourceStatus(db, s.id, 'widerlegt').history.at(-1)?.by).not.toBe('');
  });

  it('links mentions to public passages only and describes them with selectors', () => {
    const s = createSource(db, { kind: 'person', name: 'Karla Vogt' });
    const m = addMention(db, { sourceId: s.id, articleId, start: 0, end: 26, cue: 'sagte', role: 'Bürgermeisterin' });
    expect(m).toMatchObject({ sourceId: s.id, articleId, exact: 'Bürgermeisterin Karla Vogt', prefix: '', cue: 'sagte', role: 'Bürgermeisterin', annotationId: null, articleTitle: 'Testartikel' });
    expect(m.suffix.startsWith(' sagte')).toBe(true);
    // The selector context never reaches into the non-public block.
    const end = 'Bürgermeisterin Karla Vogt sagte, der Haushalt sei ausgeglichen.'.length;
    expect(addMention(db, { sourceId: s.id, articleId, start: end - 12, end }).suffix.trim()).toBe('');
    expect(() => addMention(db, { sourceId: s.id, articleId, start: end + 2, end: end + 8 })).toThrow(expect.objectContaining({ code: 'ANNOTATION_NONPUBLIC' }));
    expect(() => addMention(db, { sourceId: s.id, articleId, start: 5, end: 5000 })).toThrow(expect.objectContaining({ code: 'ANNOTATION_RANGE_INVALID' }));
    expect(getSource(db, s.id).mentions).toHaveLength(2);
    expect(removeMention(db, m.id)).toEqual({ removed: true });
    expect(() => removeMention(db, m.id)).toThrow(expect.objectContaining({ code: 'SOURCE_MENTION_NOT_FOUND' }));
  });

  it('merges two entries in one transaction: mentions and history move, names become aliases, protection is kept', () => {
    const keep = createSource(db, { kind: 'person', name: 'Karla Vogt', aliases: ['K. Vogt'] }, { now: '2025-03-01T10:00:00.000Z', by: 'a' });
    const dup = createSource(db, { kind: 'person', name: 'Bürgermeisterin Vogt', role: 'Bürgermeisterin', protected: true }, { now: '2025-03-01T11:00:00.000Z', by: 'b' });
    setSourceStatus(db, dup.id, 'bestätigt', { by: 'b', now: '2025-03-01T12:00:00.000Z' });
    addMention(db, { sourceId: keep.id, articleId, start: 0, end: 26 });
    addMention(db, { sourceId: dup.id, articleId, start: 16, end: 26 });
    const merged = mergeSources(db, keep.id, dup.id, { by: 'c', now: '2025-03-02T10:00:00.000Z' });
    expect(merged).toMatchObject({ id: keep.id, name: 'Karla Vogt', role: 'Bürgermeisterin', protected: true, mentionCount: 2, aliases: ['K. Vogt', 'Bürgermeisterin Vogt'] });
    expect(merged.mentions.map((m) => m.sourceId)).toEqual([keep.id, keep.id]);
    expect(merged.history.map((h) => h.by)).toEqual(['a', 'b', 'b', 'c']);
    expect(merged.history.at(-1)?.note).toContain('Bürgermeisterin Vogt');
    expect(() => getSource(db, dup.id)).toThrow(expect.objectContaining({ code: 'SOURCE_NOT_FOUND' }));
    expect(() => mergeSources(db, keep.id, keep.id)).toThrow(expect.objectContaining({ code: 'SOURCE_MERGE_SELF' }));
  });

  it('writes nothing when a merge fails halfway', () => {
    const keep = createSource(db, { kind: 'person', name: 'Karla Vogt' });
    const dup = createSource(db, { kind: 'person', name: 'K. Vogt' });
    addMention(db, { sourceId: dup.id, articleId, start: 0, end: 26 });
    db.exec("CREATE TRIGGER fail_merge BEFORE DELETE ON sources BEGIN SELECT RAISE(ABORT, 'boom'); END;");
    const before = dumpDatabase(db);
    expect(() => mergeSources(db, keep.id, dup.id)).toThrow(/boom/);
    expect(dumpDatabase(db)).toEqual(before);
  });

  it('sets and lifts protection', () => {
    const s = createSource(db, { kind: 'person', name: 'Karla Vogt' });
    expect(setSourceProtected(db, s.id, true).protected).toBe(true);
    expect(listSources(db, { protected: true }).map((x) => x.id)).toEqual([s.id]);
    expect(setSourceProtected(db, s.id, false).protected).toBe(false);
    expect(() => setSourceProtected(db, 999, true)).toThrow(expect.objectContaining({ code: 'SOURCE_NOT_FOUND' }));
  });

  it('deleting an article removes its mentions; deleting a source keeps the article', () => {
    const s = createSource(db, { kind: 'person', name: 'Karla Vogt' });
    addMention(db, { sourceId: s.id, articleId, start: 0, end: 26 });
    db.prepare('DELETE FROM articles WHERE id = ?').run(articleId);
    expect(getSource(db, s.id).mentions).toEqual([]);
  });
});
