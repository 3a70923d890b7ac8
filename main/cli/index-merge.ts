import { fillTemplate, type Lang } from '../../shared/errors.js';
import { indexNeedsMerge, indexSegmentCount, mergeIndexFully } from '../core/search-index.js';
import type { Database } from '../db/open.js';
import type { CliIo } from './command.js';

const MESSAGES = {
  merging: {
    de: 'Suchindex wird zusammengeführt ({segments} Teile), damit die Suche schnell bleibt …',
    en: 'Merging the search index ({segments} parts) to keep searches fast …',
  },
  merged: { de: 'Suchindex zusammengeführt ({seconds} s).', en: 'Search index merged ({seconds} s).' },
  skipped: {
    de: 'Suchindex nicht zusammengeführt ({reason}). Der Import ist vollständig gespeichert; die App führt den Index zusammen, sobald sie geöffnet und untätig ist.',
    en: 'Search index not merged ({reason}). The import is stored in full; the app merges the index once it is open and idle.',
  },
} as const;

function msg(lang: Lang, key: keyof typeof MESSAGES, vars: Record<string, string | number>): string {
  return fillTemplate(MESSAGES[key][lang], vars);
}

/**
 * After `fundstelle import`: merges the search index when it is in more than
 * INDEX_SEGMENTS_SETTLED segments (a folder of thousands of files). The app does this in idle time
 * (main/ipc/index-maintenance.ts), but a collection filled from the command line may be searched
 * from it next, or copied away, before the app is ever idle on it; searches read every segment (at
 * 100,000 articles, 15 segments made phrase searches 15–20 % slower; docs/bench.md).
 *
 * Reported on stderr, so `--json` output stays machine-readable. Each step is its own short
 * transaction, so Ctrl+C leaves a consistent index. When it cannot run (the app holds the
 * collection's write lock longer than the busy timeout), the import still counts as done: the
 * note says so and the app merges later.
 */
export function settleIndex(db: Database, lang: Lang, io: CliIo): void {
  try {
    if (!indexNeedsMerge(db)) return;
    const start = performance.now();
    io.err(`${msg(lang, 'merging', { segments: indexSegmentCount(db) })}\n`);
    mergeIndexFully(db);
    io.err(`${msg(lang, 'merged', { seconds: ((performance.now() - start) / 1000).toFixed(1) })}\n`);
  } catch (e) {
    io.err(`${msg(lang, 'skipped', { reason: e instanceof Error ? e.message : String(e) })}\n`);
  }
}
