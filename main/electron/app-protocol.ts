import fs from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { SECURITY_HEADERS } from './csp.js';
import { APP_SCHEME, isAppUrl } from './trusted-url.js';

/**
 * The `app://fundstelle/` protocol: serves the built UI (`dist/renderer/`) and nothing else.
 * A custom standard scheme gives the UI a real origin (so CSP 'self' and same-origin checks mean
 * something) without the extra powers Electron grants `file://` pages.
 */

/**
 * Privileges for `protocol.registerSchemesAsPrivileged` (before `ready`). standard: real origin and
 * relative URLs; secure: a secure context like https; supportFetchAPI + corsEnabled: Vite emits
 * `<script type="module" crossorigin>`, which is fetched in CORS mode. No bypassCSP, no service workers.
 * Responses carry no Access-Control-Allow-Origin, so no other origin can read them.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: true,
    codeCache: true,
    bypassCSP: false,
    allowServiceWorkers: false,
    stream: false,
  },
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The content type for a served file; unknown types are octet-stream (with nosniff, never executed). */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Where a request URL points inside the UI folder, or why it is refused. */
export type AppFileResolution = { ok: true; file: string } | { ok: false; status: 403 | 404 };

/**
 * Maps an `app://fundstelle/...` URL to a file under `rootDir`. Refuses (403) other hosts, encoded
 * slashes, backslashes, NUL and dot segments, and checks the resolved path is still inside
 * `rootDir` (a second, independent line of defence against traversal).
 */
export function resolveAppFile(rootDir: string, requestUrl: string): AppFileResolution {
  if (!isAppUrl(requestUrl)) return { ok: false, status: 403 };
  const { pathname } = new URL(requestUrl);
  // Encoded separators would survive URL normalization and become separators after decoding.
  if (/%2f|%5c|%00|\\/i.test(pathname)) return { ok: false, status: 403 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { ok: false, status: 403 };
  }
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s === '..' || s === '.' || s.includes('\0'))) return { ok: false, status: 403 };
  let relative = segments.join('/');
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  const fromRoot = path.relative(root, file);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return { ok: false, status: 403 };
  return { ok: true, file };
}

/** How the handler reads files (injectable for tests). */
export interface AppProtocolDeps {
  readFile: (file: string) => Promise<Uint8Array>;
}

/** A plain-text response with the security headers. */
function refuse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** True for errors meaning "no such file" (including a directory where a file was expected). */
function isMissing(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}

/**
 * The handler for `protocol.handle('app', …)`: GET/HEAD only, files only from `rootDir`, every
 * response with the CSP. Paths without an extension fall back to index.html so a reload on a
 * client-side route still shows the UI.
 */
export function createAppProtocolHandler(
  rootDir: string,
  deps: AppProtocolDeps = { readFile: (f) => fs.readFile(f) },
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method Not Allowed');
    const resolved = resolveAppFile(rootDir, request.url);
    if (!resolved.ok) return refuse(resolved.status, resolved.status === 403 ? 'Forbidden' : 'Not Found');
    let file = resolved.file;
    let body: Uint8Array;
    try {
      body = await deps.readFile(file);
    } catch (e) {
      if (!isMissing(e)) return refuse(500, 'Internal Error');
      if (path.extname(file) !== '') return refuse(404, 'Not Found');
      file = path.join(path.resolve(rootDir), 'index.html');
      try {
        body = await deps.readFile(file);
      } catch {
        return refuse(404, 'Not Found');
      }
    }
    const headers = { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file), 'Cache-Control': 'no-cache' };
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}
