import fs from 'node:fs';
import path from 'node:path';
import { AppError, formatBytes } from '../../shared/errors.js';

/**
 * Reads a small text file the user names (annotation export, address book, CSL style) safely: a
 * missing path, a folder, a FIFO or device (which would block or never end) and a file over
 * `maxBytes` are refused from `stat`, before a single byte is read, so an oversized or endless
 * input never lands in memory. The size is checked again on the bytes read (the file may grow).
 */
export function readTextFile(file: string, maxBytes: number): string {
  const name = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new AppError('FILE_NOT_FOUND', { file });
    throw new AppError('FILE_UNREADABLE', { file: name, reason: code ?? String(e) });
  }
  if (stat.isDirectory()) throw new AppError('FILE_UNREADABLE', { file: name, reason: 'ist ein Ordner, keine Datei' });
  if (!stat.isFile()) throw new AppError('FILE_UNREADABLE', { file: name, reason: 'keine reguläre Datei' });
  if (stat.size > maxBytes) throw new AppError('FILE_TOO_LARGE', { file: name, size: formatBytes(stat.size), limit: formatBytes(maxBytes) });
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new AppError('FILE_UNREADABLE', { file: name, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  if (bytes.length > maxBytes) throw new AppError('FILE_TOO_LARGE', { file: name, size: formatBytes(bytes.length), limit: formatBytes(maxBytes) });
  return bytes.toString('utf8');
}
