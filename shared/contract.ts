import { z } from 'zod';
import type { ArticleDetail, ArticleMetadata, ArticleSummary } from './article.js';
import { LIST_SORTS, type ArticleListResult } from './contract-types.js';
import type { ErrorPayload } from './errors.js';

/**
 * The one contract between the UI and the core: channel → argument schema → result type.
 * Electron IPC, browser mode (HTTP) and tests all serve exactly this map; the preload exposes one
 * method per channel. Adding a channel here makes every transport's type check demand a handler.
 */

/** Declares a result type without a runtime value. */
function result<T>(): T {
  return undefined as T;
}

const id = z.number().int().positive();

export const SETTINGS_LANGUAGES = ['de', 'en'] as const;
export const SETTINGS_THEMES = ['system', 'light', 'dark'] as const;

export const settingsSchema = z.object({
  language: z.enum(SETTINGS_LANGUAGES),
  theme: z.enum(SETTINGS_THEMES),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = { language: 'de', theme: 'system' };

/** Outcome of importing one file. */
export type ImportOutcome =
  | { ok: true; file: string; article: ArticleMetadata }
  | { ok: false; file: string; error: ErrorPayload };

export interface SearchHitResult extends ArticleSummary {
  /** Snippet with hits between \u0002 and \u0003. */
  snippet: string;
}

export interface AppInfo {
  version: string;
  dbPath: string;
  articleCount: number;
  /** Which transport serves the UI: 'electron' can open native dialogs and read paths. */
  transport: 'electron' | 'web';
}

/** Upper bound for one uploaded file in browser mode (base64 of MAX_IMPORT_BYTES plus slack). */
const MAX_UPLOAD_BASE64 = 70 * 1024 * 1024;

export const contract = {
  'app.info': { args: z.object({}).strict(), result: result<AppInfo>() },
  'settings.get': { args: z.object({}).strict(), result: result<Settings>() },
  'settings.set': { args: settingsSchema.partial().strict(), result: result<Settings>() },
  'articles.list': {
    args: z
      .object({
        sort: z.enum(LIST_SORTS).default('published'),
        direction: z.enum(['asc', 'desc']).default('desc'),
        query: z.string().max(500).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    result: result<ArticleListResult>(),
  },
  'articles.get': { args: z.object({ id }).strict(), result: result<ArticleDetail>() },
  'articles.search': {
    args: z.object({ query: z.string().min(1).max(500), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    result: result<SearchHitResult[]>(),
  },
  /** Imports one file given by content (browser mode: file input, drag and drop). */
  'import.upload': {
    args: z
      .object({
        name: z.string().min(1).max(1024),
        /** File content, base64. */
        data: z.string().max(MAX_UPLOAD_BASE64),
      })
      .strict(),
    result: result<ImportOutcome>(),
  },
  /** Expands files and folders (recursively) into the list of importable files (Electron: paths from dialog or drop). */
  'import.expand': {
    args: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000) }).strict(),
    result: result<{ files: string[]; errors: ImportOutcome[] }>(),
  },
  /** Imports one file from a path on this machine. */
  'import.path': { args: z.object({ path: z.string().min(1).max(4096) }).strict(), result: result<ImportOutcome>() },
  /** Electron only: shows the native open dialog and returns the chosen paths (empty when cancelled). */
  'dialog.openImport': { args: z.object({}).strict(), result: result<{ paths: string[] }>() },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ArgsIn<C extends Channel> = z.input<Contract[C]['args']>;
export type Args<C extends Channel> = z.output<Contract[C]['args']>;
export type Result<C extends Channel> = Contract[C]['result'];

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

/** The API the renderer sees: one typed method per channel. */
export type Api = { [C in Channel]: (args: ArgsIn<C>) => Promise<Result<C>> };

/** What a transport returns: a result or a typed error, never a stack trace. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };
