import { fillTemplate, type Lang } from '../../shared/errors.js';
import { PROPOSAL_KIND_LABELS } from '../../shared/proposals/types.js';
import { SOURCE_KIND_LABELS, SOURCE_KINDS, VERIFICATION_STATUSES, VERIFICATION_STATUS_LABELS, type SourceKind, type VerificationStatus } from '../../shared/source.js';
import { MANUAL_SOURCE_TYPES, type ManualSourceKind } from '../../shared/contract-citations.js';
import { UsageError, runSubcommand, stringList, stringOpt, type CliCommand, type CliContext } from './command.js';

const MESSAGES = {
  needSub: { de: 'Bitte list, propose, accept, reject, protect, status oder add-manual angeben. Siehe fundstelle sources --help.', en: 'Please give list, propose, accept, reject, protect, status or add-manual. See fundstelle sources --help.' },
  badManualKind: { de: '--kind muss eines von {values} sein.', en: '--kind must be one of {values}.' },
  needTitle: { de: 'Bitte --title oder --author angeben.', en: 'Please give --title or --author.' },
  badDate: { de: '--date muss JJJJ, JJJJ-MM oder JJJJ-MM-TT sein.', en: '--date must be YYYY, YYYY-MM or YYYY-MM-DD.' },
  badUrl: { de: '--url muss mit http:// oder https:// beginnen.', en: '--url must start with http:// or https://.' },
  addedOut: { de: 'Manuelle Quelle {id} angelegt: {title} (fundstelle cite --source {id} …)', en: 'Manual source {id} added: {title} (fundstelle cite --source {id} …)' },
  needArticle: { de: 'Bitte eine Artikel-ID (Zahl) angeben.', en: 'Please give an article ID (a number).' },
  needKey: { de: 'Bitte Artikel-ID und Vorschlagsschlüssel angeben: fundstelle sources {sub} ARTIKEL_ID SCHLÜSSEL', en: 'Please give an article ID and a proposal key: fundstelle sources {sub} ARTICLE_ID KEY' },
  needSource: { de: 'Bitte eine Quellen-ID (Zahl) angeben.', en: 'Please give a source ID (a number).' },
  badKind: { de: '--kind muss eines von {values} sein.', en: '--kind must be one of {values}.' },
  badStatus: { de: 'Der Status muss einer von {values} sein.', en: 'The status must be one of {values}.' },
  none: { de: 'Keine Quellen.', en: 'No sources.' },
  noProposals: { de: 'Keine Vorschläge.', en: 'No proposals.' },
  footer: { de: '{n} Quellen', en: '{n} sources' },
  proposalsFooter: { de: '{n} Vorschläge ({hidden} abgelehnte ausgeblendet)', en: '{n} proposals ({hidden} rejected hidden)' },
  protectedMark: { de: 'geschützt', en: 'protected' },
  mentions: { de: '{n} Erwähnungen', en: '{n} mentions' },
  source: { de: 'Quelle', en: 'Source' },
  cue: { de: 'Hinweis', en: 'Cue' },
  key: { de: 'Schlüssel', en: 'Key' },
  accepted: { de: 'angenommen', en: 'accepted' },
  rejected: { de: 'abgelehnt', en: 'rejected' },
  acceptedOut: { de: 'Angenommen: Annotation {annotation}{source}', en: 'Accepted: annotation {annotation}{source}' },
  rejectedOut: { de: 'Abgelehnt: {key}', en: 'Rejected: {key}' },
  protectedOut: { de: 'Quelle {id} ist jetzt geschützt: Name und Aliasse erscheinen in keinem Export.', en: 'Source {id} is now protected: its name and aliases appear in no export.' },
  unprotectedOut: { de: 'Quelle {id} ist nicht mehr geschützt.', en: 'Source {id} is no longer protected.' },
  statusOut: { de: 'Quelle {id}: {status}', en: 'Source {id}: {status}' },
} as const;

function msg(lang: Lang, key: keyof typeof MESSAGES, vars: Record<string, string | number> = {}): string {
  return fillTemplate(MESSAGES[key][lang], vars);
}

function positiveId(raw: string | undefined, lang: Lang, what: 'needArticle' | 'needSource'): number {
  if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) < 1) throw new UsageError(msg(lang, what));
  return Number(raw);
}

/** One line of text for the terminal: white space folded, cut at `max` characters. */
function oneLine(s: string, max: number): string {
  const t = s.replace(/\s+/gu, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

async function runList({ db, positionals, values, lang, io }: CliContext): Promise<number> {
  if (positionals.length > 1) throw new UsageError(msg(lang, 'needSub'));
  const kind = stringOpt(values, 'kind');
  if (kind !== undefined && !(SOURCE_KINDS as readonly string[]).includes(kind)) throw new UsageError(msg(lang, 'badKind', { values: SOURCE_KINDS.join(', ') }));
  const status = stringOpt(values, 'status');
  if (status !== undefined && !(VERIFICATION_STATUSES as readonly string[]).includes(status)) throw new UsageError(msg(lang, 'badStatus', { values: VERIFICATION_STATUSES.join(', ') }));
  const { listSources } = await import('../core/sources.js');
  const sources = listSources(db, { kind: kind as SourceKind | undefined, status: status as VerificationStatus | undefined, query: stringOpt(values, 'query') });
  if (values.json) {
    io.out(`${JSON.stringify(sources)}\n`);
    return 0;
  }
  if (sources.length === 0) {
    io.out(`${msg(lang, 'none')}\n`);
    return 0;
  }
  for (const s of sources) {
    const details = [s.role, s.organisation, s.wording ? `„${s.wording}“` : null].filter(Boolean).join(', ');
    const flags = [VERIFICATION_STATUS_LABELS[s.status][lang], msg(lang, 'mentions', { n: s.mentionCount }), s.protected ? msg(lang, 'protectedMark').toUpperCase() : null].filter(Boolean).join(' · ');
    io.out(`${String(s.id).padStart(4)}  ${SOURCE_KIND_LABELS[s.kind][lang].padEnd(16)} ${s.name}${details ? ` (${details})` : ''}  [${flags}]\n`);
  }
  io.out(`${msg(lang, 'footer', { n: sources.length })}\n`);
  return 0;
}

async function runPropose({ db, positionals, values, lang, io }: CliContext): Promise<number> {
  if (positionals.length !== 2) throw new UsageError(msg(lang, 'needArticle'));
  const articleId = positiveId(positionals[1], lang, 'needArticle');
  const { listProposals } = await import('../core/proposals/index.js');
  const result = listProposals(db, articleId, { includeRejected: Boolean(values.all) });
  if (values.json) {
    io.out(`${JSON.stringify(result)}\n`);
    return 0;
  }
  if (result.proposals.length === 0) io.out(`${msg(lang, 'noProposals')}\n`);
  result.proposals.forEach((p, i) => {
    const decision = p.decision ? `  [${msg(lang, p.decision)}]` : '';
    io.out(`#${i + 1}  ${PROPOSAL_KIND_LABELS[p.kind][lang].padEnd(20)} ${`${p.start}–${p.end}`.padEnd(11)} „${oneLine(p.text, 90)}“${decision}\n`);
    if (p.speaker) {
      const sp = p.speaker;
      const role = [sp.role, sp.organisation && !sp.role?.includes(sp.organisation) ? sp.organisation : null].filter(Boolean).join(', ');
      io.out(`      ${msg(lang, 'source')}: ${sp.name}${role ? ` (${role})` : ''} · ${SOURCE_KIND_LABELS[sp.kind][lang]}\n`);
      if (sp.resolution) io.out(`      ${sp.resolution}\n`);
    }
    io.out(`      ${msg(lang, 'cue')}: „${oneLine(p.cue.text, 80)}“ [${p.cue.rule}]\n`);
    io.out(`      ${msg(lang, 'key')}: ${p.key}\n`);
  });
  io.out(`${msg(lang, 'proposalsFooter', { n: result.proposals.length, hidden: result.rejectedHidden })}\n`);
  return 0;
}

async function runDecide(ctx: CliContext, sub: 'accept' | 'reject'): Promise<number> {
  const { db, positionals, values, lang, io } = ctx;
  const key = positionals[2];
  if (positionals.length !== 3 || !key) throw new UsageError(msg(lang, 'needKey', { sub }));
  const articleId = positiveId(positionals[1], lang, 'needArticle');
  const { acceptProposal, rejectProposal } = await import('../core/proposals/index.js');
  if (sub === 'reject') {
    const r = rejectProposal(db, articleId, key);
    io.out(values.json ? `${JSON.stringify(r)}\n` : `${msg(lang, 'rejectedOut', { key })}\n`);
    return 0;
  }
  const r = acceptProposal(db, articleId, key, { name: stringOpt(values, 'name'), role: stringOpt(values, 'role') });
  if (values.json) io.out(`${JSON.stringify(r)}\n`);
  else io.out(`${msg(lang, 'acceptedOut', { annotation: r.annotation.id, source: r.source ? `, ${msg(lang, 'source')} ${r.source.id} ${r.source.name}` : '' })}\n`);
  return 0;
}

async function runProtect({ db, positionals, values, lang, io }: CliContext): Promise<number> {
  if (positionals.length !== 2) throw new UsageError(msg(lang, 'needSource'));
  const id = positiveId(positionals[1], lang, 'needSource');
  const { setSourceProtected } = await import('../core/sources.js');
  const s = setSourceProtected(db, id, !values.off);
  io.out(values.json ? `${JSON.stringify(s)}\n` : `${msg(lang, s.protected ? 'protectedOut' : 'unprotectedOut', { id })}\n`);
  return 0;
}

async function runStatus({ db, positionals, values, lang, io }: CliContext): Promise<number> {
  const status = positionals[2];
  if (positionals.length !== 3 || !status) throw new UsageError(msg(lang, 'needSource'));
  const id = positiveId(positionals[1], lang, 'needSource');
  if (!(VERIFICATION_STATUSES as readonly string[]).includes(status)) throw new UsageError(msg(lang, 'badStatus', { values: VERIFICATION_STATUSES.join(', ') }));
  const { setSourceStatus } = await import('../core/sources.js');
  const s = setSourceStatus(db, id, status as VerificationStatus, { note: stringOpt(values, 'note') });
  io.out(values.json ? `${JSON.stringify(s)}\n` : `${msg(lang, 'statusOut', { id, status: VERIFICATION_STATUS_LABELS[s.status][lang] })}\n`);
  return 0;
}

const MANUAL_KINDS = Object.keys(MANUAL_SOURCE_TYPES) as ManualSourceKind[];

/** "Nachname, Vorname" → structured name; without a comma the name stays a literal (organisation). */
function cliName(raw: string): { family: string; given?: string } | { literal: string } | null {
  const t = raw.replace(/\s+/g, ' ').trim();
  if (!t) return null;
  const [family = '', given = ''] = t.split(',', 2).map((x) => x.trim());
  if (!t.includes(',') || !family) return { literal: t };
  return given ? { family, given } : { family };
}

async function runAddManual({ db, positionals, values, lang, io }: CliContext): Promise<number> {
  if (positionals.length !== 1) throw new UsageError(msg(lang, 'needSub'));
  const kind = stringOpt(values, 'kind');
  if (!kind || !(MANUAL_KINDS as string[]).includes(kind)) throw new UsageError(msg(lang, 'badManualKind', { values: MANUAL_KINDS.join(', ') }));
  const title = stringOpt(values, 'title')?.trim();
  const author = stringList(values, 'author').map(cliName).filter((n) => n !== null);
  if (!title && author.length === 0) throw new UsageError(msg(lang, 'needTitle'));
  const date = stringOpt(values, 'date')?.trim();
  const m = date ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date) : null;
  if (date && (!m || (m[2] !== undefined && (Number(m[2]) < 1 || Number(m[2]) > 12)) || (m[3] !== undefined && (Number(m[3]) < 1 || Number(m[3]) > 31)))) {
    throw new UsageError(msg(lang, 'badDate'));
  }
  const url = stringOpt(values, 'url')?.trim();
  if (url && !/^https?:\/\/\S+$/i.test(url)) throw new UsageError(msg(lang, 'badUrl'));
  const publisher = stringOpt(values, 'publisher')?.trim();
  const note = stringOpt(values, 'note')?.trim();
  const item = {
    ...(title ? { title } : {}),
    ...(author.length > 0 ? { author } : {}),
    ...(m ? { issued: { 'date-parts': [m.slice(1).filter((x) => x !== undefined).map(Number) as [number, ...number[]]] } } : {}),
    ...(publisher ? { publisher } : {}),
    ...(url ? { URL: url } : {}),
    ...(note ? { note } : {}),
  };
  const { saveSource } = await import('../core/citations/record.js');
  const s = saveSource(db, { kind: kind as ManualSourceKind, item });
  io.out(values.json ? `${JSON.stringify(s)}\n` : `${msg(lang, 'addedOut', { id: s.id, title: s.item.title ?? '' })}\n`);
  return 0;
}

/** `fundstelle sources list|propose|accept|reject|protect|status …`: the subcommand is the first positional. */
export const sourcesCommand: CliCommand = {
  name: 'sources',
  summary: {
    de: 'Quellenverzeichnis und Vorschläge (Zitate, Zuschreibungen, anonyme Quellen, Zahlen)',
    en: 'source registry and proposals (quotes, attributions, anonymous sources, figures)',
  },
  help: {
    de: `Aufruf:
  fundstelle sources list [--kind ${SOURCE_KINDS.join('|')}] [--status STATUS] [--query TEXT] [--json]
  fundstelle sources propose ARTIKEL_ID [--all] [--json]
  fundstelle sources accept ARTIKEL_ID SCHLÜSSEL [--name NAME] [--role ROLLE] [--json]
  fundstelle sources reject ARTIKEL_ID SCHLÜSSEL
  fundstelle sources protect QUELLEN_ID [--off]
  fundstelle sources status QUELLEN_ID ${VERIFICATION_STATUSES.join('|')} [--note TEXT]
  fundstelle sources add-manual --kind ${Object.keys(MANUAL_SOURCE_TYPES).join('|')} --title TITEL
      [--author "Nachname, Vorname"]... [--date JJJJ[-MM[-TT]]] [--url URL] [--publisher P] [--note TEXT] [--json]

list     das Quellenverzeichnis: Personen, Organisationen, Dokumente, anonyme Quellen.
propose  Vorschläge für einen Artikel: wörtliche Zitate, Zuschreibungen mit Sprecher und Rolle,
         anonyme Quellen, verweigerte Stellungnahmen, Aussagen ohne Quelle und Zahlen, jeweils mit
         dem Hinweis im Text, der sie ausgelöst hat. Abgelehnte nur mit --all.
accept   legt Quelle (oder nutzt eine gleichnamige), Erwähnung und Annotation (Zitat, Behauptung,
         Zahl) in einem Schritt an. --name/--role korrigieren den Vorschlag.
reject   blendet einen Vorschlag dauerhaft aus.
protect  schützt eine Quelle (Informantenschutz): Name und Aliasse erscheinen in keinem Export,
         sondern als „vertrauliche Quelle“. --off hebt den Schutz auf.
status   setzt den Prüfstatus; die Änderung wird mit Datum im Verlauf vermerkt.
add-manual  legt eine manuelle Quelle fürs Literaturverzeichnis an (Webseite, Dokument, Interview,
         Person); exportieren mit fundstelle cite --source ID.
`,
    en: `Usage:
  fundstelle sources list [--kind ${SOURCE_KINDS.join('|')}] [--status STATUS] [--query TEXT] [--json]
  fundstelle sources propose ARTICLE_ID [--all] [--json]
  fundstelle sources accept ARTICLE_ID KEY [--name NAME] [--role ROLE] [--json]
  fundstelle sources reject ARTICLE_ID KEY
  fundstelle sources protect SOURCE_ID [--off]
  fundstelle sources status SOURCE_ID ${VERIFICATION_STATUSES.join('|')} [--note TEXT]
  fundstelle sources add-manual --kind ${Object.keys(MANUAL_SOURCE_TYPES).join('|')} --title TITLE
      [--author "Family, Given"]... [--date YYYY[-MM[-DD]]] [--url URL] [--publisher P] [--note TEXT] [--json]

list     the source registry: people, organisations, documents, anonymous sources.
propose  proposals for an article: direct quotes, attributions with speaker and role, anonymous
         sources, declined comment, statements without a source and figures, each with the cue in
         the text that triggered it. Rejected ones only with --all.
accept   creates the source (or reuses one of that name), the mention and the annotation (quote,
         claim, figure) in one step. --name/--role correct the proposal.
reject   hides a proposal for good.
protect  protects a source: its name and aliases appear in no export but as "confidential
         source". --off lifts the protection.
status   sets the verification status (unbestätigt, bestätigt, fraglich, widerlegt); the change is
         recorded with its date in the history.
add-manual  adds a manual source for the bibliography (web page, document, interview, person);
         export it with fundstelle cite --source ID.
`,
  },
  options: {
    kind: { type: 'string' },
    status: { type: 'string' },
    query: { type: 'string' },
    all: { type: 'boolean', default: false },
    name: { type: 'string' },
    role: { type: 'string' },
    off: { type: 'boolean', default: false },
    note: { type: 'string' },
    title: { type: 'string' },
    author: { type: 'string', multiple: true },
    date: { type: 'string' },
    url: { type: 'string' },
    publisher: { type: 'string' },
  },
  run(ctx) {
    return runSubcommand(
      ctx,
      {
        list: runList,
        propose: runPropose,
        accept: (c) => runDecide(c, 'accept'),
        reject: (c) => runDecide(c, 'reject'),
        protect: runProtect,
        status: runStatus,
        'add-manual': runAddManual,
      },
      msg(ctx.lang, 'needSub'),
    );
  },
};
