import type { ArticleDetail } from '../../../../shared/article.js';

/**
 * Maps a text selection in the reading view to offsets [start, end) of the article's canonical
 * text. The body renders one element per block, in block order (`data-start` wins where a block
 * element carries it); within an element the offset is the length of the text before the
 * boundary. The result is checked against the selected words, and where the rendering differs
 * from the text (a dateline set apart) the selected words are looked up near that position.
 */

/** Elements that render one block each, in block order. */
const BLOCK_SELECTOR = '.block-heading, .block-paragraph, .block-text';

/** A selection range in canonical offsets. */
export interface TextRange {
  start: number;
  end: number;
}

function fold(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The block element holding a DOM position, and the offset of the block it renders. */
function blockStartOf(el: Element, elements: Element[], article: ArticleDetail): number | null {
  const attr = el.getAttribute('data-start');
  if (attr !== null && /^\d+$/.test(attr)) return Number(attr);
  const index = elements.indexOf(el);
  const block = index >= 0 && elements.length === article.blocks.length ? article.blocks[index] : undefined;
  return block ? block.start : null;
}

function offsetAt(node: Node, offset: number, elements: Element[], article: ArticleDetail): number | null {
  const host = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  // A run of text that says where it starts (the annotation layer renders the text so).
  const run = host?.closest('[data-start][data-end]');
  if (run) {
    const before = document.createRange();
    before.selectNodeContents(run);
    before.setEnd(node, offset);
    return Number(run.getAttribute('data-start')) + before.toString().length;
  }
  const el = host?.closest(BLOCK_SELECTOR);
  if (!el) return null;
  const start = blockStartOf(el, elements, article);
  if (start === null) return null;
  const before = document.createRange();
  before.selectNodeContents(el);
  before.setEnd(node, offset);
  return start + before.toString().length;
}

/** The selected passage of `body` in canonical offsets, or null when nothing in it is selected. */
export function selectionOffsets(selection: Selection | null, body: Element, article: ArticleDetail): TextRange | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!body.contains(range.startContainer) || !body.contains(range.endContainer)) return null;
  const selected = fold(range.toString());
  if (!selected) return null;
  const elements = [...body.querySelectorAll(BLOCK_SELECTOR)];
  const start = offsetAt(range.startContainer, range.startOffset, elements, article);
  const end = offsetAt(range.endContainer, range.endOffset, elements, article);
  if (start !== null && end !== null && end > start && fold(article.text.slice(start, end)) === selected) return trim(article.text, { start, end });

  // Rendering and text differ here: find the selected words (any whitespace between them) nearest to the guess.
  const words = selected.split(' ').map(escapeRegExp).join('\\s+');
  const re = new RegExp(words, 'g');
  const guess = start ?? 0;
  let best: TextRange | null = null;
  for (let m = re.exec(article.text); m; m = re.exec(article.text)) {
    const hit = { start: m.index, end: m.index + m[0].length };
    if (!best || Math.abs(hit.start - guess) < Math.abs(best.start - guess)) best = hit;
    if (m[0].length === 0) re.lastIndex++;
  }
  return best;
}

/** Drops whitespace at both ends of the range. */
function trim(text: string, r: TextRange): TextRange {
  let { start, end } = r;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}
