import type { Lang } from '../../shared/errors.js';
import type { MigrationProgress } from '../db/migrations/index.js';

/**
 * What opening an older collection tells its user while it brings it up to date (openDatabase's
 * onMigrationProgress): on a large collection the backup and a rebuilt search index take minutes
 * (migration 11: about 150 s at 100,000 articles, docs/bench.md), which without a word looks like
 * a hang. The CLI (and browser mode, which it starts) prints these lines on stderr; the app shows
 * them in its upgrade window (main/electron/upgrade.ts).
 */

const number = (n: number, lang: Lang) => n.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB');

/** One line of progress in the user's language. */
export function migrationProgressText(p: MigrationProgress, lang: Lang): string {
  const de = lang === 'de';
  const head = de ? `Sammlung wird aktualisiert (Schema ${p.from} → ${p.to})` : `Updating the collection (schema ${p.from} → ${p.to})`;
  if (p.step === 'backup') return `${head}: ${de ? 'Sicherung wird angelegt …' : 'making a backup …'}`;
  const step = `${de ? 'Schritt' : 'step'} ${p.version}`;
  if (p.total === null || p.total === 0) return `${head}, ${step} …`;
  const pct = Math.floor((100 * p.done) / p.total);
  return de
    ? `${head}, ${step}: ${number(p.done, lang)} von ${number(p.total, lang)} Artikeln (${pct} %)`
    : `${head}, ${step}: ${number(p.done, lang)} of ${number(p.total, lang)} articles (${pct} %)`;
}

/** The line after the last step. */
export function migrationDoneText(to: number, seconds: number, lang: Lang): string {
  const s = seconds.toFixed(seconds < 10 ? 1 : 0);
  return lang === 'de' ? `Sammlung aktualisiert (Schema ${to}) in ${s.replace('.', ',')} s.` : `Collection updated (schema ${to}) in ${s} s.`;
}

/**
 * A progress listener that writes a line for the first event of each step, for a step's last
 * article, and otherwise at most every `everyMs`; `finish()` writes the closing line when there
 * was anything to report.
 */
export function migrationReporter(write: (line: string) => void, lang: Lang, now: () => number = Date.now, everyMs = 2000): { onProgress: (p: MigrationProgress) => void; finish: () => void } {
  const started = now();
  let last = -Infinity;
  let lastStep = '';
  let to: number | null = null;
  return {
    onProgress(p) {
      to = p.to;
      const step = p.step === 'backup' ? 'backup' : `migrate ${p.version}`;
      const stepEnd = p.step === 'migrate' && p.total !== null && p.total > 0 && p.done === p.total;
      if (step !== lastStep || stepEnd || now() - last >= everyMs) {
        write(migrationProgressText(p, lang));
        last = now();
        lastStep = step;
      }
    },
    finish() {
      if (to !== null) write(migrationDoneText(to, (now() - started) / 1000, lang));
    },
  };
}
