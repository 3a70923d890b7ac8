import type { SearchNode } from '../../shared/search-query.js';
import { queryPrefixFormsOf, queryTermsOf, termOf, WORD_RE, wordsOf, type StemLanguage } from './search-text.js';

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
          const prefix = (n.prefix || (n.kind === 'term' && implicitPrefix)) && i === words.length - 1;
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

// Lower case with the German letters mapped one to one, so offsets stay those of the original
// text; used only to find where a hit may start.
const ONE_TO_ONE: Record<string, string> = { ä: 'a', ö: 'o', ü: 'u', ß: 's', à: 'a', á: 'a', â: 'a', é: 'e', è: 'e', ê: 'e', ç: 'c', ñ: 'n', ó: 'o', ô: 'o', í: 'i', ú: 'u' };

function quickFold(text: string): string | null {
  const lower = text.toLowerCase().replace(/[äöüßàáâéèêçñóôíú]/g, (c) => ONE_TO_ONE[c] ?? c);
  return lower.length === text.length ? lower : null; // a rare letter changed length: scan everything
}

const candidateCache = new WeakMap<HitMatcher, RegExp | null>();

/**
 * A regex for the places where a hit can begin: a word starting with the first two letters of a
 * term (or the ae/oe/ue spelling of its first vowel). Scanning with it is done by the regex engine;
 * only the words it finds are stemmed, instead of every word up to the first hit (measured: that
 * made rare-term searches slower than common ones, whose first hit comes early).
 */
function candidateRegex(m: HitMatcher): RegExp | null {
  if (candidateCache.has(m)) return candidateCache.get(m) ?? null;
  const starts = new Set<string>();
  for (const t of [...m.exact, ...m.prefixes]) {
    if (!t) continue;
    starts.add(t.slice(0, 2));
    if ('aou'.includes(t[0] as string)) starts.add(`${t[0]}e`);
  }
  const alts = [...starts].filter((x) => /^[\p{L}\p{N}]+$/u.test(x));
  const re = alts.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${alts.join('|')})`, 'gu') : null;
  candidateCache.set(m, re);
  return re;
}

/** Offset of the first word of `text` that is a hit, or -1. */
function firstHit(text: string, language: StemLanguage, m: HitMatcher): number {
  const lowered = quickFold(text);
  const re = lowered ? candidateRegex(m) : null;
  const word = new RegExp(WORD_RE.source, 'uy');
  if (!lowered || !re) {
    for (const w of text.matchAll(WORD_RE)) if (isHit(m, termOf(w[0], language))) return w.index;
    return -1;
  }
  re.lastIndex = 0;
  for (let c = re.exec(lowered); c; c = re.exec(lowered)) {
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
  const after = lastEnd + tail.length < text.trimEnd().length ? '…' : '';
  return `${before}${out.replace(/\s+/g, ' ').trim()}${after}`;
}
