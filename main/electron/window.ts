import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { eventIpcChannel, type AppEvent } from '../../shared/channels.js';
import { secureWebPreferences } from './security.js';
import { APP_START_URL, isAppUrl } from './trusted-url.js';

/** The main window: creation, focusing (second instance) and menu events. */

/** The constructor options of the main window (pure, so tests can compare them exactly). */
export function mainWindowOptions(preload: string, dev: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'Fundstelle',
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    webPreferences: secureWebPreferences(preload, { dev }),
  };
}

/** Creates the main window and loads the UI from app://fundstelle (never a dev server, never file://). */
export function createMainWindow(
  BrowserWindowCtor: new (options: BrowserWindowConstructorOptions) => BrowserWindow,
  preload: string,
  dev: boolean,
): BrowserWindow {
  const win = new BrowserWindowCtor(mainWindowOptions(preload, dev));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_START_URL);
  return win;
}

/** Brings `win` to the front: restored if minimized, shown if hidden, focused. */
export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}

/** Sends a menu event to the UI, only while the window shows the app (never to a foreign page). */
export function sendAppEvent(win: BrowserWindow | null, event: AppEvent): void {
  if (!win || win.isDestroyed()) return;
  if (!isAppUrl(win.webContents.getURL())) return;
  win.webContents.send(eventIpcChannel(event));
}
