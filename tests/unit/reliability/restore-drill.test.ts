import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDatabaseFile } from '../../../main/core/db-check.js';
import { jsonLines, runCli, SAMPLES } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/db.js';
import { corruptCopy, fileHash, storyText } from '../../helpers/reliability.js';

// The restore drill, end to end with the real `fundstelle` command in child processes: a
// collection with a backup is damaged on disk; `check` finds it and names the backup; `restore`
// brings it back and keeps the damaged file; `check` is clean again.
const { dir, cleanup } = tempDir('fundstelle-drill-');
afterAll(() => cleanup());
const db = path.join(dir, 'collection.sqlite');

describe('restore drill (CLI)', () => {
  it('detects the damage, restores the newest good backup, keeps the damaged file', () => {
    const imported = runCli(['import', SAMPLES, '--db', db, '--json']);
    expect(imported.status, imported.stderr).toBe(0);
    const articles = jsonLines(imported.stdout).length;

    const backup = runCli(['backup', '--db', db, '--json']);
    expect(backup.status, backup.stderr).toBe(0);
    const backupFile = (JSON.parse(backup.stdout) as { file: string }).file;
    expect(fs.existsSync(backupFile)).toBe(true);

    // Work after the backup, then the disk damages the file.
    const extra = path.join(dir, 'nach-der-sicherung.txt');
    fs.writeFileSync(extra, storyText(4242, 4).join('\n\n'));
    expect(runCli(['import', extra, '--db', db]).status).toBe(0);
    const damaged = path.join(dir, 'damaged.sqlite');
    let seed = 1;
    for (; seed < 50; seed++) {
      corruptCopy(db, damaged, { seed, every: 3 });
      if (!checkDatabaseFile(damaged).ok) break;
    }
    fs.copyFileSync(damaged, db);
    const damagedHash = fileHash(db);

    const check = runCli(['check', '--db', db]);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('✗');
    expect(check.stdout).toContain(backupFile);
    expect(fileHash(db)).toBe(damagedHash); // check never writes

    const restore = runCli(['restore', '--newest', '--db', db, '--json']);
    expect(restore.status, restore.stderr).toBe(0);
    const r = JSON.parse(restore.stdout) as { from: string; previous: string };
    expect(r.from).toBe(backupFile);
    expect(fileHash(r.previous)).toBe(damagedHash);

    const after = runCli(['check', '--db', db, '--json']);
    expect(after.status, after.stdout).toBe(0);
    expect((JSON.parse(after.stdout) as { counts: Record<string, number> }).counts).toMatchObject({ articles: articles, articles_fts: articles });
  });

  it('refuses a damaged backup and leaves the collection alone', () => {
    const before = fileHash(db);
    const bad = path.join(dir, 'bad-backup.sqlite');
    fs.copyFileSync(path.join(dir, 'damaged.sqlite'), bad);
    const r = runCli(['restore', bad, '--db', db]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/keine intakte Fundstelle-Sicherung/);
    expect(fileHash(db)).toBe(before);
  });
});
