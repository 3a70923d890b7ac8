import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The browser-mode security checks, kept apart from routing so each can be read (and tested) on
 * its own. Browser mode serves private research material on a loopback port: any web page the
 * user visits could try to reach it, directly (CSRF) or through a hostile DNS name that resolves
 * to 127.0.0.1 (DNS rebinding). Host and Origin checks stop both; the token stops other local
 * programs and users that can reach the port but never saw the URL printed in the terminal.
 */

export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../shared/security-headers.js';
import { SECURITY_HEADERS } from '../../shared/security-headers.js';

/** A fresh per-launch token: 256 random bits, URL-safe. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The Host header values this server answers to. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** The origins allowed to call this server: the pages it serves itself. */
export function allowedOrigins(port: number): string[] {
  return allowedHosts(port).map((h) => `http://${h}`);
}

/**
 * True when the request's Host names this server exactly. A DNS-rebinding page reaches us under
 * its own name (`evil.example:PORT`), which the browser puts into Host: refusing it is the defence.
 */
export function isHostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return typeof host === 'string' && allowedHosts(port).includes(host.toLowerCase());
}

/**
 * True when the request has no Origin (a top-level navigation or a same-origin GET) or comes from
 * a page this server served. `Origin: null` (sandboxed frames, file: pages) is refused.
 */
export function isOriginAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return allowedOrigins(port).includes(origin.toLowerCase());
}

/**
 * Compares the bearer token in constant time. Hashing both sides first gives equal-length buffers,
 * so neither the content nor the length of the expected token leaks through timing.
 */
export function hasValidToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return false;
  const m = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header);
  if (!m?.[1]) return false;
  const given = createHash('sha256').update(m[1]).digest();
  const expected = createHash('sha256').update(token).digest();
  return timingSafeEqual(given, expected);
}

/** Sets the security headers on a response (before anything is written). */
export function applySecurityHeaders(res: ServerResponse): void {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
}
