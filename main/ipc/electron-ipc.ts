import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type Envelope } from '../../shared/contract.js';
import { formatError, type Lang } from '../../shared/errors.js';
import { isAppUrl } from '../electron/trusted-url.js';
import { dispatch, type Handlers } from './dispatch.js';

/**
 * Binds the contract to Electron IPC. Every channel gets exactly one `ipcMain.handle`; each call
 * first proves it comes from the app's own main frame (after VS Code's validatedIpcMain, but
 * without its exceptions for missing or about:blank URLs), then `dispatch` validates the arguments.
 * Channels not in the contract are never registered, so Electron refuses them itself.
 */

/** Why a sender was refused, or null when it may call. */
export function senderRefusal(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): string | null {
  const frame = event.senderFrame;
  // null: the frame navigated away or was destroyed while the message was in flight.
  if (!frame) return 'no sender frame';
  if (frame.parent !== null) return 'not the main frame';
  if (frame !== event.sender.mainFrame) return 'not the main frame of its webContents';
  if (!isAppUrl(frame.url)) return `foreign origin ${String(frame.url).slice(0, 200)}`;
  return null;
}

export interface RegisterIpcOptions {
  /** The UI language for error messages (the user's setting). */
  lang: () => Lang;
  /** Called for every refused call (logging; tests). */
  onRefused?: (channel: string, reason: string) => void;
}

/** The envelope a refused sender gets: FORBIDDEN, with nothing about why (that goes to the log). */
function forbidden(channel: string, lang: Lang): Envelope<never> {
  const details = { channel };
  return { ok: false, error: { code: 'FORBIDDEN', details, message: formatError('FORBIDDEN', details, lang) } };
}

/** The language, or German if the settings cannot be read (the envelope must still be produced). */
function safeLang(lang: () => Lang): Lang {
  try {
    return lang();
  } catch {
    return 'de';
  }
}

/** Registers one checked `ipcMain.handle` per contract channel and nothing else. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, handlers: Handlers, opts: RegisterIpcOptions): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const refusal = senderRefusal(event);
      if (refusal !== null) {
        opts.onRefused?.(channel, refusal);
        return forbidden(channel, safeLang(opts.lang));
      }
      const lang = safeLang(opts.lang);
      // The preload sends exactly one argument; more means someone else is calling.
      if (args.length > 1) {
        const details = { channel, reason: `expected one argument, got ${args.length}` };
        return { ok: false, error: { code: 'INVALID_ARGUMENTS', details, message: formatError('INVALID_ARGUMENTS', details, lang) } };
      }
      return dispatch(handlers, channel, args[0], lang);
    });
  }
}
