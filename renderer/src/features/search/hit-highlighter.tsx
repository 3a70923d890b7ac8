import { useEffect, type RefObject } from 'react';

/** Name of the CSS highlight (styled as `::highlight(search-hit)` in search.css). */
const HIGHLIGHT_NAME = 'search-hit';

/** Folds case and diacritics so "Südkorea" in the text is found for a hit shown as "Sudkorea". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The first occurrence of `word` in `text`: as a whole word when `whole`, else anywhere; -1 when absent. */
function firstWord(text: string, word: string, whole: boolean): number {
  if (!whole) return text.indexOf(word);
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = at === 0 || !/[\p{L}\p{N}]/u.test(text[at - 1] ?? '');
    const after = !/[\p{L}\p{N}]/u.test(text[at + word.length] ?? '');
    if (before && after) return at;
  }
  return -1;
}

/** Text nodes of the article body with their folded text; NFD folding keeps most lengths, so map per node. */
function findFirst(root: Element, terms: string[], whole: boolean): Range | null {
  const wanted = terms.map(fold).filter((t) => t.length > 0);
  if (wanted.length === 0) return null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const raw = node.textContent ?? '';
    // Fold character by character, so positions in the folded text map back to the raw text.
    const map: number[] = [];
    let folded = '';
    [...raw].forEach((ch, i) => {
      const f = fold(ch);
      for (let k = 0; k < f.length; k++) map.push(i);
      folded += f;
    });
    const chars = [...raw];
    const offsets: number[] = [];
    let acc = 0;
    for (const ch of chars) {
      offsets.push(acc);
      acc += ch.length;
    }
    offsets.push(acc);
    let best = -1;
    let bestLen = 0;
    for (const w of wanted) {
      const at = firstWord(folded, w, whole);
      if (at >= 0 && (best < 0 || at < best)) {
        best = at;
        bestLen = w.length;
      }
    }
    if (best < 0) continue;
    const startChar = map[best] ?? 0;
    const endChar = (map[best + bestLen - 1] ?? startChar) + 1;
    const range = document.createRange();
    range.setStart(node, offsets[startChar] ?? 0);
    range.setEnd(node, offsets[endChar] ?? raw.length);
    return range;
  }
  return null;
}

interface HitHighlighterProps {
  /** The reading pane that contains the article. */
  container: RefObject<HTMLElement | null>;
  /** The open article, so a new article starts over. */
  articleId: number;
  /** The words marked in the hit's snippet. */
  terms: string[];
}

/**
 * Marks the first occurrence of a search hit in the open article and scrolls it into view. It
 * uses the CSS Custom Highlight API, so the article's own DOM (owned by React and the annotation
 * layer) is never changed; the range is recomputed whenever the article re-renders.
 */
export function HitHighlighter({ container, articleId, terms }: HitHighlighterProps) {
  const key = terms.join('\u0000');
  useEffect(() => {
    const root = container.current;
    if (!root || !key) return;
    const words = key.split('\u0000');
    let scrolled = false;
    let frame = 0;
    const apply = () => {
      frame = 0;
      const body = root.querySelector('.reader-body');
      if (!body) return;
      const range = findFirst(body, words, true) ?? findFirst(body, words, false);
      if (!range) return;
      if (typeof Highlight !== 'undefined' && CSS.highlights) CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(range));
      const block = range.startContainer.parentElement;
      if (block) block.dataset.searchHit = 'true';
      if (!scrolled) {
        scrolled = true;
        block?.scrollIntoView({ block: 'center' });
      }
    };
    const observer = new MutationObserver(() => {
      if (!frame) frame = requestAnimationFrame(apply);
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    apply();
    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
      if (typeof Highlight !== 'undefined' && CSS.highlights) CSS.highlights.delete(HIGHLIGHT_NAME);
      root.querySelectorAll('[data-search-hit]').forEach((el) => el.removeAttribute('data-search-hit'));
    };
  }, [container, articleId, key]);
  return null;
}
