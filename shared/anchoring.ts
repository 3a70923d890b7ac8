/**
 * Anchoring: where an annotation's passage is in a canonical text, and where it went after the text
 * changed (a corrected agency version). Pure string code, no Node and no DOM, so the reading view,
 * the store, the CLI and the tests all use the same matcher.
 *
 * The approach follows Hypothesis (`src/annotator/anchoring/match-quote.ts`): an annotation keeps a
 * TextQuoteSelector (the exact passage plus up to 32 characters of context on each side) and a
 * TextPositionSelector (offsets). Re-anchoring tries, in order:
 *   1. the old position, confirmed by the quote (cheap: unchanged texts cost one slice per annotation);
 *   2. exact occurrences of the quote, several told apart by prefix, suffix and nearness to the old position;
 *   3. approximate occurrences (approx-string-match, Myers' bit-parallel algorithm), scored by quote
 *      similarity, prefix, suffix and nearness, accepted above {@link ACCEPT_SCORE};
 * otherwise the annotation is an orphan: shown with its original quote, never dropped.
 */
import search from 'approx-string-match';

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

/** W3C TextQuoteSelector without its `type`: the passage and its surroundings. */
export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C TextPositionSelector without its `type`: [start, end) offsets into the canonical text. */
export interface TextPositionSelector {
  start: number;
  end: number;
}

/** Both selectors of one annotation, describing the same passage of one text. */
export interface Selectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** How a passage was found: at its old position, by exact search or by approximate search. */
export type AnchorMethod = 'position' | 'exact' | 'fuzzy';

/** Where a passage is in a text, and how sure the matcher is (score 0..1, 1 = identical with identical context). */
export interface Anchor {
  start: number;
  end: number;
  method: AnchorMethod;
  score: number;
}

/** Limits the context to a range of the text (the store uses it to keep non-public blocks out of selectors). */
export interface DescribeOptions {
  /** Context never reaches before this offset (default 0). */
  min?: number;
  /** Context never reaches past this offset (default: end of text). */
  max?: number;
}

/** Selectors for the passage [start, end) of `text`. */
export function describe(text: string, start: number, end: number, opts: DescribeOptions = {}): Selectors {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`invalid range [${start}, ${end}) for a text of ${text.length} characters`);
  }
  const min = Math.max(0, Math.min(opts.min ?? 0, start));
  const max = Math.min(text.length, Math.max(opts.max ?? text.length, end));
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(min, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, Math.min(max, end + CONTEXT_LENGTH)),
    },
    position: { start, end },
  };
}

/**
 * Minimum score for a match that is not at its old position.
 *
 * The score weighs quote similarity 50, prefix 20, suffix 20 and nearness 10 (see {@link scoreMatch}).
 * Trade-off: a lower threshold re-anchors more annotations after heavy edits but risks placing a
 * short quote on an unrelated occurrence ("Prozent" elsewhere in the text); a higher one orphans
 * more. 0.75 accepts an intact quote with one side of its context rewritten (≈ 0.85), a quote with a
 * typo fixed and its context intact (≈ 0.98) or a figure changed in place ("9,4" → "9,8", ≈ 0.95),
 * and rejects a short quote found again with foreign context on both sides (≈ 0.65).
 */
export const ACCEPT_SCORE = 0.75;

/**
 * An exact quote at least this long that occurs exactly once is accepted even when both sides of
 * its context were rewritten: a sentence-long string does not reappear by chance, a word may.
 */
export const DISTINCTIVE_QUOTE_LENGTH = 20;

/** Approximate search allows this share of the quote's length as errors (insertions, deletions, substitutions). */
export const MAX_ERROR_RATIO = 0.25;

/**
 * Upper bound for the allowed errors. Myers' algorithm costs O(maxErrors / 32 · n) per search, so a
 * cap keeps a paragraph-long quote from scanning the text with hundreds of errors; a passage
 * rewritten beyond this is better shown as an orphan than matched somewhere doubtful.
 */
export const MAX_ERRORS_CAP = 64;

/** Quotes shorter than this are only found exactly: a few characters with an error match almost anywhere. */
export const MIN_FUZZY_LENGTH = 4;

/** Approximate search looks near the expected place first; this much text on each side beyond the quote. */
const NEAR_WINDOW = 2048;

/** How many equal-cost approximate candidates are scored at most (the nearest to the hint first). */
const MAX_CANDIDATES = 64;

const WEIGHT = { quote: 50, prefix: 20, suffix: 20, near: 10 } as const;
const WEIGHT_SUM = WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.near;

/** Options of {@link anchor}. */
export interface AnchorOptions {
  /**
   * Where the passage is expected (default: the position selector's start). When several annotations
   * are re-anchored, the shift of the previous one is a better guess: see {@link anchorAll}.
   */
  hint?: number;
}

/**
 * Finds a passage in `text` from its selectors, or returns null when it cannot be placed (an
 * orphan). Never throws for any input.
 */
export function anchor(text: string, selectors: Selectors, opts: AnchorOptions = {}): Anchor | null {
  const { quote, position } = selectors;
  const exact = quote.exact;
  if (exact.length === 0) return null;
  // 1. Old position, confirmed by the quote.
  if (position.start >= 0 && position.end <= text.length && position.end - position.start === exact.length && text.startsWith(exact, position.start)) {
    return { start: position.start, end: position.end, method: 'position', score: 1 };
  }
  const hint = clamp(opts.hint ?? position.start, 0, text.length);

  // 2. Exact occurrences.
  const hits = exactOccurrences(text, exact);
  if (hits.length > 0) {
    let best: Anchor | null = null;
    for (const start of hits) {
      const score = scoreMatch(text, quote, start, start + exact.length, 0, hint);
      if (!best || score > best.score) best = { start, end: start + exact.length, method: 'exact', score };
    }
    if (best && (best.score >= ACCEPT_SCORE || (hits.length === 1 && exact.length >= DISTINCTIVE_QUOTE_LENGTH))) return best;
  }

  // 3. Approximate occurrences: near the expected place first, then the whole text.
  if (exact.length < MIN_FUZZY_LENGTH) return null;
  const maxErrors = Math.min(MAX_ERRORS_CAP, Math.ceil(exact.length * MAX_ERROR_RATIO));
  const from = Math.max(0, hint - exact.length - NEAR_WINDOW);
  const to = Math.min(text.length, hint + 2 * exact.length + NEAR_WINDOW);
  const near = bestFuzzy(text, quote, from, to, maxErrors, hint);
  if (near && near.score >= ACCEPT_SCORE) return near;
  if (from === 0 && to === text.length) return null;
  const far = bestFuzzy(text, quote, 0, text.length, maxErrors, hint);
  return far && far.score >= ACCEPT_SCORE ? far : null;
}

/**
 * Re-anchors many annotations on one text. Annotations are visited in their old order and each
 * one's hint is its old start moved by the shift of the previous one found, so after an insertion
 * near the top every later passage is looked for where it most likely went.
 */
export function anchorAll(text: string, list: readonly Selectors[]): (Anchor | null)[] {
  const order = list.map((_, i) => i).sort((a, b) => list[a]!.position.start - list[b]!.position.start);
  const out: (Anchor | null)[] = new Array<Anchor | null>(list.length).fill(null);
  let shift = 0;
  for (const i of order) {
    const s = list[i]!;
    const found = anchor(text, s, { hint: s.position.start + shift });
    out[i] = found;
    if (found) shift = found.start - s.position.start;
  }
  return out;
}

/** One place a quote occurs, for callers that must tell places apart (the CLI's `annotate --quote`). */
export interface QuoteOccurrence {
  start: number;
  end: number;
}

/**
 * Every place `exact` occurs in `text` with the given context right before (`prefix`) and after
 * (`suffix`). Whitespace is matched loosely (a space in the quote matches a line break in the
 * text), so a quote typed on one line finds a passage that wraps. No approximate matching: a user
 * naming a quote means that quote.
 */
export function findQuote(text: string, exact: string, context: { prefix?: string; suffix?: string } = {}): QuoteOccurrence[] {
  const core = exact.trim();
  if (!core) return [];
  const pattern = new RegExp(looseWhitespace(core), 'gu');
  // The context may or may not include the space between it and the quote.
  const prefix = context.prefix?.trim() ? new RegExp(`${looseWhitespace(context.prefix.trim())}\\s*$`, 'u') : null;
  const suffix = context.suffix?.trim() ? new RegExp(`^\\s*${looseWhitespace(context.suffix.trim())}`, 'u') : null;
  const out: QuoteOccurrence[] = [];
  for (const m of text.matchAll(pattern)) {
    const start = m.index;
    const end = start + m[0].length;
    if (prefix && !prefix.test(text.slice(Math.max(0, start - context.prefix!.length * 2 - 8), start))) continue;
    if (suffix && !suffix.test(text.slice(end, end + context.suffix!.length * 2 + 8))) continue;
    out.push({ start, end });
  }
  return out;
}

/** A regex source matching `s` literally, with each whitespace run matching any whitespace run. */
function looseWhitespace(s: string): string {
  return s
    .split(/\s+/u)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
}

/** Start offsets of every (possibly overlapping) exact occurrence. */
function exactOccurrences(text: string, exact: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) out.push(i);
  return out;
}

function bestFuzzy(text: string, quote: TextQuoteSelector, from: number, to: number, maxErrors: number, hint: number): Anchor | null {
  const region = text.slice(from, to);
  const matches = search(region, quote.exact, maxErrors);
  if (matches.length === 0) return null;
  // approx-string-match returns every lowest-cost end position, and for each one start: neighbours
  // overlap with equal cost. Score the nearest few; the score decides among them.
  const candidates =
    matches.length > MAX_CANDIDATES
      ? [...matches].sort((a, b) => Math.abs(a.start + from - hint) - Math.abs(b.start + from - hint)).slice(0, MAX_CANDIDATES)
      : matches;
  let best: Anchor | null = null;
  let bestLengthGap = Infinity;
  for (const m of candidates) {
    const start = m.start + from;
    const end = m.end + from;
    if (end <= start) continue;
    const score = scoreMatch(text, quote, start, end, m.errors, hint);
    const lengthGap = Math.abs(end - start - quote.exact.length);
    if (!best || score > best.score || (score === best.score && lengthGap < bestLengthGap)) {
      best = { start, end, method: 'fuzzy', score };
      bestLengthGap = lengthGap;
    }
  }
  return best;
}

/**
 * Score 0..1 of a candidate [start, end): quote similarity (1 − errors / length), similarity of the
 * text before and after it with the stored prefix and suffix (edit distance), and nearness to the
 * expected place (1 at the hint, 0 a whole text-length away).
 */
export function scoreMatch(text: string, quote: TextQuoteSelector, start: number, end: number, errors: number, hint: number): number {
  const quoteScore = Math.max(0, 1 - errors / Math.max(1, quote.exact.length));
  const prefixScore = contextScore(quote.prefix, text.slice(Math.max(0, start - quote.prefix.length), start));
  const suffixScore = contextScore(quote.suffix, text.slice(end, end + quote.suffix.length));
  const nearScore = text.length === 0 ? 1 : Math.max(0, 1 - Math.abs(start - hint) / text.length);
  return (WEIGHT.quote * quoteScore + WEIGHT.prefix * prefixScore + WEIGHT.suffix * suffixScore + WEIGHT.near * nearScore) / WEIGHT_SUM;
}

/** Similarity of stored context and the text found there: 1 − edit distance / length; empty context matches. */
function contextScore(expected: string, actual: string): number {
  if (expected.length === 0) return 1;
  if (expected === actual) return 1;
  return Math.max(0, 1 - levenshtein(expected, actual) / expected.length);
}

/** Edit distance of two short strings (context is at most 32 characters: 1,024 cells). */
export function levenshtein(a: string, b: string): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Array<number>(b.length + 1);
  let curr = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      curr[j] = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[b.length]!;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}
