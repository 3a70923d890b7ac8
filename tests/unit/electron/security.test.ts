import type { App, BrowserWindow, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../main/electron/csp.js';
import * as browserMode from '../../../main/web/security.js';
import { createExternalLinkOpener } from '../../../main/electron/external-link.js';
import {
  guardAllWebContents,
  hardenSession,
  hardenWebContents,
  isAllowedRequest,
  secureWebPreferences,
} from '../../../main/electron/security.js';
import { createMainWindow, focusWindow, mainWindowOptions, sendAppEvent } from '../../../main/electron/window.js';
import { confirmExternalUrl } from '../../../main/electron/dialogs.js';
import { createMockSession, MockBrowserWindow, MockWebContents } from './electron-mock.js';

/** The exact security settings the window must have; a change here is a security review. */
const EXPECTED_PREFERENCES = {
  preload: '/app/dist/electron/preload.cjs',
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
};

describe('BrowserWindow', () => {
  it('is created with exactly the security webPreferences (DevTools off in production)', () => {
    expect(secureWebPreferences('/app/dist/electron/preload.cjs', { dev: false })).toStrictEqual({ ...EXPECTED_PREFERENCES, devTools: false });
    expect(secureWebPreferences('/app/dist/electron/preload.cjs', { dev: true })).toStrictEqual({ ...EXPECTED_PREFERENCES, devTools: true });
  });

  it('is constructed with those options, hidden until ready, and loads the app:// start page', () => {
    MockBrowserWindow.instances = [];
    const Ctor = MockBrowserWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow;
    createMainWindow(Ctor, '/app/dist/electron/preload.cjs', false);
    const [win] = MockBrowserWindow.instances;
    expect(win?.options).toStrictEqual(mainWindowOptions('/app/dist/electron/preload.cjs', false));
    expect(win?.options.webPreferences).toStrictEqual({ ...EXPECTED_PREFERENCES, devTools: false });
    expect(win?.options.show).toBe(false);
    expect(win?.loadURL).toHaveBeenCalledWith('app://fundstelle/index.html');
    win?.emit('ready-to-show');
    expect(win?.show).toHaveBeenCalled();
  });

  it('focusWindow restores, shows and focuses (second instance)', () => {
    const win = new MockBrowserWindow({});
    win.minimized = true;
    focusWindow(win as unknown as BrowserWindow);
    expect(win.restore).toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(() => focusWindow(null)).not.toThrow();
  });

  it('sends menu events only while the window shows the app', () => {
    const win = new MockBrowserWindow({});
    sendAppEvent(win as unknown as BrowserWindow, 'menu.import');
    expect(win.webContents.send).toHaveBeenCalledWith('fundstelle:event:menu.import');
    win.webContents.url = 'https://evil.example/';
    sendAppEvent(win as unknown as BrowserWindow, 'menu.settings');
    expect(win.webContents.send).toHaveBeenCalledTimes(1);
  });
});

describe('session', () => {
  function hardened() {
    const session = createMockSession();
    const log = vi.fn();
    hardenSession(session as unknown as Session, log);
    return { session, log };
  }

  it('denies every permission request and check', () => {
    const { session } = hardened();
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (wc: unknown, p: string, cb: (ok: boolean) => void) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem', 'hid', 'unknown']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (...a: unknown[]) => boolean;
    expect(check(null, 'media', 'app://fundstelle', {})).toBe(false);
    expect(check(null, 'clipboard-sanitized-write', 'app://fundstelle', {})).toBe(false);
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as (d: unknown) => boolean;
    expect(device({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels every request that is not app:, devtools: or data:', () => {
    const { session, log } = hardened();
    const onBefore = session.webRequest.onBeforeRequest.mock.calls[0]?.[0] as (d: { url: string }, cb: (r: { cancel?: boolean }) => void) => void;
    const cancelled = (url: string): boolean | undefined => {
      let result: boolean | undefined;
      onBefore({ url }, (r) => (result = r.cancel));
      return result;
    };
    for (const url of ['app://fundstelle/index.html', 'app://fundstelle/assets/a.js', 'devtools://devtools/bundled/x.js', 'data:image/png;base64,AA==']) {
      expect(cancelled(url), url).toBe(false);
    }
    for (const url of [
      'https://example.org/',
      'http://127.0.0.1:8080/',
      'http://localhost/',
      'ws://example.org/',
      'wss://example.org/',
      'ftp://example.org/',
      'file:///etc/passwd',
      'app://evil/',
      'app://fundstelle.evil/',
      'chrome-extension://abc/x.js',
      'blob:https://evil.example/1',
      'not a url',
    ]) {
      expect(cancelled(url), url).toBe(true);
    }
    expect(log).toHaveBeenCalledWith('request', 'https://example.org/');
    expect(isAllowedRequest('https://example.org')).toBe(false);
  });

  it('sets the strict CSP on every response, replacing any other', () => {
    const { session } = hardened();
    const onHeaders = session.webRequest.onHeadersReceived.mock.calls[0]?.[0] as (
      d: { url: string; responseHeaders?: Record<string, string[]> },
      cb: (r: { responseHeaders?: Record<string, string[]> }) => void,
    ) => void;
    let headers: Record<string, string[]> | undefined;
    onHeaders({ url: 'app://fundstelle/index.html', responseHeaders: { 'content-security-policy': ["script-src 'unsafe-inline' *"], 'Content-Type': ['text/html'] } }, (r) => (headers = r.responseHeaders));
    expect(headers).toStrictEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    onHeaders({ url: 'app://fundstelle/index.html' } as never, (r) => (headers = r.responseHeaders));
    expect(headers).toStrictEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    // DevTools (development only) keeps its own policy.
    onHeaders({ url: 'devtools://devtools/bundled/inspector.html', responseHeaders: {} } as never, (r) => (headers = r.responseHeaders));
    expect(headers).toBeUndefined();
  });

  it('never lets the spellchecker download dictionaries from the network', () => {
    const { session } = hardened();
    const url = session.setSpellCheckerDictionaryDownloadURL.mock.calls[0]?.[0] as string;
    expect(url).toBe('app://fundstelle/spellcheck/');
    expect(isAllowedRequest(url)).toBe(true);
  });

  it('uses the same CSP and security headers as browser mode', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(browserMode.CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS).toStrictEqual(browserMode.SECURITY_HEADERS);
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });
});

describe('navigation and new windows', () => {
  function guarded() {
    const contents = new MockWebContents();
    const offerExternal = vi.fn();
    hardenWebContents(contents as unknown as WebContents, { offerExternal });
    return { contents, offerExternal };
  }

  const FOREIGN = ['https://evil.example/', 'http://localhost:3000/', 'file:///etc/passwd', 'app://evil/', 'app://fundstelle.evil/', 'javascript:alert(1)', 'data:text/html,x', 'about:blank'];

  it.each(FOREIGN)('prevents will-navigate, will-frame-navigate and will-redirect to %s', (url) => {
    const { contents } = guarded();
    expect(contents.emitNavigation('will-navigate', url)).toBe(true);
    expect(contents.emitNavigation('will-frame-navigate', url)).toBe(true);
    expect(contents.emitNavigation('will-redirect', url)).toBe(true);
  });

  it('lets the app navigate within its own origin', () => {
    const { contents, offerExternal } = guarded();
    expect(contents.emitNavigation('will-navigate', 'app://fundstelle/index.html')).toBe(false);
    expect(contents.emitNavigation('will-redirect', 'app://fundstelle/index.html#x')).toBe(false);
    expect(offerExternal).not.toHaveBeenCalled();
  });

  it('offers a clicked external link to the user instead of navigating', () => {
    const { contents, offerExternal } = guarded();
    contents.emitNavigation('will-navigate', 'https://www.example.org/');
    expect(offerExternal).toHaveBeenCalledWith('https://www.example.org/', contents);
  });

  it('denies every window.open and offers the URL instead', () => {
    const { contents, offerExternal } = guarded();
    for (const url of ['https://example.org/', 'app://fundstelle/index.html', 'javascript:alert(1)', 'about:blank']) {
      expect(contents.windowOpenHandler?.({ url })).toStrictEqual({ action: 'deny' });
      expect(offerExternal).toHaveBeenLastCalledWith(url, contents);
    }
  });

  it('prevents <webview> from attaching', () => {
    const { contents } = guarded();
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, { src: 'https://evil.example/' });
    expect(prevented).toBe(true);
  });

  it('guards every webContents the app creates', () => {
    const app = new EventEmitter();
    guardAllWebContents(app as unknown as App, { offerExternal: vi.fn() });
    const contents = new MockWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.emitNavigation('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toStrictEqual({ action: 'deny' });
  });
});

describe('openExternal', () => {
  function opener(answer: boolean) {
    const confirm = vi.fn(async () => answer);
    const openExternal = vi.fn(async () => {});
    return { confirm, openExternal, offer: createExternalLinkOpener({ confirm, openExternal }) };
  }

  it('opens https and mailto only after the user confirmed, with the normalized URL', async () => {
    const { confirm, openExternal, offer } = opener(true);
    await expect(offer('HTTPS://Example.org/a')).resolves.toBe(true);
    expect(confirm).toHaveBeenCalledWith('https://example.org/a');
    expect(openExternal).toHaveBeenCalledWith('https://example.org/a');
    expect(confirm.mock.invocationCallOrder[0]).toBeLessThan(openExternal.mock.invocationCallOrder[0] ?? 0);
    await expect(offer('mailto:redaktion@example.org?subject=Frage')).resolves.toBe(true);
  });

  it('never opens when the user declines', async () => {
    const { openExternal, offer } = opener(false);
    await expect(offer('https://example.org/')).resolves.toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('never asks about other schemes or hostile URLs', async () => {
    const { confirm, openExternal, offer } = opener(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'http://example.org/', 'smb://host/share', 'https://bank.de@evil.example/', 'mailto:a@example.org%0D%0ABcc:b@evil.example', 'mailto:a@example.org?attach=/etc/passwd']) {
      await expect(offer(url)).resolves.toBe(false);
    }
    expect(confirm).not.toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('asks one question at a time (no dialog flood)', async () => {
    let answer: (v: boolean) => void = () => {};
    const confirm = vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve)));
    const openExternal = vi.fn(async () => {});
    const offer = createExternalLinkOpener({ confirm, openExternal });
    const first = offer('https://example.org/1');
    await expect(offer('https://example.org/2')).resolves.toBe(false);
    answer(true);
    await expect(first).resolves.toBe(true);
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('the confirmation dialog defaults to Abbrechen and shows the URL', async () => {
    const dialog = { showMessageBox: vi.fn(async (_options: unknown) => ({ response: 0, checkboxChecked: false })) };
    await expect(confirmExternalUrl(dialog, null, 'de', 'https://example.org/')).resolves.toBe(false);
    const options = dialog.showMessageBox.mock.calls[0]?.[0] as { buttons: string[]; defaultId: number; cancelId: number; detail: string };
    expect(options.buttons).toStrictEqual(['Abbrechen', 'Öffnen']);
    expect(options.defaultId).toBe(0);
    expect(options.cancelId).toBe(0);
    expect(options.detail).toContain('https://example.org/');
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    await expect(confirmExternalUrl(dialog, null, 'en', 'https://example.org/')).resolves.toBe(true);
  });
});
