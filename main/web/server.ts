import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Envelope } from '../../shared/contract.js';
import { formatError, type ErrorCode, type ErrorDetails, type Lang } from '../../shared/errors.js';
import { getSettings } from '../core/settings.js';
import { needsRecoveryCheck, startupChecks } from '../core/startup-checks.js';
import { openDatabase, type Database } from '../db/open.js';
import { dispatch, type Handlers } from '../ipc/dispatch.js';
import { createHandlers } from '../ipc/handlers.js';
import { applySecurityHeaders, createToken, hasValidToken, isHostAllowed, isOriginAllowed } from './security.js';
import { resolveStaticFile } from './static-files.js';

/**
 * Browser mode: the same UI and the same contract as the Electron app, served over HTTP on the
 * loopback interface. `GET` serves the built renderer; `POST /api/<channel>` runs one contract
 * channel with the JSON body as its arguments and answers with an `Envelope`.
 */

/** Largest accepted API body: one `import.uploads` call (base64 of at most 70 MB, shared/contract.ts) plus JSON overhead. */
export const MAX_BODY_BYTES = 80 * 1024 * 1024;

export interface WebServerOptions {
  /** The collection file; opened here and closed by `close()`. */
  dbPath: string;
  /** Port on 127.0.0.1; 0 or absent picks a free one. */
  port?: number;
  /** The renderer build (`dist/renderer`). */
  staticDir: string;
  /** Channel implementations; defaults to the core bound to the opened collection. Tests pass their own. */
  handlers?: Handlers;
  /** Largest accepted API body in bytes; defaults to MAX_BODY_BYTES (tests lower it). */
  maxBodyBytes?: number;
}

export interface WebServer {
  /** The address to open, token included: `http://127.0.0.1:PORT/?token=TOKEN`. */
  url: string;
  token: string;
  port: number;
  /** Stops accepting requests, drops open connections and closes the collection. */
  close(): Promise<void>;
}

const API_PREFIX = '/api/';
const CHANNEL_PATTERN = /^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)*$/;

/** A body that exceeded MAX_BODY_BYTES. */
class BodyTooLargeError extends Error {}

/** Reads the request body up to `limit` bytes; rejects with BodyTooLargeError beyond it. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLargeError());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLargeError());
        req.removeAllListeners('data');
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Sends an envelope as JSON. */
function sendJson(res: ServerResponse, status: number, envelope: Envelope<unknown>): void {
  const body = Buffer.from(JSON.stringify(envelope), 'utf8');
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/** Sends a typed error envelope; transport-level refusals use the same shape as handler errors. */
function sendError(res: ServerResponse, status: number, code: ErrorCode, details: ErrorDetails, lang: Lang): void {
  sendJson(res, status, { ok: false, error: { code, details, message: formatError(code, details, lang) } });
}

/** The HTTP status for an envelope: domain errors are data (200); malformed calls are the caller's fault. */
function statusOf(envelope: Envelope<unknown>): number {
  if (envelope.ok) return 200;
  if (envelope.error.code === 'UNKNOWN_CHANNEL') return 404;
  if (envelope.error.code === 'INVALID_ARGUMENTS') return 400;
  return 200;
}

/** Starts browser mode on 127.0.0.1 and resolves once it listens. */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  // A leftover -wal means the last run ended uncleanly: check the file in the background once we listen.
  const recover = needsRecoveryCheck(opts.dbPath);
  const db: Database = openDatabase(opts.dbPath);
  const handlers = opts.handlers ?? createHandlers({ db, dbPath: opts.dbPath, transport: 'web' });
  const token = createToken();
  let port = 0;

  /** The user's language for transport errors; falls back to German if settings cannot be read. */
  const lang = (): Lang => {
    try {
      return getSettings(db).language;
    } catch {
      return 'de';
    }
  };

  async function handleApi(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      sendError(res, 405, 'FORBIDDEN', {}, lang());
      return;
    }
    if (!hasValidToken(req, token)) {
      sendError(res, 401, 'FORBIDDEN', {}, lang());
      return;
    }
    // Only JSON: a cross-site HTML form cannot send this content type without a CORS preflight.
    const contentType = req.headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(contentType)) {
      sendError(res, 415, 'INVALID_ARGUMENTS', { channel, reason: 'Content-Type must be application/json' }, lang());
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req, opts.maxBodyBytes ?? MAX_BODY_BYTES);
    } catch (e) {
      if (e instanceof BodyTooLargeError) {
        // Close the connection: the rest of an oversized body is not worth reading.
        res.setHeader('Connection', 'close');
        sendError(res, 413, 'INVALID_ARGUMENTS', { channel, reason: 'request body too large' }, lang());
        res.on('finish', () => req.destroy());
        return;
      }
      throw e;
    }
    let args: unknown = {};
    if (body.length > 0) {
      try {
        args = JSON.parse(body.toString('utf8'));
      } catch {
        sendError(res, 400, 'INVALID_ARGUMENTS', { channel, reason: 'body is not valid JSON' }, lang());
        return;
      }
    }
    const envelope = await dispatch(handlers, CHANNEL_PATTERN.test(channel) ? channel : '(invalid)', args, lang());
    sendJson(res, statusOf(envelope), envelope);
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      res.writeHead(405, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Method Not Allowed');
      return;
    }
    const found = await resolveStaticFile(opts.staticDir, pathname);
    if (!found) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end('Not Found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': found.contentType,
      'Content-Length': found.body.length,
      // Vite names assets by content hash, so they may be cached; the index must always be fresh.
      'Cache-Control': found.isIndex ? 'no-store' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : found.body);
  }

  const server = http.createServer((req, res) => {
    applySecurityHeaders(res);
    const run = async (): Promise<void> => {
      if (!isHostAllowed(req, port) || !isOriginAllowed(req, port)) {
        sendError(res, 403, 'FORBIDDEN', {}, lang());
        return;
      }
      const rawUrl = req.url ?? '/';
      if (!rawUrl.startsWith('/')) {
        res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad Request');
        return;
      }
      const pathname = rawUrl.split('?')[0] ?? '/';
      if (pathname.startsWith(API_PREFIX)) await handleApi(req, res, pathname.slice(API_PREFIX.length));
      else await handleStatic(req, res, pathname);
    };
    run().catch((e: unknown) => {
      // Never a stack trace on the wire; the reason stays short.
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', { reason: e instanceof Error ? e.message : String(e) }, lang());
      else res.destroy();
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    db.close();
    throw e;
  }
  port = (server.address() as AddressInfo).port;
  // Daily backup and, after an unclean shutdown, a full integrity check: only once listening, so
  // they never delay the first page. A damaged collection is reported on the console.
  void startupChecks(db, opts.dbPath, { recover })
    .then((report) => {
      if (report.problem) process.stderr.write(`${report.problem[lang()]}\n`);
    })
    .catch(() => undefined);

  let closed = false;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    close: async () => {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      db.close();
    },
  };
}
