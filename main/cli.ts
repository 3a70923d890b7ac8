import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ArticleDetail, ArticleMetadata, Credit } from '../shared/article.js';
import { publicText } from '../shared/article.js';
import type { ImportOutcome } from '../shared/contract.js';
import { LIST_SORTS, type ListSort } from '../shared/contract-types.js';
import { fillTemplate, type Lang } from '../shared/errors.js';
import { getArticle, getArticleMetadata, listArticles } from './core/articles.js';
import { runSearchCommand, SEARCH_HELP, SEARCH_OPTIONS } from './cli/search.js';
import { toErrorPayload } from './core/errors.js';
import { importPaths } from './core/import/pipeline.js';
import { resolveDbPath } from './core/paths.js';
import { folderWarningFor } from './core/storage-location.js';
import { migrationReporter } from './core/migration-progress.js';
import { getSettings } from './core/settings.js';
import { APP_VERSION } from './core/version.js';
import { openDatabase, type Database } from './db/open.js';
import { UsageError, type CliIo } from './cli/command.js';
import { FEATURE_COMMANDS } from './cli/commands.js';
import { settleIndex } from './cli/index-merge.js';

export type { CliIo };

const defaultIo: CliIo = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  env: process.env,
  isTty: Boolean(process.stderr.isTTY),
};

const COMMON = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  lang: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

const HELP: Record<string, { de: string; en: string }> = {
  main: {
    de: `Fundstelle ${APP_VERSION} — Artikel sammeln, annotieren, Quellen verwalten.

Aufruf: fundstelle BEFEHL [OPTIONEN]

Befehle:
  import PFAD...        Dateien und Ordner importieren (Agenturmeldungen, Text, Markdown, HTML, PDF)
  list                  Artikel der Sammlung auflisten
  show ID               Einen Artikel anzeigen
  search ANFRAGE        Volltextsuche
  web                   Die Oberfläche im Browser starten (nur 127.0.0.1)

Optionen für alle Befehle:
  --db PFAD             Sammlungsdatei (sonst FUNDSTELLE_DB oder der Datenordner)
  --json                Ausgabe als JSON
  --lang de|en          Sprache der Meldungen
  -h, --help            Hilfe zu einem Befehl: fundstelle BEFEHL --help
`,
    en: `Fundstelle ${APP_VERSION} — collect, annotate and cite articles.

Usage: fundstelle COMMAND [OPTIONS]

Commands:
  import PATH...        import files and folders (wire stories, text, Markdown, HTML, PDF)
  list                  list the articles in the collection
  show ID               show one article
  search QUERY          full-text search
  web                   start the interface in the browser (127.0.0.1 only)

Options for every command:
  --db PATH             collection file (else FUNDSTELLE_DB or the data folder)
  --json                JSON output
  --lang de|en          language of messages
  -h, --help            help on a command: fundstelle COMMAND --help
`,
  },
  import: {
    de: `Aufruf: fundstelle import PFAD... [--json] [--as-version-of ID] [--db PFAD]

Importiert Dateien und Ordner (rekursiv). Eine fehlerhafte Datei bricht den Stapel nicht
ab und hinterlässt nichts Halbes; jede gemeldete Datei ist gespeichert. Bereits vorhandene
Texte werden nicht doppelt angelegt (duplicate: true). Nach einem großen Import wird der
Suchindex zusammengeführt, damit die Suche schnell bleibt (Meldung auf stderr).
Mit --json: eine JSON-Zeile je Datei (Metadaten oder {"file", "error"}).
Mit --as-version-of ID: die Datei als neue Fassung von Artikel ID speichern
(beide Fassungen bleiben erhalten, Annotationen wandern auf die neue).
Exit-Status 1, wenn eine Datei fehlschlug, sonst 0.
`,
    en: `Usage: fundstelle import PATH... [--json] [--as-version-of ID] [--db PATH]

Imports files and folders (recursively). A bad file does not stop the batch and leaves
nothing half-written; every file reported is stored. Texts already in the collection are
not duplicated (duplicate: true). After a large import the search index is merged to
keep searches fast (reported on stderr).
With --json: one JSON line per file (metadata or {"file", "error"}).
With --as-version-of ID: store the file as a new version of article ID (both
versions are kept, annotations move to the new one).
Exit status 1 when any file failed, 0 otherwise.
`,
  },
  list: {
    de: `Aufruf: fundstelle list [--sort published|title|agency|imported] [--asc] [--limit N] [--offset N] [--json] [--db PFAD]
`,
    en: `Usage: fundstelle list [--sort published|title|agency|imported] [--asc] [--limit N] [--offset N] [--json] [--db PATH]
`,
  },
  show: {
    de: `Aufruf: fundstelle show ID [--json] [--text] [--db PFAD]

Zeigt die Metadaten eines Artikels; mit --text auch den Artikeltext (ohne nicht
zur Veröffentlichung bestimmte Blöcke).
`,
    en: `Usage: fundstelle show ID [--json] [--text] [--db PATH]

Shows an article's metadata; with --text also its text (without blocks not meant
for publication).
`,
  },
  search: SEARCH_HELP,
  web: {
    de: `Aufruf: fundstelle web [--port N] [--db PFAD]

Startet die Oberfläche im Browser-Modus auf http://127.0.0.1:PORT (ohne --port: ein freier
Port). Die ausgegebene Adresse enthält ein Zugangstoken, das nur für diesen Start gilt.
`,
    en: `Usage: fundstelle web [--port N] [--db PATH]

Starts the interface in browser mode on http://127.0.0.1:PORT (without --port: a free port).
The printed address holds an access token valid for this launch only.
`,
  },
};

const MESSAGES = {
  unknownCommand: { de: 'Unbekannter Befehl „{cmd}“. Siehe fundstelle --help.', en: 'Unknown command “{cmd}”. See fundstelle --help.' },
  badOption: { de: '{reason}\nSiehe fundstelle {cmd} --help.', en: '{reason}\nSee fundstelle {cmd} --help.' },
  needPath: { de: 'Bitte mindestens eine Datei oder einen Ordner angeben.', en: 'Please name at least one file or folder.' },
  needId: { de: 'Bitte eine Artikel-ID (Zahl) angeben.', en: 'Please give an article ID (a number).' },
  needQuery: { de: 'Bitte einen Suchbegriff angeben.', en: 'Please give a search query.' },
  badSort: { de: '--sort muss eines von {sorts} sein.', en: '--sort must be one of {sorts}.' },
  badNumber: { de: '{opt} muss eine positive ganze Zahl sein.', en: '{opt} must be a positive whole number.' },
  imported: { de: 'importiert', en: 'imported' },
  duplicate: { de: 'schon vorhanden', en: 'already in the collection' },
  summary: {
    de: '{ok} importiert, {dup} schon vorhanden, {failed} fehlgeschlagen.',
    en: '{ok} imported, {dup} already in the collection, {failed} failed.',
  },
  empty: { de: 'Die Sammlung ist leer. Importieren mit: fundstelle import PFAD', en: 'The collection is empty. Import with: fundstelle import PATH' },
  noHits: { de: 'Keine Treffer.', en: 'No hits.' },
  listFooter: { de: '{shown} von {total} Artikeln', en: '{shown} of {total} articles' },
  derived: { de: 'abgeleitet', en: 'derived' },
  webRunning: { de: 'Fundstelle läuft auf {url}', en: 'Fundstelle is running at {url}' },
  webStop: { de: 'Beenden mit Strg+C.', en: 'Stop with Ctrl+C.' },
} as const;

type MessageKey = keyof typeof MESSAGES;

function msg(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return fillTemplate(MESSAGES[key][lang], vars);
}

const ROLE_LABELS: Record<Lang, Record<Credit['role'], string>> = {
  de: { author: 'Autor', reporter: 'Bericht', contributor: 'Mitarbeit', writer: 'Geschrieben von', editor: 'Redigiert von' },
  en: { author: 'Author', reporter: 'Reporting', contributor: 'Additional reporting', writer: 'Writing', editor: 'Editing' },
};


/** Language of messages: --lang, then FUNDSTELLE_LANG, then the collection's setting, then German. */
function pickLang(flag: string | undefined, env: NodeJS.ProcessEnv, db?: Database): Lang {
  const v = flag ?? env.FUNDSTELLE_LANG;
  if (v === 'de' || v === 'en') return v;
  if (db) return getSettings(db).language;
  return 'de';
}

function positiveInt(value: string | undefined, opt: string, lang: Lang, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(msg(lang, 'badNumber', { opt }));
  return Number(value);
}

/** Runs the CLI with `argv` (without node and script); returns the exit status. */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [cmd, ...rest] = argv;
  const earlyLang = pickLang(argv.includes('--lang') ? argv[argv.indexOf('--lang') + 1] : undefined, io.env);
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    io.out(HELP.main![earlyLang]);
    if (FEATURE_COMMANDS.length) {
      io.out(`\n${earlyLang === 'de' ? 'Weitere Befehle' : 'More commands'}:\n`);
      for (const c of FEATURE_COMMANDS) io.out(`  ${c.name.padEnd(20)}  ${c.summary[earlyLang]}\n`);
    }
    return cmd ? 0 : 2;
  }
  if (cmd === '--version' || cmd === '-v') {
    io.out(`${APP_VERSION}\n`);
    return 0;
  }
  const feature = FEATURE_COMMANDS.find((c) => c.name === cmd);
  if ((!(cmd in HELP) || cmd === 'main') && !feature) {
    io.err(`${msg(earlyLang, 'unknownCommand', { cmd })}\n`);
    return 2;
  }
  const options: ParseArgsConfig['options'] = {
    ...COMMON,
    ...(feature?.options ?? {}),
    ...(cmd === 'show' ? { text: { type: 'boolean', default: false } } : {}),
    ...(cmd === 'import' ? { 'as-version-of': { type: 'string' } } : {}),
    ...(cmd === 'list' ? { sort: { type: 'string' }, asc: { type: 'boolean', default: false }, limit: { type: 'string' }, offset: { type: 'string' } } : {}),
    ...(cmd === 'search' ? SEARCH_OPTIONS : {}),
    ...(cmd === 'web' ? { port: { type: 'string' } } : {}),
  };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
  } catch (e) {
    io.err(`${msg(earlyLang, 'badOption', { reason: (e as Error).message, cmd })}\n`);
    return 2;
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const allValues = parsed.values as Record<string, string | boolean | (string | boolean)[] | undefined>;
  // In `search`, --lang filters by article language (main/cli/search.ts), it does not pick the message language.
  const flagLang = typeof values.lang === 'string' && cmd !== 'search' ? values.lang : undefined;
  if (values.help) {
    io.out((feature?.help ?? HELP[cmd]!)[pickLang(flagLang, io.env)]);
    return 0;
  }
  const dbPath = resolveDbPath(typeof values.db === 'string' ? values.db : undefined, io.env);
  const folderWarning = folderWarningFor(dbPath);
  if (folderWarning) io.err(`${folderWarning.message[pickLang(flagLang, io.env)]}\n`);
  if (feature?.runWithoutDatabase) {
    const lang0 = pickLang(flagLang, io.env);
    try {
      return await feature.runWithoutDatabase({ dbPath, positionals: parsed.positionals, values: allValues, lang: lang0, io });
    } catch (e) {
      io.err(`${e instanceof UsageError ? e.message : toErrorPayload(e, lang0).message}\n`);
      return e instanceof UsageError ? 2 : 1;
    }
  }
  let db: Database;
  // Bringing an older collection up to date can take minutes: say so on stderr as it goes.
  const upgrade = migrationReporter((line) => io.err(`${line}\n`), pickLang(flagLang, io.env));
  try {
    db = openDatabase(dbPath, { onMigrationProgress: upgrade.onProgress });
    upgrade.finish();
  } catch (e) {
    io.err(`${toErrorPayload(e, pickLang(flagLang, io.env)).message}\n`);
    return 1;
  }
  const lang = pickLang(flagLang, io.env, db);
  try {
    if (feature) return await feature.run({ db, dbPath, positionals: parsed.positionals, values: allValues, lang, io });
    switch (cmd) {
      case 'import':
        return await runImport(db, parsed.positionals, Boolean(values.json), lang, io, values['as-version-of']);
      case 'list':
        return runList(db, values, lang, io);
      case 'show':
        return runShow(db, parsed.positionals, Boolean(values.json), Boolean(values.text), lang, io);
      case 'search':
        return runSearchCommand(db, parsed.positionals, allValues, lang, io);
      case 'web': {
        const port = positiveInt(typeof values.port === 'string' ? values.port : undefined, '--port', lang, 0);
        db.close();
        return await runWeb(dbPath, port, lang, io);
      }
      default:
        return 2;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n`);
      return 2;
    }
    io.err(`${toErrorPayload(e, lang).message}\n`);
    return 1;
  } finally {
    if (db.open) db.close();
  }
}

async function runImport(db: Database, paths: string[], json: boolean, lang: Lang, io: CliIo, asVersionOfRaw: string | boolean | undefined): Promise<number> {
  if (paths.length === 0) throw new UsageError(msg(lang, 'needPath'));
  let asVersionOf: number | undefined;
  if (typeof asVersionOfRaw === 'string') {
    if (!/^\d+$/.test(asVersionOfRaw) || Number(asVersionOfRaw) < 1) throw new UsageError(msg(lang, 'needId'));
    asVersionOf = Number(asVersionOfRaw);
  }
  let ok = 0;
  let dup = 0;
  let failed = 0;
  for await (const { done, total, outcome } of importPaths(db, paths, { lang, asVersionOf })) {
    if (outcome.ok) {
      if (outcome.article.duplicate) dup++;
      else ok++;
    } else failed++;
    if (json) io.out(`${JSON.stringify(outcomeJson(outcome))}\n`);
    else io.out(`${formatOutcome(outcome, lang)}\n`);
    if (!json && io.isTty && total > 20) io.err(`\r${done}/${total}`);
  }
  if (!json) io.out(`${msg(lang, 'summary', { ok, dup, failed })}\n`);
  settleIndex(db, lang, io);
  return failed > 0 ? 1 : 0;
}

/** The JSON line for one imported file: the article's metadata, or `{file, error}`. */
function outcomeJson(o: ImportOutcome): ArticleMetadata | { file: string; error: string; code: string } {
  return o.ok ? o.article : { file: o.file, error: o.error.message, code: o.error.code };
}

function formatOutcome(o: ImportOutcome, lang: Lang): string {
  if (!o.ok) return `✗ ${o.error.message}`;
  const a = o.article;
  const what = a.duplicate ? msg(lang, 'duplicate') : msg(lang, 'imported');
  const meta = [a.agency, a.published].filter(Boolean).join(', ');
  return `${a.duplicate ? '=' : '✓'} ${o.file} → #${a.id} „${a.title}“${meta ? ` (${meta})` : ''} — ${what}`;
}

function runList(db: Database, values: Record<string, string | boolean | undefined>, lang: Lang, io: CliIo): number {
  const sort = (typeof values.sort === 'string' ? values.sort : 'published') as ListSort;
  if (!LIST_SORTS.includes(sort)) throw new UsageError(msg(lang, 'badSort', { sorts: LIST_SORTS.join(', ') }));
  const limit = positiveInt(typeof values.limit === 'string' ? values.limit : undefined, '--limit', lang, 1_000_000);
  const offset = positiveInt(typeof values.offset === 'string' ? values.offset : undefined, '--offset', lang, 0);
  const res = listArticles(db, { sort, direction: values.asc ? 'asc' : 'desc', offset, limit });
  if (values.json) {
    io.out(`${JSON.stringify(res.items)}\n`);
    return 0;
  }
  if (res.total === 0) {
    io.out(`${msg(lang, 'empty')}\n`);
    return 0;
  }
  for (const a of res.items) {
    io.out(`${String(a.id).padStart(6)}  ${(a.published ?? '').padEnd(10)}  ${(a.agency ?? '').padEnd(8)}  ${a.title}\n`);
  }
  io.out(`${msg(lang, 'listFooter', { shown: res.items.length, total: res.total })}\n`);
  return 0;
}

function parseId(positionals: string[], lang: Lang): number {
  const raw = positionals[0];
  if (!raw || !/^\d+$/.test(raw) || Number(raw) < 1) throw new UsageError(msg(lang, 'needId'));
  return Number(raw);
}

function runShow(db: Database, positionals: string[], json: boolean, withText: boolean, lang: Lang, io: CliIo): number {
  const id = parseId(positionals, lang);
  const detail = getArticle(db, id);
  const text = publicText(detail.text, detail.blocks);
  if (json) {
    const meta = getArticleMetadata(db, id);
    io.out(`${JSON.stringify(withText ? { ...meta, text } : meta)}\n`);
    return 0;
  }
  io.out(formatDetail(detail, lang));
  if (withText) io.out(`\n${text}\n`);
  return 0;
}

function formatDetail(d: ArticleDetail, lang: Lang): string {
  const lines: string[] = [];
  lines.push(`#${d.id}  ${d.title}${d.titleDerived ? ` (${msg(lang, 'derived')})` : ''}`);
  const label = (de: string, en: string) => (lang === 'de' ? de : en).padEnd(16);
  if (d.agency) lines.push(`${label('Agentur', 'Agency')}${d.agency}`);
  if (d.published) lines.push(`${label('Datum', 'Date')}${d.published}`);
  if (d.dateline) lines.push(`${label('Ortsmarke', 'Dateline')}${d.dateline.place}${d.dateline.agency ? ` (${d.dateline.agency})` : ''}`);
  if (d.language) lines.push(`${label('Sprache', 'Language')}${d.language}`);
  for (const c of d.credits) lines.push(`${label(ROLE_LABELS.de[c.role], ROLE_LABELS.en[c.role])}${c.name}`);
  for (const dc of d.deskContacts) lines.push(`${label('Rückfragen', 'Desk')}${dc.email}${dc.scope ? ` (${dc.scope})` : ''}`);
  if (d.headings.length) lines.push(`${label('Zwischentitel', 'Headings')}${d.headings.join(' · ')}`);
  if (d.versionMarkers.length) lines.push(`${label('Fassung', 'Version')}${d.versionMarkers.join(', ')}`);
  if (d.copyright) lines.push(`${label('Copyright', 'Copyright')}${d.copyright}`);
  lines.push(`${label('Wörter', 'Words')}${d.wordCount}`);
  lines.push(`${label('Quelle', 'Source')}${d.source.file} (${d.source.format}${d.encoding ? `, ${d.encoding}` : ''})`);
  return `${lines.join('\n')}\n`;
}

async function runWeb(dbPath: string, port: number, lang: Lang, io: CliIo): Promise<number> {
  const { startWebServer } = await import('./web/server.js');
  const staticDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'renderer');
  const server = await startWebServer({ dbPath, port, staticDir });
  io.out(`${msg(lang, 'webRunning', { url: server.url })}\n${msg(lang, 'webStop')}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}

