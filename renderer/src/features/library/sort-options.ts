import type { ListSort } from '../../../../shared/contract-types.js';

/** The sort orders offered in the library, as one value each for a <select>. */
export const SORT_OPTIONS = [
  { value: 'published_desc', sort: 'published', direction: 'desc' },
  { value: 'published_asc', sort: 'published', direction: 'asc' },
  { value: 'title_asc', sort: 'title', direction: 'asc' },
  { value: 'agency_asc', sort: 'agency', direction: 'asc' },
  { value: 'imported_desc', sort: 'imported', direction: 'desc' },
] as const satisfies readonly { value: string; sort: ListSort; direction: 'asc' | 'desc' }[];

export type SortValue = (typeof SORT_OPTIONS)[number]['value'];

/** The sort and direction of a select value. */
export function sortOf(value: SortValue): { sort: ListSort; direction: 'asc' | 'desc' } {
  const option = SORT_OPTIONS.find((o) => o.value === value) ?? SORT_OPTIONS[0];
  return { sort: option.sort, direction: option.direction };
}
