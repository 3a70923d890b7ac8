import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../../main/core/backup.js';
import { checkDatabaseFile } from '../../../main/core/db-check.js';
import { importFile, importPaths } from '../../../main/core/import/pipeline.js';
import { openDatabase, type Database } from '../../../main/db/open.js';
import { tempDir } from '../../helpers/db.js';
import { storyText } from '../../helpers/reliability.js';

// A full disk must give a clear DISK_FULL message, leave the collection intact, and the same import
// must succeed once space is freed. Tested on a real 1 MB tmpfs when this machine lets us mount one
// (root on Linux), and always with SQLite's max_page_count, which fails writes the same way.

const { dir, cleanup } = tempDir('fundstelle-diskfull-');
const mnt = path.join(dir, 'mnt');
let mounted = false;

/** A long invented article (~`kb` KB of text), outside the small file system. */
function bigArticle(name: string, kb: number): string {
  const file = path.join(dir, name);
  const paragraphs: string[] = [];
  for (let i = 0; paragraphs.join('\n\n').length < kb * 1024; i++) paragraphs.push(...storyText(10_000 + i, 2));
  fs.writeFileSync(file, `Langer Bericht ${name}\n\n${paragraphs.join('\n\n')}\n`);
  return file;
}

const smallArticle = (name: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `Kurzmeldung ${name}\n\n${storyText(name.length, 2).join('\n\n')}\n`);
  return file;
};

const articles = (db: Database) => (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;

beforeAll(() => {
  fs.mkdirSync(mnt);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mnt], { stdio: 'ignore' });
    mounted = true;
  } catch {
    mounted = false; // not root, or no mount here: the max_page_count test still runs
  }
});
afterAll(() => {
  if (mounted) execFileSync('umount', [mnt], { stdio: 'ignore' });
  cleanup();
});

describe('disk full', () => {
  it('on a full file system (tmpfs): DISK_FULL, collection intact, retry works after freeing space', async (ctx) => {
    if (!mounted) ctx.skip();
    const dbPath = path.join(mnt, 'collection.sqlite');
    const db = openDatabase(dbPath);
    expect((await importFile(db, smallArticle('erste.txt'))).ok).toBe(true);
    // Leave about 48 KB free.
    const free = fs.statfsSync(mnt).bavail * fs.statfsSync(mnt).bsize;
    const filler = path.join(mnt, 'filler.bin');
    fs.writeFileSync(filler, Buffer.alloc(Math.max(0, free - 48 * 1024)));
    const big = bigArticle('gross.txt', 400);

    const failed = await importFile(db, big, { lang: 'en' });
    expect(failed).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    if (!failed.ok) expect(failed.error.message).toMatch(/^There is not enough disk space: gross\.txt was not saved/);
    expect(articles(db)).toBe(1);
    // A backup cannot be written either: refused cleanly, nothing half-written left behind.
    await expect(createBackup(db, dbPath)).rejects.toMatchObject({ code: expect.stringMatching(/DISK_FULL|BACKUP_FAILED/) as string });
    expect(fs.readdirSync(path.join(mnt, 'backups')).filter((f) => f.includes('partial'))).toEqual([]);
    db.close();
    expect(checkDatabaseFile(dbPath).ok).toBe(true);

    fs.rmSync(filler);
    const again = openDatabase(dbPath);
    expect(await importFile(again, big)).toMatchObject({ ok: true, article: { duplicate: false } });
    expect(articles(again)).toBe(2);
    again.close();
    expect(checkDatabaseFile(dbPath).ok).toBe(true);
  });

  it('with max_page_count reached: the same clear error and a working retry', async () => {
    const dbPath = path.join(dir, 'limited.sqlite');
    const db = openDatabase(dbPath);
    expect((await importFile(db, smallArticle('zweite.txt'))).ok).toBe(true);
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 8}`);
    const big = bigArticle('riesig.txt', 300);
    const failed = await importFile(db, big);
    expect(failed).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    if (!failed.ok) expect(failed.error.message).toMatch(/^Der Speicherplatz reicht nicht: riesig\.txt wurde nicht gespeichert .*Die Sammlung ist unverändert/);
    expect(articles(db)).toBe(1);
    expect(checkDatabaseFile(dbPath).ok).toBe(true);
    db.pragma('max_page_count = 1073741823');
    expect((await importFile(db, big)).ok).toBe(true);
    expect(articles(db)).toBe(2);
    db.close();
    expect(checkDatabaseFile(dbPath).ok).toBe(true);
  });

  it('in a folder import (grouped commits): only the file that does not fit fails, the retry imports it', async () => {
    const dbPath = path.join(dir, 'folder.sqlite');
    const db = openDatabase(dbPath);
    const folder = path.join(dir, 'ordner');
    fs.mkdirSync(folder);
    for (const n of ['a-kurz.txt', 'c-kurzmeldung.txt']) fs.renameSync(smallArticle(n), path.join(folder, n));
    fs.renameSync(bigArticle('b-lang.txt', 300), path.join(folder, 'b-lang.txt'));
    expect((await importFile(db, smallArticle('vorher-1.txt'))).ok).toBe(true);
    db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 12}`);

    const first = [];
    for await (const p of importPaths(db, [folder], { lang: 'en' })) first.push(p.outcome);
    expect(first.map((o) => (o.ok ? 'ok' : o.error.code)), JSON.stringify(first)).toEqual(['ok', 'DISK_FULL', 'ok']);
    const failed = first[1];
    if (failed && !failed.ok) expect(failed.error.message).toMatch(/^There is not enough disk space: b-lang\.txt was not saved/);
    expect(articles(db)).toBe(3);
    expect(checkDatabaseFile(dbPath).ok).toBe(true);

    db.pragma('max_page_count = 1073741823');
    const again = [];
    for await (const p of importPaths(db, [folder])) again.push(p.outcome);
    expect(again.map((o) => (o.ok ? (o.article.duplicate ? 'dup' : 'new') : o.error.code))).toEqual(['dup', 'new', 'dup']);
    expect(articles(db)).toBe(4);
    db.close();
    expect(checkDatabaseFile(dbPath).ok).toBe(true);
  });
});
