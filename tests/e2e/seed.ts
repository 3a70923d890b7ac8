import type { ParsedArticle } from '../../shared/article.js';
import { insertArticle } from '../../main/core/articles.js';
import { openDatabase } from '../../main/db/open.js';

const AGENCIES = ['dpa', 'Reuters', 'AFP', 'AP', 'APA', null] as const;
const PLACES = ['Berlin', 'Hamburg', 'Wien', 'Zürich', 'Brüssel', 'Paris'] as const;

/** An invented wire story, numbered so tests can find it again. */
export function syntheticArticle(i: number): ParsedArticle & { title: string; language: string } {
  const n = String(i).padStart(6, '0');
  const place = PLACES[i % PLACES.length] ?? 'Berlin';
  const agency = AGENCIES[i % AGENCIES.length] ?? null;
  const lead = `${place} (${agency ?? 'eigen'}) - Testmeldung ${n}: Der Stadtrat berät über den Haushalt, die Opposition fordert Einsparungen.`;
  const body = `Nach Angaben der Verwaltung fehlen ${(i % 90) + 10} Millionen Euro. Eine Entscheidung wird für die kommende Woche erwartet.`;
  const text = `${lead}\n\n${body}`;
  const year = 2000 + (i % 25);
  const month = String((i % 12) + 1).padStart(2, '0');
  const day = String((i % 28) + 1).padStart(2, '0');
  return {
    text,
    blocks: [
      { kind: 'paragraph', start: 0, end: lead.length },
      { kind: 'paragraph', start: lead.length + 2, end: text.length },
    ],
    title: `Testmeldung ${n}: Haushaltsstreit in ${place}`,
    titleDerived: false,
    language: 'de',
    agency,
    copyright: null,
    url: null,
    published: `${year}-${month}-${day}`,
    dateline: { place, agency },
    datelineText: `${place} (${agency ?? 'eigen'}) - `,
    credits: [],
    deskContacts: [],
    versionMarkers: [],
    kicker: null,
  };
}

/** Fills a collection with `count` invented articles, fast (one transaction, no fsync per row). */
export function seedCollection(dbPath: string, count: number): void {
  const db = openDatabase(dbPath);
  try {
    db.pragma('synchronous = OFF');
    const importedAt = new Date().toISOString();
    db.transaction(() => {
      for (let i = 1; i <= count; i++) insertArticle(db, syntheticArticle(i), { file: `meldung-${i}.txt`, format: 'wire', encoding: 'utf-8', importedAt });
    })();
  } finally {
    db.close();
  }
}
