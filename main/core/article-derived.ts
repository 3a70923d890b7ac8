import { createHash } from 'node:crypto';
import { countWords, type ParsedArticle } from '../../shared/article.js';
import { articleIndexRow, type IndexRow } from './search-index.js';

/**
 * The content hash used for de-duplication: SHA-256 of the canonical text after Unicode NFC and
 * whitespace folding, so the same text from another file, encoding or line-ending style matches.
 */
export function contentHash(text: string): string {
  // Runs of whitespace become one space; a single space is left alone (the same result as /\s+/ → ' ', without rewriting every space).
  const normalised = text.normalize('NFC').replace(/\s{2,}|[^\S ]/g, ' ').trim();
  return createHash('sha256').update(normalised, 'utf8').digest('hex');
}

/**
 * What storing an article computes from its text: the content hash, the word count and the
 * analysed search terms (stemming is most of an import's CPU time). Computed once per article
 * object and remembered; the folder import computes them on a worker thread while the previous
 * group is written, and hands them over with {@link adoptDerived}. Articles are not changed after
 * parsing (completeArticle makes a new object), so the memo cannot go stale.
 */
export interface ArticleDerived {
  hash: string;
  wordCount: number;
  index: IndexRow;
}

export type StorableArticle = ParsedArticle & { title: string; language: string | null };

const derivedMemo = new WeakMap<StorableArticle, ArticleDerived>();

/** The derived values of an article (memoised per object). */
export function deriveArticle(article: StorableArticle): ArticleDerived {
  let d = derivedMemo.get(article);
  if (!d) {
    d = {
      hash: contentHash(article.text),
      wordCount: countWords(article.text, article.blocks),
      index: articleIndexRow(article.title, article.text, article.blocks, article.language),
    };
    derivedMemo.set(article, d);
  }
  return d;
}

/** Attaches derived values computed elsewhere (on the parse worker) to an article object. */
export function adoptDerived(article: StorableArticle, derived: ArticleDerived): void {
  derivedMemo.set(article, derived);
}
