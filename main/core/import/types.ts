import type { ParsedArticle, SourceFormat } from '../../../shared/article.js';

/** Files larger than this are refused before they are read (documented in README). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** A file read from disk and decoded to text (PDFs stay bytes). */
export interface LoadedFile {
  /** Absolute path. */
  path: string;
  /** File name shown to the user and stored as provenance. */
  name: string;
  bytes: Uint8Array;
  /** Detected format to parse it as. */
  format: SourceFormat | 'pdf';
  /** Decoded text for text formats; null for PDF. */
  text: string | null;
  /** Detected encoding (`utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `windows-1252`), null for PDF. */
  encoding: string | null;
}

/** Result of parsing one file: what the store needs, plus the format it was parsed as. */
export interface ParseResult {
  article: ParsedArticle;
  format: SourceFormat;
}
