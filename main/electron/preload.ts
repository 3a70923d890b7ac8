import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, type Bridge, type EnvelopeApi } from '../../shared/bridge.js';
import { CHANNEL_NAMES, eventIpcChannel, isAppEvent, type AppEvent } from '../../shared/channels.js';

/**
 * The only bridge between the sandboxed UI and main, exposed as `window.fundstelle`:
 * one method per contract channel, each invoking exactly its own channel, plus `on` for the
 * menu events in `EVENTS` — the only member that is not a channel. No ipcRenderer, no generic
 * send or invoke, no Node. Bundled as CommonJS (sandboxed preloads cannot be ESM) and imports
 * only `electron` and the zod-free name lists; `shared/bridge.js` is imported for types only.
 */

/** One invoking method per channel, built from the name list. */
function channelMethods(): EnvelopeApi {
  const api: Record<string, (args: unknown) => Promise<unknown>> = {};
  for (const channel of CHANNEL_NAMES) api[channel] = (args) => ipcRenderer.invoke(channel, args);
  // Safe: CHANNEL_NAMES equals the contract's channels (checked in shared/contract.ts), and main
  // answers every channel with an Envelope (main/ipc/electron-ipc.ts).
  return api as EnvelopeApi;
}

/** Subscribes `callback` to one menu event; the IPC event object never reaches the page (it holds `sender`). */
function on(event: AppEvent, callback: () => void): () => void {
  if (!isAppEvent(event)) throw new TypeError(`Unknown event: ${String(event)}`);
  if (typeof callback !== 'function') throw new TypeError('callback must be a function');
  const channel = eventIpcChannel(event);
  const listener = (): void => callback();
  ipcRenderer.on(channel, listener);
  return () => {
    ipcRenderer.removeListener(channel, listener);
  };
}

/** The exposed object; `satisfies` keeps it exactly the typed bridge. */
export const bridge = { ...channelMethods(), on } satisfies Bridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
