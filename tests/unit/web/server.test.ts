import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../main/web/security.js';
import { startWebServer, type WebServer } from '../../../main/web/server.js';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface RequestOptions {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** A raw HTTP request: fetch() cannot set Host, and the Host header is what these tests are about. */
function request(port: number, opts: RequestOptions): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: { Host: `127.0.0.1:${port}`, ...opts.headers }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** Whether a TCP connection to host:port is accepted. */
function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('browser-mode server', () => {
  let dir: string;
  let server: WebServer;
  let port: number;
  let auth: Record<string, string>;

  const api = (channel: string, args: unknown, headers: Record<string, string> = {}) =>
    request(port, { method: 'POST', path: `/api/${channel}`, headers: { ...auth, 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(args) });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundstelle-web-'));
    const staticDir = path.join(dir, 'static');
    fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Fundstelle</title>');
    fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'export {};');
    fs.writeFileSync(path.join(staticDir, 'assets', 'app.css'), 'body{}');
    // A secret next to (not inside) the static folder, for the traversal tests.
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    server = await startWebServer({ dbPath: path.join(dir, 'collection.sqlite'), port: 0, staticDir, maxBodyBytes: 4096 });
    port = server.port;
    auth = { Authorization: `Bearer ${server.token}` };
  });

  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints a loopback URL with a fresh 256-bit token', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const other = await startWebServer({ dbPath: path.join(dir, 'other.sqlite'), staticDir: dir });
    try {
      expect(other.token).not.toBe(server.token);
      expect(other.port).not.toBe(port);
    } finally {
      await other.close();
    }
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(await canConnect('127.0.0.1', port)).toBe(true);
    // Bound to all interfaces, a dual-stack socket would also accept IPv6 loopback and LAN addresses.
    expect(await canConnect('::1', port)).toBe(false);
    const lan = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && !i.internal && i.family === 'IPv4');
    if (lan) expect(await canConnect(lan.address, port)).toBe(false);
  });

  it('answers a good request with an envelope', async () => {
    const res = await api('app.info', {});
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(res.body) as { ok: boolean; value: { transport: string; articleCount: number } };
    expect(body).toMatchObject({ ok: true, value: { transport: 'web', articleCount: 0 } });
  });

  it('accepts localhost as well as 127.0.0.1, with a matching Origin', async () => {
    const res = await api('settings.get', {}, { Host: `localhost:${port}`, Origin: `http://localhost:${port}` });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { language: 'de', theme: 'system', signature: '', senderName: '', senderEmail: '', citationStyle: 'iso690-author-date-de', citationLocale: 'de-DE' } });
  });

  it('refuses a request without the token (401)', async () => {
    const res = await request(port, { method: 'POST', path: '/api/app.info', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it.each([
    ['a wrong token', 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['a truncated token', () => `Bearer ${server.token.slice(0, 20)}`],
    ['the token with another scheme', () => `Basic ${server.token}`],
    ['the token with trailing text', () => `Bearer ${server.token} x`],
  ])('refuses %s (401)', async (_name, value) => {
    const header = typeof value === 'function' ? value() : value;
    const res = await api('app.info', {}, { Authorization: header });
    expect(res.status).toBe(401);
  });

  it.each([
    ['a foreign host', (p: number) => `evil.example:${p}`],
    ['the right address on another port', (p: number) => `127.0.0.1:${p + 1}`],
    ['the address without a port', () => '127.0.0.1'],
    ['a look-alike', (p: number) => `127.0.0.1.evil.example:${p}`],
  ])('refuses %s in Host, for the API and static files (403)', async (_name, host) => {
    const h = host(port);
    const apiRes = await api('app.info', {}, { Host: h });
    expect(apiRes.status).toBe(403);
    const page = await request(port, { path: '/', headers: { Host: h } });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain('Fundstelle</title>');
  });

  it.each(['http://evil.example', `null`, 'https://127.0.0.1', 'http://127.0.0.1'])('refuses Origin %s (403)', async (origin) => {
    const res = await api('app.info', {}, { Origin: origin });
    expect(res.status).toBe(403);
  });

  it('refuses the wrong method, content type and size', async () => {
    expect((await request(port, { path: '/api/app.info', headers: auth })).status).toBe(405);
    expect((await request(port, { method: 'POST', path: '/index.html' })).status).toBe(405);
    expect((await request(port, { method: 'DELETE', path: '/' })).status).toBe(405);
    const form = await request(port, { method: 'POST', path: '/api/app.info', headers: { ...auth, 'Content-Type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
    const big = await api('import.uploads', { files: [{ name: 'x.txt', data: 'A'.repeat(8192) }] });
    expect(big.status).toBe(413);
  });

  it('answers bad calls with typed errors, never a stack trace', async () => {
    const unknown = await api('nope.nothing', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const invalid = await api('articles.get', { id: 'x' });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENTS' } });
    const notJson = await request(port, { method: 'POST', path: '/api/app.info', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{' });
    expect(notJson.status).toBe(400);
    const missing = await api('articles.get', { id: 99 });
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'ARTICLE_NOT_FOUND', details: { id: 99 } } });
    expect(missing.body).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/assets/%00app.js', '/../../../../etc/passwd', '//etc/passwd'])(
    'does not serve %s',
    async (p) => {
      const res = await request(port, { path: p });
      expect([400, 403, 404]).toContain(res.status);
      expect(res.body).not.toContain('secret');
      expect(res.body).not.toContain('root:');
    },
  );

  it('serves the app with content types, caching rules and security headers', async () => {
    const index = await request(port, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['cache-control']).toBe('no-store');
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-security-policy']).toContain("default-src 'none'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    expect(index.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect((await request(port, { path: '/assets/app.js' })).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await request(port, { path: '/assets/app.css' })).headers['content-type']).toBe('text/css; charset=utf-8');
    const head = await request(port, { method: 'HEAD', path: '/index.html' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await request(port, { path: '/missing.js' })).status).toBe(404);
  });

  it('sends the security headers on refusals too', async () => {
    for (const res of [
      await request(port, { path: '/', headers: { Host: `evil.example:${port}` } }),
      await request(port, { method: 'POST', path: '/api/app.info', body: '{}' }),
      await request(port, { path: '/nothing-here' }),
    ]) {
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('stops listening when closed', async () => {
    const s = await startWebServer({ dbPath: path.join(dir, 'closing.sqlite'), staticDir: dir });
    await s.close();
    expect(await canConnect('127.0.0.1', s.port)).toBe(false);
  });
});
