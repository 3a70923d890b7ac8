/**
 * Character classes by code unit, for text scanners that must agree exactly with the regular
 * expressions `[\p{L}\p{N}]` and `[\p{M}]` (Unicode-aware, by code point) but run without creating
 * a string or a match object per word: the search terms of an article (main/core/term-table.ts)
 * and its word count (article.ts).
 */

/** A letter or digit (`\p{L}`, `\p{N}`). */
export const LETTER_OR_DIGIT = 1;
/** A combining mark (`\p{M}`). */
export const MARK = 2;

const LN = /^[\p{L}\p{N}]$/u;
const M = /^\p{M}$/u;

let bmp: Uint8Array | null = null;

/** The class of every BMP code unit (surrogates: 0; pairs are classed by {@link supplementaryClass}). */
export function bmpClasses(): Uint8Array {
  if (bmp) return bmp;
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (c < 0x80) table[c] = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? LETTER_OR_DIGIT : 0;
    else {
      const ch = String.fromCharCode(c);
      table[c] = LN.test(ch) ? LETTER_OR_DIGIT : M.test(ch) ? MARK : 0;
    }
  }
  bmp = table;
  return table;
}

/** The class of the code point at `i` when it is a surrogate pair; 0 for anything else (a lone surrogate is no character). */
export function supplementaryClass(text: string, i: number): number {
  const cp = text.codePointAt(i) as number;
  if (cp <= 0xffff) return 0;
  const ch = String.fromCodePoint(cp);
  return LN.test(ch) ? LETTER_OR_DIGIT : M.test(ch) ? MARK : 0;
}

/** Code units of the letter or digit at `i` (1, or 2 for a surrogate pair), 0 when there is none. */
export function letterOrDigitAt(text: string, i: number, table: Uint8Array): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return table[c] === LETTER_OR_DIGIT ? 1 : 0;
  return supplementaryClass(text, i) === LETTER_OR_DIGIT ? 2 : 0;
}
