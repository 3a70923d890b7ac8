import fs from 'node:fs';
import path from 'node:path';

/**
 * Synthetic wire stories for the benchmark: German (Reuters style, dated header, headings, credits
 * trailer) and English (AFP style, dated dateline, desk initials), 300–800 words, from a fixed-seed
 * PRNG, so every run on every machine gets the same collection. Words are drawn from a made-up
 * vocabulary with Zipf-like frequencies: a few words occur in nearly every story, most are rare,
 * which is what makes full-text search slow or fast. Invented texts only.
 */

/** mulberry32: small, fast, good enough for test data; fixed seed for reproducible collections. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DE_FUNCTION = 'die der und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei'.split(' ');
const EN_FUNCTION = 'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were their one all we can her has there been if more when will would who so no said its also about after into than over than two'.split(' ');
const DE_SYL = 'bau markt stadt land zins bank kraft werk zug bahn strom netz preis haus rat wahl steuer hafen fähr schiff wind solar gas öl kohle lohn streik arbeit geld kredit schuld handel zoll export import grenz straße brücke schul klinik pflege rente wohn miet boden wasser wald feld ernte milch korn stahl chip daten rechen zentrum netz funk sender presse gericht polizei klage urteil amt bund länder kreis gemeinde'.split(' ');
const DE_PRE = 'ver be ge an auf aus ein über unter vor nach mit zwischen haupt neben groß klein alt neu'.split(' ');
const DE_SUF = 'ung en er heit keit schaft ler ern es e s lich ig isch'.split(' ');
const EN_SYL = 'bank trade power rail grid price house vote tax port ship wind solar gas oil coal wage strike work loan debt tariff border road bridge school clinic care pension rent land water forest farm crop steel chip data court police claim market fund share bond yield rate growth'.split(' ');
const EN_PRE = 're un over under pre post inter trans counter co'.split(' ');
const EN_SUF = 's ed ing er ers ment ments ness ly al ion ions ive'.split(' ');
/** Fixed collocations, inserted now and then: the phrase queries of the benchmark. */
export const DE_PHRASES = ['Europäische Zentralbank', 'Deutsche Bahn', 'neue Rechenzentren', 'Straße von Hormus', 'Südkorea und Japan', 'Bundesamt für Statistik', 'grüner Wasserstoff', 'Lindau und Bregenz'];
export const EN_PHRASES = ['European Central Bank', 'interest rate decision', 'supply chain', 'South Korea and Japan', 'data centre operators', 'Strait of Hormuz', 'green hydrogen', 'trade union leaders'];
const PLACES_DE = ['Berlin', 'Frankfurt', 'Hamburg', 'München', 'Lindau', 'Köln', 'Düsseldorf', 'Leipzig', 'Seoul', 'Brüssel'];
const PLACES_EN = ['LONDON', 'NEW YORK', 'SEOUL', 'BRUSSELS', 'PARIS', 'TOKYO', 'NAIROBI', 'SYDNEY', 'OTTAWA', 'LAGOS'];
const NAMES = ['Anna Beispiel', 'Bernd Muster', 'Carla Feddersen', 'Jana Holmvik', 'Piet Ostergaard', 'Tobias Wendtland', 'Maren Tollefsen', 'Ilka Marstrand'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A vocabulary ranked by frequency: function words first, then generated content words. */
export interface Vocabulary {
  words: string[];
  /** Cumulative Zipf weights for sampling. */
  cdf: Float64Array;
}

function buildVocabulary(rand: () => number, fn: string[], pre: string[], syl: string[], suf: string[], size: number, german: boolean): Vocabulary {
  const seen = new Set<string>(fn);
  const words = [...fn];
  const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)] as T;
  while (words.length < size) {
    let w = (rand() < 0.3 ? pick(pre) : '') + pick(syl) + (rand() < 0.5 ? pick(syl) : '') + (rand() < 0.25 ? pick(syl) : '') + (rand() < 0.6 ? pick(suf) : '');
    if (german) w = w.charAt(0).toUpperCase() + w.slice(1);
    if (w.length < 4 || seen.has(w)) continue;
    seen.add(w);
    words.push(w);
  }
  // Zipf with s = 1.05 and a small offset, close to measured word frequencies in news text.
  const cdf = new Float64Array(words.length);
  let sum = 0;
  for (let r = 0; r < words.length; r++) {
    sum += 1 / Math.pow(r + 2.7, 1.05);
    cdf[r] = sum;
  }
  for (let r = 0; r < words.length; r++) cdf[r] = (cdf[r] as number) / sum;
  return { words, cdf };
}

function sample(v: Vocabulary, rand: () => number): string {
  const x = rand();
  let lo = 0;
  let hi = v.cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((v.cdf[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return v.words[lo] as string;
}

export interface Corpus {
  de: Vocabulary;
  en: Vocabulary;
}

/** The benchmark vocabularies (30,000 words per language), the same on every run. */
export function corpus(): Corpus {
  const rand = prng(20_250_214);
  return {
    de: buildVocabulary(rand, DE_FUNCTION, DE_PRE, DE_SYL, DE_SUF, 30_000, true),
    en: buildVocabulary(rand, EN_FUNCTION, EN_PRE, EN_SYL, EN_SUF, 30_000, false),
  };
}

function sentence(v: Vocabulary, rand: () => number, phrases: string[]): string {
  const n = 8 + Math.floor(rand() * 14);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(sample(v, rand));
  if (rand() < 0.08) words.splice(Math.floor(rand() * words.length), 0, phrases[Math.floor(rand() * phrases.length)] as string);
  if (rand() < 0.15) words.push(String(Math.floor(rand() * 2000)));
  const s = words.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

/** One story: the file text, its language and its word count. */
export function story(c: Corpus, index: number): { text: string; language: 'de' | 'en'; words: number } {
  const rand = prng(1_000_003 * (index + 1));
  const german = rand() < 0.6;
  const v = german ? c.de : c.en;
  const phrases = german ? DE_PHRASES : EN_PHRASES;
  const target = 300 + Math.floor(rand() * 500);
  const year = 2015 + Math.floor(rand() * 11);
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const title = sentence(v, rand, phrases).replace(/\.$/, '').split(' ').slice(0, 8).join(' ');
  const paragraphs: string[] = [];
  let words = 0;
  while (words < target) {
    const sentences: string[] = [];
    const k = 1 + Math.floor(rand() * 4);
    for (let i = 0; i < k; i++) sentences.push(sentence(v, rand, phrases));
    const p = sentences.join(' ');
    words += p.split(' ').length;
    paragraphs.push(p);
    if (paragraphs.length % 5 === 3 && words < target) paragraphs.push(sentence(v, rand, phrases).replace(/\.$/, '').split(' ').slice(0, 5).join(' ').toUpperCase());
  }
  const who = () => NAMES[Math.floor(rand() * NAMES.length)] as string;
  const pad = (x: number) => String(x).padStart(2, '0');
  if (german) {
    const place = PLACES_DE[Math.floor(rand() * PLACES_DE.length)] as string;
    const text = [
      ` date ${year}-${pad(month)}-${pad(day)} Quelle: (c) Copyright Thomson Reuters ${year}.`,
      '',
      title,
      '',
      `${place} (Reuters) - ${paragraphs[0]}`,
      ...paragraphs.slice(1).flatMap((p) => ['', p]),
      '',
      `(Bericht von ${who()}; Redigiert von ${who()})`,
      '',
    ].join('\n');
    return { text, language: 'de', words };
  }
  const place = PLACES_EN[Math.floor(rand() * PLACES_EN.length)] as string;
  const text = [
    title,
    '',
    `${place}, ${MONTHS_EN[month - 1]} ${day}, ${year} (AFP) - ${paragraphs[0]}`,
    ...paragraphs.slice(1).flatMap((p) => ['', p]),
    '',
    'kl/jm/dv',
    '',
  ].join('\n');
  return { text, language: 'en', words };
}

/** Writes `n` stories as files (1,000 per folder) under `dir`; returns the file paths. */
export function writeStories(dir: string, n: number, c: Corpus = corpus()): string[] {
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const folder = path.join(dir, String(Math.floor(i / 1000)).padStart(4, '0'));
    if (i % 1000 === 0) fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `story-${String(i).padStart(7, '0')}.txt`);
    fs.writeFileSync(file, story(c, i).text);
    files.push(file);
  }
  return files;
}
