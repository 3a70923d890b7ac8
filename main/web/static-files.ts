import fs from 'node:fs/promises';
import path from 'node:path';

/** Content types of the files a Vite build emits. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The content type for a file name; unknown types are served as bytes (and nosniff keeps them inert). */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** A static file found for a request. */
export interface StaticFile {
  file: string;
  body: Buffer;
  contentType: string;
  /** True for the app's entry page, which must never be cached (it names the current build's assets). */
  isIndex: boolean;
}

/**
 * Resolves a URL path to a file inside `root`, or null. Refuses anything that would leave the
 * root: `..` segments (also percent-encoded), backslashes, NUL bytes, and symlinks pointing out.
 */
export async function resolveStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const rootReal = await fs.realpath(root).catch(() => null);
  if (!rootReal) return null;
  const candidate = path.resolve(rootReal, relative);
  try {
    const real = await fs.realpath(candidate);
    const rel = path.relative(rootReal, real);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
    const stat = await fs.stat(real);
    if (!stat.isFile()) return null;
    return { file: real, body: await fs.readFile(real), contentType: contentTypeOf(real), isIndex: rel === 'index.html' };
  } catch {
    return null;
  }
}
