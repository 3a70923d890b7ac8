import type { Database } from 'better-sqlite3';
import type { ImportOutcome } from '../../../shared/contract.js';
import { dateOrdinal, invalidateTermScope, termScope, withDeferredIndex, type NewTerms } from '../search-index.js';
import type { ParsedFile } from './parse-job.js';
import { ParsePool, parseHere, type ParsedGroup } from './parse-pool.js';
import { storeParsed, type ImportOptions } from './pipeline.js';
import { BACKGROUND_CHECKPOINT_MIN_FILES, WalCheckpoints } from './wal-checkpoints.js';

/**
 * Bulk import for many files (a folder of wire stories): the same steps and outcomes as
 * `importFile`, but stored in groups of up to BATCH_FILES files per transaction, each file in its
 * own savepoint, so a failing file is rolled back alone and never stops the batch.
 *
 * Why: the collection runs with `synchronous = FULL`, so every commit waits for the disk (a few
 * milliseconds), which capped `importFile` one by one at ~150 files/s however fast parsing got
 * (`npm run bench`). An outcome is handed out only after its group has committed, so what is
 * reported as imported is as durable as with `importFile`. Loading and parsing are async and run
 * before the synchronous store: there is no `await` inside a transaction. From
 * PARSE_WORKERS_MIN_FILES files on, the next group is parsed on worker threads while the current
 * one is stored (parse-pool.ts). From BACKGROUND_CHECKPOINT_MIN_FILES files on, the write-ahead log
 * is copied into the database file on another thread while the next group is written
 * (wal-checkpoints.ts).
 */

/** Files per transaction. */
export const BATCH_FILES = 250;

/** From this many files on, parsing runs on worker threads (starting them costs a few hundred ms). */
export const PARSE_WORKERS_MIN_FILES = 400;

export interface BatchOptions extends ImportOptions {
  /** Files per transaction (default BATCH_FILES). */
  groupSize?: number;
  /**
   * When larger than `groupSize`, each group is twice the size of the one before, up to this: the
   * first files of a folder are reported soon, the bulk is stored with fewer commits (each commit
   * also writes a new full-text index segment that must be merged later).
   */
  maxGroupSize?: number;
  /** Parse on this many worker threads (0: on the main thread); default: by file count and cores. */
  workers?: number;
  /**
   * Parse on this pool, which the caller keeps open across batches (the app's `import.paths`
   * calls); null: on the main thread. Overrides `workers`.
   */
  pool?: ParsePool | null;
}

/**
 * The order a group is stored in: by publication date, oldest first (stable, so files of the same
 * hour keep their folder order; undated files first). Two reasons: a correction is stored after
 * the story it corrects, whichever file name sorts first, so it becomes its new version; and the
 * search index rows (keyed by date, search-index.ts) arrive in ascending key order, which FTS5
 * appends to its pending segment, where a smaller key than the previous one makes it write a
 * segment out first (measured: a third of the indexing time on a folder in name order).
 */
export function storingOrder(parsed: readonly ParsedFile[]): number[] {
  const ord = parsed.map((p) => dateOrdinal(p.ok ? p.article.published : null));
  return parsed.map((_, k) => k).sort((a, b) => (ord[a] as number) - (ord[b] as number) || a - b);
}

/** A write error that ended the whole group's transaction (SQLite rolls it back on a full disk or an I/O error). */
class GroupRolledBack extends Error {}

/**
 * Stores parsed files as one group: one transaction, a savepoint per file (a failing file is rolled
 * back alone), oldest first, outcomes in the order given. When the group's transaction fails as a
 * whole (SQLite rolls back the entire transaction, not just the savepoint, on a full disk or an
 * I/O error; or the commit itself fails), nothing of the group was written, and its files are
 * stored again one by one, each in its own transaction: the file that does not fit fails with a
 * clear message, the others are kept. `asVersionOf` is not for groups (it names one article).
 */
export function storeGroup(db: Database, parsed: readonly ParsedFile[], opts: Pick<ImportOptions, 'lang' | 'now'> = {}, newTerms: NewTerms | null = null): ImportOutcome[] {
  const store = (p: ParsedFile): ImportOutcome => storeParsed(db, p, opts);
  // Stored oldest first, reported in the order given: see storingOrder.
  const order = storingOrder(parsed);
  const outcomes: ImportOutcome[] = new Array<ImportOutcome>(parsed.length);
  try {
    db.transaction((): void =>
      withDeferredIndex(db, () => {
        for (const k of order) {
          const o = store(parsed[k] as ParsedFile);
          if (!o.ok && !db.inTransaction) throw new GroupRolledBack();
          outcomes[k] = o;
        }
      }, newTerms),
    ).immediate();
  } catch {
    // The terms a worker reported for the group were not recorded: its later reports build on them.
    invalidateTermScope(db);
    for (const k of order) outcomes[k] = store(parsed[k] as ParsedFile);
  }
  return outcomes;
}

/** Imports files in order with grouped commits (storeGroup); yields each outcome once its group is durable. */
export async function* importFilesBatched(db: Database, files: readonly string[], opts: BatchOptions = {}): AsyncGenerator<ImportOutcome> {
  const lang = opts.lang ?? 'de';
  const groups: (readonly string[])[] = [];
  let size = Math.max(1, opts.groupSize ?? BATCH_FILES);
  const maxSize = Math.max(size, opts.maxGroupSize ?? size);
  for (let i = 0; i < files.length; i += size, size = Math.min(maxSize, size * 2)) groups.push(files.slice(i, i + size));

  const workers = opts.workers ?? (files.length >= PARSE_WORKERS_MIN_FILES ? undefined : 0);
  const ownPool = opts.pool === undefined;
  const pool = !ownPool ? opts.pool : workers === 0 ? null : ParsePool.open(workers);
  // The workers report each group's new terms once per term scope (search-index.ts), and the groups
  // are stored in the order they were parsed (ParsedGroup.turn), also when calls share the pool.
  const parse = async (group: readonly string[]): Promise<ParsedGroup> =>
    pool ? pool.parse(group, lang, termScope(db)) : { files: await parseHere(group, lang), newTerms: null, turn: Promise.resolve(), done: () => undefined };
  // The next group is being parsed while this one is stored.
  let next: Promise<ParsedGroup> | null = groups[0] ? parse(groups[0]) : null;
  const checkpoints = files.length >= BACKGROUND_CHECKPOINT_MIN_FILES ? WalCheckpoints.acquire(db) : null;
  try {
    for (let g = 0; next; g++) {
      const group = await next;
      const following = groups[g + 1];
      next = following ? parse(following) : null;
      let outcomes: ImportOutcome[];
      try {
        // Part of the group parsed on the main thread (a worker ended): the workers' reports are incomplete.
        if (pool && group.newTerms === null) invalidateTermScope(db);
        await group.turn;
        await checkpoints?.beforeTransaction();
        outcomes = storeGroup(db, group.files, { lang, now: opts.now }, group.newTerms);
      } catch (e) {
        // Not stored: what the workers reported for it is missing from the term list.
        invalidateTermScope(db);
        throw e;
      } finally {
        group.done();
      }
      checkpoints?.committed();
      yield* outcomes;
    }
  } finally {
    // Stopped early (the caller broke off): the group being parsed is not stored, nor are its terms.
    next?.then(
      (group) => {
        invalidateTermScope(db);
        group.done();
      },
      () => undefined,
    );
    if (ownPool) pool?.close();
    // The log copied into the database file before the import counts as done.
    await checkpoints?.release();
  }
}
