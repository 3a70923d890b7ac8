import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ImportOutcome } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import { storeImportedArticle, type CompleteArticle } from '../article-versions.js';
import { getArticleMetadata } from '../articles.js';
import { toErrorPayload } from '../errors.js';
import { loadFile } from './load-file.js';
import { completeArticle, parseLoaded, type ImportOptions } from './pipeline.js';
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

/** Imports files in order with grouped commits; yields each outcome once its group is durable. */
export async function* importFilesBatched(db: Database, files: readonly string[], opts: ImportOptions = {}): AsyncGenerator<ImportOutcome> {
  const lang = opts.lang ?? 'de';
  for (let i = 0; i < files.length; i += BATCH_FILES) {
    const parsed: Parsed[] = [];
    for (const f of files.slice(i, i + BATCH_FILES)) parsed.push(await parseOne(f));
    const outcomes = db
      .transaction((): ImportOutcome[] =>
        parsed.map((p): ImportOutcome => {
          if (!p.article || !p.format) return { ok: false, file: p.file, error: toErrorPayload(p.error, lang) };
          try {
            // storeImportedArticle's own transaction becomes a savepoint inside this one.
            const o = storeImportedArticle(db, p.article, { file: p.file, format: p.format, encoding: p.encoding ?? null, importedAt: opts.now?.() ?? new Date().toISOString() });
            return { ok: true, file: p.file, article: getArticleMetadata(db, o.id, o.duplicate) };
          } catch (e) {
            const err = e instanceof AppError ? e : new AppError('IMPORT_WRITE_FAILED', { file: p.file, reason: e instanceof Error ? e.message : String(e) });
            return { ok: false, file: p.file, error: toErrorPayload(err, lang) };
          }
        }),
      )
      .immediate();
    yield* outcomes;
  }
}
