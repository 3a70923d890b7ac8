import type { Annotation } from '../../../../shared/annotation.js';

/**
 * How other parts of the reading view hand a Rückfrage to this feature: the annotation popup,
 * after creating an annotation of type `question`, calls {@link askAboutAnnotation}; the reading
 * view's Rückfragen section (mounted for that article) stores the inquiry and shows whom it goes to.
 */

/** A passage of the article's current text, by canonical offsets. */
export interface PassageRange {
  start: number;
  end: number;
}

/** What the ask dialog starts from. */
export type AskRequest =
  /** Compose a question on a passage (or on the whole article when `passage` is null). */
  | { kind: 'compose'; passage: PassageRange | null }
  /** A Rückfrage annotation exists already; its note is the question. */
  | { kind: 'annotation'; annotation: Annotation };

const target = new EventTarget();
const ASK = 'inquiry-ask';

/** Asks the open reading view to turn a new Rückfrage annotation into a routed inquiry. */
export function askAboutAnnotation(annotation: Annotation): void {
  target.dispatchEvent(new CustomEvent<Annotation>(ASK, { detail: annotation }));
}

/** Subscribes to {@link askAboutAnnotation}; returns the unsubscribe function. */
export function onAskAboutAnnotation(callback: (annotation: Annotation) => void): () => void {
  const listener = (e: Event) => callback((e as CustomEvent<Annotation>).detail);
  target.addEventListener(ASK, listener);
  return () => target.removeEventListener(ASK, listener);
}
