import path from 'node:path';
import type { SourceFormat } from '../../../shared/article.js';
import type { ErrorPayload, Lang } from '../../../shared/errors.js';
import type { CompleteArticle } from '../article-versions.js';
import { deriveArticle, type ArticleDerived } from '../article-derived.js';
import { toErrorPayload } from '../errors.js';
import { loadFile, loadFileSync } from './load-file.js';
import type { LoadedFile } from './types.js';
import { completeArticle, parseLoaded } from './parse.js';

/**
 * The part of importing a file that needs no database: load, parse, complete, and derive what
 * storing computes from the text (content hash, word count, search terms). The folder import runs
 * it on worker threads (parse-pool.ts) while the main thread stores the previous group; the
 * result is plain data so it crosses threads as it is.
 */
export type ParsedFile =
  | { ok: true; /** The file's display name. */ file: string; article: CompleteArticle; derived: ArticleDerived; format: SourceFormat; encoding: string | null }
  | { ok: false; file: string; /** Why the file cannot be imported, in the user's language. */ error: ErrorPayload };

/**
 * Loads (with `load`) and parses one file; never throws. `displayName` names the file in the
 * error when loading itself fails. Used by every import: a single file, an upload, a folder on
 * the main thread or on a parse worker.
 */
export async function parseForStore(load: () => LoadedFile | Promise<LoadedFile>, displayName: string, lang: Lang): Promise<ParsedFile> {
  let file = displayName;
  try {
    const loaded = await load();
    file = loaded.name;
    const { article, format } = await parseLoaded(loaded);
    const complete = completeArticle(article, loaded.name);
    return { ok: true, file, article: complete, derived: deriveArticle(complete), format, encoding: loaded.encoding };
  } catch (e) {
    return { ok: false, file, error: toErrorPayload(e, lang) };
  }
}

/** Parses a file on disk; `blocking`: read it with blocking calls (on a worker thread, where nothing else waits). */
export function parseFileForStore(filePath: string, lang: Lang, blocking = false): Promise<ParsedFile> {
  return parseForStore(() => (blocking ? loadFileSync(filePath) : loadFile(filePath)), path.basename(filePath), lang);
}
