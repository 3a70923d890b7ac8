import fs from 'node:fs';
import path from 'node:path';
import { fillTemplate, type Lang } from '../../shared/errors.js';
import { UsageError, stringOpt, type CliCommand, type CliContext } from './command.js';

const MESSAGES = {
  needSub: { de: 'Bitte export oder import angeben. Siehe fundstelle archive --help.', en: 'Please give export or import. See fundstelle archive --help.' },
  needOut: { de: 'Bitte die Zieldatei angeben: fundstelle archive export --out DATEI', en: 'Please name the target file: fundstelle archive export --out FILE' },
  needFile: { de: 'Bitte die Archivdatei angeben: fundstelle archive import DATEI', en: 'Please name the archive file: fundstelle archive import FILE' },
  warnProtected: {
    de: 'WARNUNG: Das Archiv enthält geschützte Quellen (Namen, Aliasse, Erwähnungen) ungeschwärzt. Nur an Personen weitergeben, die sie kennen dürfen.',
    en: 'WARNING: the archive contains protected sources (names, aliases, mentions) unredacted. Only hand it to people allowed to know them.',
  },
  written: { de: 'Archiv gespeichert: {file} ({articles} Artikel, {annotations} Annotationen, {sources} Quellen)', en: 'Archive written: {file} ({articles} articles, {annotations} annotations, {sources} sources)' },
  imported: { de: 'Archiv {file} importiert:', en: 'Imported archive {file}:' },
  line: { de: '  {entity}: {added} neu, {updated} aktualisiert, {skipped} übersprungen', en: '  {entity}: {added} added, {updated} updated, {skipped} skipped' },
} as const;

function msg(lang: Lang, key: keyof typeof MESSAGES, vars: Record<string, string | number> = {}): string {
  return fillTemplate(MESSAGES[key][lang], vars);
}

async function runExport({ db, values, lang, io }: CliContext): Promise<number> {
  const out = stringOpt(values, 'out');
  if (!out) throw new UsageError(msg(lang, 'needOut'));
  const ref = stringOpt(values, 'mappe');
  const [{ exportArchive }, { findMappe }] = await Promise.all([import('../core/archive/export.js'), import('../core/mappen.js')]);
  const includeProtected = values['include-protected'] === true;
  if (includeProtected) io.err(`${msg(lang, 'warnProtected')}\n`);
  const file = exportArchive(db, { mappeId: ref === undefined ? undefined : findMappe(db, ref).id, includeProtected });
  // Written next to the target and renamed: a failed write never leaves half an archive under the real name.
  const target = path.resolve(out);
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, file.data);
    fs.renameSync(tmp, target);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  const c = file.manifest.counts;
  if (values.json) io.out(`${JSON.stringify({ file: target, manifest: file.manifest })}\n`);
  else io.out(`${msg(lang, 'written', { file: target, articles: c.articles ?? 0, annotations: c.annotations ?? 0, sources: c.sources ?? 0 })}\n`);
  return 0;
}

async function runImport({ db, positionals, values, lang, io }: CliContext): Promise<number> {
  const file = positionals[1];
  if (!file || positionals.length > 2) throw new UsageError(msg(lang, 'needFile'));
  const [{ AppError }, { importArchive }] = await Promise.all([import('../../shared/errors.js'), import('../core/archive/import.js')]);
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw code === 'ENOENT' ? new AppError('FILE_NOT_FOUND', { file }) : new AppError('FILE_UNREADABLE', { file, reason: code ?? String(e) });
  }
  const r = importArchive(db, path.basename(file), data, lang);
  if (values.json) {
    io.out(`${JSON.stringify(r)}\n`);
    return 0;
  }
  io.out(`${msg(lang, 'imported', { file })}\n`);
  for (const [entity, c] of Object.entries(r.counts)) io.out(`${msg(lang, 'line', { entity, ...c })}\n`);
  return 0;
}

/** `fundstelle archive export [--mappe ID] [--include-protected] --out FILE` and `fundstelle archive import FILE [--json]`. */
export const archiveCommand: CliCommand = {
  name: 'archive',
  summary: { de: 'Sammlung oder Mappe als .fundstelle-Archiv weitergeben und importieren', en: 'hand over the collection or a Mappe as a .fundstelle archive, and import one' },
  help: {
    de: `Aufruf: fundstelle archive export [--mappe ID|NAME] [--include-protected] --out DATEI [--json] [--db PFAD]
       fundstelle archive import DATEI [--json] [--db PFAD]

export schreibt die ganze Sammlung oder eine Mappe (ihre Artikel mit allen Versionen, Annotationen,
Quellen, Kontakte, Rückfragen, Quellenangaben) als .fundstelle-Archiv. Geschützte Quellen bleiben
draußen, ihre Namen werden in Notizen und Feldern geschwärzt – außer mit --include-protected.
import führt ein Archiv ohne Duplikate zusammen (nach Inhalt, IDs, E-Mail, Name) und meldet je Art,
was neu, aktualisiert oder übersprungen ist. Alles oder nichts: bei einem Fehler bleibt die
Sammlung unverändert. Archive einer neueren Fundstelle-Version werden abgelehnt.
`,
    en: `Usage: fundstelle archive export [--mappe ID|NAME] [--include-protected] --out FILE [--json] [--db PATH]
       fundstelle archive import FILE [--json] [--db PATH]

export writes the whole collection or one Mappe (its articles with all versions, annotations,
sources, contacts, Rückfragen, citation records) as a .fundstelle archive. Protected sources are
left out and their names redacted in notes and fields, unless --include-protected is given.
import merges an archive without duplicates (by content, ids, e-mail, name) and reports per type
what was added, updated or skipped. All or nothing: on an error the collection is unchanged.
Archives from a newer Fundstelle are refused.
`,
  },
  options: { out: { type: 'string' }, mappe: { type: 'string' }, 'include-protected': { type: 'boolean', default: false } },
  async run(ctx: CliContext): Promise<number> {
    const sub = ctx.positionals[0];
    if (sub === 'export') return runExport(ctx);
    if (sub === 'import') return runImport(ctx);
    throw new UsageError(msg(ctx.lang, 'needSub'));
  },
};
