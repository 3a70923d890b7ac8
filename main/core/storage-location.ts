import fs from 'node:fs';
import type { FolderWarning } from '../../shared/contract-backup.js';

/**
 * Warns when the collection lives in a cloud-synced or network folder. Sync clients (Dropbox,
 * OneDrive, iCloud, Google Drive, Nextcloud) copy the database while SQLite writes it and its
 * `-wal` separately, and network file systems do not honour SQLite's locks: both are how Zotero
 * users lost libraries. The pure part works on the path and a mount table; {@link readMounts}
 * supplies the table on Linux.
 */

/** One mounted file system: where, and its type (`cifs`, `nfs4`, `ext4`, …). */
export interface MountEntry {
  mountPoint: string;
  fsType: string;
}

const NETWORK_FS = new Set(['cifs', 'smb3', 'smbfs', 'smb', 'nfs', 'nfs4', 'afpfs', 'fuse.sshfs', 'sshfs', 'davfs', 'fuse.davfs2', 'webdav', 'fuse.rclone', 'ncpfs', '9p', 'fuse.gvfsd-fuse']);

const MESSAGES: Record<FolderWarning['kind'], { de: string; en: string }> = {
  dropbox: { de: 'im Dropbox-Ordner', en: 'in a Dropbox folder' },
  onedrive: { de: 'im OneDrive-Ordner', en: 'in a OneDrive folder' },
  icloud: { de: 'in iCloud Drive', en: 'in iCloud Drive' },
  'google-drive': { de: 'in Google Drive', en: 'in Google Drive' },
  nextcloud: { de: 'in einem Nextcloud-/ownCloud-Ordner', en: 'in a Nextcloud/ownCloud folder' },
  cloud: { de: 'in einem Cloud-Synchronisationsordner', en: 'in a cloud-synced folder' },
  network: { de: 'auf einem Netzlaufwerk', en: 'on a network drive' },
};

// Folder names the sync clients create, matched per path segment (case-insensitive).
const SEGMENT_RULES: { kind: FolderWarning['kind']; re: RegExp }[] = [
  { kind: 'dropbox', re: /^dropbox(\s*\(.*\))?$|^dropbox-/i },
  { kind: 'onedrive', re: /^onedrive(\s*-\s*.*)?$|^onedrive-/i },
  { kind: 'icloud', re: /^mobile documents$|^icloud\s?drive|^iclouddrive$|^com~apple~clouddocs$/i },
  { kind: 'google-drive', re: /^google\s?drive|^googledrive(-|$)|^my drive$|^meine ablage$/i },
  { kind: 'nextcloud', re: /^(nextcloud|owncloud)(\b|-|$)/i },
  { kind: 'cloud', re: /^(box|box sync|pcloud\s?drive|mega|megasync|seafile|sync\.com|tresorit|magentacloud|hidrive)$/i },
];

function warning(kind: FolderWarning['kind'], match: string): FolderWarning {
  const where = MESSAGES[kind];
  return {
    kind,
    match,
    message: {
      de: `Die Sammlung liegt ${where.de} („${match}“). Synchronisation oder Netzwerkzugriff kann die Datenbank beschädigen. Bitte einen lokalen Ordner wählen (z. B. mit --db oder FUNDSTELLE_DB) und Sicherungen aufheben.`,
      en: `The collection is ${where.en} (“${match}”). Syncing or network access can damage the database. Please choose a local folder (e.g. with --db or FUNDSTELLE_DB) and keep backups.`,
    },
  };
}

/**
 * A warning when `dbPath` (or its folder) is in a cloud-synced or network location, else null.
 * Pure: `mounts` is the mount table to consult (see {@link readMounts}); the deepest mount point
 * containing the path decides its file system.
 */
export function syncedFolderWarning(dbPath: string, mounts: readonly MountEntry[] = []): FolderWarning | null {
  const p = dbPath.replace(/\\/g, '/');
  // UNC paths (\\server\share, //server/share) are always network shares.
  const unc = /^\/\/([^/]+)\/([^/]+)/.exec(p);
  if (unc) return warning('network', `//${unc[1]}/${unc[2]}`);
  const segments = p.split('/').filter(Boolean);
  for (const seg of segments) {
    for (const rule of SEGMENT_RULES) if (rule.re.test(seg)) return warning(rule.kind, seg);
  }
  // macOS: ~/Library/CloudStorage/<Provider>-<account> holds the File Provider clients.
  const cs = segments.indexOf('CloudStorage');
  if (cs >= 0 && segments[cs + 1]) return warning('cloud', segments[cs + 1] as string);
  if (/^\/mnt\/(smb|cifs|nfs|net|network)(\/|$)/i.test(p)) return warning('network', p.split('/').slice(0, 3).join('/'));
  let best: MountEntry | null = null;
  for (const m of mounts) {
    const mp = m.mountPoint.endsWith('/') ? m.mountPoint : `${m.mountPoint}/`;
    if ((p.startsWith(mp) || `${p}/` === mp) && (!best || m.mountPoint.length > best.mountPoint.length)) best = m;
  }
  if (best && NETWORK_FS.has(best.fsType.toLowerCase())) return warning('network', `${best.mountPoint} (${best.fsType})`);
  return null;
}

/** Parses `/proc/mounts` (octal escapes such as `\040` for spaces decoded). */
export function parseProcMounts(text: string): MountEntry[] {
  const unescape = (s: string) => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
  return text
    .split('\n')
    .map((line) => line.split(' '))
    .filter((f) => f.length >= 3)
    .map((f) => ({ mountPoint: unescape(f[1] as string), fsType: f[2] as string }));
}

/** The mount table on Linux; empty elsewhere (macOS/Windows rely on the folder names). */
export function readMounts(): MountEntry[] {
  try {
    return parseProcMounts(fs.readFileSync('/proc/mounts', 'utf8'));
  } catch {
    return [];
  }
}

/** {@link syncedFolderWarning} with this machine's mount table. */
export function folderWarningFor(dbPath: string): FolderWarning | null {
  return syncedFolderWarning(dbPath, readMounts());
}
