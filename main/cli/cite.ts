import fs from 'node:fs';
import path from 'node:path';
import { CSL_LOCALES, EXPORT_FORMATS, type CslLocale, type ExportFormat } from '../../shared/contract-citations.js';
import { fillTemplate, type Lang } from '../../shared/errors.js';
import { UsageError, stringList, stringOpt, type CliCommand } from './command.js';

const MESSAGES = {
  needIds: { de: 'Bitte mindestens eine Artikel-ID (Zahl) oder --source QUELLEN_ID angeben.', en: 'Please give at least one article ID (a number) or --source SOURCE_ID.' },
  badFormat: { de: '--format muss eines von {formats} sein.', en: '--format must be one of {formats}.' },
  badLocale: { de: '--locale muss eines von {locales} sein.', en: '--locale must be one of {locales}.' },
  written: { de: 'Gespeichert: {file}', en: 'Written: {file}' },
} as const;

function msg(lang: Lang, key: keyof typeof MESSAGES, vars: Record<string, string> = {}): string {
  return fillTemplate(MESSAGES[key][lang], vars);
}

/** `fundstelle cite ARTICLE_ID... [--source ID]... --format FORMAT [--style STYLE_ID] [--locale de-DE|en-US] [--out FILE]`. */
export const citeCommand: CliCommand = {
  name: 'cite',
  summary: {
    de: 'Quellenangaben exportieren (CSL-JSON, BibTeX, BibLaTeX, RIS, Literaturliste, Agenturzeile)',
    en: 'export citations (CSL-JSON, BibTeX, BibLaTeX, RIS, bibliography, agency line)',
  },
  help: {
    de: `Aufruf: fundstelle cite ARTIKEL_ID... [--source QUELLEN_ID]... --format ${EXPORT_FORMATS.join('|')} [--style STIL_ID] [--locale ${CSL_LOCALES.join('|')}] [--out DATEI]

Gibt die Quellenangaben der Artikel aus (ohne --out auf der Standardausgabe). --source (mehrfach)
nimmt manuell hinzugefügte Quellen auf (fundstelle sources add-manual).
  csl-json, bibtex, biblatex, ris   für Zotero, Citavi, JabRef
  text, html, markdown             Literaturliste im Zitierstil (--style, Standard: iso690-author-date-de
                                   für de-DE, chicago-author-date für en-US)
  agency                           Agenturzeile: „Quelle: Reuters, Februar 2025“ (en-US: „Source: …“)
Stile: iso690-author-date-de, din-1505-2, apa, chicago-author-date, chicago-author-date-de
und eigene, in der Oberfläche hinzugefügte Stile.
`,
    en: `Usage: fundstelle cite ARTICLE_ID... [--source SOURCE_ID]... --format ${EXPORT_FORMATS.join('|')} [--style STYLE_ID] [--locale ${CSL_LOCALES.join('|')}] [--out FILE]

Prints the articles' citations (to standard output without --out). --source (repeatable) adds
manually added sources (fundstelle sources add-manual).
  csl-json, bibtex, biblatex, ris   for Zotero, Citavi, JabRef
  text, html, markdown             bibliography in a citation style (--style, default: iso690-author-date-de
                                   for de-DE, chicago-author-date for en-US)
  agency                           agency line: "Quelle: Reuters, Februar 2025" (en-US: "Source: …")
Styles: iso690-author-date-de, din-1505-2, apa, chicago-author-date, chicago-author-date-de
and custom styles added in the app.
`,
  },
  options: {
    format: { type: 'string' },
    style: { type: 'string' },
    locale: { type: 'string' },
    out: { type: 'string' },
    source: { type: 'string', multiple: true },
  },
  async run({ db, positionals, values, lang, io }) {
    const isId = (p: string) => /^\d+$/.test(p) && Number(p) >= 1;
    const sources = stringList(values, 'source');
    if (positionals.length + sources.length === 0 || !positionals.every(isId) || !sources.every(isId)) throw new UsageError(msg(lang, 'needIds'));
    const format = stringOpt(values, 'format');
    if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(msg(lang, 'badFormat', { formats: EXPORT_FORMATS.join(', ') }));
    }
    const locale = stringOpt(values, 'locale');
    if (locale !== undefined && !(CSL_LOCALES as readonly string[]).includes(locale)) {
      throw new UsageError(msg(lang, 'badLocale', { locales: CSL_LOCALES.join(', ') }));
    }
    // citation-js is heavy: load it only when citing, so every other command starts fast.
    const { exportCitations } = await import('../core/citations/export.js');
    const result = exportCitations(
      db,
      { articleIds: positionals.map(Number), sourceIds: sources.map(Number) },
      { format: format as ExportFormat, style: stringOpt(values, 'style'), locale: locale as CslLocale | undefined },
    );
    const out = stringOpt(values, 'out');
    if (out) {
      fs.writeFileSync(path.resolve(out), result.content, 'utf8');
      io.err(`${msg(lang, 'written', { file: out })}\n`);
    } else {
      io.out(result.content);
    }
    return 0;
  },
};
