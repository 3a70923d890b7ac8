import type { Database } from 'better-sqlite3';
import type { Lang } from '../../shared/errors.js';
import { AppError } from '../../shared/errors.js';
import { countArticles, getArticle, listArticles, searchArticles } from '../core/articles.js';
import type { ImportOutcome } from '../../shared/contract.js';
import { importFilesBatched } from '../core/import/batch.js';
import { ParsePool } from '../core/import/parse-pool.js';
import { expandPaths, importUploads } from '../core/import/pipeline.js';
import { getSettings, updateSettings } from '../core/settings.js';
import { APP_VERSION } from '../core/version.js';
import type { Handlers } from './dispatch.js';
import { IndexMaintenance } from './index-maintenance.js';
import { createAnnotationHandlers } from './handlers-annotations.js';
import { createArchiveHandlers } from './handlers-archive.js';
import { createBackupHandlers } from './handlers-backup.js';
import { createCitationHandlers } from './handlers-citations.js';
import { createInquiryHandlers } from './handlers-inquiries.js';
import { createSearchHandlers } from './handlers-search.js';
import { createSourceHandlers } from './handlers-sources.js';

export interface HandlerContext {
  db: Database;
  dbPath: string;
  transport: 'electron' | 'web';
  /** Native open dialog; only the Electron shell has one. */
  showOpenDialog?: (options: { folders?: boolean }) => Promise<string[]>;
}

/** The UI language for error messages: the user's setting. */
function uiLang(db: Database): Lang {
  return getSettings(db).language;
}

/**
 * Every call postpones the index maintenance, which merges the search index while the app is idle
 * (index-maintenance.ts); it first looks 2 s after start, for an index left unmerged by the CLI.
 */
function withMaintenance(handlers: Handlers, maintenance: IndexMaintenance): Handlers {
  const watched: Record<string, (args: unknown) => unknown> = {};
  for (const [channel, handler] of Object.entries(handlers) as [string, (args: unknown) => unknown][]) {
    watched[channel] = (args) => {
      maintenance.begin();
      let result: unknown;
      try {
        result = handler(args);
      } finally {
        if (!(result instanceof Promise)) maintenance.end();
      }
      return result instanceof Promise ? result.finally(() => maintenance.end()) : result;
    };
  }
  maintenance.touch();
  return watched as unknown as Handlers;
}

/** Binds every contract channel to the core. The `Handlers` type makes a missing channel a compile error. */
export function createHandlers(ctx: HandlerContext): Handlers {
  return withMaintenance(bindHandlers(ctx), new IndexMaintenance(ctx.db));
}

function bindHandlers(ctx: HandlerContext): Handlers {
  const { db } = ctx;
  // The UI sends a folder as many `import.paths` calls, two at a time: one parse pool for all of
  // them (started on the first call; idle, it does not keep the process alive) parses a call's files
  // while the main thread stores the call before it.
  let pool: ParsePool | null | undefined;
  const parsePool = (): ParsePool | null => (pool === undefined ? (pool = ParsePool.open()) : pool);
  return {
    'app.info': () => ({ version: APP_VERSION, dbPath: ctx.dbPath, articleCount: countArticles(db), transport: ctx.transport }),
    'settings.get': () => getSettings(db),
    'settings.set': (patch) => updateSettings(db, patch),
    'articles.list': (q) => listArticles(db, q),
    'articles.get': ({ id }) => getArticle(db, id),
    'articles.search': ({ query, limit }) => searchArticles(db, query, limit),
    'import.uploads': ({ files }) => importUploads(db, files.map((f) => ({ name: f.name, bytes: Buffer.from(f.data, 'base64') })), { lang: uiLang(db) }),
    'import.expand': ({ paths }) => expandPaths(paths, uiLang(db)),
    'import.paths': async ({ paths }) => {
      const outcomes: ImportOutcome[] = [];
      for await (const o of importFilesBatched(db, paths, { lang: uiLang(db), groupSize: paths.length, pool: paths.length > 1 ? parsePool() : null })) outcomes.push(o);
      return outcomes;
    },
    'dialog.openImport': async (args) => {
      if (!ctx.showOpenDialog) throw new AppError('FORBIDDEN');
      return { paths: await ctx.showOpenDialog(args) };
    },
    ...createCitationHandlers(ctx),
    ...createAnnotationHandlers(ctx),
    ...createSearchHandlers(ctx),
    ...createInquiryHandlers(ctx),
    ...createSourceHandlers(ctx),
    ...createBackupHandlers(ctx),
    ...createArchiveHandlers(ctx),
  };
}
