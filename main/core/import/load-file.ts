/**
 * Reads one file for import: refuses what cannot or must not be read (missing, unreadable, too
 * large, empty, binary, unsupported), decodes text, and decides which importer parses it.
 */
import fs, { promises as fsp } from 'node:fs';
import path from 'node:path';
import { AppError, formatBytes } from '../../../shared/errors.js';
import { decodeText, detectBom, EncodingError } from './encoding.js';
import { MAX_IMPORT_BYTES, type LoadedFile } from './types.js';

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);
const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown']);
const TEXT_EXTENSIONS = new Set(['', '.txt', '.text', '.wire']);

// Document and media types people drop on an importer by mistake. Refused by extension even when the
// content is text (RTF is), because parsing them as plain text would import markup as article text.
const UNSUPPORTED_EXTENSIONS: Record<string, string> = {
  '.doc': 'DOC', '.docx': 'DOCX', '.docm': 'DOCX', '.dot': 'DOC', '.dotx': 'DOCX', '.odt': 'ODT', '.rtf': 'RTF',
  '.pages': 'Pages', '.xls': 'XLS', '.xlsx': 'XLSX', '.ods': 'ODS', '.numbers': 'Numbers', '.ppt': 'PPT',
  '.pptx': 'PPTX', '.odp': 'ODP', '.key': 'Keynote', '.epub': 'EPUB', '.mobi': 'MOBI', '.msg': 'MSG (Outlook)',
  '.zip': 'ZIP', '.gz': 'GZIP', '.tgz': 'GZIP', '.7z': '7Z', '.rar': 'RAR', '.png': 'PNG', '.jpg': 'JPEG',
  '.jpeg': 'JPEG', '.gif': 'GIF', '.webp': 'WebP', '.heic': 'HEIC', '.tif': 'TIFF', '.tiff': 'TIFF',
  '.bmp': 'BMP', '.svg': 'SVG', '.mp3': 'MP3', '.m4a': 'M4A', '.wav': 'WAV', '.mp4': 'MP4', '.mov': 'MOV',
  '.exe': 'EXE', '.dll': 'DLL', '.so': 'ELF', '.dmg': 'DMG', '.db': 'SQLite', '.sqlite': 'SQLite',
};

/** Reads, checks and decodes one file for import; throws AppError with `details.file` set for everything it refuses. */
export async function loadFile(filePath: string): Promise<LoadedFile> {
  const abs = path.resolve(filePath);
  const name = path.basename(abs);
  let stat;
  try {
    stat = await fsp.stat(abs);
  } catch (err) {
    throw fsError(err, name);
  }
  checkStat(stat, name);
  return classify(abs, name, await readBounded(abs, name, stat.size));
}

/**
 * The same as {@link loadFile} with blocking reads: for the parse workers (parse-worker.ts), where
 * blocking costs nothing and each file saves four trips through the thread pool.
 */
export function loadFileSync(filePath: string): LoadedFile {
  const abs = path.resolve(filePath);
  const name = path.basename(abs);
  let stat;
  try {
    stat = fs.statSync(abs);
  } catch (err) {
    throw fsError(err, name);
  }
  checkStat(stat, name);
  return classify(abs, name, readBoundedSync(abs, name, stat.size));
}

/** Refuses what is not a regular, non-empty file within the size limit, before it is opened. */
function checkStat(stat: fs.Stats, name: string): void {
  // Directories, FIFOs, sockets and devices: opening a FIFO would block forever, so refuse before open.
  if (stat.isDirectory()) throw new AppError('FILE_UNREADABLE', { file: name, reason: 'ist ein Ordner, keine Datei' });
  if (!stat.isFile()) throw new AppError('FILE_UNREADABLE', { file: name, reason: 'keine reguläre Datei' });
  if (stat.size > MAX_IMPORT_BYTES) throw tooLarge(name, stat.size);
  if (stat.size === 0) throw new AppError('FILE_EMPTY', { file: name });
}

/** Checks and decodes file content that arrived without a path (browser-mode upload); `path` is then the name. */
export function loadBytes(name: string, bytes: Uint8Array): LoadedFile {
  if (bytes.length > MAX_IMPORT_BYTES) throw tooLarge(name, bytes.length);
  return classify(name, name, bytes);
}

/** Decides what the bytes are: PDF, refused binary or unsupported type, or decoded text in a text format. */
function classify(filePath: string, name: string, bytes: Uint8Array): LoadedFile {
  const ext = path.extname(name).toLowerCase();
  if (bytes.length === 0) throw new AppError('FILE_EMPTY', { file: name });

  const base = { path: filePath, name, bytes };
  if (isPdf(bytes, ext)) return { ...base, format: 'pdf', text: null, encoding: null };

  const signature = binarySignature(bytes, ext);
  if (signature) throw new AppError('FILE_UNSUPPORTED', { file: name, type: signature });
  if (ext === '.pdf') {
    // Named .pdf but without the PDF header: the PDF importer would only fail less clearly.
    throw new AppError('FILE_PARSE_FAILED', { file: name, reason: 'kein PDF-Dateikopf (%PDF-)' });
  }
  const unsupported = UNSUPPORTED_EXTENSIONS[ext];
  if (unsupported) throw new AppError('FILE_UNSUPPORTED', { file: name, type: unsupported });

  const bom = detectBom(bytes);
  // UTF-16 text is full of NUL bytes, so the NUL test applies only without a UTF-16 BOM.
  if (bom !== 'utf-16le' && bom !== 'utf-16be' && bytes.includes(0)) {
    throw new AppError('FILE_BINARY', { file: name, reason: 'NUL-Bytes' });
  }

  let decoded;
  try {
    decoded = decodeText(bytes);
  } catch (err) {
    if (err instanceof EncodingError) throw new AppError('FILE_ENCODING', { file: name, reason: err.reason });
    throw err;
  }
  const { text, encoding } = decoded;
  // trim() also removes U+FEFF, so a file of BOMs and blank lines counts as empty.
  if (text.trim() === '') throw new AppError('FILE_EMPTY', { file: name });
  if (looksBinary(text)) throw new AppError('FILE_BINARY', { file: name, reason: 'Steuerzeichen' });

  return { ...base, format: textFormat(ext, text), text, encoding };
}

function tooLarge(name: string, size: number): AppError {
  return new AppError('FILE_TOO_LARGE', { file: name, size: formatBytes(size), limit: formatBytes(MAX_IMPORT_BYTES) });
}

/**
 * Collects a file's bytes chunk by chunk, at most MAX_IMPORT_BYTES + 1, so a file that grew after
 * stat cannot exhaust memory. The first chunk is sized by the stat (+1 to see the end at once): a
 * fresh 1 MB buffer per small file was measurable garbage-collector work when importing thousands
 * of files.
 */
class BoundedRead {
  private readonly chunks: Buffer[] = [];
  private total = 0;
  constructor(
    private readonly name: string,
    private readonly expectedSize: number,
  ) {}

  buffer(): Buffer {
    return Buffer.allocUnsafe(Math.min(this.total === 0 ? this.expectedSize + 1 : 1 << 20, 1 << 20, MAX_IMPORT_BYTES + 1 - this.total));
  }

  /** Takes what a read put into `chunk`; false when the file has ended. */
  took(chunk: Buffer, bytesRead: number): boolean {
    if (bytesRead === 0) return false;
    this.chunks.push(chunk.subarray(0, bytesRead));
    this.total += bytesRead;
    if (this.total > MAX_IMPORT_BYTES) throw tooLarge(this.name, this.total);
    // A regular file reads short only at its end: spare the extra read.
    return bytesRead === chunk.length;
  }

  /** A plain Uint8Array, not a Buffer: consumers (pdf.js) may transfer or detach it. */
  bytes(): Uint8Array {
    const all = Buffer.concat(this.chunks, this.total);
    return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
  }
}

async function readBounded(abs: string, name: string, expectedSize = 1 << 20): Promise<Uint8Array> {
  let fh;
  try {
    fh = await fsp.open(abs, 'r');
  } catch (err) {
    throw fsError(err, name);
  }
  try {
    const r = new BoundedRead(name, expectedSize);
    for (let chunk = r.buffer(); r.took(chunk, (await fh.read(chunk, 0, chunk.length, null)).bytesRead); chunk = r.buffer());
    return r.bytes();
  } catch (err) {
    throw err instanceof AppError ? err : fsError(err, name);
  } finally {
    await fh.close().catch(() => undefined);
  }
}

function readBoundedSync(abs: string, name: string, expectedSize: number): Uint8Array {
  let fd;
  try {
    fd = fs.openSync(abs, 'r');
  } catch (err) {
    throw fsError(err, name);
  }
  try {
    const r = new BoundedRead(name, expectedSize);
    for (let chunk = r.buffer(); r.took(chunk, fs.readSync(fd, chunk, 0, chunk.length, null)); chunk = r.buffer());
    return r.bytes();
  } catch (err) {
    throw err instanceof AppError ? err : fsError(err, name);
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // closing a file only read cannot lose anything
    }
  }
}

const ERRNO_REASONS: Record<string, string> = {
  EACCES: 'keine Leseberechtigung',
  EPERM: 'Zugriff nicht erlaubt',
  EISDIR: 'ist ein Ordner, keine Datei',
  ENOTDIR: 'ein Teil des Pfads ist kein Ordner',
  ELOOP: 'zu viele symbolische Verknüpfungen',
  ENAMETOOLONG: 'Pfad zu lang',
  EIO: 'Ein-/Ausgabefehler',
  EBUSY: 'Datei wird verwendet',
  EMFILE: 'zu viele offene Dateien',
};

function fsError(err: unknown, name: string): AppError {
  const code = (err as NodeJS.ErrnoException | null)?.code ?? '';
  if (code === 'ENOENT') return new AppError('FILE_NOT_FOUND', { file: name });
  const reason = ERRNO_REASONS[code] ?? (code || (err instanceof Error ? err.message : String(err)));
  return new AppError('FILE_UNREADABLE', { file: name, reason: code && ERRNO_REASONS[code] ? `${reason}, ${code}` : reason });
}

/** Bytes as characters one to one (latin1), for comparing signatures; not a text decoding. */
const ascii = (bytes: Uint8Array, from: number, to: number): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', Math.min(from, bytes.length), Math.min(to, bytes.length));

function startsWith(bytes: Uint8Array, sig: readonly number[], offset = 0): boolean {
  return sig.every((b, i) => bytes[offset + i] === b);
}

/**
 * PDF header at the start; for a `.pdf` anywhere in the first 1024 bytes, as readers accept (some
 * generators put junk before it). Not anywhere for other names: a note may mention "%PDF-".
 */
function isPdf(bytes: Uint8Array, ext: string): boolean {
  const head = ascii(bytes, 0, 1024);
  return /^\s*%PDF-/.test(head) || (ext === '.pdf' && head.includes('%PDF-'));
}

/** Names the type of a known binary or non-importable document format by its magic bytes; null if none matches. */
function binarySignature(bytes: Uint8Array, ext: string): string | null {
  const head = ascii(bytes, 0, 16);
  const hasNulEarly = bytes.subarray(0, 64).includes(0);
  if (head.startsWith('PK\x03\x04') || head.startsWith('PK\x05\x06') || head.startsWith('PK\x07\x08')) {
    // Office Open XML, OpenDocument and EPUB are ZIP containers; their first entries give them away.
    const names = ascii(bytes, 0, 65536);
    if (/word\//.test(names) || ext === '.docx') return 'DOCX';
    if (/xl\//.test(names) || ext === '.xlsx') return 'XLSX';
    if (/ppt\//.test(names) || ext === '.pptx') return 'PPTX';
    if (names.includes('application/vnd.oasis.opendocument.text')) return 'ODT';
    if (names.includes('application/vnd.oasis.opendocument')) return 'OpenDocument';
    if (names.includes('application/epub+zip')) return 'EPUB';
    return 'ZIP';
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'PNG';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'JPEG';
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return 'GIF';
  if (head.startsWith('RIFF') && ascii(bytes, 8, 12) === 'WEBP') return 'WebP';
  if (head.startsWith('RIFF') && ascii(bytes, 8, 12) === 'WAVE') return 'WAV';
  if (head.startsWith('II*\x00') || head.startsWith('MM\x00*')) return 'TIFF';
  if (ascii(bytes, 4, 8) === 'ftyp') return 'MP4/MOV/HEIC';
  if (head.startsWith('ID3') && hasNulEarly) return 'MP3';
  if (head.startsWith('OggS') || head.startsWith('fLaC')) return 'Audio';
  if (head.startsWith('\x7fELF')) return 'ELF';
  // "MZ" alone could open a text ("MZ-Werk ..."); executables have NUL bytes right after it.
  if (head.startsWith('MZ') && hasNulEarly) return 'EXE';
  if (startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) || startsWith(bytes, [0xfe, 0xed, 0xfa, 0xce]) || startsWith(bytes, [0xca, 0xfe, 0xba, 0xbe])) {
    return 'Mach-O/Java';
  }
  if (head.startsWith('\x00asm')) return 'WebAssembly';
  if (head.startsWith('SQLite format 3\x00')) return 'SQLite';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return UNSUPPORTED_EXTENSIONS[ext] ?? 'DOC/XLS/PPT (OLE)';
  }
  if (startsWith(bytes, [0x1f, 0x8b])) return 'GZIP';
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7Z';
  if (head.startsWith('Rar!\x1a\x07')) return 'RAR';
  if (startsWith(bytes, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return 'XZ';
  if (head.startsWith('{\\rtf')) return 'RTF';
  return null;
}

/** More than 10 % control characters (other than tab, line breaks, form feed) in the first 64K characters. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65536);
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const controls = sample.match(/[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f\u007f-\u009f\ufffd]/g)?.length ?? 0;
  return controls > 0 && controls / sample.length > 0.1;
}

function textFormat(ext: string, text: string): 'html' | 'markdown' | 'text' {
  if (HTML_EXTENSIONS.has(ext) || looksLikeHtmlDocument(text)) return 'html';
  if (MARKDOWN_EXTENSIONS.has(ext)) return 'markdown';
  if (TEXT_EXTENSIONS.has(ext)) return 'text';
  // Unknown extension (.log, .eml, .csv, ...) with valid text: import it as plain text.
  return 'text';
}

/** Content opening with a doctype or <html> element (after BOM, whitespace, an XML declaration, comments). */
function looksLikeHtmlDocument(text: string): boolean {
  const head = text
    .slice(0, 4096)
    .replace(/^[\s\ufeff]+/, '')
    .replace(/^<\?xml[^>]*\?>\s*/i, '')
    .replace(/^(?:<!--[\s\S]*?-->\s*)+/, '');
  return /^<!doctype\s+html\b/i.test(head) || /^<html[\s>]/i.test(head);
}
