import { strFromU8, strToU8, unzipSync, zipSync, type UnzipFileInfo } from 'fflate';
import type { z } from 'zod';
import { AppError, formatBytes } from '../../../shared/errors.js';
import { ARCHIVE_FILES, ARCHIVE_FORMAT, ARCHIVE_VERSION, FILE_SCHEMAS, manifestSchema, type ArchiveContent, type ArchiveFile } from './format.js';

/**
 * Reading and writing the archive's zip container. Reading is defensive: an archive comes from
 * another machine, so its declared sizes are checked before anything is inflated (a zip bomb
 * must not exhaust memory), entry names that could escape a folder are refused outright, and every
 * JSON file is validated against its schema with a message naming the file and the field.
 */

/** The largest archive file accepted (compressed). */
export const MAX_ARCHIVE_BYTES = 256 * 1024 * 1024;
/** The largest declared uncompressed size of one entry. */
export const MAX_ENTRY_BYTES = 512 * 1024 * 1024;
/** The largest declared uncompressed size of all entries together. */
export const MAX_TOTAL_BYTES = 1024 * 1024 * 1024;

/** Packs the archive content as a zip (deflated JSON files). */
export function writeArchiveZip(content: ArchiveContent): Uint8Array {
  const files: Record<string, Uint8Array> = { 'manifest.json': strToU8(JSON.stringify(content.manifest, null, 2)) };
  const parts: Record<ArchiveFile, unknown[]> = {
    'articles.json': content.articles,
    'annotations.json': content.annotations,
    'sources.json': content.sources,
    'contacts.json': content.contacts,
    'inquiries.json': content.inquiries,
    'citations.json': content.citations,
    'mappen.json': content.mappen,
  };
  for (const name of ARCHIVE_FILES) files[name] = strToU8(JSON.stringify(parts[name]));
  return zipSync(files, { level: 6, mtime: new Date(content.manifest.createdAt) });
}

/** True for an entry name that is a plain relative path inside the archive (no traversal, no absolute or drive paths). */
export function isSafeEntryName(name: string): boolean {
  if (!name || name.includes('\\') || name.includes('\0') || name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return false;
  return !name.split('/').some((seg) => seg === '..' || seg === '.');
}

function invalid(file: string, reason: string): AppError {
  return new AppError('ARCHIVE_INVALID', { file, reason });
}

function zodReason(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'schema violation';
  const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  return `${where || '(root)'}: ${issue.message}`;
}

function parseJson(archiveName: string, entry: string, bytes: Uint8Array): unknown {
  try {
    return JSON.parse(strFromU8(bytes)) as unknown;
  } catch (e) {
    throw invalid(archiveName, `${entry}: invalid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

/**
 * Opens and validates an archive. Errors: ARCHIVE_TOO_LARGE (file or declared sizes over the
 * limits, checked before inflating), ARCHIVE_INVALID (not a zip, unsafe entry names, missing
 * manifest, bad JSON, schema violations, each naming the file and the problem), ARCHIVE_TOO_NEW.
 */
export function readArchiveZip(archiveName: string, data: Uint8Array, lang: 'de' | 'en' = 'de'): ArchiveContent {
  if (data.length > MAX_ARCHIVE_BYTES) {
    throw new AppError('ARCHIVE_TOO_LARGE', { file: archiveName, what: 'zip', size: formatBytes(data.length, lang), limit: formatBytes(MAX_ARCHIVE_BYTES, lang) });
  }
  // A local file header or an empty archive's end record: anything else is not a zip at all.
  const isZip = data.length >= 22 && data[0] === 0x50 && data[1] === 0x4b && (data[2] === 0x03 || data[2] === 0x05);
  if (!isZip) throw invalid(archiveName, lang === 'de' ? 'keine Zip-Datei' : 'not a zip file');
  let total = 0;
  const declared = new Map<string, number>();
  const wanted = new Set<string>(['manifest.json', ...ARCHIVE_FILES]);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, {
      // Runs on the central directory before any entry is inflated.
      filter: (f: UnzipFileInfo) => {
        if (!isSafeEntryName(f.name)) throw invalid(archiveName, `${f.name}: ${lang === 'de' ? 'unzulässiger Eintragsname (Pfad verlässt das Archiv)' : 'unsafe entry name (path leaves the archive)'}`);
        if (f.originalSize > MAX_ENTRY_BYTES) {
          throw new AppError('ARCHIVE_TOO_LARGE', { file: archiveName, what: f.name, size: formatBytes(f.originalSize, lang), limit: formatBytes(MAX_ENTRY_BYTES, lang) });
        }
        total += f.originalSize;
        if (total > MAX_TOTAL_BYTES) {
          throw new AppError('ARCHIVE_TOO_LARGE', { file: archiveName, what: lang === 'de' ? 'entpackt' : 'uncompressed', size: formatBytes(total, lang), limit: formatBytes(MAX_TOTAL_BYTES, lang) });
        }
        if (!wanted.has(f.name)) return false;
        declared.set(f.name, f.originalSize);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw invalid(archiveName, `${lang === 'de' ? 'beschädigte Zip-Datei' : 'damaged zip file'} (${e instanceof Error ? e.message : String(e)})`);
  }
  for (const [name, bytes] of Object.entries(files)) {
    // The inflater writes into a buffer of the declared size: a lying header yields a short or cut file.
    if (bytes.length !== declared.get(name)) throw invalid(archiveName, `${name}: ${lang === 'de' ? 'Größe stimmt nicht mit dem Verzeichnis überein' : 'size does not match the directory'}`);
  }
  const manifestBytes = files['manifest.json'];
  if (!manifestBytes) throw invalid(archiveName, `manifest.json: ${lang === 'de' ? 'fehlt' : 'missing'}`);
  const rawManifest = parseJson(archiveName, 'manifest.json', manifestBytes);
  // The version is checked before the full schema: a newer format may have changed everything else.
  const head = rawManifest as { format?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== ARCHIVE_FORMAT) {
    throw invalid(archiveName, `manifest.json: ${lang === 'de' ? `format ist nicht „${ARCHIVE_FORMAT}“` : `format is not "${ARCHIVE_FORMAT}"`}`);
  }
  if (typeof head.version === 'number' && head.version > ARCHIVE_VERSION) {
    throw new AppError('ARCHIVE_TOO_NEW', { file: archiveName, found: head.version, supported: ARCHIVE_VERSION });
  }
  const manifest = manifestSchema.safeParse(rawManifest);
  if (!manifest.success) throw invalid(archiveName, `manifest.json: ${zodReason(manifest.error)}`);
  const parse = <F extends ArchiveFile>(name: F): z.infer<(typeof FILE_SCHEMAS)[F]> => {
    const bytes = files[name];
    // mappen.json is optional (a collection without Mappen); every other file must be there.
    if (!bytes) {
      if (name === 'mappen.json') return [] as z.infer<(typeof FILE_SCHEMAS)[F]>;
      throw invalid(archiveName, `${name}: ${lang === 'de' ? 'fehlt' : 'missing'}`);
    }
    const r = FILE_SCHEMAS[name].safeParse(parseJson(archiveName, name, bytes));
    if (!r.success) throw invalid(archiveName, `${name}: ${zodReason(r.error)}`);
    return r.data as z.infer<(typeof FILE_SCHEMAS)[F]>;
  };
  return {
    manifest: manifest.data,
    articles: parse('articles.json'),
    annotations: parse('annotations.json'),
    sources: parse('sources.json'),
    contacts: parse('contacts.json'),
    inquiries: parse('inquiries.json'),
    citations: parse('citations.json'),
    mappen: parse('mappen.json'),
  };
}
