// Minimal types for snowball-stemmers 0.6 (untyped UMD/CommonJS): the factory Fundstelle uses.

declare module 'snowball-stemmers' {
  /** One Snowball stemmer; `stem` expects a lower-case word. */
  export interface SnowballStemmer {
    stem(word: string): string;
  }
  /** A stemmer for one of `algorithms()`, e.g. 'german', 'english'. */
  export function newStemmer(language: string): SnowballStemmer;
  export function algorithms(): string[];
  const snowball: { newStemmer: typeof newStemmer; algorithms: typeof algorithms };
  export default snowball;
}
