import path from 'node:path';
import type { SourceFormat } from '../../../shared/article.js';
import type { ErrorPayload, Lang } from '../../../shared/errors.js';
import type { CompleteArticle } from '../article-versions.js';
import { deriveArticle, type ArticleDerived } from '../article-derived.js';
import { toErrorPayload } from '../errors.js';
import { loadFile, loadFileSync } from './load-file.js';
import { completeArticle, parseLoaded } from './parse.js';

/**
 * The part of importing a file that needs no database: load, parse, complete, and derive what
 * storing computes from the text (content hash, word count, search terms). The folder import runs
 * it on worker threads (parse-pool.ts) while the main thread stores the previous group; the
 * result is plain data so it crosses threads as it is.
 */
export interface ParsedFile {
  /** The file's display name. */
  file: string;
  article?: CompleteArticle;
  derived?: ArticleDerived;
  format?: SourceFormat;
  encoding?: string | null;
  /** Why the file cannot be imported, in the user's language. */
  error?: ErrorPayload;
}

/** `blocking`: read the file with blocking calls (on a worker thread, where nothing else waits). */
export async function parseForStore(filePath: string, lang: Lang, blocking = false): Promise<ParsedFile> {
  let file = path.basename(filePath);
  try {
    const loaded = blocking ? loadFileSync(filePath) : await loadFile(filePath);
    file = loaded.name;
    const { article, format } = await parseLoaded(loaded);
    const complete = completeArticle(article, loaded.name);
    return { file, article: complete, derived: deriveArticle(complete), format, encoding: loaded.encoding };
  } catch (e) {
    return { file, error: toErrorPayload(e, lang) };
  }
}
