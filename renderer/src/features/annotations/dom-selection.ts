/**
 * Maps the DOM selection onto canonical-text offsets. Every rendered run of article text is an
 * element with `data-start` and `data-end` holding one text node, so a selection end inside a run
 * is `data-start` plus its offset in that text node. An end anywhere else (between blocks, in a
 * heading, in a non-public box, outside the article) snaps to the nearest run in document order:
 * a start to the next run's start, an end to the previous run's end.
 */

const RUN_SELECTOR = '[data-start][data-end]';

function runBounds(el: Element): { start: number; end: number } | null {
  const start = Number(el.getAttribute('data-start'));
  const end = Number(el.getAttribute('data-end'));
  return Number.isInteger(start) && Number.isInteger(end) ? { start, end } : null;
}

/** The canonical offset of one end of a selection, or null when no run lies on that side of it. */
export function boundaryOffset(root: Element, node: Node, offset: number, edge: 'start' | 'end'): number | null {
  const host = node.nodeType === Node.TEXT_NODE ? node.parentElement : node instanceof Element ? node : null;
  const run = host?.closest(RUN_SELECTOR);
  if (run && node.nodeType === Node.TEXT_NODE && root.contains(run)) {
    const bounds = runBounds(run);
    if (bounds) return Math.min(bounds.end, bounds.start + Math.min(offset, (node.textContent ?? '').length));
  }
  const point = node.ownerDocument?.createRange() ?? document.createRange();
  point.setStart(node, offset);
  point.collapse(true);
  const runs = Array.from(root.querySelectorAll(RUN_SELECTOR));
  if (edge === 'start') {
    for (const r of runs) {
      if (point.comparePoint(r, 0) >= 0) return runBounds(r)?.start ?? null;
    }
    return null;
  }
  for (let i = runs.length - 1; i >= 0; i--) {
    const r = runs[i] as Element;
    if (point.comparePoint(r, r.childNodes.length) <= 0) return runBounds(r)?.end ?? null;
  }
  return null;
}

/** Both ends of the window's current selection as canonical offsets, or null when nothing of `root` is selected. */
export function selectionOffsets(root: Element): { a: number | null; b: number | null; rect: DOMRect } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(root)) return null;
  return {
    a: boundaryOffset(root, range.startContainer, range.startOffset, 'start'),
    b: boundaryOffset(root, range.endContainer, range.endOffset, 'end'),
    rect: range.getBoundingClientRect(),
  };
}
