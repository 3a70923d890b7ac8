import { insertArticle } from '../../../main/core/articles.js';
import type { Database } from '../../../main/db/open.js';
import type { BlockKind } from '../../../shared/article.js';
import { parsed } from '../../helpers/db.js';

/** Invented wire stories for the search tests (no real agency copy). */
export const STORIES = {
  korea: {
    title: 'Südkorea baut neues Rechenzentrum',
    agency: 'dpa',
    published: '2025-02-14',
    language: 'de',
    blocks: [
      ['paragraph', 'Seoul (dpa) - Südkorea will bis 2027 drei neue Rechenzentren an der Küste errichten.'],
      ['paragraph', 'Die Anlagen sollen mit Meerwasser gekühlt werden, teilte das Ministerium mit.'],
      ['nonpublic', 'Nicht zur Veröffentlichung: Rückruf unter 0170 5550101, Stichwort Kühlturm'],
    ],
  },
  strasse: {
    title: 'Sperrung der Hauptstraße',
    agency: 'Reuters',
    published: '2025-03-02T08:15:00Z',
    language: 'de',
    blocks: [
      ['paragraph', 'Lindau (Reuters) - Die Hauptstraße zwischen Lindau und Bregenz bleibt bis Mai gesperrt.'],
      ['paragraph', 'Grund sind Bauarbeiten an der Uferstraße, sagte ein Sprecher der Stadt.'],
    ],
  },
  kakao: {
    title: 'Kakaopreis steigt auf Rekordhoch',
    agency: 'AFP',
    published: '2024-11-20',
    language: 'de',
    blocks: [
      ['paragraph', 'Abidjan (AFP) - Der Preis für Kakaobohnen ist auf ein Rekordhoch gestiegen.'],
      ['paragraph', 'Händler rechnen mit weiter steigenden Preisen für Schokolade.'],
    ],
  },
  cocoaEn: {
    title: 'Cocoa farmers expect running shortages',
    agency: 'Reuters',
    published: '2025-02-03',
    language: 'en',
    blocks: [
      ['paragraph', 'ACCRA (Reuters) - Cocoa farmers said on Monday they were running out of fertilisers.'],
      ['paragraph', 'The shortages could hit the next harvest, traders said.'],
    ],
  },
  muehle: {
    title: 'Alte Mühle wird Museum',
    agency: 'dpa',
    published: '2023-07-01',
    language: 'de',
    blocks: [['paragraph', 'Die Gemeinde baut die alte Mühle am Bach zu einem Museum um; auch die Museen der Nachbarorte helfen.']],
  },
} satisfies Record<string, { title: string; agency: string; published: string; language: string; blocks: [BlockKind, string][] }>;

export type StoryKey = keyof typeof STORIES;

/** Inserts every story; returns their ids by key. */
export function seedStories(db: Database): Record<StoryKey, number> {
  const ids = {} as Record<StoryKey, number>;
  for (const [key, s] of Object.entries(STORIES) as [StoryKey, (typeof STORIES)[StoryKey]][]) {
    const article = parsed(s.blocks as [BlockKind, string][], { title: s.title, agency: s.agency, published: s.published, language: s.language });
    ids[key] = insertArticle(db, article, { file: `${key}.txt`, format: 'wire', encoding: 'utf-8', importedAt: '2026-01-01T00:00:00.000Z' }).id;
  }
  return ids;
}
