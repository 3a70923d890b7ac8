import { IMPORT_UPLOAD_BATCH_BYTES, IMPORT_UPLOADS_MAX } from '../../../../shared/import-limits.js';

/**
 * Picked files in `import.uploads` calls, in order: up to IMPORT_UPLOADS_MAX files and about
 * IMPORT_UPLOAD_BATCH_BYTES of content per call (a file larger than that goes alone).
 */
export function uploadBatches<T extends { file: { size: number } }>(files: readonly T[]): T[][] {
  const batches: T[][] = [];
  let batch: T[] = [];
  let bytes = 0;
  for (const f of files) {
    if (batch.length > 0 && (batch.length >= IMPORT_UPLOADS_MAX || bytes + f.file.size > IMPORT_UPLOAD_BATCH_BYTES)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(f);
    bytes += f.file.size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
