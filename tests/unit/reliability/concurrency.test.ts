import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDatabaseFile } from '../../../main/core/db-check.js';
import { parseProcMounts, syncedFolderWarning, type MountEntry } from '../../../main/core/storage-location.js';
import { openDatabase } from '../../../main/db/open.js';
import { tempDir } from '../../helpers/db.js';
import { killStory } from '../../stress/kill.js';

const BIN = path.resolve(import.meta.dirname, '../../../bin/fundstelle.js');
const { dir, cleanup } = tempDir('fundstelle-concurrency-');
afterAll(() => cleanup());

/** Runs the real CLI without waiting for it (so two can run at once). */
function cli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, FUNDSTELLE_DB: '', FUNDSTELLE_LANG: 'en' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function stories(sub: string, from: number, n: number): string {
  const d = path.join(dir, sub);
  fs.mkdirSync(d, { recursive: true });
  for (let i = from; i < from + n; i++) fs.writeFileSync(path.join(d, `story-${i}.txt`), killStory(i));
  return d;
}

const count = (dbPath: string) => {
  const db = openDatabase(dbPath, { readonly: true });
  const n = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  db.close();
  return n;
};

describe('two CLI processes writing one collection', () => {
  it('both succeed (busy_timeout) and nothing is corrupted', async () => {
    const dbPath = path.join(dir, 'one.sqlite');
    openDatabase(dbPath).close();
    const [a, b] = await Promise.all([cli(['import', stories('a', 0, 12), '--db', dbPath, '--json']), cli(['import', stories('b', 100, 12), '--db', dbPath, '--json'])]);
    expect([a.status, b.status], a.stderr + b.stderr).toEqual([0, 0]);
    expect(count(dbPath)).toBe(24);
    expect(checkDatabaseFile(dbPath).ok).toBe(true);
  });

  it('racing on the same files: each stored once, the other sees a duplicate; cloud folder warned about', async () => {
    const dbPath = path.join(dir, 'Dropbox', 'same.sqlite');
    fs.mkdirSync(path.dirname(dbPath));
    openDatabase(dbPath).close();
    const same = stories('same', 200, 12);
    const [a, b] = await Promise.all([cli(['import', same, '--db', dbPath, '--json']), cli(['import', same, '--db', dbPath, '--json'])]);
    expect([a.status, b.status], a.stderr + b.stderr).toEqual([0, 0]);
    const lines = [...a.stdout.split('\n'), ...b.stdout.split('\n')].filter(Boolean).map((l) => JSON.parse(l) as { duplicate?: boolean });
    expect(lines.filter((l) => l.duplicate === false)).toHaveLength(12);
    expect(lines.filter((l) => l.duplicate === true)).toHaveLength(12);
    expect(count(dbPath)).toBe(12);
    expect(checkDatabaseFile(dbPath).ok).toBe(true);
    expect(a.stderr).toContain('The collection is in a Dropbox folder');
  });
});

describe('syncedFolderWarning', () => {
  const mounts: MountEntry[] = parseProcMounts(
    ['/dev/sda1 / ext4 rw 0 0', '//nas/share /mnt/archiv cifs rw 0 0', 'srv:/export /home/anna/nfs nfs4 rw 0 0', 'anna@host:/x /home/anna/Remote\\040Drive fuse.sshfs rw 0 0', 'tmpfs /tmp tmpfs rw 0 0'].join('\n'),
  );
  it.each([
    ['/home/anna/Dropbox/fundstelle/collection.sqlite', 'dropbox'],
    ['/home/anna/Dropbox (Firma)/c.sqlite', 'dropbox'],
    ['C:\\Users\\anna\\OneDrive - Zeitung GmbH\\Fundstelle\\c.sqlite', 'onedrive'],
    ['C:\\Users\\anna\\OneDrive\\c.sqlite', 'onedrive'],
    ['/Users/anna/Library/Mobile Documents/com~apple~CloudDocs/c.sqlite', 'icloud'],
    ['C:\\Users\\anna\\iCloudDrive\\c.sqlite', 'icloud'],
    ['/Users/anna/Library/CloudStorage/GoogleDrive-anna@example.org/My Drive/c.sqlite', 'google-drive'],
    ['G:\\Meine Ablage\\c.sqlite', 'google-drive'],
    ['/home/anna/Nextcloud/c.sqlite', 'nextcloud'],
    ['/home/anna/ownCloud/Recherche/c.sqlite', 'nextcloud'],
    ['/Users/anna/Library/CloudStorage/Box-Box/c.sqlite', 'cloud'],
    ['//server/share/fundstelle/c.sqlite', 'network'],
    ['\\\\server\\share\\c.sqlite', 'network'],
    ['/mnt/smb/redaktion/c.sqlite', 'network'],
    ['/mnt/archiv/2026/c.sqlite', 'network'],
    ['/home/anna/nfs/c.sqlite', 'network'],
    ['/home/anna/Remote Drive/c.sqlite', 'network'],
  ])('%s → %s', (p, kind) => {
    const w = syncedFolderWarning(p, mounts);
    expect(w?.kind).toBe(kind);
    expect(w?.message.de).toMatch(/Die Sammlung liegt/);
    expect(w?.message.en).toMatch(/The collection is/);
  });

  it.each(['/home/anna/.local/share/fundstelle/collection.sqlite', 'C:\\Users\\anna\\AppData\\Roaming\\fundstelle\\c.sqlite', '/tmp/x/c.sqlite', '/home/anna/dropboxes-old/c.sqlite', '/mnt/archive-local/c.sqlite'])(
    '%s → no warning',
    (p) => {
      expect(syncedFolderWarning(p, mounts)).toBeNull();
    },
  );
});
