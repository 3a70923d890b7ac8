import type { SearchNode } from '../../shared/search-query.js';
import { implicitPrefixAllowed, queryPrefixFormsOf, queryTermsOf, termOf, WORD_RE, wordsOf, type StemLanguage } from './search-text.js';

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
 * only the words it finds are stemmed, instead of every word up to the first hit (measured: that
 * made rare-term searches slower than common ones). No lower-cased copy of the text is made and
 * there is no look-behind (both cost more than the rest of the snippet, `npm run bench`): whether
 * a candidate starts a word is checked by hand. A term changes only at its end when stemmed, so
 * its first letters are those of the word.
 */
function candidateRegex(m: HitMatcher): RegExp | null {
  if (candidateCache.has(m)) return candidateCache.get(m) ?? null;
  const starts = new Set<string>();
  for (const t of [...m.exact, ...m.prefixes]) if (/^[\p{L}\p{N}]+$/u.test(t)) starts.add(t.slice(0, 3));
  const re = starts.size > 0 ? new RegExp([...starts].map(startPattern).join('|'), 'gu') : null;
  candidateCache.set(m, re);
  return re;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Whether offset `i` of `text` is the start of a word (not preceded by a letter, digit or mark). */
function startsWord(text: string, i: number): boolean {
  if (i === 0) return true;
  const before = text.codePointAt(i - 1) ?? 0;
  // A low surrogate: read the whole code point before it.
  const cp = before >= 0xdc00 && before <= 0xdfff && i >= 2 ? (text.codePointAt(i - 2) ?? before) : before;
  return !WORD_CHAR.test(String.fromCodePoint(cp));
}

/** Offset of the first word of `text` that is a hit, or -1. */
function firstHit(text: string, language: StemLanguage, m: HitMatcher): number {
  const re = candidateRegex(m);
  if (!re) {
    for (const w of text.matchAll(WORD_RE)) if (isHit(m, termOf(w[0], language))) return w.index;
    return -1;
  }
  const word = new RegExp(WORD_RE.source, 'uy');
  re.lastIndex = 0;
  for (let c = re.exec(text); c; c = re.exec(text)) {
    if (!startsWord(text, c.index)) continue;
    word.lastIndex = c.index;
    const w = word.exec(text);
    if (w && isHit(m, termOf(w[0], language))) return c.index;
  }
  return -1;
}

/**
 * A short passage of `text` around the first hit with every hit in it between HIT_START and
 * HIT_END; the start of the text (unmarked) when only the title matched. Whitespace is folded to
 * single spaces; `…` shows where text was cut.
 */
export function makeSnippet(text: string, language: StemLanguage, m: HitMatcher, words = 24): string {
  const hitAt = firstHit(text, language, m);
  // Start six words before the first hit (a word cut by the look-back window does not count).
  let startChar = 0;
  if (hitAt > 0) {
    const base = Math.max(0, hitAt - 160);
    const before = [...text.slice(base, hitAt).matchAll(WORD_RE)];
    const usable = base > 0 ? before.slice(1) : before;
    const from = usable[Math.max(0, usable.length - 6)];
    startChar = from ? base + from.index : hitAt;
  }
  let out = '';
  let pos = startChar;
  let count = 0;
  let lastEnd = startChar;
  const re = new RegExp(WORD_RE.source, 'gu');
  re.lastIndex = startChar;
  for (let w = re.exec(text); w && count < words; w = re.exec(text), count++) {
    out += text.slice(pos, w.index);
    out += isHit(m, termOf(w[0], language)) ? `${HIT_START}${w[0]}${HIT_END}` : w[0];
    pos = w.index + w[0].length;
    lastEnd = pos;
  }
  if (count === 0) return '';
  // Keep closing punctuation right after the last word ("Bregenz." / "Bregenz,").
  const tail = /^[^\s\p{L}\p{N}]*/u.exec(text.slice(lastEnd))?.[0] ?? '';
  out += tail;
  const before = startChar > 0 ? '…' : '';
  const more = /\S/g;
  more.lastIndex = lastEnd + tail.length;
  const after = more.test(text) ? '…' : '';
  return `${before}${out.replace(/\s+/g, ' ').trim()}${after}`;
}
