import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countArticles } from '../../../main/core/articles.js';
import {
  addToMappe,
  createMappe,
  deleteMappe,
  findMappe,
  getMappe,
  listMappen,
  mappeArticles,
  mappenOfArticle,
  removeFromMappe,
  renameMappe,
  setMappeNote,
} from '../../../main/core/mappen.js';
import type { Database } from '../../../main/db/open.js';
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

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : 'not an AppError';
  }
  return undefined;
}

describe('Mappen', () => {
  it('creates, renames, notes and lists with counts', () => {
    const a = createMappe(db, '  Rechenzentren   Asien ', '', '2026-01-01T00:00:00.000Z');
    expect(a).toMatchObject({ name: 'Rechenzentren Asien', note: '', articleCount: 0 });
    const b = createMappe(db, 'Kakao');
    addToMappe(db, b.id, [ids.kakao, ids.cocoaEn]);
    expect(listMappen(db).map((m) => [m.name, m.articleCount])).toEqual([
      ['Kakao', 2],
      ['Rechenzentren Asien', 0],
    ]);
    expect(renameMappe(db, a.id, 'Rechenzentren Korea').name).toBe('Rechenzentren Korea');
    expect(renameMappe(db, b.id, 'KAKAO').name).toBe('KAKAO'); // a change of case is allowed
    expect(setMappeNote(db, b.id, 'Preise bei Händlern nachfragen').note).toBe('Preise bei Händlern nachfragen');
    expect(findMappe(db, 'kakao').id).toBe(b.id);
    expect(findMappe(db, String(a.id)).id).toBe(a.id);
  });

  it('keeps names unique ignoring case, also for umlauts', () => {
    createMappe(db, 'Ölpreis');
    expect(code(() => createMappe(db, 'ÖLPREIS'))).toBe('MAPPE_NAME_TAKEN');
    const other = createMappe(db, 'Gaspreis');
    expect(code(() => renameMappe(db, other.id, 'ölpreis'))).toBe('MAPPE_NAME_TAKEN');
    expect(code(() => createMappe(db, '   '))).toBe('MAPPE_NAME_EMPTY');
    expect(code(() => getMappe(db, 999))).toBe('MAPPE_NOT_FOUND');
    expect(code(() => findMappe(db, 'gibt es nicht'))).toBe('MAPPE_NOT_FOUND');
  });

  it('holds an article in several Mappen; adding twice changes nothing', () => {
    const a = createMappe(db, 'A');
    const b = createMappe(db, 'B');
    expect(addToMappe(db, a.id, [ids.korea, ids.korea, ids.kakao]).added).toBe(2);
    expect(addToMappe(db, a.id, [ids.korea]).added).toBe(0);
    addToMappe(db, b.id, [ids.korea]);
    expect(mappenOfArticle(db, ids.korea).map((m) => m.name)).toEqual(['A', 'B']);
    expect(mappeArticles(db, a.id)).toMatchObject({ total: 2, items: [{ id: ids.korea }, { id: ids.kakao }] }); // newest first
  });

  it('adds all or nothing: an unknown article id adds none', () => {
    const a = createMappe(db, 'A');
    expect(code(() => addToMappe(db, a.id, [ids.korea, 999]))).toBe('ARTICLE_NOT_FOUND');
    expect(getMappe(db, a.id).articleCount).toBe(0);
  });

  it('removes articles from a Mappe and deletes a Mappe without touching the articles', () => {
    const a = createMappe(db, 'A');
    addToMappe(db, a.id, [ids.korea, ids.kakao, ids.muehle]);
    expect(removeFromMappe(db, a.id, [ids.kakao, 12345]).removed).toBe(1);
    expect(getMappe(db, a.id).articleCount).toBe(2);
    const before = countArticles(db);
    expect(deleteMappe(db, a.id)).toEqual({ deleted: true, articleCount: 2 });
    expect(countArticles(db)).toBe(before);
    expect(listMappen(db)).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM mappe_articles').get()).toEqual({ n: 0 });
    expect(code(() => deleteMappe(db, a.id))).toBe('MAPPE_NOT_FOUND');
  });
});
