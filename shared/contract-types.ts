import type { ArticleSummary } from './article.js';

/** Sort keys of the library list. */
export const LIST_SORTS = ['published', 'title', 'agency', 'imported'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

export interface ArticleListQuery {
  sort: ListSort;
  direction: 'asc' | 'desc';
  /** Full-text filter as typed by the user. */
  query?: string | undefined;
  offset: number;
  limit: number;
}

export interface ArticleListResult {
  total: number;
  items: ArticleSummary[];
}
