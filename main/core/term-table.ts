import { bmpClasses, supplementaryClass } from '../../shared/char-classes.js';

/**
 * The word → term memo of search-text.ts: for whole texts (`indexTerms`) and single words (`termOf`).
 *
 * Indexing an article looks up every one of its ~600 words, in a memo of 100,000+ words. What such
 * a lookup costs is memory latency: on the 2-core benchmark VM a random read from a table of a few
 * MB takes ~200 ns (measured), a read that hits the 512 KB L2 cache ~20 ns, and the arithmetic of
 * the lookup a few ns. With a JavaScript `Map` keyed by the word, a lookup cut the word out of the
 * text as a new string and followed several pointers, each a likely miss: ~0.5 µs per word.
 *
 * Here the text is scanned once by character code with the hash computed during the scan, and each
 * entry (hash, lengths, and the word's and the term's code units) fills one 64-byte slot of an
 * open-addressing table in a typed array. A lookup of a word of ordinary length reads one slot and
 * copies the term out of it: one cache line, no string. The frequent words' slots stay in the
 * processor's caches by themselves (in news text a few thousand words make up three quarters of
 * all words); the terms of a text are collected as code units and become one string at the end.
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

/** Whether typed arrays are little-endian here (UTF-16LE bytes read as Uint16Array code units). */
const LITTLE_ENDIAN = new Uint16Array(new Uint8Array([1, 0]).buffer)[0] === 1;

/** Words or terms longer than this are computed each time, not kept (lengths are stored in 10 bits). */
const MAX_KEPT = 1023;

/** Int32s per slot: 64 bytes, one cache line. */
const SLOT_INTS = 16;
/** Code units of the slot after the header (hash, lengths, pool offset) that hold word and term. */
const INLINE_UNITS = 26;
/** Index of the first inline code unit within a slot, in code units. */
const INLINE_AT = 6;
/** Bit of the lengths field set when word and term are in the pool, not in the slot. */
const IN_POOL = 1 << 20;
/** Slots filled at most before the table doubles (linear probing stays short below this). */
const MAX_LOAD = 0.7;

/** The first empty slot (its first Int32 index) on the probe path of hash `h`. */
function freeSlot(slots: Int32Array, h: number): number {
  const mask = slots.length / SLOT_INTS - 1;
  let s = (h ^ (h >>> 15)) & mask;
  while (slots[s * SLOT_INTS + 1] !== 0) s = (s + 1) & mask;
  return s * SLOT_INTS;
}

/**
 * Open addressing over one typed array: word (code units, ASCII case folded) → term. A slot is
 * [hash, word length | term length << 10 | IN_POOL, pool offset, word and term code units…];
 * lengths 0 mark an empty slot. Word and term of more than INLINE_UNITS code units together go to
 * a pool.
 */
class WordTable {
  /** The slots (read directly by TermTable.termsOf, its hot loop). */
  slots: Int32Array;
  /** The same memory as `slots`, by code unit. */
  units: Uint16Array;
  private count = 0;
  /** Word and term code units too long for their slot. */
  pool = new Uint16Array(1024);
  private poolUsed = 0;

  constructor(private readonly initialSlots: number) {
    this.slots = new Int32Array(initialSlots * SLOT_INTS);
    this.units = new Uint16Array(this.slots.buffer);
  }

  get size(): number {
    return this.count;
  }

  /** The slot (its first Int32 index) of the word `text[start, start + len)` (code units) with hash `h`, or -1. */
  find(text: Uint16Array, start: number, len: number, h: number): number {
    const slots = this.slots;
    const mask = slots.length / SLOT_INTS - 1;
    for (let s = (h ^ (h >>> 15)) & mask; ; s = (s + 1) & mask) {
      const at = s * SLOT_INTS;
      const lengths = slots[at + 1] as number;
      if (lengths === 0) return -1;
      if (slots[at] !== h || (lengths & 0x3ff) !== len) continue;
      const chars = lengths & IN_POOL ? this.pool : this.units;
      const from = lengths & IN_POOL ? (slots[at + 2] as number) : 2 * at + INLINE_AT;
      let j = 0;
      while (j < len && chars[from + j] === foldAscii(text[start + j] as number)) j++;
      if (j === len) return at;
    }
  }

  /** Code units that hold the term of slot `at`, from {@link termStart}. */
  termChars(at: number): Uint16Array {
    return (this.slots[at + 1] as number) & IN_POOL ? this.pool : this.units;
  }

  termStart(at: number): number {
    const lengths = this.slots[at + 1] as number;
    return (lengths & IN_POOL ? (this.slots[at + 2] as number) : 2 * at + INLINE_AT) + (lengths & 0x3ff);
  }

  termLength(at: number): number {
    return ((this.slots[at + 1] as number) >>> 10) & 0x3ff;
  }

  /** Adds the word `text[start, start + len)` (code units) with hash `h` and its term (both at most MAX_KEPT). */
  add(text: Uint16Array, start: number, len: number, h: number, term: string): void {
    if (this.count + 1 > (this.slots.length / SLOT_INTS) * MAX_LOAD) this.rehash();
    const slots = this.slots;
    const at = freeSlot(slots, h);
    const inline = len + term.length <= INLINE_UNITS;
    slots[at] = h;
    slots[at + 1] = len | (term.length << 10) | (inline ? 0 : IN_POOL);
    let chars = this.units;
    let to = 2 * at + INLINE_AT;
    if (!inline) {
      if (this.poolUsed + len + term.length > this.pool.length) {
        const bigger = new Uint16Array(Math.max(this.pool.length * 2, this.poolUsed + len + term.length));
        bigger.set(this.pool);
        this.pool = bigger;
      }
      slots[at + 2] = this.poolUsed;
      chars = this.pool;
      to = this.poolUsed;
      this.poolUsed += len + term.length;
    }
    for (let j = 0; j < len; j++) chars[to + j] = foldAscii(text[start + j] as number);
    for (let j = 0; j < term.length; j++) chars[to + len + j] = term.charCodeAt(j);
    this.count++;
  }

  clear(): void {
    this.slots = new Int32Array(this.initialSlots * SLOT_INTS);
    this.units = new Uint16Array(this.slots.buffer);
    this.pool = new Uint16Array(1024);
    this.poolUsed = 0;
    this.count = 0;
  }

  /** Doubles the table; slots move whole (64 bytes each). */
  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    for (let from = 0; from < old.length; from += SLOT_INTS) {
      if (old[from + 1] !== 0) slots.set(old.subarray(from, from + SLOT_INTS), freeSlot(slots, old[from] as number));
    }
    this.slots = slots;
    this.units = new Uint16Array(slots.buffer);
  }
}

/** FNV-1a over the code units (ASCII case folded), computed while scanning. */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Code units of the output buffer to start with, and the most kept after a text (a 50 MB file grows it). */
const OUT_INITIAL = 1 << 14;
const OUT_KEPT = 1 << 20;

/** One memo per stemming language: word → term. */
export class TermTable<C = undefined> {
  private readonly table = new WordTable(1 << 12);
  /**
   * The text being analysed, copied in as code units (one native copy): the scan and the
   * comparisons read it from here, which is about twice as fast as `charCodeAt` on the string
   * (measured: 19.5 → 10.3 µs for scanning and hashing a 5,500-character article).
   */
  private input = new Uint16Array(OUT_INITIAL);
  /** The same memory as `input`, by byte (what `Buffer.write` fills). */
  private inputBytes = Buffer.from(this.input.buffer);
  /** The terms of the text being analysed, space-separated, as code units. */
  private out = new Uint16Array(OUT_INITIAL);
  private outUsed = 0;
  /** All code units of `out` OR-ed: above 0xff, the result needs a two-byte string. */
  private outBits = 0;

  /**
   * @param compute computes the term of a word that is not in the table yet, given `context`
   * @param limit entries kept at most; when full the memo starts empty again (the frequent words
   *   come back within a few articles; simpler than LRU and bounded all the same)
   * @param context passed to `compute`. Tables that differ only in it share one `compute`: a
   *   closure per table made the optimized code of the lookup, shared by all tables, see another
   *   function at that call and start over (a deoptimization and recompilation each time a parse
   *   worker met its first English article)
   */
  constructor(
    private readonly compute: (word: string, context: C) => string,
    private readonly limit: number,
    private readonly context: C = undefined as C,
  ) {}

  /**
   * Where the term of every word computed from now on goes (a word new to the memo, or too long to
   * be kept); null: nowhere. A parse worker reports them, so that the main thread records new terms
   * in the term list without scanning every term of every article (search-index.ts, `recordTerms`).
   */
  newTerms: string[] | null = null;

  get size(): number {
    return this.table.size;
  }

  /** Forgets every word. */
  clear(): void {
    this.table.clear();
  }

  /** The text's words as their terms, space-separated. */
  termsOf(text: string): string {
    const table = bmpClasses();
    const input = this.load(text);
    const words = this.table;
    const n = text.length;
    let out = this.out;
    let o = 0;
    let bits = 0;
    let i = 0;
    let count = 0;
    for (;;) {
      while (i < n) {
        const c = input[i] as number;
        if (table[c] !== 0 || (c >= 0xd800 && c <= 0xdbff && supplementaryClass(text, i) !== 0)) break;
        i++;
      }
      if (i >= n) break;
      const start = i;
      let h = FNV_OFFSET;
      while (i < n) {
        const c = input[i] as number;
        if (table[c] !== 0) {
          h = Math.imul(h ^ foldAscii(c), FNV_PRIME);
          i++;
        } else if (c >= 0xd800 && c <= 0xdbff && supplementaryClass(text, i) !== 0) {
          h = Math.imul(Math.imul(h ^ c, FNV_PRIME) ^ (input[i + 1] as number), FNV_PRIME);
          i += 2;
        } else break;
      }
      const len = i - start;
      // Room for a space and a kept term (a longer one is appended by emit, which grows `out`).
      if (o + 1 + MAX_KEPT > out.length) {
        this.outUsed = o;
        this.grow(1 + MAX_KEPT);
        out = this.out;
      }
      if (count++ > 0) out[o++] = 0x20; // also after an empty term (a word of marks only)
      // The lookup of a known word, written out here (copying the term was a call, not inlined).
      // With `input`: termsOf of a 5,500-character article whose words are all known, 60 → 49 µs.
      const at = words.find(input, start, len, h);
      if (at >= 0) {
        const lengths = words.slots[at + 1] as number;
        const inPool = (lengths & IN_POOL) !== 0;
        const chars = inPool ? words.pool : words.units;
        const from = (inPool ? (words.slots[at + 2] as number) : 2 * at + INLINE_AT) + len;
        const end = from + ((lengths >>> 10) & 0x3ff);
        for (let j = from; j < end; j++) {
          const c = chars[j] as number;
          bits |= c;
          out[o++] = c;
        }
      } else {
        this.outUsed = o;
        this.outBits = bits;
        this.computeAndEmit(text, input, start, len, h);
        out = this.out;
        o = this.outUsed;
        bits = this.outBits;
      }
    }
    this.outUsed = o;
    this.outBits = bits;
    return this.result();
  }

  /** The term of one word (looked up as a whole, not split into words). */
  termOf(word: string): string {
    const input = this.load(word);
    let h = FNV_OFFSET;
    for (let j = 0; j < word.length; j++) h = Math.imul(h ^ foldAscii(input[j] as number), FNV_PRIME);
    this.outUsed = 0;
    this.outBits = 0;
    this.lookup(word, input, 0, word.length, h);
    return this.result();
  }

  /** `text` copied into `input` (grown when needed), as code units from index 0. */
  private load(text: string): Uint16Array {
    if (text.length > this.input.length) {
      this.input = new Uint16Array(Math.max(this.input.length * 2, text.length));
      this.inputBytes = Buffer.from(this.input.buffer);
    }
    // UTF-16LE is the code units as they are, lone surrogates included, when the typed array is
    // little-endian too (every platform Electron builds for); elsewhere they are copied one by one.
    if (LITTLE_ENDIAN) this.inputBytes.write(text, 0, 'utf16le');
    else for (let i = 0; i < text.length; i++) this.input[i] = text.charCodeAt(i);
    return this.input;
  }

  /** Appends the term of the word `text[start, start + len)` (`input`: its code units) to `out`. */
  private lookup(text: string, input: Uint16Array, start: number, len: number, h: number): void {
    const at = this.table.find(input, start, len, h);
    if (at >= 0) this.emitTerm(this.table.termChars(at), this.table.termStart(at), this.table.termLength(at));
    else this.computeAndEmit(text, input, start, len, h);
  }

  /** Computes, keeps and appends the term of a word the table does not have. */
  private computeAndEmit(text: string, input: Uint16Array, start: number, len: number, h: number): void {
    const term = this.compute(text.slice(start, start + len), this.context);
    this.newTerms?.push(term);
    if (len <= MAX_KEPT && term.length <= MAX_KEPT) {
      if (this.table.size >= this.limit) this.table.clear();
      this.table.add(input, start, len, h, term);
    }
    for (let j = 0; j < term.length; j++) this.emit(term.charCodeAt(j));
  }

  private emitTerm(pool: Uint16Array, from: number, len: number): void {
    if (this.outUsed + len > this.out.length) this.grow(len);
    const out = this.out;
    let bits = this.outBits;
    let o = this.outUsed;
    for (let j = 0; j < len; j++) {
      const c = pool[from + j] as number;
      bits |= c;
      out[o++] = c;
    }
    this.outUsed = o;
    this.outBits = bits;
  }

  private emit(c: number): void {
    if (this.outUsed + 1 > this.out.length) this.grow(1);
    this.out[this.outUsed++] = c;
    this.outBits |= c;
  }

  private grow(more: number): void {
    const bigger = new Uint16Array(Math.max(this.out.length * 2, this.outUsed + more));
    bigger.set(this.out.subarray(0, this.outUsed));
    this.out = bigger;
  }

  /** `out` as a string: one byte per character when every code unit fits (most terms are ASCII). */
  private result(): string {
    const s = this.decode();
    if (this.out.length > OUT_KEPT) this.out = new Uint16Array(OUT_INITIAL);
    if (this.input.length > OUT_KEPT) {
      this.input = new Uint16Array(OUT_INITIAL);
      this.inputBytes = Buffer.from(this.input.buffer);
    }
    return s;
  }

  private decode(): string {
    const n = this.outUsed;
    if (n === 0) return '';
    if (this.outBits <= 0xff) {
      const bytes = Buffer.allocUnsafe(n);
      bytes.set(this.out.subarray(0, n));
      return bytes.toString('latin1');
    }
    return Buffer.from(this.out.buffer, this.out.byteOffset, n * 2).toString('utf16le');
  }
}

/**
 * A set of terms: which of an index row's terms are new (search-index.ts, `recordTerms`). A
 * JavaScript `Set` needed a new string per term to ask (~0.5 µs each: 300 µs per article). Here a
 * term is hashed where it stands in the row's text, and the table is small enough to stay in the
 * processor's caches: per slot only the hash (4 bytes), where the term's code units start in a pool
 * and its length; the code units are compared only when the hash is equal.
 */
export class TermSet {
  private hashes = new Int32Array(1 << 12);
  private starts = new Int32Array(1 << 12);
  private lengths = new Uint16Array(1 << 12);
  private pool = new Uint16Array(1 << 14);
  private poolUsed = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /**
   * Adds the space-separated terms of `text` of at least `minLength` code units; each one not in
   * the set before goes to `fresh`.
   */
  addNew(text: string, minLength: number, fresh: string[]): void {
    const n = text.length;
    let i = 0;
    for (;;) {
      while (i < n && text.charCodeAt(i) === 0x20) i++;
      if (i >= n) return;
      const start = i;
      let h = FNV_OFFSET;
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x20) break;
        h = Math.imul(h ^ c, FNV_PRIME);
      }
      if (i - start >= minLength && !this.has(text, start, i - start, h | 1)) fresh.push(text.slice(start, i));
    }
  }

  /** Whether `text[start, start + len)` is in the set (hash `h`, never 0); adds it when not. */
  private has(text: string, start: number, len: number, h: number): boolean {
    const hashes = this.hashes;
    const mask = hashes.length - 1;
    let s = (h ^ (h >>> 15)) & mask;
    for (; hashes[s] !== 0; s = (s + 1) & mask) {
      if (hashes[s] !== h || this.lengths[s] !== Math.min(len, MAX_KEPT)) continue;
      const from = this.starts[s] as number;
      let j = 0;
      while (j < len && this.pool[from + j] === text.charCodeAt(start + j)) j++;
      if (j === len) return true;
    }
    if (len > MAX_KEPT) return false; // too long to keep: reported each time
    if (this.poolUsed + len > this.pool.length) {
      const bigger = new Uint16Array(Math.max(this.pool.length * 2, this.poolUsed + len));
      bigger.set(this.pool);
      this.pool = bigger;
    }
    for (let j = 0; j < len; j++) this.pool[this.poolUsed + j] = text.charCodeAt(start + j);
    hashes[s] = h;
    this.starts[s] = this.poolUsed;
    this.lengths[s] = len;
    this.poolUsed += len;
    if (++this.count > hashes.length / 2) this.rehash();
    return false;
  }

  /** Doubles the table (at most half full keeps probes short). */
  private rehash(): void {
    const { hashes, starts, lengths } = this;
    this.hashes = new Int32Array(hashes.length * 2);
    this.starts = new Int32Array(hashes.length * 2);
    this.lengths = new Uint16Array(hashes.length * 2);
    const mask = this.hashes.length - 1;
    for (let k = 0; k < hashes.length; k++) {
      const h = hashes[k] as number;
      if (h === 0) continue;
      let s = (h ^ (h >>> 15)) & mask;
      while (this.hashes[s] !== 0) s = (s + 1) & mask;
      this.hashes[s] = h;
      this.starts[s] = starts[k] as number;
      this.lengths[s] = lengths[k] as number;
    }
  }
}
