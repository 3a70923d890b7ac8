import { memo, type ReactNode } from 'react';
import type { AnnotationType } from '../../../../shared/annotation.js';
import { segmentRange, type Mark } from './segments.js';

/** Id of the stand-in mark that shows the passage being annotated while the form is open. */
export const DRAFT_MARK_ID = 'draft';

interface HighlightedTextProps {
  /** The article's canonical text. */
  text: string;
  start: number;
  end: number;
  marks: readonly Mark[];
  /** The annotation to flash (after a jump from the side panel or the review list). */
  flashId: string | null;
  /** Type names for the tooltip of a highlight. */
  typeLabels: Record<AnnotationType, string>;
}

/**
 * The canonical text [start, end) as runs of React elements: each run carries `data-start` and
 * `data-end` (the offsets the selection code maps back from) and holds exactly one text node,
 * wrapped in one `<mark>` per annotation covering it, outermost first. Nesting lets overlapping
 * annotations show every underline (each depth sits a little lower) and a striped background.
 */
export const HighlightedText = memo(function HighlightedText({ text, start, end, marks, flashId, typeLabels }: HighlightedTextProps) {
  return (
    <>
      {segmentRange(start, end, marks).map((segment) => {
        let content: ReactNode = text.slice(segment.start, segment.end);
        for (let depth = segment.marks.length - 1; depth >= 0; depth--) {
          const mark = segment.marks[depth] as Mark;
          const classes = [
            'hl',
            `hl-${mark.type}`,
            `hl-depth-${Math.min(depth, 3)}`,
            segment.starts.includes(mark.id) ? 'hl-start' : '',
            mark.id === DRAFT_MARK_ID ? 'hl-draft' : '',
            mark.id === flashId ? 'is-flash' : '',
          ];
          content = (
            <mark className={classes.filter(Boolean).join(' ')} data-annotation-id={mark.id} title={typeLabels[mark.type]}>
              {content}
            </mark>
          );
        }
        return (
          <span key={segment.start} className={segment.marks.length > 1 ? 'hl-run hl-overlap' : 'hl-run'} data-start={segment.start} data-end={segment.end}>
            {content}
          </span>
        );
      })}
    </>
  );
});
