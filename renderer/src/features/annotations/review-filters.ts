import type { AnnotationType } from '../../../../shared/annotation.js';

/** Sort orders of the review list, one value each for a <select>. */
export const REVIEW_SORTS = [
  { value: 'created_desc', sort: 'created', direction: 'desc' },
  { value: 'created_asc', sort: 'created', direction: 'asc' },
  { value: 'modified_desc', sort: 'modified', direction: 'desc' },
  { value: 'article_asc', sort: 'article', direction: 'asc' },
] as const;

export type ReviewSortValue = (typeof REVIEW_SORTS)[number]['value'];

/** What the filter bar holds. Empty strings mean "no filter". */
export interface ReviewFilterState {
  types: AnnotationType[];
  tag: string;
  articleId: string;
  from: string;
  to: string;
  /** Full text over notes and passages (debounced by the caller). */
  text: string;
  sort: ReviewSortValue;
}

/** The arguments of `annotations.review` without the page. */
export interface ReviewQuery {
  types?: AnnotationType[];
  tags?: string[];
  articleIds?: number[];
  from?: string;
  to?: string;
  query?: string;
  sort: 'created' | 'modified' | 'article';
  direction: 'asc' | 'desc';
}

/** The filter bar's state as review arguments; absent filters are left out. */
export function reviewQuery(state: ReviewFilterState): ReviewQuery {
  const sort = REVIEW_SORTS.find((s) => s.value === state.sort) ?? REVIEW_SORTS[0];
  const articleId = Number(state.articleId);
  return {
    ...(state.types.length > 0 ? { types: state.types } : {}),
    ...(state.tag ? { tags: [state.tag] } : {}),
    ...(Number.isInteger(articleId) && articleId > 0 ? { articleIds: [articleId] } : {}),
    ...(state.from ? { from: state.from } : {}),
    ...(state.to ? { to: state.to } : {}),
    ...(state.text.trim() ? { query: state.text.trim() } : {}),
    sort: sort.sort,
    direction: sort.direction,
  };
}
