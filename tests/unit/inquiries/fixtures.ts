import type { Database } from 'better-sqlite3';
import type { BlockKind, DeskContact } from '../../../shared/article.js';
import { insertArticle } from '../../../main/core/articles.js';
import { parsed } from '../../helpers/db.js';

/** Invented desks in the shape of a wire footer. */
export const POLITIK = { email: 'politik.desk@agentur.example', scope: 'Politik und Konjunktur' } as const;
export const MAERKTE = { email: 'maerkte.desk@agentur.example', scope: 'Unternehmen und Märkte' } as const;
export const SPORT = { email: 'sport.desk@agentur.example', scope: 'Sport' } as const;

/** An invented wire story: a company paragraph, a government paragraph, a subhead and a non-public block. */
export const STORY: [BlockKind, string][] = [
  ['paragraph', 'Hamburg (Agentur) - Der Windanlagen-Hersteller Nordwind will in Südeuropa wachsen.'],
  ['paragraph', 'Der Konzern meldete für das dritte Quartal einen Umsatz von 2,1 Milliarden Euro; die Aktie legte an der Börse um vier Prozent zu. Nordwind-Chef Jörg Ämmerle sprach von einem „sehr guten Markt“.'],
  ['heading', 'REGIERUNG PLANT FÖRDERUNG'],
  ['paragraph', 'Die Bundesregierung will den Ausbau mit einem neuen Gesetz fördern. Der Wirtschaftsminister kündigte an, das Parlament solle noch vor der Wahl abstimmen.'],
  ['paragraph', 'Eine Beteiligung des Unternehmens am staatlichen Förderprogramm für Küstenstandorte gilt als wahrscheinlich.'],
  ['credits', '(Bericht von Erika Beispiel; Redigiert von Max Muster)'],
  ['nonpublic', 'Die folgenden Informationen sind nicht zur Veröffentlichung bestimmt: Handy 0170 1234567'],
];

/** Stores the invented story with the given desks and returns its id. */
export function insertStory(db: Database, desks: DeskContact[] = [POLITIK, MAERKTE], meta: Parameters<typeof parsed>[1] = {}, blocks = STORY): number {
  const article = parsed(blocks, { title: 'Nordwind will in Südeuropa wachsen', agency: 'Agentur', published: '2025-03', deskContacts: desks, ...meta });
  return insertArticle(db, article, { file: 'nordwind.txt', format: 'wire', encoding: 'utf-8', importedAt: '2025-03-10T09:00:00.000Z' }).id;
}

/** [start, end) of `quote` in `text`; fails loudly when absent. */
export function rangeOf(text: string, quote: string): { start: number; end: number } {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not in text: ${quote}`);
  return { start, end: start + quote.length };
}
