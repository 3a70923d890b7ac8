import type { Database } from 'better-sqlite3';
import type { Annotation } from '../../../shared/annotation.js';
import type { Block } from '../../../shared/article.js';
import { getVersionText } from '../article-versions.js';
import { selectAnnotations, type AnnotationSelection } from '../annotations.js';

/** What every export format gets per annotation: the annotation, its article, and whether its text may leave the app. */
export interface ExportItem {
  annotation: Annotation;
  article: ExportArticle;
  /**
   * False when the passage or its context touches a block not meant for publication: the export
   * then carries no quote, prefix or suffix. Creation refuses such passages and selectors stop at
   * such blocks, so this only guards imported or hand-made data.
   */
  quotable: boolean;
}

/** The article fields the exports print. */
export interface ExportArticle {
  id: number;
  title: string;
  agency: string | null;
  published: string | null;
  contentHash: string;
  sourceFile: string;
}

function touchesNonpublic(blocks: readonly Block[], start: number, end: number): boolean {
  return blocks.some((b) => b.kind === 'nonpublic' && b.start < end && b.end > start);
}

/** The annotations of a selection with their articles, in article and text order, each checked for non-public text. */
export function exportItems(db: Database, sel: AnnotationSelection): ExportItem[] {
  const annotations = selectAnnotations(db, sel);
  const articles = new Map<number, ExportArticle & { blocks: Block[] }>();
  const versions = new Map<string, Block[] | null>();
  const article = db.prepare('SELECT id, title, agency, published, content_hash, source_file, blocks FROM articles WHERE id = ?');
  return annotations.map((a) => {
    let art = articles.get(a.articleId);
    if (!art) {
      const r = article.get(a.articleId) as { id: number; title: string; agency: string | null; published: string | null; content_hash: string; source_file: string; blocks: string };
      art = { id: r.id, title: r.title, agency: r.agency, published: r.published, contentHash: r.content_hash, sourceFile: r.source_file, blocks: JSON.parse(r.blocks) as Block[] };
      articles.set(a.articleId, art);
    }
    if (!versions.has(a.versionHash)) versions.set(a.versionHash, getVersionText(db, a.versionHash)?.blocks ?? null);
    const versionBlocks = versions.get(a.versionHash);
    const { quote, position } = a.selectors;
    const selectorSafe =
      versionBlocks !== null && versionBlocks !== undefined && !touchesNonpublic(versionBlocks, position.start - quote.prefix.length, position.end + quote.suffix.length);
    const anchorSafe = a.anchor === null || !touchesNonpublic(art.blocks, a.anchor.start, a.anchor.end);
    const { blocks: _blocks, ...exportArticle } = art;
    return { annotation: a, article: exportArticle, quotable: selectorSafe && anchorSafe };
  });
}
