import type { BaseWindow, Dialog, OpenDialogOptions } from 'electron';
import type { Lang } from '../../shared/errors.js';
import { t } from './strings.js';

/** Native dialogs of the shell. Each takes Electron's `dialog` so tests can pass a mock. */

/** File types the importer understands (see main/core/import). */
export const IMPORT_EXTENSIONS = {
  text: ['txt'],
  markdown: ['md'],
  html: ['html', 'htm'],
  pdf: ['pdf'],
} as const;

/** Options for the native open dialog: several files, or several folders (`folders`). */
export function importDialogOptions(lang: Lang, folders: boolean): OpenDialogOptions {
  if (folders) {
    return { title: t(lang, 'importFolderTitle'), properties: ['openDirectory', 'multiSelections', 'dontAddToRecent'] };
  }
  const all = Object.values(IMPORT_EXTENSIONS).flat();
  return {
    title: t(lang, 'importTitle'),
    properties: ['openFile', 'multiSelections', 'dontAddToRecent'],
    filters: [
      { name: t(lang, 'filterAll'), extensions: all },
      { name: t(lang, 'filterText'), extensions: [...IMPORT_EXTENSIONS.text] },
      { name: t(lang, 'filterMarkdown'), extensions: [...IMPORT_EXTENSIONS.markdown] },
      { name: t(lang, 'filterHtml'), extensions: [...IMPORT_EXTENSIONS.html] },
      { name: t(lang, 'filterPdf'), extensions: [...IMPORT_EXTENSIONS.pdf] },
    ],
  };
}

/** Shows the import dialog (modal to `window` when given); resolves the chosen paths, empty when cancelled. */
export async function showImportDialog(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  window: BaseWindow | null,
  lang: Lang,
  folders: boolean,
): Promise<string[]> {
  const options = importDialogOptions(lang, folders);
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

/**
 * Asks whether to open `url` outside the app. "Abbrechen" is the default and the Escape answer,
 * so pressing Enter never opens a link.
 */
export async function confirmExternalUrl(
  dialog: Pick<Dialog, 'showMessageBox'>,
  window: BaseWindow | null,
  lang: Lang,
  url: string,
): Promise<boolean> {
  const options = {
    type: 'question' as const,
    title: t(lang, 'externalTitle'),
    message: t(lang, 'externalMessage'),
    detail: t(lang, 'externalDetail', { url }),
    buttons: [t(lang, 'cancel'), t(lang, 'open')],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  return response === 1;
}

/** Hilfe → Über Fundstelle. */
export async function showAbout(
  dialog: Pick<Dialog, 'showMessageBox'>,
  window: BaseWindow | null,
  lang: Lang,
  info: { version: string; dbPath: string },
): Promise<void> {
  const options = {
    type: 'info' as const,
    title: t(lang, 'about'),
    message: 'Fundstelle',
    detail: t(lang, 'aboutDetail', info),
    buttons: [t(lang, 'ok')],
  };
  if (window) await dialog.showMessageBox(window, options);
  else await dialog.showMessageBox(options);
}
