import type { MenuItemConstructorOptions } from 'electron';
import type { Lang } from '../../shared/errors.js';
import { t } from './strings.js';

/** What the menu's own commands do; roles (copy, zoom, …) need nothing. */
export interface MenuActions {
  import: () => void;
  importFolder: () => void;
  settings: () => void;
  about: () => void;
}

export interface MenuOptions {
  lang: Lang;
  /** Development build: adds Neu laden and the DevTools to Ansicht. */
  dev: boolean;
  /** macOS puts Quit and About in the app menu as well. */
  mac: boolean;
  actions: MenuActions;
}

/**
 * The application menu: Datei, Bearbeiten, Ansicht, Hilfe (English labels when the UI is English).
 * Pure: returns the template for `Menu.buildFromTemplate`. Reload is development-only because a
 * reload in production would drop an import in progress without asking.
 */
export function buildMenuTemplate({ lang, dev, mac, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const s = (key: Parameters<typeof t>[1]) => t(lang, key);
  const file: MenuItemConstructorOptions = {
    label: s('file'),
    submenu: [
      { id: 'import', label: s('import'), accelerator: 'CmdOrCtrl+O', click: () => actions.import() },
      { id: 'import-folder', label: s('importFolder'), accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.importFolder() },
      { type: 'separator' },
      { id: 'settings', label: s('settings'), accelerator: 'CmdOrCtrl+,', click: () => actions.settings() },
      { type: 'separator' },
      { id: 'quit', label: s('quit'), role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: s('edit'),
    submenu: [
      { label: s('undo'), role: 'undo' },
      { label: s('redo'), role: 'redo' },
      { type: 'separator' },
      { label: s('cut'), role: 'cut' },
      { label: s('copy'), role: 'copy' },
      { label: s('paste'), role: 'paste' },
      { label: s('selectAll'), role: 'selectAll' },
    ],
  };
  const devItems: MenuItemConstructorOptions[] = dev
    ? [{ label: s('reload'), role: 'reload' }, { label: s('devTools'), role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  const view: MenuItemConstructorOptions = {
    label: s('view'),
    submenu: [
      ...devItems,
      { label: s('resetZoom'), role: 'resetZoom' },
      { label: s('zoomIn'), role: 'zoomIn' },
      { label: s('zoomOut'), role: 'zoomOut' },
      { type: 'separator' },
      { label: s('fullscreen'), role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: s('help'),
    submenu: [{ id: 'about', label: s('about'), click: () => actions.about() }],
  };
  const menus = [file, edit, view, help];
  // macOS shows the first menu under the app's name; keep Datei as the second one there.
  return mac ? [{ role: 'appMenu' }, ...menus] : menus;
}
