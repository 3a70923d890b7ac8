import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, contentTypeFor, createAppProtocolHandler, resolveAppFile } from '../../../main/electron/app-protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../../main/electron/csp.js';

let tmp: string;
let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fundstelle-protocol-'));
  root = path.join(tmp, 'dist', 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Fundstelle</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'style.css'), 'body{}');
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'SECRET');
  fs.writeFileSync(path.join(tmp, 'dist', 'renderer-secret.txt'), 'SECRET');
  handler = createAppProtocolHandler(root);
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// A plain object: Node's Request refuses some hostile URLs (credentials) that Electron may still pass.
const get = (url: string, method = 'GET') => handler({ url, method } as Request);

describe('app:// scheme privileges', () => {
  it('is standard and secure, without bypassing CSP or service workers', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true, bypassCSP: false, allowServiceWorkers: false },
    });
  });
});

describe('app:// protocol handler', () => {
  it('serves the UI with the CSP and correct content types', async () => {
    for (const [url, type] of [
      ['app://fundstelle/', 'text/html; charset=utf-8'],
      ['app://fundstelle/index.html', 'text/html; charset=utf-8'],
      ['app://fundstelle/assets/index-abc.js', 'text/javascript; charset=utf-8'],
      ['app://fundstelle/assets/style.css?v=1#x', 'text/css; charset=utf-8'],
    ] as const) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(await (await get('app://fundstelle/index.html')).text()).toContain('<title>Fundstelle</title>');
  });

  const TRAVERSALS = [
    'app://fundstelle/%2e%2e/%2e%2e/secret.txt',
    'app://fundstelle/..%2f..%2fsecret.txt',
    'app://fundstelle/..%2F..%2Fsecret.txt',
    'app://fundstelle/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://fundstelle/..%5c..%5csecret.txt',
    'app://fundstelle/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://fundstelle/%252e%252e/secret.txt',
    'app://fundstelle/index.html%00.js',
    'app://fundstelle/%c0%ae%c0%ae/secret.txt',
    'app://fundstelle/%E0%A4%A',
  ];

  it.each(TRAVERSALS)('refuses traversal %s and never returns the secret', async (url) => {
    const res = await get(url);
    expect([403, 404]).toContain(res.status);
    expect(await res.text()).not.toContain('SECRET');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('keeps literal dot segments inside the root (the URL parser resolves them first)', async () => {
    for (const url of ['app://fundstelle/../../secret.txt', 'app://fundstelle/assets/../../secret.txt', 'app://fundstelle/../renderer-secret.txt']) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(await res.text()).not.toContain('SECRET');
    }
  });

  it('refuses other hosts and look-alikes', async () => {
    for (const url of ['app://evil/index.html', 'app://fundstelle.evil/index.html', 'app://user@fundstelle/index.html', 'app://fundstelle:1/index.html']) {
      expect((await get(url)).status, url).toBe(403);
    }
  });

  it('answers only GET and HEAD', async () => {
    expect((await get('app://fundstelle/index.html', 'POST')).status).toBe(405);
    expect((await get('app://fundstelle/index.html', 'PUT')).status).toBe(405);
    const head = await get('app://fundstelle/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('falls back to index.html for extension-less routes, 404 for missing files', async () => {
    const route = await get('app://fundstelle/articles/42');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Fundstelle</title>');
    expect((await get('app://fundstelle/assets/missing.js')).status).toBe(404);
  });
});

describe('resolveAppFile', () => {
  it('stays inside the root on every platform separator', () => {
    expect(resolveAppFile('/r', 'app://fundstelle/a/b.js')).toStrictEqual({ ok: true, file: path.resolve('/r/a/b.js') });
    expect(resolveAppFile('/r', 'app://fundstelle/a\\..\\..\\x')).toStrictEqual({ ok: false, status: 403 });
    expect(resolveAppFile('/r', 'https://fundstelle/index.html')).toStrictEqual({ ok: false, status: 403 });
  });

  it('maps unknown types to octet-stream', () => {
    expect(contentTypeFor('x.exe')).toBe('application/octet-stream');
    expect(contentTypeFor('X.SVG')).toBe('image/svg+xml');
  });
});
