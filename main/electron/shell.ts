import path from 'node:path';
import type { App, BrowserWindow, BrowserWindowConstructorOptions, Dialog, IpcMain, Menu, Protocol, Session, Shell } from 'electron';
import type { Lang } from '../../shared/errors.js';
import type { AppEvent } from '../../shared/channels.js';
import { toErrorPayload } from '../core/errors.js';
import { needsRecoveryCheck, openFailureAdvice, startupChecks } from '../core/startup-checks.js';
import { defaultDataDir } from '../core/paths.js';
import { getSettings } from '../core/settings.js';
import { APP_VERSION } from '../core/version.js';
import { openDatabase, type Database } from '../db/open.js';
import { pendingUpgrade, UPGRADE_WINDOW_MIN_ARTICLES, upgradeCollection } from '../db/upgrade.js';
import type { Handlers } from '../ipc/dispatch.js';
import { registerIpc } from '../ipc/electron-ipc.js';
import { createHandlers } from '../ipc/handlers.js';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol.js';
import { electronDbPath } from './db-path.js';
import { confirmExternalUrl, showAbout, showImportDialog } from './dialogs.js';
import { createExternalLinkOpener } from './external-link.js';
import { buildMenuTemplate } from './menu.js';
import { guardAllWebContents, hardenSession } from './security.js';
import { t } from './strings.js';
import { APP_SCHEME } from './trusted-url.js';
import { openUpgradeWindow } from './upgrade.js';
import { createMainWindow, focusWindow, sendAppEvent } from './window.js';

/**
 * The Electron shell's lifecycle: everything main.ts does, with the Electron modules passed in
 * so the wiring itself is unit-tested against a mock. No business logic: the core does the work.
 */

/** The Electron pieces the shell uses. */
export interface ShellElectron {
  app: App;
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  dialog: Pick<Dialog, 'showOpenDialog' | 'showMessageBox' | 'showErrorBox'>;
  ipcMain: Pick<IpcMain, 'handle'>;
  Menu: { buildFromTemplate: typeof Menu.buildFromTemplate; setApplicationMenu: typeof Menu.setApplicationMenu };
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
  session: { defaultSession: Session };
  shell: Pick<Shell, 'openExternal'>;
}

/** The process facts the shell reads. */
export interface ShellProcess {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
}

/** Writes refusals to the log: a record for the user's IT, never shown in the UI. */
function logRefusal(what: string, detail: string): void {
  console.warn(`[fundstelle] refused ${what}: ${detail.slice(0, 300)}`);
}

/**
 * Starts the shell. Runs the steps that must precede `ready` synchronously (privileged scheme,
 * sandbox for all renderers, data folder, single-instance lock, webContents guards) and the rest
 * once the app is ready. Returns a promise settled when startup finished (for tests).
 */
export function startShell(e: ShellElectron, proc: ShellProcess): Promise<void> {
  const { app } = e;
  const dev = !app.isPackaged;

  e.protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  // Sandbox every renderer, including any created later, not only the windows we configure.
  app.enableSandbox();
  // One data folder for the app, the CLI and browser mode (Electron's Linux default would be
  // ~/.config); Chromium's own files go into a subfolder, away from the collection.
  const dataDir = defaultDataDir(proc.env, proc.platform);
  app.setPath('userData', dataDir);
  app.setPath('sessionData', path.join(dataDir, 'electron'));

  // The lock is keyed on userData, so it is taken after setting it.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.resolve();
  }

  let win: BrowserWindow | null = null;
  let db: Database | null = null;
  const lang = (): Lang => (db ? getSettings(db).language : 'de');

  app.on('second-instance', () => focusWindow(win));

  const offerExternal = createExternalLinkOpener({
    confirm: (url) => confirmExternalUrl(e.dialog, win, lang(), url),
    openExternal: (url) => e.shell.openExternal(url),
    log: logRefusal,
  });
  guardAllWebContents(app, { offerExternal: (url) => void offerExternal(url), log: logRefusal });

  // macOS convention: the app stays in the dock without windows (see 'activate' below).
  app.on('window-all-closed', () => {
    if (proc.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    db?.close();
    db = null;
  });

  const send = (event: AppEvent) => () => sendAppEvent(win, event);
  const setMenu = (dbPath: string): void => {
    const template = buildMenuTemplate({
      lang: lang(),
      dev,
      mac: proc.platform === 'darwin',
      actions: {
        import: send('menu.import'),
        importFolder: send('menu.importFolder'),
        settings: send('menu.settings'),
        about: () => void showAbout(e.dialog, win, lang(), { version: APP_VERSION, dbPath }),
      },
    });
    e.Menu.setApplicationMenu(e.Menu.buildFromTemplate(template));
  };

  const onReady = async (): Promise<void> => {
    const dbPath = electronDbPath(proc.argv, proc.env, app.getPath('userData'));
    // Must be read before opening: opening creates the -wal this looks for.
    const recover = needsRecoveryCheck(dbPath);
    const appRoot = app.getAppPath();
    hardenSession(e.session.defaultSession, logRefusal);
    e.protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(appRoot, 'dist', 'renderer')));
    // An older collection is brought up to date on a worker thread first, with a window saying so:
    // on a large one that takes minutes, and opening it here would freeze the app without a window.
    // A small one is brought up to date as it is opened, in a second or two.
    const pending = pendingUpgrade(dbPath);
    // Closed once the main window is open: closing the last window would quit the app.
    let upgradeWindow: { close: () => void } | null = null;
    if (pending && pending.articles >= UPGRADE_WINDOW_MIN_ARTICLES) {
      const upgrade = openUpgradeWindow(e.BrowserWindow, pending.lang, dev);
      upgradeWindow = upgrade;
      try {
        await upgradeCollection(dbPath, pending.lang, upgrade.progress);
      } catch (err) {
        e.dialog.showErrorBox(t(pending.lang, 'startFailed'), (err as Error).message + openFailureAdvice(dbPath, pending.lang));
        app.quit();
        upgrade.close();
        return;
      }
    }
    try {
      db = openDatabase(dbPath);
    } catch (err) {
      e.dialog.showErrorBox(t('de', 'startFailed'), toErrorPayload(err, 'de').message + openFailureAdvice(dbPath, 'de'));
      app.quit();
      upgradeWindow?.close();
      return;
    }

    const base = createHandlers({
      db,
      dbPath,
      transport: 'electron',
      showOpenDialog: (options?: { folders?: boolean }) => showImportDialog(e.dialog, win, lang(), options?.folders ?? false),
    });
    // The menu speaks the UI's language: rebuild it when the language setting changes.
    const handlers: Handlers = {
      ...base,
      'settings.set': async (patch) => {
        const settings = await base['settings.set'](patch);
        setMenu(dbPath);
        return settings;
      },
    };
    registerIpc(e.ipcMain, handlers, { lang, onRefused: (channel, reason) => logRefusal('ipc', `${channel}: ${reason}`) });
    setMenu(dbPath);

    const preload = path.join(appRoot, 'dist', 'electron', 'preload.cjs');
    const open = (): void => {
      win = createMainWindow(e.BrowserWindow, preload, dev);
      win.on('closed', () => {
        win = null;
      });
    };
    open();
    upgradeWindow?.close();
    // Daily backup and, after an unclean shutdown, the integrity check: after the window, in the background.
    const opened = db;
    void startupChecks(opened, dbPath, { recover }).then((report) => {
      if (report.problem && opened.open) void e.dialog.showMessageBox({ type: 'warning', message: 'Fundstelle', detail: report.problem[lang()] });
    });
    // macOS keeps apps alive without windows; clicking the dock icon opens one again.
    app.on('activate', () => {
      if (win === null) open();
    });
  };

  return app.whenReady().then(onReady, (err: unknown) => {
    e.dialog.showErrorBox(t('de', 'startFailed'), err instanceof Error ? err.message : String(err));
    app.quit();
  });
}
