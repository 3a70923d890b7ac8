import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ImportOutcome } from '../../../shared/contract.js';
import { AppError, type Lang } from '../../../shared/errors.js';
import { adoptDerived } from '../article-derived.js';
import { storeImportedArticle } from '../article-versions.js';
import { getArticleMetadata, insertedMetadata } from '../articles.js';
import { isDiskFull, toErrorPayload } from '../errors.js';
import { loadBytes, loadFile } from './load-file.js';
import { parseForStore, type ParsedFile } from './parse-job.js';
import type { LoadedFile } from './types.js';

export interface ImportOptions {
  lang?: Lang;
  /** Import time (ISO 8601); defaults to now. */
  now?: () => string;
  /** Store the file as a new version of this article ("als neue Fassung von …") instead of detecting it. */
  asVersionOf?: number;
}

/**
 * What storing a file failed with, as the user sees it: an AppError as it is (e.g. asVersionOf
 * names no article), a full disk with its own message (the user can free space and retry), any
 * other error as IMPORT_WRITE_FAILED naming the file.
 */
export function storeFailure(e: unknown, file: string): AppError {
  if (e instanceof AppError) return e;
  const reason = e instanceof Error ? e.message : String(e);
  return isDiskFull(e) ? new AppError('DISK_FULL', { what: file, reason }) : new AppError('IMPORT_WRITE_FAILED', { file, reason });
}

/**
 * Stores one parsed file (duplicates, new versions and new articles: see article-versions.ts) and
 * returns its outcome; never throws. Inside a caller's transaction (a folder import's group) its
 * own transaction becomes a savepoint, so a failure is rolled back alone.
 */
export function storeParsed(db: Database, p: ParsedFile, opts: ImportOptions = {}): ImportOutcome {
  if (!p.ok) return p;
  // Derived on a parse worker: what storing computes from the text arrives computed.
  adoptDerived(p.article, p.derived);
  try {
    const prov = { file: p.file, format: p.format, encoding: p.encoding, importedAt: opts.now?.() ?? new Date().toISOString() };
    const outcome = storeImportedArticle(db, p.article, prov, { asVersionOf: opts.asVersionOf });
    // A new article is reported from what was stored; a duplicate or a new version as it is now stored.
    const stored = outcome.duplicate || outcome.version ? getArticleMetadata(db, outcome.id, outcome.duplicate) : insertedMetadata(p.article, prov, outcome.id);
    return { ok: true, file: p.file, article: stored };
  } catch (e) {
    return { ok: false, file: p.file, error: toErrorPayload(storeFailure(e, p.file), opts.lang ?? 'de') };
  }
}

/** Parses and stores one loaded file. Never throws: a failure is an outcome with a typed error, and nothing is written for it. */
async function importLoaded(db: Database, load: () => Promise<LoadedFile>, displayName: string, opts: ImportOptions): Promise<ImportOutcome> {
  return storeParsed(db, await parseForStore(load, displayName, opts.lang ?? 'de'), opts);
}

/** Imports one file from disk. */
export function importFile(db: Database, filePath: string, opts: ImportOptions = {}): Promise<ImportOutcome> {
  return importLoaded(db, () => loadFile(filePath), path.basename(filePath), opts);
}

/** A file given by its content (browser-mode upload). */
export interface Upload {
  name: string;
  bytes: Uint8Array;
}

/** An upload's display name: the last part of the name it came with. */
function uploadName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/'));
  // "." and ".." are not file names (tests/unit/reliability/hostile-input.test.ts).
  return base && base !== '.' && base !== '..' ? base : 'upload';
}

/** Imports one file given by its content (also as a new version of an article: `asVersionOf`). */
export function importUpload(db: Database, name: string, bytes: Uint8Array, opts: ImportOptions = {}): Promise<ImportOutcome> {
  const safeName = uploadName(name);
  return importLoaded(db, async () => loadBytes(safeName, bytes), safeName, opts);
}

/**
 * Imports files given by their content (browser mode: a file input or a drop, IMPORT_UPLOADS_MAX at
 * a time) as one group: one transaction, a savepoint per file, one outcome per file in order
 * (storeGroup in batch.ts), as `import.paths` does for files on disk.
 */
export async function importUploads(db: Database, uploads: readonly Upload[], opts: Pick<ImportOptions, 'lang' | 'now'> = {}): Promise<ImportOutcome[]> {
  const parsed: ParsedFile[] = [];
  for (const { name, bytes } of uploads) {
    const safeName = uploadName(name);
    parsed.push(await parseForStore(() => loadBytes(safeName, bytes), safeName, opts.lang ?? 'de'));
  }
  const { storeGroup } = await import('./batch.js');
  return storeGroup(db, parsed, opts);
}

/**
 * Expands files and folders into the files to import: folders recursively, in name order, hidden
 * entries skipped, symbolic links to folders not followed (no loops). Missing paths are errors.
 */
export function expandPaths(paths: readonly string[], lang: Lang = 'de'): { files: string[]; errors: ImportOutcome[] } {
  const files: string[] = [];
  const errors: ImportOutcome[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      errors.push({ ok: false, file: dir, error: toErrorPayload(new AppError('FILE_UNREADABLE', { file: dir, reason: (e as NodeJS.ErrnoException).code ?? String(e) }), lang) });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(full);
    }
  };
  for (const p of paths) {
    const abs = path.resolve(p);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      errors.push({ ok: false, file: p, error: toErrorPayload(new AppError('FILE_NOT_FOUND', { file: p }), lang) });
      continue;
    }
    if (stat.isDirectory()) walk(abs);
    else files.push(abs);
  }
  return { files, errors };
}

export interface ImportProgress {
  done: number;
  total: number;
  outcome: ImportOutcome;
}

/**
 * Files per transaction when files and folders are imported by path (CLI, app): the first group,
 * then twice as many per group up to {@link pathImportGroupMax}.
 */
export const PATH_IMPORT_GROUP = 25;
export const PATH_IMPORT_GROUP_MAX = 2000;
/** The largest group of an import of few files (see {@link pathImportGroupMax}). */
export const PATH_IMPORT_GROUP_MAX_SMALL = 500;

/**
 * The largest group for an import of `files` files: a twentieth of them, from
 * PATH_IMPORT_GROUP_MAX_SMALL to PATH_IMPORT_GROUP_MAX. While the main thread stores a group the
 * worker parses the next, so an import takes about the longer of the two, plus the first group
 * parsed while nothing is stored and the last stored while nothing is parsed. Large groups pay
 * off in a large import (each commit is a search-index segment that is merged later), but with
 * groups of 2,000 an import of 10,000 files is only five of them, and the two threads waited for
 * each other a fifth of the time: groups of at most 500 made it 5–10 % faster, where at 100,000
 * groups of 500 were 14 % slower than of 2,000 (`npm run bench`, docs/bench.md).
 */
export function pathImportGroupMax(files: number): number {
  return Math.min(PATH_IMPORT_GROUP_MAX, Math.max(PATH_IMPORT_GROUP_MAX_SMALL, Math.ceil(files / 20)));
}

/**
 * Imports files and folders, reporting progress per file. Files are stored in groups of
 * PATH_IMPORT_GROUP growing to pathImportGroupMax per transaction (importFilesBatched: each file in its own savepoint, an outcome
 * reported only once its group has committed); "as a new version of" imports its single file alone.
 * A failing file never stops the batch.
 */
export async function* importPaths(db: Database, paths: readonly string[], opts: ImportOptions = {}): AsyncGenerator<ImportProgress> {
  const { files, errors } = expandPaths(paths, opts.lang);
  const total = files.length + errors.length;
  let done = 0;
  for (const outcome of errors) yield { done: ++done, total, outcome };
  if (opts.asVersionOf !== undefined) {
    for (const file of files) yield { done: ++done, total, outcome: await importFile(db, file, opts) };
    return;
  }
  const { importFilesBatched } = await import('./batch.js');
  for await (const outcome of importFilesBatched(db, files, { ...opts, groupSize: PATH_IMPORT_GROUP, maxGroupSize: pathImportGroupMax(files.length) })) yield { done: ++done, total, outcome };
}
