import type { AnnotationType } from '../../../../shared/annotation.js';
import type { Block } from '../../../../shared/article.js';

/**
 * Pure offset code of the reading view: splitting a stretch of canonical text at annotation
 * boundaries, and turning a selection's two ends into an annotatable range. No DOM here (the DOM
 * half is `dom-selection.ts`), so all of it is unit-tested.
 */

/** An annotation as the text renderer needs it: where it is and what it is. */
export interface Mark {
  id: string;
  type: AnnotationType;
  start: number;
  end: number;
}

/** A run of text covered by the same annotations. */
export interface Segment {
  start: number;
  end: number;
  /** The annotations covering the whole run, outermost first (earlier start, then longer). */
  marks: Mark[];
  /** Ids of the annotations that begin at this run (they get the type glyph). */
  starts: string[];
}

/** Outermost first: earlier start, then the longer one, then by id so the order is stable. */
function outerFirst(a: Mark, b: Mark): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Splits [start, end) at every boundary of the marks overlapping it. Runs without marks are
 * returned too (with `marks` empty), so the runs together cover the range exactly once.
 */
export function segmentRange(start: number, end: number, marks: readonly Mark[]): Segment[] {
  if (end <= start) return [];
  const inside = marks.filter((m) => m.start < end && m.end > start && m.end > m.start).sort(outerFirst);
  const cuts = new Set<number>([start, end]);
  for (const m of inside) {
    cuts.add(Math.max(start, m.start));
    cuts.add(Math.min(end, m.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] as number;
    const b = points[i + 1] as number;
    const covering = inside.filter((m) => m.start <= a && m.end >= b);
    out.push({ start: a, end: b, marks: covering, starts: covering.filter((m) => m.start === a).map((m) => m.id) });
  }
  return out;
}

/** Kinds of block that may carry annotations (the core refuses non-public blocks). */
export function isAnnotatable(block: Block): boolean {
  return block.kind !== 'nonpublic';
}

/**
 * The annotatable range between two selection ends (either order), or null. A range that runs
 * into a non-public block is cut there (keeping the part before it, else the part after it);
 * a range of nothing but whitespace is null.
 */
export function annotatableRange(text: string, blocks: readonly Block[], a: number | null, b: number | null): { start: number; end: number } | null {
  if (a === null || b === null) return null;
  let start = Math.max(0, Math.min(a, b));
  let end = Math.min(text.length, Math.max(a, b));
  for (const block of blocks) {
    if (isAnnotatable(block) || block.end <= start || block.start >= end) continue;
    if (block.start > start) end = block.start;
    else start = block.end;
    if (end <= start) return null;
  }
  while (start < end && /\s/u.test(text.charAt(start))) start++;
  while (end > start && /\s/u.test(text.charAt(end - 1))) end--;
  return end > start ? { start, end } : null;
}
