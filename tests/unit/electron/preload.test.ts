import { build } from 'esbuild';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, EVENTS } from '../../../shared/channels.js';
import { CHANNELS } from '../../../shared/contract.js';
import type { createElectronMock } from './electron-mock.js';

const electron = vi.hoisted(() => ({ mock: null as unknown as ReturnType<typeof createElectronMock> }));
vi.mock('electron', async () => {
  const { createElectronMock: create } = await import('./electron-mock.js');
  electron.mock = create();
  return electron.mock;
});

type Exposed = Record<string, (...args: unknown[]) => unknown>;
let exposed: Exposed;

beforeAll(async () => {
  await import('../../../main/electron/preload.js');
  const calls = electron.mock.contextBridge.exposeInMainWorld.mock.calls as unknown as [string, Exposed][];
  expect(calls).toHaveLength(1);
  expect(calls[0]?.[0]).toBe('fundstelle');
  exposed = calls[0]![1];
});

describe('preload', () => {
  it('keeps its zod-free channel list equal to the contract (no duplicates)', () => {
    expect(new Set(CHANNEL_NAMES).size).toBe(CHANNEL_NAMES.length);
    expect([...CHANNEL_NAMES].sort()).toStrictEqual([...CHANNELS].sort());
  });

  it('exposes exactly one function per channel plus `on`, nothing else', () => {
    expect(Object.keys(exposed).sort()).toStrictEqual([...CHANNELS, 'on'].sort());
    for (const value of Object.values(exposed)) expect(typeof value).toBe('function');
    expect(exposed).not.toHaveProperty('ipcRenderer');
    expect(exposed).not.toHaveProperty('send');
    expect(exposed).not.toHaveProperty('invoke');
  });

  it.each(CHANNELS)('%s invokes its own channel with the arguments, and returns main’s envelope', async (channel) => {
    const envelope = { ok: true, value: channel };
    electron.mock.ipcRenderer.invoke.mockResolvedValueOnce(envelope as never);
    const args = { probe: channel };
    await expect(exposed[channel]?.(args)).resolves.toBe(envelope);
    expect(electron.mock.ipcRenderer.invoke).toHaveBeenLastCalledWith(channel, args);
  });

  it('`on` subscribes only to known events, hides the IPC event and unsubscribes', () => {
    const on = exposed.on as (event: string, cb: (...a: unknown[]) => void) => () => void;
    for (const bad of ['app.info', 'menu.evil', '__proto__', 'fundstelle:event:menu.import', '']) {
      expect(() => on(bad, () => {}), bad).toThrow(TypeError);
    }
    expect(() => on('menu.import', 'not a function' as never)).toThrow(TypeError);
    expect(electron.mock.ipcRenderer.on).not.toHaveBeenCalled();

    for (const event of EVENTS) {
      const callback = vi.fn();
      const off = on(event, callback);
      const [channel, listener] = electron.mock.ipcRenderer.on.mock.lastCall as unknown as [string, (...a: unknown[]) => void];
      expect(channel).toBe(`fundstelle:event:${event}`);
      // Electron passes (IpcRendererEvent, ...args); the page must get neither (event.sender is ipcRenderer).
      listener({ sender: electron.mock.ipcRenderer }, 'payload');
      expect(callback).toHaveBeenCalledWith();
      off();
      expect(electron.mock.ipcRenderer.removeListener).toHaveBeenLastCalledWith(channel, listener);
    }
  });

  it('bundles to CommonJS that requires only electron and contains no zod', async () => {
    const result = await build({
      entryPoints: ['main/electron/preload.ts'],
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'node',
      external: ['electron'],
      metafile: true,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    const required = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toStrictEqual(new Set(['electron']));
    expect(Object.keys(result.metafile.inputs).sort()).toStrictEqual(['main/electron/preload.ts', 'shared/bridge.ts', 'shared/channels.ts']);
    expect(code).not.toMatch(/zod/i);
  });
});
