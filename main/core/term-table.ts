import { bmpClasses, supplementaryClass } from '../../shared/char-classes.js';

/**
 * The word → term memo of search-text.ts: for whole texts (`indexTerms`) and single words (`termOf`).
 *
 * Indexing an article looks up every one of its ~600 words. With a JavaScript `Map` keyed by the
 * word, each lookup cuts the word out of the text as a new string, hashes it, and follows several
 * pointers through a table of 100,000+ entries, each a likely cache miss: about 0.5 µs per word,
 * most of an article's parse time. Here the text is scanned once by character code with the hash
 * computed during the scan; tables are open addressing in typed arrays, and a word is compared
 * code unit by code unit against a pool, so a known word costs no allocation. Words seen a few
 * times move to a small table that stays in the processor's cache: in news text a few thousand
 * words make up three quarters of all words.
 *
 * Words are what `WORD_RE` matches (letters, digits, combining marks, by code point), so the terms
 * come out exactly as splitting on its complement would give them (tests/unit/search/term-table.test.ts).
 */

/**
 * A code unit with ASCII capitals made small: "Bank", "bank" and "BANK" are one entry (their terms
 * are the same, the term is made from the lower-cased word), which in news text with headlines in
 * capitals and sentence-initial capitals means a third of the entries and of the stemming.
 */
function foldAscii(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
}

/** Open addressing over typed arrays: word (code units, ASCII case folded) → value. */
class WordTable {
  /** Per slot: [hash, entry + 1]; entry 0 marks an empty slot. */
  private slots: Int32Array;
  /** Per entry: [pool start, length, lookups]. */
  private entries: Int32Array;
  private values: string[] = [];
  private pool: Uint16Array;
  private poolUsed = 0;

  constructor(private readonly initialEntries: number) {
    this.slots = new Int32Array(initialEntries * 4);
    this.entries = new Int32Array(initialEntries * 3);
    this.pool = new Uint16Array(initialEntries * 8);
  }

  get size(): number {
    return this.values.length;
  }

  /** The entry of the word `text[start, start + len)` with hash `h`, or -1. */
  find(text: string, start: number, len: number, h: number): number {
    const slots = this.slots;
    const mask = (slots.length >>> 1) - 1;
    for (let s = (h ^ (h >>> 15)) & mask; ; s = (s + 1) & mask) {
      const e = slots[2 * s + 1] as number;
      if (e === 0) return -1;
      if (slots[2 * s] !== h) continue;
      const k = e - 1;
      if (this.entries[3 * k + 1] !== len) continue;
      const off = this.entries[3 * k] as number;
      let j = 0;
      while (j < len && this.pool[off + j] === foldAscii(text.charCodeAt(start + j))) j++;
      if (j === len) return k;
    }
  }

  value(k: number): string {
    return this.values[k] as string;
  }

  /** Counts a lookup of entry `k`; returns the new count. */
  touch(k: number): number {
    return ++(this.entries[3 * k + 2] as number);
  }

  add(text: string, start: number, len: number, h: number, value: string): void {
    const k = this.values.length;
    if (3 * (k + 1) > this.entries.length) {
      const bigger = new Int32Array(this.entries.length * 2);
      bigger.set(this.entries);
      this.entries = bigger;
    }
    if (4 * (k + 1) > this.slots.length) this.rehash(this.slots.length * 2);
    if (this.poolUsed + len > this.pool.length) {
      const bigger = new Uint16Array(Math.max(this.pool.length * 2, this.poolUsed + len));
      bigger.set(this.pool);
      this.pool = bigger;
    }
    for (let j = 0; j < len; j++) this.pool[this.poolUsed + j] = foldAscii(text.charCodeAt(start + j));
    this.entries[3 * k] = this.poolUsed;
    this.entries[3 * k + 1] = len;
    this.entries[3 * k + 2] = 0;
    this.poolUsed += len;
    this.values.push(value);
    this.place(h, k);
  }

  clear(): void {
    this.slots = new Int32Array(this.initialEntries * 4);
    this.entries = new Int32Array(this.initialEntries * 3);
    this.pool = new Uint16Array(this.initialEntries * 8);
    this.poolUsed = 0;
    this.values = [];
  }

  private place(h: number, k: number): void {
    const slots = this.slots;
    const mask = (slots.length >>> 1) - 1;
    let s = (h ^ (h >>> 15)) & mask;
    while (slots[2 * s + 1] !== 0) s = (s + 1) & mask;
    slots[2 * s] = h;
    slots[2 * s + 1] = k + 1;
  }

  private rehash(size: number): void {
    const old = this.slots;
    this.slots = new Int32Array(size);
    for (let s = 0; s < old.length; s += 2) if (old[s + 1] !== 0) this.place(old[s] as number, (old[s + 1] as number) - 1);
  }
}

/** FNV-1a over the code units (ASCII case folded), computed while scanning. */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Lookups after which a word counts as frequent and moves to the small table. */
const HOT_AFTER = 3;
/** Size of the small table: a few hundred KB, small enough to stay in cache. */
const HOT_LIMIT = 8192;

/** One memo per stemming language: word → term. */
export class TermTable {
  private readonly hot = new WordTable(HOT_LIMIT);
  private readonly all = new WordTable(1 << 14);

  /**
   * @param compute computes the term of a word that is not in the table yet
   * @param limit entries kept at most; when full the memo starts empty again (the frequent words
   *   come back within a few articles; simpler than LRU and bounded all the same)
   */
  constructor(
    private readonly compute: (word: string) => string,
    private readonly limit: number,
  ) {}

  get size(): number {
    return this.all.size;
  }

  /** The text's words as their terms, space-separated. */
  termsOf(text: string): string {
    const table = bmpClasses();
    const out: string[] = [];
    const n = text.length;
    let i = 0;
    for (;;) {
      while (i < n) {
        const c = text.charCodeAt(i);
        if (table[c] !== 0 || (c >= 0xd800 && c <= 0xdbff && supplementaryClass(text, i) !== 0)) break;
        i++;
      }
      if (i >= n) break;
      const start = i;
      let h = FNV_OFFSET;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (table[c] !== 0) {
          h = Math.imul(h ^ foldAscii(c), FNV_PRIME);
          i++;
        } else if (c >= 0xd800 && c <= 0xdbff && supplementaryClass(text, i) !== 0) {
          h = Math.imul(Math.imul(h ^ c, FNV_PRIME) ^ text.charCodeAt(i + 1), FNV_PRIME);
          i += 2;
        } else break;
      }
      out.push(this.lookup(text, start, i - start, h));
    }
    return out.join(' ');
  }

  /** The term of one word (looked up as a whole, not split into words). */
  termOf(word: string): string {
    let h = FNV_OFFSET;
    for (let j = 0; j < word.length; j++) h = Math.imul(h ^ foldAscii(word.charCodeAt(j)), FNV_PRIME);
    return this.lookup(word, 0, word.length, h);
  }

  private lookup(text: string, start: number, len: number, h: number): string {
    const hot = this.hot.find(text, start, len, h);
    if (hot >= 0) return this.hot.value(hot);
    const k = this.all.find(text, start, len, h);
    if (k >= 0) {
      const term = this.all.value(k);
      if (this.all.touch(k) === HOT_AFTER && this.hot.size < HOT_LIMIT) this.hot.add(text, start, len, h, term);
      return term;
    }
    const term = this.compute(text.slice(start, start + len));
    if (this.all.size >= this.limit) {
      this.all.clear();
      this.hot.clear();
    }
    this.all.add(text, start, len, h, term);
    return term;
  }
}
