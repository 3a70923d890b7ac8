/**
 * Text primitives of the proposal rules: tokens, quotation spans and sentences of one block. All
 * single left-to-right scans (linear in the text), because article text can be large and hostile.
 */
import type { Span } from './types.js';

/** A word, number or punctuation mark with its offsets in the canonical text. */
export interface Token extends Span {
  text: string;
  type: 'word' | 'number' | 'punct';
  /** Lower case, computed once: the rules compare lower-case words many times. */
  low: string;
  /** Starts with an upper-case letter. */
  cap: boolean;
}

// A word: letters (with marks), optionally joined by hyphens or apostrophes ("Softbank-Chef",
// "Son's", "KI-Funktionen", "US-Dollar"); digits may follow the first letter ("K2"). No nested
// quantifier can match the same characters two ways, so the scan stays linear. Groups tell the
// type apart without a second test per token.
const TOKEN_RE = /([\p{L}][\p{L}\p{M}\p{N}]*(?:[-‐'’][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*-?)|(\p{N}+(?:[.,]\p{N}+)*)|[^\s\p{L}\p{N}]/gu;
const UPPER_RE = /^\p{Lu}/u;

/** Tokens of text[start, end), offsets absolute. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = start;
  for (let m = TOKEN_RE.exec(text); m !== null && m.index < end; m = TOKEN_RE.exec(text)) {
    const t = m.index + m[0].length > end ? m[0].slice(0, end - m.index) : m[0];
    const word = m[1] !== undefined;
    out.push({ text: t, start: m.index, end: m.index + t.length, type: word ? 'word' : m[2] !== undefined ? 'number' : 'punct', low: word ? t.toLowerCase() : t, cap: word && UPPER_RE.test(t) });
  }
  return out;
}

/** A pair of quotation marks: the whole span including marks, and the quoted words inside. */
export interface QuoteSpan {
  open: number;
  close: number;
  /** The inner text's span (trimmed). */
  inner: Span;
  marks: string;
}

/** Longest quotation the scanner pairs; an opening mark left open longer is taken as stray. */
export const MAX_QUOTE_LENGTH = 3000;

/** Closing marks for each opening mark. „ closes with “ (German) or ” (some outlets). */
const CLOSERS: Record<string, string> = {
  '„': '“”',
  '“': '”',
  '»': '«',
  '«': '»',
  '"': '"',
};

/**
 * Quotation spans of text[start, end): „…“, „…”, “…”, »…«, «…» and straight "…", paired left to
 * right. A new opening mark while one is open restarts (the earlier one was stray); a quote longer
 * than {@link MAX_QUOTE_LENGTH} is dropped. Straight quotes toggle.
 */
export function findQuotes(text: string, start = 0, end = text.length): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let openAt = -1;
  let openMark = '';
  for (let i = start; i < end; i++) {
    const c = text.charAt(i);
    if (openAt >= 0 && i - openAt > MAX_QUOTE_LENGTH) {
      openAt = -1;
      openMark = '';
    }
    if (openAt >= 0 && (CLOSERS[openMark] ?? '').includes(c)) {
      let s = openAt + 1;
      let e = i;
      while (s < e && /\s/u.test(text.charAt(s))) s++;
      while (e > s && /\s/u.test(text.charAt(e - 1))) e--;
      if (e > s) out.push({ open: openAt, close: i + 1, inner: { start: s, end: e }, marks: openMark + c });
      openAt = -1;
      openMark = '';
      continue;
    }
    if (c in CLOSERS) {
      // A straight quote right after a letter closes nothing here and opens nothing useful
      // (inch marks, typos): only open when it stands before a word.
      if (c === '"' && i + 1 < end && /\s/u.test(text.charAt(i + 1))) continue;
      openAt = i;
      openMark = c;
    }
  }
  return out;
}

// Abbreviations after which a full stop does not end a sentence (compared lower-case, without the dot).
const ABBREVIATIONS = new Set([
  'dr', 'prof', 'nr', 'bzw', 'ca', 'etc', 'vgl', 'ggf', 'inkl', 'zzgl', 'mio', 'mrd', 'bzw', 'st', 'str', 'abs', 'art',
  'mr', 'mrs', 'ms', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'no', 'vs', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'sgt',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'okt', 'nov', 'dec', 'dez', 'u', 'z', 'b', 'd', 'h', 'a', 's',
]);

const MONTHS = new Set([
  'januar', 'jänner', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember',
]);

/**
 * Sentences of text[start, end): a full stop, "!" or "?" (with closing marks after it) followed by
 * white space and an upper-case letter, digit or opening mark ends a sentence, unless the word
 * before is an abbreviation or a single letter ("Scot W. Stevenson"), or a number before a month or
 * a lower-case word (the German ordinal "25. Februar"). Never splits inside a quotation.
 */
export function splitSentences(text: string, start: number, end: number, quotes: readonly QuoteSpan[]): Span[] {
  const out: Span[] = [];
  let sentenceStart = start;
  let q = 0;
  for (let i = start; i < end; i++) {
    while (q < quotes.length && (quotes[q] as QuoteSpan).close <= i) q++;
    const quote = quotes[q];
    if (quote && quote.open < i && i < quote.close - 1) {
      i = quote.close - 2;
      continue;
    }
    let p = i;
    // "…gut." Dann: the full stop inside the quotation ends the sentence at the closing mark.
    if (quote && i === quote.close - 1 && /[.!?]/u.test(text.charAt(i - 1))) p = i - 1;
    const c = text.charAt(p);
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let j = i + 1;
    while (j < end && /["“”«»)’'\]]/u.test(text.charAt(j))) j++;
    if (j >= end || !/\s/u.test(text.charAt(j))) continue;
    let k = j;
    while (k < end && /\s/u.test(text.charAt(k))) k++;
    if (k >= end) continue;
    const next = text.charAt(k);
    if (!/[\p{Lu}\p{N}„“"»«(]/u.test(next)) continue;
    if (c === '.') {
      let w = p;
      while (w > sentenceStart && /[\p{L}\p{N}]/u.test(text.charAt(w - 1))) w--;
      const before = text.slice(w, p);
      if (before.length > 0 && /^\p{L}+$/u.test(before) && (before.length === 1 || ABBREVIATIONS.has(before.toLowerCase()))) continue;
      if (/^\p{N}{1,2}$/u.test(before)) {
        let e = k;
        while (e < end && /\p{L}/u.test(text.charAt(e))) e++;
        if (MONTHS.has(text.slice(k, e).toLowerCase())) continue;
      }
    }
    out.push({ start: sentenceStart, end: j });
    sentenceStart = k;
    i = k - 1;
  }
  if (sentenceStart < end) out.push({ start: sentenceStart, end });
  return out.filter((s) => /[\p{L}\p{N}]/u.test(text.slice(s.start, s.end)));
}

/** 32-bit FNV-1a of a string as 8 hex digits: a short, stable, dependency-free text hash for keys. */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
