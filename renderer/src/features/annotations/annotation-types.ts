import { ANNOTATION_TYPES, type AnnotationType } from '../../../../shared/annotation.js';

/**
 * How each annotation type looks and is chosen, apart from its colour (which lives in the
 * stylesheet as `--hl-<type>-*`): a glyph and an underline style, so the types read without colour,
 * and a one-key shortcut that works while text of the article is selected.
 */

/** A small mark shown before each annotated passage and on badges. */
export const TYPE_GLYPHS: Record<AnnotationType, string> = {
  quote: '❝',
  claim: '!',
  figure: '#',
  note: '✎',
  question: '?',
};

/** Shortcut key per type (digits: the same in every language and keyboard layout, never typed into the text). */
export const TYPE_SHORTCUTS: Record<AnnotationType, string> = {
  quote: '1',
  claim: '2',
  figure: '3',
  note: '4',
  question: '5',
};

/** The type a shortcut key stands for, if any. */
export function typeForShortcut(key: string): AnnotationType | null {
  return ANNOTATION_TYPES.find((t) => TYPE_SHORTCUTS[t] === key) ?? null;
}

export { ANNOTATION_TYPES };
