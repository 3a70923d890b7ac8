import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Lang } from '../../../shared/errors.js';
import type { NewTerms } from '../search-index.js';
import { parseFileForStore, type ParsedFile } from './parse-job.js';
import type { ParseReply, ParseRequest } from './parse-worker.js';
import { startWorker, workerScript } from './worker-script.js';

/**
 * Parses the files of a large folder import on worker threads, so loading, parsing and stemming
 * (two thirds of an import's CPU time) run while the main thread writes the previous group to the
 * database (`npm run bench`, docs/bench.md). The workers only read files; all writing stays on
 * the main thread in its transactions.
 *
 * Where no worker can start (a bundle without the worker file, a sandbox that forbids threads) or
 * a worker ends unexpectedly, the files it had are parsed on the main thread instead: the import
 * is slower, never different.
 */

/** Worker threads for a machine: one per core beyond the main thread's, at least one, at most four. */
export function defaultWorkerCount(): number {
  return Math.min(4, Math.max(1, os.availableParallelism() - 1));
}

interface Slot {
  worker: Worker;
  waiting: Map<number, { resolve: (r: ParseReply) => void; reject: (e: Error) => void }>;
  broken: boolean;
}

/**
 * A group's parsed files, in order, and the terms the workers report for it (parse-worker.ts): null
 * without a term scope, or when part of the group was parsed on the main thread.
 *
 * A worker reports a term only once in a scope, so a group's reports are complete only together
 * with those of the groups parsed before it under that scope: such groups are stored in the order
 * they were parsed, also when several imports share the pool (the app's `import.paths` calls, two
 * in flight). `turn` settles once every group parsed before it under a term scope is `done`
 * (stored, or given up); `done` must be called for every group parsed under a term scope.
 */
export interface ParsedGroup {
  files: ParsedFile[];
  newTerms: NewTerms | null;
  turn: Promise<void>;
  done: () => void;
}

export class ParsePool {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  /** Settles when every group parsed so far under a term scope is done (see ParsedGroup). */
  private turns: Promise<void> = Promise.resolve();

  private constructor(script: URL, count: number) {
    for (let i = 0; i < count; i++) {
      // A larger young generation than a worker's default: parsing makes many short-lived strings,
      // and with the default the worker spent a fifth of its time in scavenges (10,000 files:
      // 2.3 → 1.9 ms per file, `npm run bench`).
      const worker = startWorker(script, { resourceLimits: { maxYoungGenerationSizeMb: 64 } });
      const slot: Slot = { worker, waiting: new Map(), broken: false };
      const fail = (e: Error) => {
        slot.broken = true;
        for (const w of slot.waiting.values()) w.reject(e);
        slot.waiting.clear();
      };
      worker.on('message', (m: ParseReply) => {
        const w = slot.waiting.get(m.id);
        slot.waiting.delete(m.id);
        w?.resolve(m);
      });
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`parse worker ended (exit code ${code})`)));
      // An idle worker does not keep the process alive (the CLI ends when the import does).
      worker.unref();
      this.slots.push(slot);
    }
  }

  /** A pool of `count` workers, or null when workers cannot be used here. */
  static open(count = defaultWorkerCount()): ParsePool | null {
    const script = workerScript('parse-worker');
    if (!script || count < 1) return null;
    try {
      return new ParsePool(script, count);
    } catch {
      return null;
    }
  }

  /**
   * Parses `files` (split across the workers), results in the order of `files`; with `termScope`,
   * the workers report the group's new terms under it (see ParsedGroup).
   */
  parse(files: readonly string[], lang: Lang, termScope?: number): Promise<ParsedGroup> {
    // The turn is taken now, in the order of the calls (the order the workers parse in).
    const turn = this.turns;
    let done = (): void => undefined;
    if (termScope !== undefined) {
      const stored = new Promise<void>((resolve) => (done = resolve));
      this.turns = turn.then(() => stored);
    }
    return this.parseParts(files, lang, termScope).then(
      (parsed) => ({ ...parsed, turn, done }),
      (e: unknown) => {
        done();
        throw e;
      },
    );
  }

  private async parseParts(files: readonly string[], lang: Lang, termScope: number | undefined): Promise<Pick<ParsedGroup, 'files' | 'newTerms'>> {
    const live = this.slots.filter((s) => !s.broken);
    if (live.length === 0) return { files: await parseHere(files, lang), newTerms: null };
    const size = Math.ceil(files.length / live.length);
    const parts = live.map((slot, i): Promise<ParseReply | ParsedFile[]> => {
      const chunk = files.slice(i * size, (i + 1) * size);
      return chunk.length === 0 ? Promise.resolve([]) : this.send(slot, chunk, lang, termScope).catch(() => parseHere(chunk, lang));
    });
    const replies = await Promise.all(parts);
    const terms: string[] = [];
    let reported = termScope !== undefined;
    for (const r of replies) {
      if (Array.isArray(r)) reported &&= r.length === 0;
      else if (r.newTerms !== null && r.newTerms.scope === termScope) terms.push(r.newTerms.terms);
      else reported = false;
    }
    return {
      files: replies.flatMap((r) => (Array.isArray(r) ? r : r.results)),
      newTerms: reported && termScope !== undefined ? { scope: termScope, terms: terms.join(' ') } : null,
    };
  }

  private send(slot: Slot, files: string[], lang: Lang, termScope: number | undefined): Promise<ParseReply> {
    if (slot.broken) return Promise.reject(new Error('parse worker unavailable'));
    const id = this.nextId++;
    return new Promise<ParseReply>((resolve, reject) => {
      slot.waiting.set(id, { resolve, reject });
      slot.worker.ref();
      slot.worker.postMessage({ id, files, lang, termScope } satisfies ParseRequest);
    }).finally(() => {
      if (slot.waiting.size === 0) slot.worker.unref();
    });
  }

  /** Ends the workers. */
  close(): void {
    for (const s of this.slots) {
      s.broken = true;
      void s.worker.terminate();
    }
  }
}

/** The same work on the main thread. */
export async function parseHere(files: readonly string[], lang: Lang): Promise<ParsedFile[]> {
  const out: ParsedFile[] = [];
  for (const f of files) out.push(await parseFileForStore(f, lang));
  return out;
}
