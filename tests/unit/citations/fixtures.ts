import { insertArticle } from '../../../main/core/articles.js';
import type { Database } from '../../../main/db/open.js';
import type { ParsedArticle, SourceFormat } from '../../../shared/article.js';
import { parsed } from '../../helpers/db.js';

// Invented articles in the shapes of real deliveries (no third-party text).

/** A Reuters-style German wire story: month precision, reporters, writer, editor, rights URL. */
export const WIRE_DE = parsed(
  [
    ['paragraph', 'Lindau (Reuters) - Die Bodenseewerft Möwe hat einen Auftrag über 40 Millionen Euro erhalten. Werftchef Jan Beispiel nannte den Kunden einen „verlässlichen Partner“.'],
    ['paragraph', 'Die Fähren sollen ab 2027 zwischen Lindau und Bregenz pendeln, wie das Unternehmen mitteilte.'],
    ['credits', '(Bericht von Anna Beispiel und Jörg van der Meer; geschrieben von Omar al-Farsi; Redigiert von Bernd W. Muster)'],
  ],
  {
    title: 'Werft Möwe baut Elektrofähren für den Bodensee',
    agency: 'Reuters',
    published: '2026-03',
    dateline: { place: 'Lindau', agency: 'Reuters' },
    url: 'https://agency.reuters.com/en/copyright.html',
    credits: [
      { role: 'reporter', name: 'Anna Beispiel' },
      { role: 'reporter', name: 'Jörg van der Meer' },
      { role: 'writer', name: 'Omar al-Farsi' },
      { role: 'editor', name: 'Bernd W. Muster' },
    ],
  },
);

/** An AFP-style English story with a full date and a single reporter. */
export const WIRE_EN = parsed(
  [['paragraph', 'OSLO, Aug 29, 2014 (AFP) - A fictional ferry operator said on Friday it had "secured the funding" for two new boats.']],
  {
    title: 'Ferry operator secures funding',
    language: 'en',
    agency: 'AFP',
    published: '2014-08-29',
    dateline: { place: 'Oslo', agency: 'AFP' },
    credits: [{ role: 'author', name: 'Kari Nordmann' }],
  },
);

/** A dpa-style story with a block not meant for publication. */
export const WIRE_NONPUBLIC = parsed(
  [
    ['paragraph', 'Berlin (dpa) - Der erfundene Verband fordert mehr Ladesäulen.'],
    ['notice', 'Die folgenden Informationen sind nicht zur Veröffentlichung bestimmt'],
    ['nonpublic', 'Kontakt: Erika Geheim, Tel. 0171 0000000'],
    ['paragraph', 'Der Verband sprach von einem „Wendepunkt“.'],
  ],
  { title: 'Verband fordert Ladesäulen', agency: 'dpa', published: '2025', credits: [{ role: 'author', name: 'Andrea Erfunden' }] },
);

/** A saved web page with its URL, no agency. */
export const WEB_PAGE = parsed([['paragraph', 'Die Stadt erklärt ihr neues Fährkonzept.']], {
  title: 'Fährkonzept der Stadt',
  url: 'https://stadt.example.org/faehre?x=1&y=2',
  published: '2024-11-05',
});

/** A plain note: no agency, no date, no URL. */
export const NOTE = parsed([['paragraph', 'Eigene Notiz zum Fährkonzept.']], { title: 'Notiz Fähre' });

/** Stores an article; returns its id. */
export function add(db: Database, article: ParsedArticle & { title: string; language: string | null }, format: SourceFormat = 'wire', file = 'meldung.txt'): number {
  return insertArticle(db, article, { file: `/tmp/${file}`, format, encoding: 'utf-8', importedAt: '2026-03-10T08:30:00.000Z' }).id;
}
