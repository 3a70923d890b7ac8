import fs from 'node:fs';
import path from 'node:path';
import { fillTemplate, type Lang } from '../../shared/errors.js';
import { UsageError, runSubcommand, stringList, stringOpt, type CliCommand, type CliContext } from './command.js';

const MESSAGES = {
  needSub: { de: 'Bitte list, add, import oder export angeben. Siehe fundstelle contacts --help.', en: 'Please give list, add, import or export. See fundstelle contacts --help.' },
  needAdd: { de: 'Bitte --name und --email angeben.', en: 'Please give --name and --email.' },
  needFile: { de: 'Bitte genau eine Datei angeben: fundstelle contacts import DATEI', en: 'Please name exactly one file: fundstelle contacts import FILE' },
  badFormat: { de: '--format muss vcard oder csv sein.', en: '--format must be vcard or csv.' },
  none: { de: 'Das Adressbuch ist leer.', en: 'The address book is empty.' },
  footer: { de: '{n} Kontakte', en: '{n} contacts' },
  added: { de: 'Kontakt {id} angelegt: {email}', en: 'Contact {id} added: {email}' },
  imported: { de: '{file}: {created} neu, {updated} aktualisiert, {skipped} übersprungen.', en: '{file}: {created} new, {updated} updated, {skipped} skipped.' },
  skipped: { de: '  Zeile {line}: {reason}', en: '  line {line}: {reason}' },
  written: { de: '{n} Kontakte gespeichert: {file}', en: '{n} contacts written: {file}' },
  fromArticle: { de: 'aus Artikel', en: 'from article' },
} as const;

function msg(lang: Lang, key: keyof typeof MESSAGES, vars: Record<string, string | number> = {}): string {
  return fillTemplate(MESSAGES[key][lang], vars);
}

async function runList({ db, values, lang, io }: CliContext): Promise<number> {
  const { listContacts } = await import('../core/contacts.js');
  const list = listContacts(db, stringOpt(values, 'query'));
  if (values.json) {
    io.out(`${JSON.stringify(list)}\n`);
    return 0;
  }
  if (list.length === 0) {
    io.out(`${msg(lang, 'none')}\n`);
    return 0;
  }
  for (const c of list) {
    const org = c.organisation ? ` (${c.organisation})` : '';
    io.out(`${String(c.id).padStart(4)}  ${c.name || '–'}${org} <${c.email}>${c.origin === 'article' ? ` [${msg(lang, 'fromArticle')}]` : ''}\n`);
    if (c.beats.length) io.out(`      ${c.beats.join(' · ')}\n`);
    if (c.phone) io.out(`      ${c.phone}\n`);
  }
  io.out(`${msg(lang, 'footer', { n: list.length })}\n`);
  return 0;
}

async function runAdd({ db, values, lang, io }: CliContext): Promise<number> {
  const name = stringOpt(values, 'name');
  const email = stringOpt(values, 'email');
  if (!name || !email) throw new UsageError(msg(lang, 'needAdd'));
  const { createContact } = await import('../core/contacts.js');
  const c = createContact(db, {
    name,
    email,
    organisation: stringOpt(values, 'org'),
    beats: stringList(values, 'beat'),
    phone: stringOpt(values, 'phone'),
    notes: stringOpt(values, 'notes'),
  });
  io.out(values.json ? `${JSON.stringify(c)}\n` : `${msg(lang, 'added', { id: c.id, email: c.email })}\n`);
  return 0;
}

async function runImport({ db, positionals, values, lang, io }: CliContext): Promise<number> {
  const file = positionals[1];
  if (!file || positionals.length > 2) throw new UsageError(msg(lang, 'needFile'));
  const { readTextFile } = await import('../core/read-text-file.js');
  // Refused from stat before reading when it is too large: an address book is never this big.
  const content = readTextFile(file, 20 * 1024 * 1024);
  const { importContacts } = await import('../core/contacts.js');
  const r = importContacts(db, file, content);
  if (values.json) {
    io.out(`${JSON.stringify(r)}\n`);
    return 0;
  }
  io.out(`${msg(lang, 'imported', { file: r.file, created: r.created, updated: r.updated, skipped: r.skipped.length })}\n`);
  for (const s of r.skipped) io.out(`${msg(lang, 'skipped', { line: s.line, reason: s.reason })}\n`);
  return 0;
}

async function runExport({ db, values, lang, io }: CliContext): Promise<number> {
  const format = stringOpt(values, 'format');
  if (format !== 'vcard' && format !== 'csv') throw new UsageError(msg(lang, 'badFormat'));
  const { exportContacts, listContacts } = await import('../core/contacts.js');
  const file = exportContacts(db, format);
  const out = stringOpt(values, 'out');
  if (!out) {
    io.out(file.content);
    return 0;
  }
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, file.content, 'utf8');
  io.err(`${msg(lang, 'written', { n: listContacts(db).length, file: out })}\n`);
  return 0;
}

/** `fundstelle contacts list|add|import|export`: the address book of editorial contacts. */
export const contactsCommand: CliCommand = {
  name: 'contacts',
  summary: { de: 'Adressbuch der Redaktionskontakte (vCard, CSV)', en: 'address book of editorial contacts (vCard, CSV)' },
  help: {
    de: `Aufruf: fundstelle contacts list [--query TEXT] [--json]
       fundstelle contacts add --name NAME --email ADRESSE [--org ORGANISATION] [--beat RESSORT]... [--phone NUMMER] [--notes TEXT]
       fundstelle contacts import DATEI.vcf|DATEI.csv
       fundstelle contacts export --format vcard|csv [--out DATEI]

Redaktionen, die in Agenturmeldungen genannt werden („Bei Rückfragen wenden Sie sich an …“),
kommen beim Import automatisch mit ihrem Ressort ins Adressbuch.
import liest vCard 3.0/4.0 und CSV (Kopfzeile mit E-Mail-Spalte); alles oder nichts.
export schreibt vCard 4.0 oder CSV (UTF-8) auf die Standardausgabe oder in --out.
`,
    en: `Usage: fundstelle contacts list [--query TEXT] [--json]
       fundstelle contacts add --name NAME --email ADDRESS [--org ORGANISATION] [--beat BEAT]... [--phone NUMBER] [--notes TEXT]
       fundstelle contacts import FILE.vcf|FILE.csv
       fundstelle contacts export --format vcard|csv [--out FILE]

Desks named in wire stories ("Bei Rückfragen wenden Sie sich an …") join the address book with
their beat when the story is imported.
import reads vCard 3.0/4.0 and CSV (a header row with an e-mail column); all or nothing.
export writes vCard 4.0 or CSV (UTF-8) to standard output or to --out.
`,
  },
  options: {
    name: { type: 'string' },
    email: { type: 'string' },
    org: { type: 'string' },
    beat: { type: 'string', multiple: true },
    phone: { type: 'string' },
    notes: { type: 'string' },
    query: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  run(ctx) {
    return runSubcommand(
      ctx,
      {
        list: runList,
        add: runAdd,
        import: runImport,
        export: runExport,
      },
      msg(ctx.lang, 'needSub'),
    );
  },
};
