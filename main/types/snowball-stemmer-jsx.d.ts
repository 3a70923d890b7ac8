// Minimal types for snowball-stemmer.jsx 0.2 (CommonJS, generated from the Snowball sources): the
// two stemmers Fundstelle uses (main/core/search-text.ts).

declare module 'snowball-stemmer.jsx/dest/*-stemmer.common.js' {
  export interface JsxStemmer {
    /** The stem of a lower-case word; remembered in `cache`. */
    stemWord(word: string): string;
    /** Every word stemmed so far ('.' + word → stem); replaceable to let it go. */
    cache: Record<string, string>;
    // What stemWord runs without the cache: set the word and the bounds, call stem$, read current.
    current: string;
    cursor: number;
    limit: number;
    limit_backward: number;
    bra: number;
    ket: number;
    stem$(): boolean;
  }
  export const GermanStemmer: new () => JsxStemmer;
  export const EnglishStemmer: new () => JsxStemmer;
}
