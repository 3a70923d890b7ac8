/**
 * The names of the contract's channels and of the events main sends to the UI, without zod.
 * The sandboxed Electron preload bundles this file and nothing else of `shared/`, so it must stay
 * free of imports; `contract.ts` checks at compile time that its keys equal `CHANNEL_NAMES`.
 */

/** Every channel of the contract, in the order the contract declares them. */
export const CHANNEL_NAMES = [
  'app.info',
  'settings.get',
  'settings.set',
  'articles.list',
  'articles.get',
  'articles.search',
  'import.uploads',
  'import.expand',
  'import.paths',
  'dialog.openImport',
  'citations.record',
  'citations.updateRecord',
  'citations.resetRecord',
  'citations.export',
  'citations.styles',
  'citations.addStyle',
  'citations.removeStyle',
  'citations.citePassage',
  'citations.sources',
  'citations.saveSource',
  'citations.deleteSource',
  'annotations.create',
  'annotations.update',
  'annotations.delete',
  'annotations.restore',
  'annotations.listForArticle',
  'annotations.review',
  'annotations.tags',
  'annotations.export',
  'annotations.import',
  'articles.versions',
  'articles.importVersion',
  'search.query',
  'search.saved.list',
  'search.saved.save',
  'search.saved.delete',
  'mappen.list',
  'mappen.create',
  'mappen.rename',
  'mappen.delete',
  'mappen.addArticles',
  'mappen.removeArticles',
  'mappen.setNote',
  'mappen.articles',
  'contacts.list',
  'contacts.get',
  'contacts.create',
  'contacts.update',
  'contacts.delete',
  'contacts.import',
  'contacts.export',
  'inquiries.list',
  'inquiries.get',
  'inquiries.create',
  'inquiries.route',
  'inquiries.update',
  'inquiries.setStatus',
  'inquiries.attachAnswer',
  'inquiries.delete',
  'inquiries.queue',
  'inquiries.draft',
  'inquiries.markSent',
  'sources.list',
  'sources.get',
  'sources.create',
  'sources.update',
  'sources.setStatus',
  'sources.setProtected',
  'sources.merge',
  'sources.delete',
  'sources.addMention',
  'sources.removeMention',
  'proposals.list',
  'proposals.accept',
  'proposals.reject',
  'proposals.unreject',
  'backup.create',
  'backup.list',
  'backup.restore',
  'backup.check',
  'archive.export',
  'archive.import',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

/**
 * Events the Electron main process sends to the UI (application menu commands). They carry no
 * payload: the UI reacts by calling contract channels itself, so nothing from main needs validating.
 * - `menu.import`: Datei → Importieren… (Ctrl/Cmd+O): open the import as the Import button does.
 * - `menu.importFolder`: Datei → Ordner importieren…: the same with `dialog.openImport({ folders: true })`.
 * - `menu.settings`: Datei → Einstellungen…: show the settings.
 */
export const EVENTS = ['menu.import', 'menu.importFolder', 'menu.settings'] as const;

export type AppEvent = (typeof EVENTS)[number];

/** True for the names in `EVENTS` (the preload refuses any other subscription). */
export function isAppEvent(value: unknown): value is AppEvent {
  return typeof value === 'string' && (EVENTS as readonly string[]).includes(value);
}

/** The IPC channel an app event travels on; prefixed so it can never collide with a contract channel. */
export function eventIpcChannel(event: AppEvent): string {
  return `fundstelle:event:${event}`;
}
