import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportOutcome } from '../../../../shared/contract.js';
import { formatBytes, type Lang } from '../../../../shared/errors.js';
import { api, toErrorPayload } from '../../api.js';
import { IMPORT_CALLS_IN_FLIGHT, IMPORT_PATHS_MAX } from '../../../../shared/import-limits.js';
import { readAsBase64, type PickedFile } from './read-files.js';
import { uploadBatches } from './upload-batches.js';

/**
 * Mirrors MAX_IMPORT_BYTES of the core (main/core/import/types.ts, which the renderer may not
 * import): a larger file is refused here, before 50 MB are encoded and sent for nothing.
 */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Refresh the list at most this often while a batch runs; every row query costs a round trip. */
const REFRESH_INTERVAL_MS = 400;

/** The state of the current (or last) import batch. */
export interface ImportReport {
  total: number;
  done: number;
  /** File being imported now; null between files and when finished. */
  current: string | null;
  /** One outcome per finished file, in order. */
  outcomes: readonly ImportOutcome[];
  running: boolean;
}

interface Job {
  /** The file shown while the job runs (the first of a chunk). */
  name: string;
  /** Files in the job: up to IMPORT_UPLOADS_MAX for uploads, up to IMPORT_PATHS_MAX for paths. */
  names: readonly string[];
  run(): Promise<ImportOutcome[]>;
}

export interface Importer {
  report: ImportReport | null;
  /** Imports files the page holds (file input, drag and drop), in `import.uploads` calls of up to IMPORT_UPLOADS_MAX files, two in flight. */
  importFiles(files: readonly PickedFile[]): void;
  /** Electron: native open dialog (files, or folders), then import by path in the main process. */
  importNative(folders?: boolean): Promise<void>;
  /** Forgets the finished batch's report. */
  clear(): void;
}

function failed(file: string, e: unknown): ImportOutcome {
  return { ok: false, file, error: toErrorPayload(e) };
}

/**
 * A queue that imports a job at a time, the next one already sent (a file or chunk is parsed and
 * stored before the one after the next is read, so memory stays flat for a folder of thousands)
 * and reports progress and outcomes.
 * Files added while a batch runs join it; the next batch after a finished one starts a new report.
 */
export function useImporter(lang: Lang, onCollectionChanged: () => void): Importer {
  const queue = useRef<Job[]>([]);
  const state = useRef<ImportReport | null>(null);
  const [snapshot, setSnapshot] = useState<ImportReport | null>(null);
  const changed = useRef(onCollectionChanged);
  useEffect(() => {
    changed.current = onCollectionChanged;
  }, [onCollectionChanged]);

  const publish = useCallback(() => {
    const s = state.current;
    setSnapshot(s ? { ...s } : null);
  }, []);

  const pump = useCallback(async () => {
    const s = state.current;
    if (!s || s.running) return;
    s.running = true;
    publish();
    let dirty = false;
    let lastRefresh = 0;
    // Up to IMPORT_CALLS_IN_FLIGHT jobs run at once (the main process parses one while it stores
    // the other; memory stays flat); outcomes are taken in queue order.
    const inFlight: { job: Job; outcomes: Promise<ImportOutcome[]> }[] = [];
    const fill = (): void => {
      while (inFlight.length < IMPORT_CALLS_IN_FLIGHT) {
        const job = queue.current.shift();
        if (!job) return;
        inFlight.push({ job, outcomes: job.run().catch((e: unknown) => job.names.map((n) => failed(n, e))) });
      }
    };
    fill();
    for (let next = inFlight.shift(); next; next = inFlight.shift()) {
      const { job } = next;
      s.current = job.name;
      publish();
      const outcomes = await next.outcomes;
      fill();
      (s.outcomes as ImportOutcome[]).push(...outcomes);
      s.done += outcomes.length;
      s.current = null;
      if (outcomes.some((o) => o.ok && !o.article.duplicate)) dirty = true;
      if (dirty && Date.now() - lastRefresh > REFRESH_INTERVAL_MS) {
        changed.current();
        dirty = false;
        lastRefresh = Date.now();
      }
      publish();
    }
    s.running = false;
    if (dirty) changed.current();
    publish();
  }, [publish]);

  const enqueue = useCallback(
    (jobs: Job[], settled: ImportOutcome[] = []) => {
      if (!state.current || !state.current.running) state.current = { total: 0, done: 0, current: null, outcomes: [], running: false };
      const s = state.current;
      s.total += jobs.reduce((n, j) => n + j.names.length, 0) + settled.length;
      s.done += settled.length;
      (s.outcomes as ImportOutcome[]).push(...settled);
      queue.current.push(...jobs);
      publish();
      void pump();
    },
    [publish, pump],
  );

  /** A picked file's content as base64, or the outcome that says why it is not sent. */
  const readUpload = useCallback(
    async (file: PickedFile['file'], name: string): Promise<{ name: string; data: string } | ImportOutcome> => {
      if (file.size > MAX_FILE_BYTES) {
        const details = { file: name, size: formatBytes(file.size, lang), limit: formatBytes(MAX_FILE_BYTES, lang) };
        return { ok: false, file: name, error: { code: 'FILE_TOO_LARGE', details, message: name } };
      }
      try {
        return { name, data: await readAsBase64(file) };
      } catch (e) {
        const details = { file: name, reason: e instanceof Error ? e.message : String(e) };
        return { ok: false, file: name, error: { code: 'FILE_UNREADABLE', details, message: name } };
      }
    },
    [lang],
  );

  const importFiles = useCallback(
    (files: readonly PickedFile[]) => {
      enqueue(
        uploadBatches(files).map((batch) => ({
          name: (batch[0] as PickedFile).name,
          names: batch.map((f) => f.name),
          // Browser mode, drag and drop: one call (one transaction) per batch; a file that cannot
          // be read or is too large is reported in its place and not sent.
          run: async (): Promise<ImportOutcome[]> => {
            const read = await Promise.all(batch.map(({ file, name }) => readUpload(file, name)));
            const send = read.filter((r): r is { name: string; data: string } => !('ok' in r));
            const stored = send.length > 0 ? await api['import.uploads']({ files: send }) : [];
            let k = 0;
            return read.map((r) => ('ok' in r ? r : (stored[k++] as ImportOutcome)));
          },
        })),
      );
    },
    [enqueue, readUpload],
  );

  const importNative = useCallback(async (folders = false) => {
    try {
      const { paths } = await api['dialog.openImport']({ folders });
      if (paths.length === 0) return;
      const { files, errors } = await api['import.expand']({ paths });
      const jobs: Job[] = [];
      for (let i = 0; i < files.length; i += IMPORT_PATHS_MAX) {
        const chunk = files.slice(i, i + IMPORT_PATHS_MAX);
        jobs.push({ name: chunk[0] as string, names: chunk, run: () => api['import.paths']({ paths: chunk }) });
      }
      enqueue(jobs, errors);
    } catch (e) {
      enqueue([], [failed('', e)]);
    }
  }, [enqueue]);

  const clear = useCallback(() => {
    if (state.current?.running) return;
    state.current = null;
    publish();
  }, [publish]);

  return { report: snapshot, importFiles, importNative, clear };
}
