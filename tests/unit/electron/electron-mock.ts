import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A hand-made stand-in for the `electron` module (its binary cannot run here). Records what the
 * shell configures so tests can assert it and then drive the recorded handlers like Electron would.
 * Usage: `vi.mock('electron', () => createElectronMock())` or pass pieces to the pure functions.
 */

/** A webContents: events, the window-open handler, IPC sends. */
export class MockWebContents extends EventEmitter {
  url = 'app://fundstelle/index.html';
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly mainFrame: MockFrame;
  readonly send = vi.fn();
  constructor() {
    super();
    this.mainFrame = new MockFrame(this.url, null);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.url;
  }
  /** Emits a cancellable navigation-style event (Electron's Event<{url}>) and reports whether it was prevented. */
  emitNavigation(name: string, url: string): boolean {
    let prevented = false;
    const event = { url, isMainFrame: true, preventDefault: () => (prevented = true) };
    this.emit(name, event, url);
    return prevented;
  }
}

/** A frame (WebFrameMain): url and parent. */
export class MockFrame {
  constructor(
    public url: string,
    public parent: MockFrame | null,
  ) {}
}

/** A BrowserWindow that records its options. */
export class MockBrowserWindow extends EventEmitter {
  static instances: MockBrowserWindow[] = [];
  readonly webContents = new MockWebContents();
  minimized = false;
  visible = false;
  destroyed = false;
  readonly loadURL = vi.fn(async (_url: string) => {});
  readonly show = vi.fn(() => {
    this.visible = true;
  });
  readonly focus = vi.fn();
  readonly setTitle = vi.fn();
  readonly setProgressBar = vi.fn();
  readonly destroy = vi.fn(() => {
    this.destroyed = true;
  });
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });
  constructor(public readonly options: Record<string, unknown>) {
    super();
    MockBrowserWindow.instances.push(this);
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/** A session with the hooks the shell sets. */
export function createMockSession() {
  return {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    setSpellCheckerDictionaryDownloadURL: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() },
  };
}

/** The whole module. `app.lock` decides what requestSingleInstanceLock returns. */
export function createElectronMock() {
  const paths = new Map<string, string>();
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    lock: true,
    enableSandbox: vi.fn(),
    setPath: vi.fn((name: string, value: string) => void paths.set(name, value)),
    getPath: vi.fn((name: string) => paths.get(name) ?? `/mock/${name}`),
    getAppPath: vi.fn(() => '/mock/app'),
    requestSingleInstanceLock: vi.fn((): boolean => app.lock),
    quit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
  });
  const ipcHandlers = new Map<string, (...args: unknown[]) => unknown>();
  const ipcMain = {
    handlers: ipcHandlers,
    handle: vi.fn((channel: string, listener: (...args: unknown[]) => unknown) => {
      if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcHandlers.set(channel, listener);
    }),
  };
  const mock = {
    app,
    BrowserWindow: MockBrowserWindow,
    dialog: {
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] as string[] })),
      showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
      showErrorBox: vi.fn(),
    },
    ipcMain,
    Menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: createMockSession() },
    shell: { openExternal: vi.fn(async () => {}) },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: null })), on: vi.fn(), removeListener: vi.fn() },
  };
  return { ...mock, default: mock };
}

export type ElectronMock = ReturnType<typeof createElectronMock>;
