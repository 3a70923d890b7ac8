import type { IpcMain } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, type Channel, type Envelope } from '../../../shared/contract.js';
import type { Handlers } from '../../../main/ipc/dispatch.js';
import { registerIpc, senderRefusal } from '../../../main/ipc/electron-ipc.js';
import { createElectronMock, MockFrame } from './electron-mock.js';

/** Handlers that record calls and return the channel name. */
function spyHandlers(): Handlers & Record<Channel, ReturnType<typeof vi.fn>> {
  const handlers: Record<string, ReturnType<typeof vi.fn>> = {};
  for (const channel of CHANNELS) handlers[channel] = vi.fn(() => channel);
  return handlers as unknown as Handlers & Record<Channel, ReturnType<typeof vi.fn>>;
}

/**
 * Valid arguments for some channels, to prove a trusted call reaches its handler. Channels added
 * later are covered by the generic tests below without needing an entry here.
 */
const VALID_ARGS: Partial<Record<Channel, unknown>> = {
  'app.info': {},
  'settings.get': {},
  'settings.set': { language: 'en' },
  'articles.list': {},
  'articles.get': { id: 1 },
  'articles.search': { query: 'Kakao' },
  'import.uploads': { files: [{ name: 'a.txt', data: 'SGFsbG8=' }] },
  'import.expand': { paths: ['/tmp/x'] },
  'import.paths': { paths: ['/tmp/x.txt'] },
  'dialog.openImport': {},
};

interface Sender {
  senderFrame: MockFrame | null;
  sender: { mainFrame: MockFrame };
}

/** An IPC event from the app's own main frame. */
function appEvent(): Sender {
  const frame = new MockFrame('app://fundstelle/index.html', null);
  return { senderFrame: frame, sender: { mainFrame: frame } };
}

/** Senders that must be refused. */
function foreignEvents(): Record<string, Sender> {
  const foreignMain = new MockFrame('https://evil.example/', null);
  const appMain = new MockFrame('app://fundstelle/index.html', null);
  const sub = new MockFrame('app://fundstelle/index.html', appMain);
  const lookAlike = new MockFrame('app://fundstelle.evil/index.html', null);
  const otherContentsFrame = new MockFrame('app://fundstelle/index.html', null);
  return {
    'null senderFrame': { senderFrame: null, sender: { mainFrame: appMain } },
    'other origin': { senderFrame: foreignMain, sender: { mainFrame: foreignMain } },
    'look-alike origin': { senderFrame: lookAlike, sender: { mainFrame: lookAlike } },
    'file: page': { senderFrame: new MockFrame('file:///tmp/x.html', null), sender: { mainFrame: appMain } },
    'about:blank': (() => {
      const f = new MockFrame('about:blank', null);
      return { senderFrame: f, sender: { mainFrame: f } };
    })(),
    'empty url': (() => {
      const f = new MockFrame('', null);
      return { senderFrame: f, sender: { mainFrame: f } };
    })(),
    'app subframe': { senderFrame: sub, sender: { mainFrame: appMain } },
    'frame that is not its webContents main frame': { senderFrame: otherContentsFrame, sender: { mainFrame: appMain } },
  };
}

describe('registerIpc', () => {
  let electron: ReturnType<typeof createElectronMock>;
  let handlers: ReturnType<typeof spyHandlers>;
  const refused = vi.fn();

  beforeEach(() => {
    electron = createElectronMock();
    handlers = spyHandlers();
    refused.mockReset();
    registerIpc(electron.ipcMain as unknown as IpcMain, handlers, { lang: () => 'de', onRefused: refused });
  });

  const call = (channel: string, event: Sender, ...args: unknown[]) => {
    const listener = electron.ipcMain.handlers.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener(event, ...args) as Promise<Envelope<unknown>>;
  };

  it('registers exactly one handler per contract channel and nothing else', () => {
    const registered = electron.ipcMain.handle.mock.calls.map((c) => c[0]);
    expect(registered).toHaveLength(CHANNELS.length);
    expect(new Set(registered)).toStrictEqual(new Set(CHANNELS));
  });

  it('leaves unknown channels unregistered (Electron rejects invoke on them)', () => {
    for (const channel of ['shell.openExternal', 'fs.readFile', '__proto__', 'app.info ', 'APP.INFO', 'fundstelle:event:menu.import']) {
      expect(electron.ipcMain.handlers.has(channel), channel).toBe(false);
    }
  });

  it.each(Object.keys(VALID_ARGS) as Channel[])('%s: a valid call from the app main frame reaches its handler', async (channel) => {
    await expect(call(channel, appEvent(), VALID_ARGS[channel])).resolves.toStrictEqual({ ok: true, value: channel });
    expect(handlers[channel]).toHaveBeenCalledTimes(1);
  });

  it.each(CHANNELS)('%s: a call from the app main frame passes the sender check', async (channel) => {
    const result = await call(channel, appEvent(), VALID_ARGS[channel] ?? {});
    expect(result.ok ? 'ok' : result.error.code).not.toBe('FORBIDDEN');
    expect(refused).not.toHaveBeenCalled();
  });

  it.each(CHANNELS)('%s: every foreign sender gets FORBIDDEN and the handler never runs', async (channel) => {
    for (const [name, event] of Object.entries(foreignEvents())) {
      const result = await call(channel, event, VALID_ARGS[channel]);
      expect(result, name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Zugriff verweigert.' } });
    }
    expect(handlers[channel]).not.toHaveBeenCalled();
    expect(refused).toHaveBeenCalledTimes(Object.keys(foreignEvents()).length);
  });

  it.each(CHANNELS)('%s: invalid arguments (and unknown keys: every schema is strict) are refused before the handler', async (channel) => {
    for (const bad of [{ unexpected: 1 }, 'string', 42, true, [], { ...((VALID_ARGS[channel] ?? {}) as object), extra: true }]) {
      const result = await call(channel, appEvent(), bad);
      expect(result, JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENTS' } });
    }
    const tooMany = await call(channel, appEvent(), VALID_ARGS[channel] ?? {}, 'second');
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENTS' } });
    expect(handlers[channel]).not.toHaveBeenCalled();
  });

  it('refuses with messages in the user language', async () => {
    const en = createElectronMock();
    registerIpc(en.ipcMain as unknown as IpcMain, spyHandlers(), { lang: () => 'en' });
    const result = await (en.ipcMain.handlers.get('app.info')?.({ senderFrame: null, sender: {} }, {}) as Promise<Envelope<unknown>>);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Access denied.' } });
  });

  it('still answers FORBIDDEN when the language cannot be read', async () => {
    const broken = createElectronMock();
    registerIpc(broken.ipcMain as unknown as IpcMain, spyHandlers(), {
      lang: () => {
        throw new Error('database closed');
      },
    });
    const result = await (broken.ipcMain.handlers.get('app.info')?.({ senderFrame: null, sender: {} }, {}) as Promise<Envelope<unknown>>);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('maps handler errors to typed envelopes, never stack traces', async () => {
    handlers['articles.get'].mockImplementation(() => {
      throw new Error('boom');
    });
    const result = await call('articles.get', appEvent(), { id: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toMatch(/\bat .+:\d+:\d+/);
  });
});

describe('senderRefusal', () => {
  it('accepts only the app main frame', () => {
    expect(senderRefusal(appEvent() as never)).toBeNull();
    for (const [name, event] of Object.entries(foreignEvents())) expect(senderRefusal(event as never), name).not.toBeNull();
  });
});
