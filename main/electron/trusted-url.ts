/**
 * Which URLs the shell trusts. Pure (no electron import) so it can be tested with a table of
 * hostile and look-alike URLs. Every check parses with `new URL()` and compares parts exactly;
 * string prefixes (`startsWith('app://fundstelle')`) would accept `app://fundstelle.evil`.
 */

/** The custom scheme the UI is served from. */
export const APP_SCHEME = 'app';
/** The one host of the app scheme. */
export const APP_HOST = 'fundstelle';
/** The app's origin as written in URLs. Node's URL reports `null` as origin for custom schemes, so compare parts. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window loads. */
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Longest URL we accept at all (and pass to the OS); longer ones are refused rather than truncated. */
const MAX_EXTERNAL_URL_LENGTH = 8192;

/** True if `s` has an ASCII control character (C0 or DEL), or a space unless `allowSpace`. */
function hasControl(s: string, allowSpace: boolean): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || (c === 0x20 && !allowSpace)) return true;
  }
  return false;
}

/** Bidi overrides and invisible format characters: they make a URL read differently from what it opens. */
const BIDI_OR_INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

/** Header fields a mailto: link may set. Others (notably `attach`, which some mail clients honour) are refused. */
const MAILTO_FIELDS = new Set(['to', 'cc', 'bcc', 'subject', 'body']);

/**
 * Parses `url`, or returns null when it is not a string, does not parse, or has control
 * characters, whitespace or bidi overrides: the URL parser silently drops tabs and newlines,
 * which would hide them from every later check, so the raw string is refused before parsing.
 */
function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_EXTERNAL_URL_LENGTH) return null;
  if (hasControl(url, false) || BIDI_OR_INVISIBLE.test(url)) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` belongs to the app: scheme `app:`, host exactly `fundstelle`, no port, no
 * credentials. Chromium lower-cases hosts of standard schemes, so real frame URLs match; any other
 * spelling is refused, which at worst denies a navigation.
 */
export function isAppUrl(url: unknown): boolean {
  const u = parse(url);
  return (
    u !== null &&
    u.protocol === `${APP_SCHEME}:` &&
    u.host === APP_HOST &&
    u.username === '' &&
    u.password === ''
  );
}

/** Percent-decodes, or returns null for malformed escapes. */
function decode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** A mailto: URL per RFC 6068 without header injection: CR/LF only inside the body. */
function isSafeMailto(u: URL): boolean {
  const to = decode(u.pathname);
  // Decoded CR/LF in the address would add mail headers; a plain space (in a display name) is fine.
  if (to === null || hasControl(to, true)) return false;
  for (const part of u.search.replace(/^\?/, '').split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decode(eq < 0 ? part : part.slice(0, eq))?.toLowerCase();
    const value = decode(eq < 0 ? '' : part.slice(eq + 1));
    if (name === undefined || value === null || !MAILTO_FIELDS.has(name)) return false;
    // RFC 6068 writes line breaks in the body as %0D%0A; anywhere else they would add headers.
    if (name !== 'body' && hasControl(value, true)) return false;
  }
  return u.hash === '';
}

/**
 * The normalized form of `url` if it may be handed to the operating system (`shell.openExternal`),
 * else null: only `https:` without credentials (`https://bank.de@evil.example` shows one host and
 * opens another) and `mailto:` without header injection or unknown fields.
 */
export function toExternalUrl(url: unknown): string | null {
  const u = parse(url);
  if (u === null) return null;
  if (u.protocol === 'https:') {
    // Only the plain form: the parser would also accept `https:evil.example` and `https:\\evil`.
    if (!/^https:\/\/[^/\\]/i.test(String(url))) return null;
    return u.username === '' && u.password === '' && u.hostname !== '' ? u.href : null;
  }
  if (u.protocol === 'mailto:') return isSafeMailto(u) ? u.href : null;
  return null;
}

/** True when `url` may be opened outside the app after the user confirms. */
export function isAllowedExternal(url: unknown): boolean {
  return toExternalUrl(url) !== null;
}
