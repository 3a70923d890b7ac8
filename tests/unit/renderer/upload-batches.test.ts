import { describe, expect, it } from 'vitest';
import { uploadBatches } from '../../../renderer/src/features/import/upload-batches.js';
import { contract } from '../../../shared/contract.js';
import { IMPORT_UPLOAD_BATCH_BYTES, IMPORT_UPLOADS_MAX } from '../../../shared/import-limits.js';

const picked = (name: string, size: number) => ({ name, file: { size } });
const names = (batches: { name: string }[][]) => batches.map((b) => b.map((f) => f.name));

describe('uploadBatches (browser mode: files per import.uploads call)', () => {
  it('keeps the order and cuts at IMPORT_UPLOADS_MAX files', () => {
    const files = Array.from({ length: 2 * IMPORT_UPLOADS_MAX + 3 }, (_, i) => picked(`f${i}.txt`, 3000));
    const batches = uploadBatches(files);
    expect(batches.map((b) => b.length)).toEqual([IMPORT_UPLOADS_MAX, IMPORT_UPLOADS_MAX, 3]);
    expect(batches.flat()).toEqual(files);
  });

  it('cuts at IMPORT_UPLOAD_BATCH_BYTES of content, and sends a larger file alone', () => {
    const half = IMPORT_UPLOAD_BATCH_BYTES / 2;
    const files = [picked('a', half), picked('b', half), picked('c', 1), picked('gross.pdf', 3 * IMPORT_UPLOAD_BATCH_BYTES), picked('d', 1), picked('e', 1)];
    expect(names(uploadBatches(files))).toEqual([['a', 'b'], ['c'], ['gross.pdf'], ['d', 'e']]);
  });

  it('gives no call for no files', () => {
    expect(uploadBatches([])).toEqual([]);
  });
});

describe('import.uploads arguments', () => {
  const args = contract['import.uploads'].args;
  const file = (data: string) => ({ name: 'a.txt', data });

  it('takes one to IMPORT_UPLOADS_MAX files', () => {
    expect(args.safeParse({ files: [file('SGFsbG8=')] }).success).toBe(true);
    expect(args.safeParse({ files: Array.from({ length: IMPORT_UPLOADS_MAX }, () => file('SGFsbG8=')) }).success).toBe(true);
    expect(args.safeParse({ files: [] }).success).toBe(false);
    expect(args.safeParse({ files: Array.from({ length: IMPORT_UPLOADS_MAX + 1 }, () => file('SGFsbG8=')) }).success).toBe(false);
  });

  it('refuses more than 70 MB of content in one call, however it is split', () => {
    const part = 'A'.repeat(24 * 1024 * 1024);
    expect(args.safeParse({ files: [file(part), file(part)] }).success).toBe(true);
    const r = args.safeParse({ files: [file(part), file(part), file(part)] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['files']);
  });
});
