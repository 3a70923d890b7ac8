import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, type Envelope } from '../../../shared/contract.js';
import { APP_SCHEME_PRIVILEGES } from '../../../main/electron/app-protocol.js';
import { electronDbPath, parseDbArg } from '../../../main/electron/db-path.js';
import { LATEST_VERSION } from '../../../main/db/migrations/index.js';
import { UPGRADE_WINDOW_MIN_ARTICLES } from '../../../main/db/upgrade.js';
import { fileSchemaVersion, writeOldCollection } from '../../helpers/db.js';
import { startShell, type ShellElectron } from '../../../main/electron/shell.js';
import { createElectronMock, MockBrowserWindow, MockWebContents, type ElectronMock } from './electron-mock.js';

const mocked = vi.hoisted(() => ({ electron: null as unknown }));
vi.mock('electron', async () => {
  const { createElectronMock: create } = await import('./electron-mock.js');
  const mock = create();
  mocked.electron = mock;
  return mock;
});

let tmp: string;
let electron: ElectronMock;
let quitHandlers: (() => void)[] = [];

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fundstelle-shell-'));
  electron = createElectronMock();
  MockBrowserWindow.instances = [];
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  for (const quit of quitHandlers) quit();
  quitHandlers = [];
  fs.rmSync(tmp, { recursive: true, force: true });
  vi.restoreAllMocks();
});

/** Starts the shell against the mock with its own data folder and database. */
async function start(overrides: { argv?: string[]; env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform } = {}) {
  const env = { XDG_DATA_HOME: tmp, FUNDSTELLE_DB: path.join(tmp, 'test.sqlite'), ...overrides.env };
  const e = electron;
  await startShell(e as unknown as ShellElectron, { argv: overrides.argv ?? ['electron', '.'], env, platform: overrides.platform ?? 'linux' });
  quitHandlers.push(() => e.app.emit('will-quit'));
  return MockBrowserWindow.instances[0];
}

/** Calls a registered IPC channel as the window's own page would. */
function invoke(win: MockBrowserWindow, channel: string, args: unknown): Promise<Envelope<unknown>> {
  const listener = electron.ipcMain.handlers.get(channel);
  if (!listener) throw new Error(`no handler for ${channel}`);
  return listener({ senderFrame: win.webContents.mainFrame, sender: win.webContents }, args) as Promise<Envelope<unknown>>;
}

const lastMenu = () => (electron.Menu.buildFromTemplate.mock.lastCall?.[0] ?? []) as MenuItemConstructorOptions[];

describe('before ready', () => {
  it('registers the privileged scheme, sandboxes all renderers and takes the lock before anything else', async () => {
    let ready: () => void = () => {};
    electron.app.whenReady.mockReturnValueOnce(new Promise<void>((resolve) => (ready = resolve)));
    const started = startShell(electron as unknown as ShellElectron, {
      argv: [],
      env: { XDG_DATA_HOME: tmp, FUNDSTELLE_DB: path.join(tmp, 'x.sqlite') },
      platform: 'linux',
    });
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', path.join(tmp, 'fundstelle'));
    expect(electron.app.setPath).toHaveBeenCalledWith('sessionData', path.join(tmp, 'fundstelle', 'electron'));
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(electron.app.setPath.mock.invocationCallOrder.at(-1)).toBeLessThan(electron.app.requestSingleInstanceLock.mock.invocationCallOrder[0] ?? 0);
    expect(electron.app.listenerCount('web-contents-created')).toBe(1);
    // Nothing that needs `ready` has happened yet.
    expect(electron.protocol.handle).not.toHaveBeenCalled();
    expect(MockBrowserWindow.instances).toHaveLength(0);
    ready();
    await started;
    quitHandlers.push(() => electron.app.emit('will-quit'));
    expect(MockBrowserWindow.instances).toHaveLength(1);
  });
});

describe('single instance', () => {
  it('a second instance quits without a window', async () => {
    electron.app.lock = false;
    await start();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(MockBrowserWindow.instances).toHaveLength(0);
    expect(electron.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('the first instance focuses its window when a second one starts', async () => {
    const win = await start();
    win!.minimized = true;
    electron.app.emit('second-instance', {}, ['fundstelle', '--db', '/elsewhere.sqlite'], tmp);
    expect(win!.restore).toHaveBeenCalled();
    expect(win!.focus).toHaveBeenCalled();
  });
});

describe('after ready', () => {
  it('creates one secure window that loads app://fundstelle/index.html with the bundled preload', async () => {
    const win = await start();
    expect(MockBrowserWindow.instances).toHaveLength(1);
    expect(win!.options.webPreferences).toMatchObject({
      preload: path.join('/mock/app', 'dist', 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      spellcheck: true,
      devTools: true, // not packaged: development
    });
    expect(win!.loadURL).toHaveBeenCalledWith('app://fundstelle/index.html');
  });

  it('turns DevTools off in a packaged build', async () => {
    electron.app.isPackaged = true;
    const win = await start();
    expect(win!.options.webPreferences).toMatchObject({ devTools: false });
    expect(lastMenu()[2]?.submenu).not.toContainEqual(expect.objectContaining({ role: 'reload' }));
  });

  it('hardens the default session and serves the UI only through the app protocol', async () => {
    await start();
    const session = electron.session.defaultSession;
    expect(session.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(session.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    expect(session.webRequest.onBeforeRequest).toHaveBeenCalledTimes(1);
    expect(session.webRequest.onHeadersReceived).toHaveBeenCalledTimes(1);
    expect(electron.protocol.handle).toHaveBeenCalledTimes(1);
    expect(electron.protocol.handle.mock.calls[0]?.[0]).toBe('app');
  });

  it('registers exactly the contract channels on ipcMain', async () => {
    await start();
    const channels = electron.ipcMain.handle.mock.calls.map((c) => c[0]);
    expect(channels.sort()).toStrictEqual([...CHANNELS].sort());
  });

  it('serves the contract to its own page and refuses a foreign one', async () => {
    const win = await start();
    await expect(invoke(win!, 'app.info', {})).resolves.toMatchObject({ ok: true, value: { transport: 'electron', articleCount: 0, dbPath: path.join(tmp, 'test.sqlite') } });
    win!.webContents.mainFrame.url = 'https://evil.example/';
    await expect(invoke(win!, 'app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('dialog.openImport shows the native dialog and returns the chosen paths', async () => {
    const win = await start();
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/tmp/a.txt'] });
    await expect(invoke(win!, 'dialog.openImport', {})).resolves.toStrictEqual({ ok: true, value: { paths: ['/tmp/a.txt'] } });
    const [parent, options] = electron.dialog.showOpenDialog.mock.calls[0] as unknown as [unknown, { properties: string[] }];
    expect(parent).toBe(win);
    expect(options.properties).toContain('openFile');
  });

  it('sets the German menu; Datei → Importieren… sends menu.import to the UI; English after the setting changes', async () => {
    const win = await start();
    const file = lastMenu()[0];
    expect(lastMenu().map((m) => m.label)).toStrictEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Hilfe']);
    const importItem = (file?.submenu as MenuItemConstructorOptions[]).find((i) => i.accelerator === 'CmdOrCtrl+O');
    (importItem?.click as () => void)();
    expect(win!.webContents.send).toHaveBeenCalledWith('fundstelle:event:menu.import');
    await expect(invoke(win!, 'settings.set', { language: 'en' })).resolves.toMatchObject({ ok: true, value: { language: 'en' } });
    expect(lastMenu().map((m) => m.label)).toStrictEqual(['File', 'Edit', 'View', 'Help']);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(2);
  });

  it('guards every new webContents and opens external links only after confirmation', async () => {
    await start();
    const contents = new MockWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.emitNavigation('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toStrictEqual({ action: 'deny' });
    await vi.waitFor(() => expect(electron.dialog.showMessageBox).not.toHaveBeenCalled());

    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    expect(contents.windowOpenHandler?.({ url: 'https://www.example.org/' })).toStrictEqual({ action: 'deny' });
    await vi.waitFor(() => expect(electron.shell.openExternal).toHaveBeenCalledWith('https://www.example.org/'));
    expect(electron.dialog.showMessageBox.mock.invocationCallOrder[0]).toBeLessThan(electron.shell.openExternal.mock.invocationCallOrder[0] ?? 0);
  });

  it('shows an error and quits when the collection cannot be opened', async () => {
    const notADb = path.join(tmp, 'broken.sqlite');
    fs.writeFileSync(notADb, 'this is not a database, just text that is long enough to have a header'.repeat(20));
    await start({ env: { FUNDSTELLE_DB: notADb } });
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith('Fundstelle kann nicht starten', expect.stringContaining(notADb));
    expect(electron.app.quit).toHaveBeenCalled();
    expect(MockBrowserWindow.instances).toHaveLength(0);
  });

  it('brings an older collection up to date on a worker first, its progress in the title of a window without a bridge', async () => {
    const file = writeOldCollection(path.join(tmp, 'alt.sqlite'), 1200);
    await start({ env: { FUNDSTELLE_DB: file } });
    const [upgrade, main] = MockBrowserWindow.instances;
    expect(MockBrowserWindow.instances).toHaveLength(2);
    expect(upgrade!.options).toMatchObject({ width: 560, resizable: false, show: true, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(upgrade!.options.webPreferences).not.toHaveProperty('preload');
    expect(upgrade!.loadURL).toHaveBeenCalledWith('app://fundstelle/upgrade.html');
    const titles = upgrade!.setTitle.mock.calls.map((c) => c[0] as string);
    expect(titles[0]).toBe(`Fundstelle – Sammlung wird aktualisiert (Schema 10 → ${LATEST_VERSION}): Sicherung wird angelegt …`);
    expect(titles).toContain(`Fundstelle – Sammlung wird aktualisiert (Schema 10 → ${LATEST_VERSION}), Schritt 11: 500 von 1.200 Artikeln (41 %)`);
    expect(upgrade!.setProgressBar).toHaveBeenCalledWith(1);
    // Closed only once the main window is open (closing the last window would quit the app).
    expect(upgrade!.destroy).toHaveBeenCalled();
    expect(main!.loadURL).toHaveBeenCalledWith('app://fundstelle/index.html');
    expect(upgrade!.destroy.mock.invocationCallOrder[0]).toBeGreaterThan(main!.loadURL.mock.invocationCallOrder[0] ?? Infinity);
    expect(electron.app.quit).not.toHaveBeenCalled();
    expect(fileSchemaVersion(file)).toBe(LATEST_VERSION);
  });

  it('shows why and quits when an older collection cannot be brought up to date; the collection stays as it was', async () => {
    const file = writeOldCollection(path.join(tmp, 'alt.sqlite'), UPGRADE_WINDOW_MIN_ARTICLES);
    fs.writeFileSync(path.join(tmp, 'backups'), 'kein Ordner');
    await start({ env: { FUNDSTELLE_DB: file } });
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith('Fundstelle kann nicht starten', expect.stringContaining('Sicherung'));
    expect(electron.app.quit).toHaveBeenCalled();
    expect(MockBrowserWindow.instances).toHaveLength(1);
    expect(MockBrowserWindow.instances[0]!.destroy).toHaveBeenCalled();
    expect(fileSchemaVersion(file)).toBe(10);
  });

  it('brings a small older collection up to date as it opens it, without the upgrade window', async () => {
    const file = writeOldCollection(path.join(tmp, 'klein.sqlite'), UPGRADE_WINDOW_MIN_ARTICLES - 1);
    const win = await start({ env: { FUNDSTELLE_DB: file } });
    expect(MockBrowserWindow.instances).toHaveLength(1);
    expect(win!.loadURL).toHaveBeenCalledWith('app://fundstelle/index.html');
    expect(fileSchemaVersion(file)).toBe(LATEST_VERSION);
  });

  it('quits when the last window closes, except on macOS', async () => {
    await start();
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    const mac = createElectronMock();
    electron = mac;
    await start({ platform: 'darwin' });
    mac.app.emit('window-all-closed');
    expect(mac.app.quit).not.toHaveBeenCalled();
  });
});

describe('database path', () => {
  it('takes --db, then FUNDSTELLE_DB, then userData/collection.sqlite', () => {
    expect(parseDbArg(['electron', '.', '--db', 'a.sqlite'])).toBe('a.sqlite');
    expect(parseDbArg(['electron', '.', '--db=b.sqlite'])).toBe('b.sqlite');
    expect(parseDbArg(['electron', '.', '--db'])).toBeUndefined();
    expect(electronDbPath(['x', '--db', '/c/a.sqlite'], { FUNDSTELLE_DB: '/c/b.sqlite' }, '/u')).toBe(path.resolve('/c/a.sqlite'));
    expect(electronDbPath(['x'], { FUNDSTELLE_DB: '/c/b.sqlite' }, '/u')).toBe(path.resolve('/c/b.sqlite'));
    expect(electronDbPath(['x'], {}, '/u')).toBe(path.join('/u', 'collection.sqlite'));
  });
});

describe('main.ts', () => {
  it('starts the shell with the electron module', async () => {
    vi.stubEnv('XDG_DATA_HOME', tmp);
    vi.stubEnv('FUNDSTELLE_DB', path.join(tmp, 'main.sqlite'));
    await import('../../../main/electron/main.js');
    const e = mocked.electron as ElectronMock;
    expect(e.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    expect(e.app.requestSingleInstanceLock).toHaveBeenCalled();
    await vi.waitFor(() => expect(e.ipcMain.handle).toHaveBeenCalledTimes(CHANNELS.length));
    e.app.emit('will-quit');
    vi.unstubAllEnvs();
  });
});
