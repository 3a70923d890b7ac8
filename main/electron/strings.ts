import type { Lang } from '../../shared/errors.js';

/**
 * The shell's own texts (menu, native dialogs) in German and English. The UI's texts live in the
 * renderer's i18next resources; these are shown by main before or outside the UI.
 */
const STRINGS = {
  de: {
    file: 'Datei',
    import: 'Importieren…',
    importFolder: 'Ordner importieren…',
    settings: 'Einstellungen…',
    quit: 'Beenden',
    edit: 'Bearbeiten',
    undo: 'Rückgängig',
    redo: 'Wiederholen',
    cut: 'Ausschneiden',
    copy: 'Kopieren',
    paste: 'Einfügen',
    selectAll: 'Alles auswählen',
    view: 'Ansicht',
    reload: 'Neu laden',
    devTools: 'Entwicklerwerkzeuge',
    resetZoom: 'Originalgröße',
    zoomIn: 'Vergrößern',
    zoomOut: 'Verkleinern',
    fullscreen: 'Vollbild',
    help: 'Hilfe',
    about: 'Über Fundstelle',
    aboutDetail: 'Version {version}\nRecherche-Werkzeug für Journalistinnen und Journalisten.\nSammlung: {dbPath}',
    ok: 'OK',
    importTitle: 'Importieren',
    importFolderTitle: 'Ordner importieren',
    filterAll: 'Artikel (Text, Markdown, HTML, PDF)',
    filterText: 'Text',
    filterMarkdown: 'Markdown',
    filterHtml: 'HTML',
    filterPdf: 'PDF',
    externalTitle: 'Link öffnen',
    externalMessage: 'Diese Adresse außerhalb von Fundstelle öffnen?',
    externalDetail: '{url}\n\nÖffnen Sie nur Adressen, denen Sie vertrauen.',
    cancel: 'Abbrechen',
    open: 'Öffnen',
    startFailed: 'Fundstelle kann nicht starten',
  },
  en: {
    file: 'File',
    import: 'Import…',
    importFolder: 'Import Folder…',
    settings: 'Settings…',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    devTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullscreen: 'Toggle Full Screen',
    help: 'Help',
    about: 'About Fundstelle',
    aboutDetail: 'Version {version}\nA research tool for journalists.\nCollection: {dbPath}',
    ok: 'OK',
    importTitle: 'Import',
    importFolderTitle: 'Import Folder',
    filterAll: 'Articles (text, Markdown, HTML, PDF)',
    filterText: 'Text',
    filterMarkdown: 'Markdown',
    filterHtml: 'HTML',
    filterPdf: 'PDF',
    externalTitle: 'Open link',
    externalMessage: 'Open this address outside Fundstelle?',
    externalDetail: '{url}\n\nOnly open addresses you trust.',
    cancel: 'Cancel',
    open: 'Open',
    startFailed: 'Fundstelle cannot start',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type StringKey = keyof (typeof STRINGS)['de'];

/** The shell text `key` in `lang`, with `{name}` placeholders filled from `values`. */
export function t(lang: Lang, key: StringKey, values: Record<string, string> = {}): string {
  const template: string = STRINGS[lang][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
