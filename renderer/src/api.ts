import type { Bridge } from '../../shared/bridge.js';
import type { AppEvent } from '../../shared/channels.js';
import type { Api, ArgsIn, Channel, Envelope, Result } from '../../shared/contract.js';
import type { ErrorCode, ErrorDetails, ErrorPayload } from '../../shared/errors.js';

/**
 * The only module that talks to a transport. In Electron the preload exposes `window.fundstelle`
 * (one method per channel, each returning an envelope); in browser mode the same channels are
 * `POST /api/<channel>` on the server that served this page, authorised by the launch token.
 * Everything else in the renderer calls `api[channel](args)` and never sees the difference.
 */

declare global {
  interface Window {
    /** Present only inside the Electron shell (main/electron/preload.ts). */
    fundstelle?: Bridge;
  }
}

/** A failed call: the typed error code and details from the core, translatable in the UI. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.code = payload.code;
    this.details = payload.details;
  }

  /** The plain payload, e.g. for storing in a result list. */
  toPayload(): ErrorPayload {
    return { code: this.code, details: this.details, message: this.message };
  }
}

const TOKEN_KEY = 'fundstelle.token';
let cachedToken: string | null | undefined;

/**
 * The browser-mode token. On first load it arrives as `?token=`; it is moved to sessionStorage
 * (so a reload keeps working) and removed from the address bar, history and any later copy of the URL.
 */
function browserToken(): string | null {
  if (cachedToken !== undefined) return cachedToken;
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      sessionStorage.setItem(TOKEN_KEY, fromUrl);
    } catch {
      // Storage may be disabled; the token then lives only in memory for this page.
    }
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  let stored: string | null;
  try {
    stored = sessionStorage.getItem(TOKEN_KEY);
  } catch {
    stored = null;
  }
  cachedToken = fromUrl ?? stored;
  return cachedToken;
}

/** Reads the token now, so it leaves the address bar before anything else runs. */
export function initTransport(): void {
  if (!window.fundstelle) browserToken();
}

/** Which transport this page uses. */
export function transportKind(): 'electron' | 'web' {
  return window.fundstelle ? 'electron' : 'web';
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof (value as { ok: unknown }).ok === 'boolean';
}

/** Calls one channel over HTTP and returns its envelope. */
async function callHttp(channel: Channel, args: unknown): Promise<Envelope<unknown>> {
  const token = browserToken() ?? '';
  let response: Response;
  try {
    response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(args ?? {}),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { code: 'INTERNAL', details: { reason }, message: reason } };
  }
  const body: unknown = await response.json().catch(() => null);
  if (isEnvelope(body)) return body;
  const reason = `HTTP ${response.status}`;
  return { ok: false, error: { code: 'INTERNAL', details: { reason }, message: reason } };
}

/** Calls one channel on whichever transport serves this page and unwraps the envelope. */
export async function call<C extends Channel>(channel: C, args: ArgsIn<C>): Promise<Result<C>> {
  const bridge = window.fundstelle;
  const envelope = bridge ? await (bridge[channel] as (a: ArgsIn<C>) => Promise<Envelope<Result<C>>>)(args) : await callHttp(channel, args);
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.value as Result<C>;
}

/**
 * The typed API: `api['articles.list']({ query })`. A proxy rather than a table of channels, so
 * the renderer bundle needs no runtime copy of the contract (and none of its schemas).
 */
export const api: Api = new Proxy({} as Api, {
  get(_target, prop) {
    if (typeof prop !== 'string' || prop === 'then') return undefined;
    return (args: unknown) => call(prop as Channel, args as never);
  },
});

/**
 * Subscribes to an application-menu command (Electron: Datei → Importieren…, Einstellungen…).
 * Browser mode has no application menu, so there it subscribes to nothing.
 */
export function onAppEvent(event: AppEvent, callback: () => void): () => void {
  return window.fundstelle ? window.fundstelle.on(event, callback) : () => undefined;
}

/** Turns anything caught into an error payload for display. */
export function toErrorPayload(e: unknown): ErrorPayload {
  if (e instanceof ApiError) return e.toPayload();
  const reason = e instanceof Error ? e.message : String(e);
  return { code: 'INTERNAL', details: { reason }, message: reason };
}
