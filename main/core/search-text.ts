import { EnglishStemmer, type JsxStemmer } from 'snowball-stemmer.jsx/dest/english-stemmer.common.js';
import { GermanStemmer } from 'snowball-stemmer.jsx/dest/german-stemmer.common.js';
import { TermTable } from './term-table.js';

/**
 * Text analysis for search: the same function turns article text into the indexed terms and the
 * words of a query into the terms looked up, so both sides always agree.
 *
 * A word becomes one term: lower-cased, stemmed by the article's language (Snowball German or
 * English; other languages only folded), then folded German-style: diacritics removed, ß → ss,
 * ae/oe/ue → a/o/u. Stemming runs *before* the digraph folding because the German stemmer needs the
 * real word ("Bauern" → "bau"; folded first it would see "baurn" and stem nothing). A query word
 * does not know the article's language, so it becomes every distinct form (German, English, plain)
 * and the index is asked for any of them.
 *
 * better-sqlite3 cannot register a JavaScript FTS5 tokenizer, hence terms are computed here and
 * stored space-separated in the index columns (tokenized there by `unicode61` as they are).
 */

/** Stemming languages; every other language is only folded. */
export type StemLanguage = 'de' | 'en' | null;

// Snowball German and English as JavaScript generated from the Snowball sources
// (snowball-stemmer.jsx): 3–20 × faster than the port from Java used before (snowball-stemmers),
// with the same stems, so collections indexed before stay valid (tests/unit/search/stemmer.test.ts
// compares both). The package's `stemWord` keeps every word it has stemmed in a cache without
// bound; the memo below already remembers words (bounded), so its stem routine is run directly.
const germanStemmer = new GermanStemmer();
const englishStemmer = new EnglishStemmer();
function snowballStem(stemmer: JsxStemmer, word: string): string {
  // What the package's stemWord does, without its cache (memo below): 2.8 → 1.1 µs per new word.
  stemmer.current = word;
  stemmer.cursor = 0;
  stemmer.limit = word.length;
  stemmer.limit_backward = 0;
  stemmer.bra = 0;
  stemmer.ket = word.length;
  stemmer.stem$();
  return stemmer.current;
}

/** A word as `unicode61` would split it: letters, digits and combining marks. */
export const WORD_RE = /[\p{L}\p{N}\p{M}]+/gu;

// The Snowball stemmers take ~20 µs per word; wire copy repeats words (Zipf), so a bounded memo
// per language turns a 600-word article from ~12 ms into well under 1 ms. Cleared when full rather
// than LRU: simpler, and after a clear the frequent words come back within a few articles. One
// memo for indexed texts, query words and snippets (main/core/term-table.ts: no string per word).
// 180,000 words keep a language's table at 2^18 slots of 64 bytes (16 MB; 0.7 load at most).
const MEMO_LIMIT = 180_000;
const memo = {
  de: new TermTable<StemLanguage>(computeTerm, MEMO_LIMIT, 'de'),
  en: new TermTable<StemLanguage>(computeTerm, MEMO_LIMIT, 'en'),
  none: new TermTable<StemLanguage>(computeTerm, MEMO_LIMIT, null),
};
const memoOf = (lang: StemLanguage): TermTable<StemLanguage> => (lang === 'de' ? memo.de : lang === 'en' ? memo.en : memo.none);

/** Removes diacritics except the German umlauts (ä, ö, ü), which the German stemmer handles itself. */
function stripForeignMarks(word: string): string {
  if (/^[a-z0-9äöüß]*$/.test(word)) return word; // the common case: nothing to do
  return word
    .normalize('NFD')
    .replace(/([aou])\u0308/g, (_, v: string) => ({ a: 'ä', o: 'ö', u: 'ü' })[v] ?? v)
    .replace(/\p{M}+/gu, '')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd')
    .replace(/ı/g, 'i')
    .normalize('NFC');
}

/**
 * The German folding applied to every term: umlauts and ß (ä → a, ö → o, ü → u, ß → ss), then the
 * ae/oe/ue spellings of umlauts (→ a, o, u; "Quelle", "Quote" keep their u-e). The same as those
 * seven global replacements in that order (tests/unit/search/fold-german.test.ts), in one pass: it
 * runs for every word an import has not seen before. After the umlauts are replaced, an "e" goes
 * when the character before it is "a" or "o", or "u" not after "q"; removing an "e" never brings
 * two other letters together that a later replacement would take.
 */
export function foldGerman(word: string): string {
  let out = '';
  // Start of the part of `word` not yet copied to `out`.
  let from = 0;
  // The two characters before position i after the umlauts are replaced (0: none).
  let prev = 0;
  let prev2 = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    let mapped = c;
    if (c === 0xe4) mapped = 0x61;
    else if (c === 0xf6) mapped = 0x6f;
    else if (c === 0xfc) mapped = 0x75;
    if (mapped !== c || c === 0xdf) {
      out += word.slice(from, i) + (c === 0xdf ? 'ss' : String.fromCharCode(mapped));
      from = i + 1;
    } else if (c === 0x65 && (prev === 0x61 || prev === 0x6f || (prev === 0x75 && prev2 !== 0x71))) {
      out += word.slice(from, i);
      from = i + 1;
    }
    prev2 = c === 0xdf ? 0x73 : prev;
    prev = c === 0xdf ? 0x73 : mapped;
  }
  return from === 0 ? word : out + word.slice(from);
}

/** Latin-derived German plurals the Snowball stemmer leaves apart (Zentrum/Zentren, Museum/Museen). */
function germanStem(word: string): string {
  let stem = snowballStem(germanStemmer, word);
  if (stem.endsWith('um') && stem.length >= 6) stem = stem.slice(0, -2);
  return stem;
}

/** The term of a word, computed (no memo). */
function computeTerm(word: string, lang: StemLanguage): string {
  const lower = stripForeignMarks(word.toLowerCase().replace(/ẞ/g, 'ß'));
  if (lang === 'de') return foldGerman(germanStem(lower));
  if (lang === 'en') return foldGerman(snowballStem(englishStemmer, foldGerman(lower)));
  return foldGerman(lower);
}

// Single words (query words, and every word a snippet shows: ~1,500 per search) are looked up by
// the word as a string: a JavaScript Map is quicker for that than the table, which makes a new
// string of the term on every call. Bounded like the table; entries only for words looked up singly.
const WORD_MEMO_LIMIT = 50_000;
const wordMemo = { de: new Map<string, string>(), en: new Map<string, string>(), none: new Map<string, string>() };

/**
 * From now on, the term of every word the memo computes (a word it has not seen, or one too long to
 * keep) goes to `sink` (null: stop). With the memo empty when this starts, every term of every text
 * analysed since then has gone to `sink` at least once: a parse worker reports them with its
 * results (parse-worker.ts), and the term list records those instead of every term of every
 * article (search-index.ts, `recordTerms`).
 */
export function collectNewTerms(sink: string[] | null): void {
  memo.de.newTerms = sink;
  memo.en.newTerms = sink;
  memo.none.newTerms = sink;
}

/** Forgets every word of the memos (a parse worker whose reports start over: see collectNewTerms). */
export function clearTermMemos(): void {
  for (const table of [memo.de, memo.en, memo.none]) table.clear();
  for (const words of [wordMemo.de, wordMemo.en, wordMemo.none]) words.clear();
}

/** The index term of one word (any case) in a text of language `lang`. */
export function termOf(word: string, lang: StemLanguage): string {
  const words = lang === 'de' ? wordMemo.de : lang === 'en' ? wordMemo.en : wordMemo.none;
  let term = words.get(word);
  if (term === undefined) {
    term = memoOf(lang).termOf(word);
    if (words.size >= WORD_MEMO_LIMIT) words.clear();
    words.set(word, term);
  }
  return term;
}

/** The stemming language for an article's `language` code. */
export function stemLanguageOf(language: string | null | undefined): StemLanguage {
  if (language === 'de' || language === 'en') return language;
  return null;
}

/** A text as the space-separated index terms of its words. */
export function indexTerms(text: string, lang: StemLanguage): string {
  return memoOf(lang).termsOf(text);
}

/** The words of a piece of query text (a word with a hyphen or apostrophe gives several). */
export function wordsOf(text: string): string[] {
  return text.match(WORD_RE) ?? [];
}

/** Every distinct term a query word may have in the index: German, English and plain. */
export function queryTermsOf(word: string): string[] {
  return [...new Set([termOf(word, 'de'), termOf(word, 'en'), termOf(word, null)])];
}

/**
 * The forms of a query word typed as `Wort*`: its plain folding as a prefix, plus its stems as whole
 * terms, because the stored term can be shorter than what was typed ("Kakaobohnen*" must find
 * "Kakaobohnen", stored as "kakaobohn"). Stems are not used as prefixes: "bodense*" would also find
 * "Bodenschatz".
 */
export function queryPrefixFormsOf(word: string): { prefix: string; exact: string[] } {
  const prefix = termOf(word, null);
  const exact = [...new Set([termOf(word, 'de'), termOf(word, 'en')])].filter((t) => t.length > 0 && !t.startsWith(prefix));
  return { prefix, exact };
}

/** The type-ahead filter treats a bare word as a prefix only from this many letters on. */
export const IMPLICIT_PREFIX_MIN = 3;

/**
 * Whether a word typed without `*` may match as a prefix in the type-ahead filter: not for one or
 * two letters ("K", "Ka"), which would match a large part of the vocabulary on every keystroke.
 */
export function implicitPrefixAllowed(word: string): boolean {
  return queryPrefixFormsOf(word).prefix.length >= IMPLICIT_PREFIX_MIN;
}
