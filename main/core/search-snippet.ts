import type { SearchNode } from '../../shared/search-query.js';
import { bmpClasses, supplementaryClass } from '../../shared/char-classes.js';
import { implicitPrefixAllowed, queryPrefixFormsOf, queryTermsOf, termOf, wordsOf, type StemLanguage } from './search-text.js';

/** Marks that wrap a hit inside a snippet; renderers turn them into <mark> elements, never HTML strings. */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

/**
 * What a snippet highlights: the index terms of every word the query looks for (not those after
 * NOT). Matching is done on analysed terms, so "Rechenzentren" is marked for "Rechenzentrum" —
 * FTS5's own snippet() could only mark what it indexed, and the index holds stems, not the text.
 */
export interface HitMatcher {
  exact: Set<string>;
  prefixes: string[];
}

/** The matcher for a parsed query; `implicitPrefix` as in compileMatch. */
export function hitMatcher(node: SearchNode | null, implicitPrefix = false): HitMatcher {
  const m: HitMatcher = { exact: new Set(), prefixes: [] };
  const visit = (n: SearchNode): void => {
    switch (n.kind) {
      case 'term':
      case 'phrase': {
        const words = wordsOf(n.kind === 'term' ? n.word : n.text);
        words.forEach((w, i) => {
          const last = i === words.length - 1;
          const prefix = last && (n.prefix || (n.kind === 'term' && implicitPrefix && implicitPrefixAllowed(w)));
          for (const t of queryTermsOf(w)) m.exact.add(t);
          if (prefix) m.prefixes.push(queryPrefixFormsOf(w).prefix);
        });
        return;
      }
      case 'field':
        visit(n.node);
        return;
      case 'or':
        n.items.forEach(visit);
        return;
      case 'and':
        n.items.forEach(visit); // not the NOT part: excluded words are never in a hit
    }
  };
  if (node) visit(node);
  return m;
}

function isHit(m: HitMatcher, term: string): boolean {
  return m.exact.has(term) || m.prefixes.some((p) => term.startsWith(p));
}

/**
 * What a folded term letter may have been in the text: umlauts, ß, accents and other marks fold
 * away (search-text.ts), an English stem may end in i for y ("cry" → "cri").
 */
const LETTER_VARIANTS: Record<string, string> = {
  a: 'aäàáâãåą',
  c: 'cçčć',
  d: 'dđď',
  e: 'eéèêëěę',
  g: 'gğ',
  i: 'iíìîïıyý',
  l: 'lłľ',
  n: 'nñńň',
  o: 'oöóòôõøő',
  r: 'rř',
  s: 'sßšśş',
  t: 'tťţ',
  u: 'uüúùûůű',
  y: 'yýÿ',
  z: 'zžźż',
};

const letterClassCache = new Map<string, string>();

/** A regex class for one term letter in either case and any spelling it folds from. */
function letterClass(c: string): string {
  let cls = letterClassCache.get(c);
  if (cls === undefined) {
    const lower = LETTER_VARIANTS[c] ?? c;
    const all = [...new Set([...lower, ...lower.toUpperCase()])].join('').replace(/[\\\]^-]/g, '\\$&');
    // a, o, u may be spelt ae, oe, ue (folded to a, o, u: search-text.ts)
    cls = `[${all}]${'aou'.includes(c) ? '[eE]?' : ''}`;
    letterClassCache.set(c, cls);
  }
  return cls;
}

/** Letters of a term start as a regex; `ss` may have been one ß. */
function startPattern(start: string): string {
  return start
    .split('ss')
    .map((part) => [...part].map(letterClass).join(''))
    .join('(?:[sS][sS]|[ßẞ])');
}

const candidateCache = new WeakMap<HitMatcher, RegExp | null>();

/**
 * A regex for the places where a hit can begin: the first three letters of a term in any case and
 * spelling (ä/ae, ß, accents), run over the original text. The regex engine does the scanning;
 * only the words it finds are stemmed, instead of every word (measured: that made rare-term
 * searches slower than common ones, and stemming each word of the snippet window cost more than
 * the rest of the snippet). No lower-cased copy of the text is made and there is no look-behind:
 * whether a candidate starts a word is checked by hand. A term changes only at its end when
 * stemmed, so its first letters are those of the word. A match holds letters only, so it never
 * reaches into the next word: scanning on from its end misses no word start. Without the `u` flag
 * unless a letter lies outside the BMP: the classes list every letter themselves, so the flag
 * would only add its cost.
 */
function candidateRegex(m: HitMatcher): RegExp | null {
  if (candidateCache.has(m)) return candidateCache.get(m) ?? null;
  const terms = [...m.exact, ...m.prefixes];
  // Only when it finds every hit: a term with other characters (none, after stemming) or none at all.
  const scannable = terms.length > 0 && terms.every((t) => /^[\p{L}\p{N}]+$/u.test(t));
  const source = [...new Set(terms.map((t) => t.slice(0, 3)))].map(startPattern).join('|');
  const re = scannable ? new RegExp(source, /[\ud800-\udfff]/.test(source) ? 'gu' : 'g') : null;
  candidateCache.set(m, re);
  return re;
}

/**
 * Words are scanned by character class (shared/char-classes.ts), the same as WORD_RE
 * (`[\p{L}\p{N}\p{M}]+`, by code point) without a match object per word.
 */
let classes: Uint8Array | null = null;

/** Code units of the word character at `i` (1, or 2 for a surrogate pair), 0 when there is none. */
function wordCharAt(text: string, i: number): number {
  const table = (classes ??= bmpClasses());
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return table[c] ? 1 : 0;
  return supplementaryClass(text, i) ? 2 : 0;
}

/** Whether offset `i` of `text` is the start of a word (not preceded by a letter, digit or mark). */
function startsWord(text: string, i: number): boolean {
  if (i === 0) return true;
  const before = text.charCodeAt(i - 1);
  if (before >= 0xdc00 && before <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return supplementaryClass(text, i - 2) === 0;
  }
  return !(classes ??= bmpClasses())[before];
}

/** The end of the word that starts at `i`. */
function wordEnd(text: string, i: number): number {
  let e = i;
  for (let n = wordCharAt(text, e); n > 0; n = wordCharAt(text, e)) e += n;
  return e;
}

/** The first word start at or after `i` (a word cut at `i` starts at `i`), or text.length. */
function nextWord(text: string, i: number): number {
  while (i < text.length && wordCharAt(text, i) === 0) i++;
  return i;
}

/**
 * Word starts in order from `from`, each flagged whether it may be a hit: with a candidate regex
 * only words where it matches are stemmed (see candidateRegex), without one every word is.
 */
class HitScanner {
  private next = -1;

  constructor(
    private readonly text: string,
    private readonly language: StemLanguage,
    private readonly m: HitMatcher,
    private readonly re: RegExp | null,
    from: number,
  ) {
    if (re) re.lastIndex = from;
  }

  /** Whether the word [start, end) is a hit; words must be asked in ascending order. */
  isHitAt(start: number, end: number): boolean {
    const re = this.re;
    if (re) {
      while (this.next < start) {
        const c = re.exec(this.text);
        if (!c) {
          this.next = Infinity;
          break;
        }
        this.next = c.index;
      }
      if (this.next !== start) return false;
    }
    return isHit(this.m, termOf(this.text.slice(start, end), this.language));
  }
}

/** Offset of the first word of `text` that is a hit, or -1. */
function firstHit(text: string, language: StemLanguage, m: HitMatcher): number {
  const re = candidateRegex(m);
  if (!re) {
    for (let i = nextWord(text, 0); i < text.length; i = nextWord(text, i)) {
      const end = wordEnd(text, i);
      if (isHit(m, termOf(text.slice(i, end), language))) return i;
      i = end;
    }
    return -1;
  }
  re.lastIndex = 0;
  for (let c = re.exec(text); c; c = re.exec(text)) {
    if (startsWord(text, c.index) && isHit(m, termOf(text.slice(c.index, wordEnd(text, c.index)), language))) return c.index;
  }
  return -1;
}

/** Where a snippet before `hitAt` starts: six words back, in a window of 160 code units (a word cut by the window does not count). */
function lookBack(text: string, hitAt: number): number {
  const base = Math.max(0, hitAt - 160);
  const starts: number[] = [];
  for (let i = nextWord(text, base); i < hitAt; i = nextWord(text, wordEnd(text, i))) starts.push(i);
  const first = base > 0 ? 1 : 0;
  const usable = starts.length - first;
  return usable > 0 ? (starts[first + Math.max(0, usable - 6)] as number) : hitAt;
}

const CLOSING_PUNCTUATION = /[^\s\p{L}\p{N}]*/uy;
const NON_SPACE = /\S/g;

/**
 * A short passage of `text` around the first hit with every hit in it between HIT_START and
 * HIT_END; the start of the text (unmarked) when only the title matched. Whitespace is folded to
 * single spaces; `…` shows where text was cut.
 */
export function makeSnippet(text: string, language: StemLanguage, m: HitMatcher, words = 24): string {
  const hitAt = firstHit(text, language, m);
  // Start six words before the first hit.
  const startChar = hitAt > 0 ? lookBack(text, hitAt) : 0;
  const hits = new HitScanner(text, language, m, candidateRegex(m), startChar);
  let out = '';
  let pos = startChar;
  let count = 0;
  for (let i = nextWord(text, startChar); i < text.length && count < words; i = nextWord(text, pos), count++) {
    const end = wordEnd(text, i);
    out += text.slice(pos, i);
    out += hits.isHitAt(i, end) ? `${HIT_START}${text.slice(i, end)}${HIT_END}` : text.slice(i, end);
    pos = end;
  }
  if (count === 0) return '';
  // Keep closing punctuation right after the last word ("Bregenz." / "Bregenz,").
  CLOSING_PUNCTUATION.lastIndex = pos;
  const tail = CLOSING_PUNCTUATION.exec(text)?.[0] ?? '';
  out += tail;
  const before = startChar > 0 ? '…' : '';
  NON_SPACE.lastIndex = pos + tail.length;
  const after = NON_SPACE.test(text) ? '…' : '';
  return `${before}${out.replace(/\s+/g, ' ').trim()}${after}`;
}
