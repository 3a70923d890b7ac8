import type { App, Session, WebContents, WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp.js';
import { APP_ORIGIN, APP_SCHEME, isAppUrl } from './trusted-url.js';

/**
 * The shell's security settings, each a function taking the Electron objects it configures so
 * tests can pass mocks. Measures follow Electron's security checklist; see tests/unit/electron.
 */

/**
 * The window's webPreferences: isolated, sandboxed renderer without Node; the preload is the only
 * bridge. DevTools only in development builds.
 */
export function secureWebPreferences(preload: string | null, options: { dev: boolean }): WebPreferences {
  return {
    // null: a page that talks to nothing (the upgrade window)
    ...(preload === null ? {} : { preload }),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    webviewTag: false,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
    devTools: options.dev,
  };
}

/** URL schemes a request may use. devtools: is the DevTools front end (development only); data: never leaves the machine. */
const ALLOWED_REQUEST_SCHEMES = new Set([`${APP_SCHEME}:`, 'devtools:', 'data:']);

/** True when a request may proceed: the app's own files, DevTools, inline data. No outbound network at all. */
export function isAllowedRequest(url: string): boolean {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return false;
  }
  if (protocol === `${APP_SCHEME}:`) return isAppUrl(url);
  return ALLOWED_REQUEST_SCHEMES.has(protocol);
}

/** Response headers with our CSP replacing any the response brought (in any spelling). */
export function withCsp(headers: Record<string, string | string[]> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}

/** Something that can be told a request was refused (logging; tests). */
export type RefusalLog = (what: string, detail: string) => void;

/** True for DevTools' own pages, which bring their own CSP and would break under ours. */
function isDevtoolsUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'devtools:';
  } catch {
    return false;
  }
}

/**
 * Hardens a session: denies every permission request and check (camera, notifications, HID,
 * clipboard read, …), cancels every request that is not app:/devtools:/data:, sets the CSP on
 * every response, and keeps the spellchecker from fetching dictionaries from Google's CDN.
 */
export function hardenSession(session: Session, log: RefusalLog = () => {}): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log('permission', permission);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url);
    if (!allowed) log('request', details.url);
    callback({ cancel: !allowed });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    if (isDevtoolsUrl(details.url)) callback({});
    else callback({ responseHeaders: withCsp(details.responseHeaders) });
  });
  // Linux/Windows hunspell dictionaries are downloaded from the Chromium CDN by default: point the
  // downloader at the app's own origin, which serves none (no outbound request; see README).
  session.setSpellCheckerDictionaryDownloadURL(`${APP_ORIGIN}/spellcheck/`);
}

/** What the navigation guards need from the rest of the shell. */
export interface NavigationGuardDeps {
  /** Offers to open `url` outside the app (checks the URL and asks the user first). */
  offerExternal: (url: string, contents: WebContents) => void;
  log?: RefusalLog;
}

/**
 * Locks one webContents to the app: navigation and redirects only within app://fundstelle,
 * no new windows (a link to https:/mailto: is offered to the user instead), no <webview>.
 */
export function hardenWebContents(contents: WebContents, deps: NavigationGuardDeps): void {
  const log = deps.log ?? (() => {});
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    log('navigate', event.url);
    // A clicked link without target=_blank: still the user's wish to see it, so ask.
    deps.offerExternal(event.url, contents);
  });
  contents.on('will-frame-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    log('frame-navigate', event.url);
  });
  contents.on('will-redirect', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    log('redirect', event.url);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('webview', '');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log('window-open', url);
    deps.offerExternal(url, contents);
    return { action: 'deny' };
  });
}

/** Applies `hardenWebContents` to every webContents the app ever creates (windows, DevTools, guests). */
export function guardAllWebContents(app: App, deps: NavigationGuardDeps): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, deps));
}
