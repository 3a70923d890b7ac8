import { z } from 'zod';
import { result } from './contract-result.js';

/**
 * Portable archive channels (spread into `contract` in `contract.ts`):
 * - `archive.export {mappeId?, includeProtected?}`: the whole collection or one Mappe as a
 *   `.fundstelle` file (zip, base64); protected sources only with `includeProtected: true`;
 * - `archive.import {name, data}`: merges an archive (base64) without duplicates and reports what
 *   was added, updated or skipped per entity type.
 */

/** The entity types an import reports on. */
export const ARCHIVE_ENTITIES = ['articles', 'annotations', 'sources', 'mentions', 'contacts', 'inquiries', 'citations', 'mappen'] as const;
/** One entity type of the report. */
export type ArchiveEntity = (typeof ARCHIVE_ENTITIES)[number];

/** What an import did with one entity type. */
export interface ArchiveEntityCounts {
  added: number;
  updated: number;
  skipped: number;
}

/** `archive.import`'s answer. */
export interface ArchiveImportReport {
  file: string;
  archiveVersion: number;
  createdAt: string;
  scope: { mappe?: string | undefined };
  includesProtected: boolean;
  counts: Record<ArchiveEntity, ArchiveEntityCounts>;
}

/** `archive.export`'s answer: the file to save. */
export interface ArchiveExportFile {
  fileName: string;
  mimeType: 'application/zip';
  /** The zip, base64. */
  data: string;
}

/** Upper bound for an uploaded archive: base64 of the core's 256 MiB limit plus slack. */
const MAX_ARCHIVE_BASE64 = 350 * 1024 * 1024;

export const archiveChannels = {
  'archive.export': {
    args: z.object({ mappeId: z.number().int().positive().optional(), includeProtected: z.boolean().optional() }).strict(),
    result: result<ArchiveExportFile>(),
  },
  'archive.import': {
    args: z.object({ name: z.string().min(1).max(1024), data: z.string().max(MAX_ARCHIVE_BASE64) }).strict(),
    result: result<ArchiveImportReport>(),
  },
} as const;
