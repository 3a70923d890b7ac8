import type { ArticleSummary } from '../../shared/article.js';

/** The columns of one library row, for queries that alias `articles` as `a`. */
export const SUMMARY_COLUMNS = `a.id, a.title, a.title_derived, a.agency, a.published, a.language, a.dateline_place, a.word_count, a.imported_at`;

/** A row selected with SUMMARY_COLUMNS. */
export interface SummaryRow {
  id: number;
  title: string;
  title_derived: number;
  agency: string | null;
  published: string | null;
  language: string | null;
  dateline_place: string | null;
  word_count: number;
  imported_at: string;
}

/** The library-row shape of a SummaryRow: the one mapping the list, search and Mappen share. */
export function rowToSummary(r: SummaryRow): ArticleSummary {
  return {
    id: r.id,
    title: r.title,
    titleDerived: r.title_derived === 1,
    agency: r.agency,
    published: r.published,
    language: r.language,
    datelinePlace: r.dateline_place,
    wordCount: r.word_count,
    importedAt: r.imported_at,
  };
}
