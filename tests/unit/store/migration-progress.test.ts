import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationProgressText, migrationReporter } from '../../../main/core/migration-progress.js';
import { LATEST_VERSION, type MigrationProgress } from '../../../main/db/migrations/index.js';
import { openDatabase } from '../../../main/db/open.js';
import { pendingUpgrade, upgradeCollection, UpgradeError } from '../../../main/db/upgrade.js';
import { runCli } from '../../helpers/cli.js';
import { fileSchemaVersion, tempDir, writeOldCollection } from '../../helpers/db.js';

/**
 * Opening an older collection brings it up to date before anything else; on a large one that takes
 * minutes (a backup, the search index rebuilt article by article). What it reports while it does.
 */
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** A collection file at schema 10 with `n` articles. */
function oldCollection(n: number): string {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  return writeOldCollection(path.join(dir, 'sammlung.sqlite'), n);
}

describe('bringing an older collection up to date', () => {
  it('reports the backup, then each step, and the rebuilt index article by article up to the last', () => {
    const file = oldCollection(1203);
    const events: MigrationProgress[] = [];
    const db = openDatabase(file, { onMigrationProgress: (p) => events.push(p) });
    db.close();
    expect(events[0]).toEqual({ step: 'backup', from: 10, to: LATEST_VERSION });
    const steps = events.filter((e) => e.step === 'migrate');
    expect(new Set(steps.map((e) => e.version))).toEqual(new Set(Array.from({ length: LATEST_VERSION - 10 }, (_, i) => 11 + i)));
    const rebuild = steps.filter((e) => e.version === 11 && e.total !== null).map((e) => [e.done, e.total]);
    expect(rebuild).toEqual([
      [500, 1203],
      [1000, 1203],
      [1203, 1203],
    ]);
  });

  it('reports nothing for a new collection or one already up to date', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = path.join(dir, 'neu.sqlite');
    const events: MigrationProgress[] = [];
    openDatabase(file, { onMigrationProgress: (p) => events.push(p) }).close();
    openDatabase(file, { onMigrationProgress: (p) => events.push(p) }).close();
    expect(events).toEqual([]);
  });

  it('words it in German and English, and writes a line per step, the last article and every few seconds', () => {
    const p: MigrationProgress = { step: 'migrate', from: 10, to: 11, version: 11, name: 'term-list', done: 40_000, total: 100_000 };
    expect(migrationProgressText(p, 'de')).toBe('Sammlung wird aktualisiert (Schema 10 → 11), Schritt 11: 40.000 von 100.000 Artikeln (40 %)');
    expect(migrationProgressText(p, 'en')).toBe('Updating the collection (schema 10 → 11), step 11: 40,000 of 100,000 articles (40 %)');
    expect(migrationProgressText({ step: 'backup', from: 10, to: 11 }, 'de')).toBe('Sammlung wird aktualisiert (Schema 10 → 11): Sicherung wird angelegt …');

    const lines: string[] = [];
    let clock = 0;
    const r = migrationReporter((l) => lines.push(l), 'de', () => clock, 2000);
    r.onProgress({ step: 'backup', from: 10, to: 11 });
    const step = (done: number, total: number | null) => r.onProgress({ step: 'migrate', from: 10, to: 11, version: 11, name: 'term-list', done, total });
    clock = 5000;
    step(0, null);
    for (let done = 500; done <= 3000; done += 500) {
      clock += 700;
      step(done, 3000);
    }
    r.finish();
    expect(lines).toEqual([
      'Sammlung wird aktualisiert (Schema 10 → 11): Sicherung wird angelegt …',
      'Sammlung wird aktualisiert (Schema 10 → 11), Schritt 11 …',
      'Sammlung wird aktualisiert (Schema 10 → 11), Schritt 11: 1.500 von 3.000 Artikeln (50 %)',
      'Sammlung wird aktualisiert (Schema 10 → 11), Schritt 11: 3.000 von 3.000 Artikeln (100 %)',
      'Sammlung aktualisiert (Schema 11) in 9,2 s.',
    ]);
  });

  it('the CLI says on stderr that it is updating the collection, and its output stays as it was', () => {
    const file = oldCollection(30);
    const r = runCli(['list', '--json', '--db', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('Sammlung wird aktualisiert (Schema 10 → ');
    expect(r.stderr).toMatch(/Schritt 11: 30 von 30 Artikeln \(100 %\)/);
    expect(r.stderr).toMatch(/Sammlung aktualisiert \(Schema \d+\) in [\d,]+ s\./);
    expect(JSON.parse(r.stdout)).toHaveLength(30);
    // Once up to date, nothing more is said.
    const again = runCli(['list', '--json', '--db', file]);
    expect(again.stderr).toBe('');
  });
});

describe('the app bringing an older collection up to date on a worker thread', () => {
  it('knows when a collection needs it, and in which language to say so', () => {
    const file = oldCollection(3);
    expect(pendingUpgrade(file)).toEqual({ from: 10, to: LATEST_VERSION, articles: 3, lang: 'de' });
    const db = new BetterSqlite3(file);
    db.prepare("INSERT INTO settings (key, value) VALUES ('language', '\"en\"')").run();
    db.close();
    expect(pendingUpgrade(file)?.lang).toBe('en');
    expect(pendingUpgrade(path.join(path.dirname(file), 'fehlt.sqlite'))).toBeNull();
    openDatabase(file).close();
    expect(pendingUpgrade(file)).toBeNull();
  });

  it('migrates it there, with a backup first, and passes the progress on', async () => {
    const file = oldCollection(1203);
    const events: MigrationProgress[] = [];
    const upgrading = upgradeCollection(file, 'de', (p) => events.push(p));
    // On a worker: nothing has happened on this thread yet.
    expect(events).toEqual([]);
    await upgrading;
    expect(fileSchemaVersion(file)).toBe(LATEST_VERSION);
    expect(events[0]?.step).toBe('backup');
    expect(events.filter((e) => e.step === 'migrate' && e.version === 11 && e.total !== null).map((e) => e.step === 'migrate' && e.done)).toEqual([500, 1000, 1203]);
    expect(fs.readdirSync(path.join(path.dirname(file), 'backups')).some((f) => f.includes('schema10'))).toBe(true);
  });

  it('fails with the reason in the language asked for, and leaves the collection as it was', async () => {
    const file = oldCollection(5);
    // The backup folder's place is taken by a file: no backup, so no migration.
    fs.writeFileSync(path.join(path.dirname(file), 'backups'), 'kein Ordner');
    const failed = await upgradeCollection(file, 'en', () => {}).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(UpgradeError);
    expect((failed as UpgradeError).code).toBe('DB_OPEN_FAILED');
    expect((failed as UpgradeError).message).toMatch(/backup/i);
    expect(fileSchemaVersion(file)).toBe(10);
  });
});
