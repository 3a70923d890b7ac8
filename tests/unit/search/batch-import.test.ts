import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countArticles } from '../../../main/core/articles.js';
import { importFilesBatched } from '../../../main/core/import/batch.js';
import { search } from '../../../main/core/search.js';
import type { Database } from '../../../main/db/open.js';
import type { ImportOutcome } from '../../../shared/contract.js';
import { searchRequestSchema } from '../../../shared/contract-search.js';
import { tempDb } from '../../helpers/db.js';

let db: Database;
let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ db, dir, cleanup } = tempDb());
});
afterEach(() => cleanup());

const story = (n: number) => `Hafenfest Nummer ${n} in Lindhafen

Lindhafen (AFP) - Das ${n}. Hafenfest lockte am Samstag Tausende Besucher an die Kais, teilte die Stadt mit. Die Veranstalter zeigten sich zufrieden mit dem Wetter und dem Andrang.

ans/cha
`;

describe('batched import', () => {
  it('imports like importFile, one bad file does not stop the others, duplicates are recognised', async () => {
    const files: string[] = [];
    for (let i = 0; i < 5; i++) {
      const f = path.join(dir, `fest-${i}.txt`);
      fs.writeFileSync(f, i === 2 ? '' : story(i));
      files.push(f);
    }
    files.push(path.join(dir, 'fest-1.txt')); // the same file again
    files.push(path.join(dir, 'gibt-es-nicht.txt'));
    const outcomes: ImportOutcome[] = [];
    for await (const o of importFilesBatched(db, files, { lang: 'en' })) outcomes.push(o);
    expect(outcomes.map((o) => (o.ok ? (o.article.duplicate ? 'dup' : 'ok') : o.error.code))).toEqual(['ok', 'ok', 'FILE_EMPTY', 'ok', 'ok', 'dup', 'FILE_NOT_FOUND']);
    expect(countArticles(db)).toBe(4);
    const res = search(db, searchRequestSchema.parse({ query: 'Hafenfest', filters: { kinds: ['article'] } }));
    expect(res.total).toBe(4);
  });

  it('reports a file only once its group is committed; groups grow from groupSize to maxGroupSize', async () => {
    const files: string[] = [];
    for (let i = 0; i < 60; i++) {
      const f = path.join(dir, `fest-${String(i).padStart(2, '0')}.txt`);
      fs.writeFileSync(f, story(i));
      files.push(f);
    }
    const storedWhenReported: number[] = [];
    for await (const o of importFilesBatched(db, files, { groupSize: 5, maxGroupSize: 20 })) {
      expect(o.ok).toBe(true);
      storedWhenReported.push(countArticles(db));
    }
    // Groups of 5, 10, 20, 20 and the last 5: every outcome of a group arrives after its commit.
    const groups = [5, 10, 20, 20, 5];
    expect(storedWhenReported).toEqual(groups.flatMap((g, i) => Array<number>(g).fill(groups.slice(0, i + 1).reduce((a, b) => a + b, 0))));
  });
});
