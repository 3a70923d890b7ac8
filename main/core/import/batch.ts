import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ImportOutcome } from '../../../shared/contract.js';
import { storeImportedArticle, type CompleteArticle } from '../article-versions.js';
import { getArticleMetadata } from '../articles.js';
import { toErrorPayload } from '../errors.js';
import { loadFile } from './load-file.js';
import { completeArticle, parseLoaded, storeFailure, type ImportOptions } from './pipeline.js';
import type { SourceFormat } from '../../../shared/article.js';

/**
 * Bulk import for many files (a folder of wire stories): the same steps and outcomes as
 * `importFile`, but stored in groups of up to BATCH_FILES files per transaction, each file in its
 * own savepoint, so a failing file is rolled back alone and never stops the batch.
 *
 * Why: the collection runs with `synchronous = FULL`, so every commit waits for the disk (a few
 * milliseconds), which capped `importFile` one by one at ~150 files/s however fast parsing got
 * (`npm run bench`). An outcome is handed out only after its group has committed, so what is
 * reported as imported is as durable as with `importFile`. Loading and parsing are async and run
 * before the synchronous store: there is no `await` inside a transaction.
 */

/** Files per transaction. */
export const BATCH_FILES = 250;

interface Parsed {
  file: string;
  article?: CompleteArticle;
  format?: SourceFormat;
  encoding?: string | null;
  error?: unknown;
}

async function parseOne(filePath: string): Promise<Parsed> {
  let file = path.basename(filePath);
  try {
    const loaded = await loadFile(filePath);
    file = loaded.name;
    const { article, format } = await parseLoaded(loaded);
    return { file, article: completeArticle(article, loaded.name), format, encoding: loaded.encoding };
  } catch (e) {
    return { file, error: e };
  }
}

export interface BatchOptions extends ImportOptions {
  /** Files per transaction (default BATCH_FILES). */
  groupSize?: number;
  /**
   * When larger than `groupSize`, each group is twice the size of the one before, up to this: the
   * first files of a folder are reported soon, the bulk is stored with fewer commits (each commit
   * also writes a new full-text index segment that must be merged later).
   */
  maxGroupSize?: number;
}

/** A write error that ended the whole group's transaction (SQLite rolls it back on a full disk or an I/O error). */
class GroupRolledBack extends Error {}

/**
 * Imports files in order with grouped commits; yields each outcome once its group is durable.
 * When the group's transaction fails as a whole (SQLite rolls back the entire transaction, not
 * just the savepoint, on a full disk or an I/O error; or the commit itself fails), nothing of the
 * group was written, and its files are stored again one by one, each in its own transaction: the
 * file that does not fit fails with a clear message, the others are kept.
 */
export async function* importFilesBatched(db: Database, files: readonly string[], opts: BatchOptions = {}): AsyncGenerator<ImportOutcome> {
  const lang = opts.lang ?? 'de';
  let size = Math.max(1, opts.groupSize ?? BATCH_FILES);
  const maxSize = Math.max(size, opts.maxGroupSize ?? size);
  const store = (p: Parsed): ImportOutcome => {
    if (!p.article || !p.format) return { ok: false, file: p.file, error: toErrorPayload(p.error, lang) };
    try {
      // Inside a group, storeImportedArticle's own transaction becomes a savepoint.
      const o = storeImportedArticle(db, p.article, { file: p.file, format: p.format, encoding: p.encoding ?? null, importedAt: opts.now?.() ?? new Date().toISOString() });
      return { ok: true, file: p.file, article: getArticleMetadata(db, o.id, o.duplicate) };
    } catch (e) {
      return { ok: false, file: p.file, error: toErrorPayload(storeFailure(e, p.file), lang) };
    }
  };
  for (let i = 0; i < files.length; i += size, size = Math.min(maxSize, size * 2)) {
    const parsed: Parsed[] = [];
    for (const f of files.slice(i, i + size)) parsed.push(await parseOne(f));
    let outcomes: ImportOutcome[];
    try {
      outcomes = db
        .transaction((): ImportOutcome[] =>
          parsed.map((p) => {
            const o = store(p);
            if (!o.ok && !db.inTransaction) throw new GroupRolledBack();
            return o;
          }),
        )
        .immediate();
    } catch {
      outcomes = parsed.map(store);
    }
    yield* outcomes;
  }
}
