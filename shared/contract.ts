import { z } from 'zod';
import type { ArticleDetail, ArticleMetadata, ArticleSummary } from './article.js';
import { LIST_SORTS, type ArticleListResult } from './contract-types.js';
import type { ErrorPayload } from './errors.js';
import type { ChannelName } from './channels.js';
import { citationChannels, CSL_LOCALES, DEFAULT_STYLE } from './contract-citations.js';
import { annotationChannels } from './contract-annotations.js';
import { searchChannels } from './contract-search.js';
import { inquiryChannels } from './contract-inquiries.js';
import { sourceChannels } from './contract-sources.js';
import { backupChannels } from './contract-backup.js';
import { archiveChannels } from './contract-archive.js';
import { isEmailAddress } from './inquiry.js';
import { result } from './contract-result.js';
import { IMPORT_PATHS_MAX, IMPORT_UPLOADS_MAX } from './import-limits.js';

export { EVENTS, isAppEvent, type AppEvent } from './channels.js';

/**
 * The one contract between the UI and the core: channel → argument schema → result type.
 * Electron IPC, browser mode (HTTP) and tests all serve exactly this map; the preload exposes one
 * method per channel. Adding a channel here makes every transport's type check demand a handler.
 */

export { result };

const id = z.number().int().positive();

export const SETTINGS_LANGUAGES = ['de', 'en'] as const;
export const SETTINGS_THEMES = ['system', 'light', 'dark'] as const;

export const settingsSchema = z.object({
  language: z.enum(SETTINGS_LANGUAGES),
  theme: z.enum(SETTINGS_THEMES),
  /** Rückfrage drafts: the signature under the closing, and the sender (From of the .eml). */
  signature: z.string().max(2000),
  senderName: z.string().max(200),
  senderEmail: z.string().max(320).refine((v) => v === '' || isEmailAddress(v), 'keine gültige E-Mail-Adresse'),
  /** "Quellenangabe kopieren" and the export dialog: the default citation style (CSL id or `agency`) and locale. */
  citationStyle: z.string().trim().min(1).max(200),
  citationLocale: z.enum(CSL_LOCALES),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = {
  language: 'de',
  theme: 'system',
  signature: '',
  senderName: '',
  senderEmail: '',
  citationStyle: DEFAULT_STYLE['de-DE'],
  citationLocale: 'de-DE',
};

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

/** Upper bound for the content of one `import.uploads` call (base64 of MAX_IMPORT_BYTES plus slack: a file of the largest size goes alone). */
const MAX_UPLOAD_BASE64 = 70 * 1024 * 1024;

/** One file given by content. */
const uploadSchema = z
  .object({
    name: z.string().min(1).max(1024),
    /** File content, base64. */
    data: z.string().max(MAX_UPLOAD_BASE64),
  })
  .strict();

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
  /**
   * Imports files given by content (browser mode: file input, drag and drop), in one transaction
   * with a savepoint per file: one outcome per file, in order, each failure its own. At most
   * IMPORT_UPLOADS_MAX files and MAX_UPLOAD_BASE64 characters of content per call.
   */
  'import.uploads': {
    args: z
      .object({ files: z.array(uploadSchema).min(1).max(IMPORT_UPLOADS_MAX) })
      .strict()
      .refine((a) => a.files.reduce((n, f) => n + f.data.length, 0) <= MAX_UPLOAD_BASE64, {
        message: `höchstens ${MAX_UPLOAD_BASE64 / 1024 / 1024} MB (base64) je Aufruf`,
        path: ['files'],
      }),
    result: result<ImportOutcome[]>(),
  },
  /** Expands files and folders (recursively) into the list of importable files (Electron: paths from dialog or drop). */
  'import.expand': {
    args: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000) }).strict(),
    result: result<{ files: string[]; errors: ImportOutcome[] }>(),
  },
  /**
   * Imports files from paths on this machine (Electron: after the open dialog or a drop), in one
   * transaction with a savepoint per file: one outcome per path, in order, each failure its own.
   */
  'import.paths': {
    args: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(IMPORT_PATHS_MAX) }).strict(),
    result: result<ImportOutcome[]>(),
  },
  /**
   * Electron only: shows the native open dialog and returns the chosen paths (empty when cancelled).
   * `folders: true` asks for folders (Datei → Ordner importieren…): Windows and Linux dialogs cannot
   * offer files and folders at once.
   */
  'dialog.openImport': { args: z.object({ folders: z.boolean().optional() }).strict(), result: result<{ paths: string[] }>() },
  ...citationChannels,
  ...annotationChannels,
  ...searchChannels,
  ...inquiryChannels,
  ...sourceChannels,
  ...backupChannels,
  ...archiveChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ArgsIn<C extends Channel> = z.input<Contract[C]['args']>;
export type Args<C extends Channel> = z.output<Contract[C]['args']>;
export type Result<C extends Channel> = Contract[C]['result'];

export const CHANNELS = Object.keys(contract) as Channel[];

/** True only when A and B are the same union. */
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/**
 * The zod-free name list in `channels.ts` (used by the sandboxed preload) must name exactly the
 * contract's channels: adding a channel here without adding it there fails to compile.
 */
const channelNamesMatchContract: SameKeys<Channel, ChannelName> = true;
void channelNamesMatchContract;

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

/** The API the renderer sees: one typed method per channel. */
export type Api = { [C in Channel]: (args: ArgsIn<C>) => Promise<Result<C>> };

/** What a transport returns: a result or a typed error, never a stack trace. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };
