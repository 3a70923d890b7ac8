import type { BackupInfo } from '../../shared/contract-backup.js';
import { fillTemplate, formatBytes, type Lang } from '../../shared/errors.js';
import { UsageError, stringOpt, type CliCommand, type CliContext } from './command.js';

const MESSAGES = {
  written: { de: 'Sicherung gespeichert und geprüft: {file} ({size})', en: 'Backup written and verified: {file} ({size})' },
  badKeep: { de: '--keep muss eine ganze Zahl ab 1 sein.', en: '--keep must be a whole number from 1.' },
  needFile: {
    de: 'Bitte die Sicherungsdatei angeben: fundstelle restore DATEI (oder --newest für die neueste intakte).',
    en: 'Please name the backup file: fundstelle restore FILE (or --newest for the newest intact one).',
  },
  noGood: { de: 'Es gibt keine intakte Sicherung in {dir}.', en: 'There is no intact backup in {dir}.' },
  restored: { de: 'Zurückgespielt: {from} → {to}', en: 'Restored: {from} → {to}' },
  previous: { de: 'Der vorige Stand ist aufgehoben: {file}', en: 'The previous state is kept: {file}' },
  checkOk: { de: 'Die Sammlung ist in Ordnung ({file}, {ms} ms).', en: 'The collection is intact ({file}, {ms} ms).' },
  checkBad: { de: 'Die Sammlung hat Probleme ({file}):', en: 'The collection has problems ({file}):' },
  offer: {
    de: 'Neueste intakte Sicherung: {file} ({date})\nZurückspielen mit: fundstelle restore "{file}"',
    en: 'Newest intact backup: {file} ({date})\nRestore it with: fundstelle restore "{file}"',
  },
  none: { de: 'Es gibt noch keine Sicherungen in {dir}.', en: 'There are no backups in {dir} yet.' },
} as const;

function msg(lang: Lang, key: keyof typeof MESSAGES, vars: Record<string, string | number> = {}): string {
  return fillTemplate(MESSAGES[key][lang], vars);
}

function listLine(b: BackupInfo, lang: Lang): string {
  return `  ${b.createdAt.slice(0, 19).replace('T', ' ')}  ${formatBytes(b.size, lang).padStart(9)}  ${b.kind.padEnd(16)}  ${b.file}`;
}

/** `fundstelle backup [--out FILE] [--keep N] [--json]`. */
export const backupCommand: CliCommand = {
  name: 'backup',
  summary: { de: 'Sicherung der Sammlung anlegen und prüfen', en: 'make and verify a backup of the collection' },
  help: {
    de: `Aufruf: fundstelle backup [--out DATEI] [--keep N] [--json] [--db PFAD]

Sichert die Sammlung mit der Online-Backup-Funktion von SQLite (auch während die App läuft),
prüft die Kopie (integrity_check, quick_check) und legt sie erst dann ab: ohne --out im Ordner
„backups“ neben der Sammlung als collection-JJJJMMTT-HHMMSS.sqlite; dort bleiben die neuesten
N (--keep, Standard 7). Eine fehlerhafte Kopie wird gelöscht und gemeldet (Exit-Status 1).
Die App sichert zusätzlich beim Start (höchstens einmal am Tag) und vor jeder Aktualisierung.
`,
    en: `Usage: fundstelle backup [--out FILE] [--keep N] [--json] [--db PATH]

Backs the collection up with SQLite's online backup (also while the app is running), verifies the
copy (integrity_check, quick_check) and only then stores it: without --out in the "backups" folder
next to the collection as collection-YYYYMMDD-HHMMSS.sqlite, where the newest N are kept (--keep,
default 7). A copy that fails the check is deleted and reported (exit status 1).
The app also backs up at start (at most once a day) and before every schema update.
`,
  },
  options: { out: { type: 'string' }, keep: { type: 'string' } },
  async run({ db, dbPath, values, lang, io }: CliContext): Promise<number> {
    const keepRaw = stringOpt(values, 'keep');
    if (keepRaw !== undefined && (!/^\d+$/.test(keepRaw) || Number(keepRaw) < 1)) throw new UsageError(msg(lang, 'badKeep'));
    const { createBackup } = await import('../core/backup.js');
    const info = await createBackup(db, dbPath, { out: stringOpt(values, 'out'), keep: keepRaw === undefined ? undefined : Number(keepRaw) });
    io.out(values.json ? `${JSON.stringify(info)}\n` : `${msg(lang, 'written', { file: info.file, size: formatBytes(info.size, lang) })}\n`);
    return 0;
  },
};

/** `fundstelle restore FILE | --newest [--json]`. */
export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: { de: 'Sicherung zurückspielen (prüft sie vorher)', en: 'restore a backup (verified first)' },
  help: {
    de: `Aufruf: fundstelle restore DATEI [--json] [--db PFAD]
       fundstelle restore --newest     die neueste intakte Sicherung
       fundstelle restore              zeigt die vorhandenen Sicherungen

Prüft die Sicherung zuerst (nichts passiert, wenn sie beschädigt ist), hebt den jetzigen Stand als
collection-…-before-restore.sqlite im Ordner „backups“ auf und ersetzt dann die Sammlung in einem
Schritt. Bitte die App vorher schließen. Funktioniert auch, wenn die Sammlung beschädigt ist.
`,
    en: `Usage: fundstelle restore FILE [--json] [--db PATH]
       fundstelle restore --newest     the newest intact backup
       fundstelle restore              lists the backups

Verifies the backup first (nothing happens when it is damaged), keeps the current state as
collection-…-before-restore.sqlite in the "backups" folder, then replaces the collection in one
step. Please close the app first. Works also when the collection is damaged.
`,
  },
  options: { newest: { type: 'boolean', default: false } },
  run: (ctx) => restoreCommand.runWithoutDatabase!(ctx),
  async runWithoutDatabase({ dbPath, positionals, values, lang, io }): Promise<number> {
    const { backupDir, findNewestGoodBackup, listBackups, restoreBackup } = await import('../core/backup.js');
    let file = positionals[0];
    if (!file && values.newest) {
      const good = findNewestGoodBackup(dbPath);
      if (!good) {
        io.err(`${msg(lang, 'noGood', { dir: backupDir(dbPath) })}\n`);
        return 1;
      }
      file = good.file;
    }
    if (!file || positionals.length > 1) {
      const list = listBackups(dbPath);
      io.err(`${msg(lang, 'needFile')}\n`);
      if (list.length === 0) io.err(`${msg(lang, 'none', { dir: backupDir(dbPath) })}\n`);
      for (const b of list) io.err(`${listLine(b, lang)}\n`);
      return 2;
    }
    const r = restoreBackup(dbPath, file);
    if (values.json) io.out(`${JSON.stringify(r)}\n`);
    else {
      io.out(`${msg(lang, 'restored', { from: r.from, to: r.restored })}\n`);
      if (r.previous) io.out(`${msg(lang, 'previous', { file: r.previous })}\n`);
    }
    return 0;
  },
};

/** `fundstelle check [--json]`. */
export const checkCommand: CliCommand = {
  name: 'check',
  summary: { de: 'Sammlung auf Beschädigungen prüfen', en: 'check the collection for damage' },
  help: {
    de: `Aufruf: fundstelle check [--json] [--db PFAD]

Prüft die Sammlung, ohne sie zu verändern: PRAGMA integrity_check, foreign_key_check, die
Integrität jedes Volltextindex (FTS5) und ob Artikel und Annotationen genau je einen Indexeintrag
haben. Exit-Status 1 bei Problemen; dann wird die neueste intakte Sicherung genannt.
`,
    en: `Usage: fundstelle check [--json] [--db PATH]

Checks the collection without changing it: PRAGMA integrity_check, foreign_key_check, the
integrity of every full-text index (FTS5), and that articles and annotations have exactly one
index entry each. Exit status 1 on problems; the newest intact backup is named then.
`,
  },
  options: {},
  run: (ctx) => checkCommand.runWithoutDatabase!(ctx),
  async runWithoutDatabase({ dbPath, values, lang, io }): Promise<number> {
    const { checkDatabaseFile } = await import('../core/db-check.js');
    const { findNewestGoodBackup } = await import('../core/backup.js');
    const report = checkDatabaseFile(dbPath);
    const offer = report.ok ? null : findNewestGoodBackup(dbPath);
    if (values.json) {
      io.out(`${JSON.stringify({ ...report, newestGoodBackup: offer })}\n`);
      return report.ok ? 0 : 1;
    }
    if (report.ok) {
      io.out(`${msg(lang, 'checkOk', { file: dbPath, ms: report.ms })}\n`);
      for (const c of report.checks) io.out(`  ✓ ${c.name}\n`);
      return 0;
    }
    io.out(`${msg(lang, 'checkBad', { file: dbPath })}\n`);
    for (const c of report.checks) io.out(`  ${c.ok ? '✓' : '✗'} ${c.name}${c.ok ? '' : `: ${c.detail.split('\n').join('\n      ')}`}\n`);
    if (offer) io.out(`${msg(lang, 'offer', { file: offer.file, date: offer.createdAt.slice(0, 19).replace('T', ' ') })}\n`);
    return 1;
  },
};
