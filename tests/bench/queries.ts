import { DE_PHRASES, EN_PHRASES, type Corpus } from './generate.js';

/** The query classes of the benchmark. */
export const QUERY_CLASSES = ['common', 'mid', 'rare', 'phrase', 'prefix'] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

/** One benchmark query: as typed into Fundstelle, and the equivalent raw FTS5 expression. */
export interface BenchQuery {
  cls: QueryClass;
  app: string;
  raw: string;
}

/**
 * Queries by word rank in the Zipf vocabulary: common words occur in nearly every story, mid-rank
 * words in a few percent, rare ones in a handful. Phrases are the generator's collocations;
 * prefixes cut mid-rank words to four or five letters (each expands to many index terms).
 */
export function benchQueries(c: Corpus): BenchQuery[] {
  const q: BenchQuery[] = [];
  const word = (cls: QueryClass, w: string) => q.push({ cls, app: w, raw: `"${w.toLowerCase()}"` });
  for (const r of [0, 1, 2, 70]) {
    word('common', c.de.words[r] as string);
    word('common', c.en.words[r] as string);
  }
  for (const r of [400, 410, 420, 430]) {
    word('mid', c.de.words[r] as string);
    word('mid', c.en.words[r] as string);
  }
  for (const r of [20_000, 21_000, 22_000, 23_000]) {
    word('rare', c.de.words[r] as string);
    word('rare', c.en.words[r] as string);
  }
  for (const p of [...DE_PHRASES.slice(0, 4), ...EN_PHRASES.slice(0, 4)]) q.push({ cls: 'phrase', app: `"${p}"`, raw: `"${p.toLowerCase()}"` });
  for (const r of [100, 150, 405, 415]) {
    for (const v of [c.de, c.en]) {
      const w = (v.words[r] as string).toLowerCase();
      const p = w.slice(0, r < 200 ? 4 : 5);
      q.push({ cls: 'prefix', app: `${p}*`, raw: `"${p}"*` });
    }
  }
  return q;
}
