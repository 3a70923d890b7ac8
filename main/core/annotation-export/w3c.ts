import { randomUUID } from 'node:crypto';
import { ANNOTATION_MOTIVATIONS } from '../../../shared/annotation.js';
import { APP_VERSION } from '../version.js';
import type { ExportItem } from './export-items.js';

/**
 * W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) as JSON-LD:
 *
 * - `id` is `urn:uuid:<the annotation's id>`; `motivation` from the type (see ANNOTATION_MOTIVATIONS);
 * - `body`: the type as a `classifying` TextualBody (its key: quote, claim, figure, note, question),
 *   the note as a `commenting` TextualBody, each tag as a `tagging` TextualBody;
 * - `target`: `source` names the exact text version the selectors describe
 *   (`urn:fundstelle:article:<content hash>`; the hash also identifies the text in another
 *   collection), `selector` is `[TextQuoteSelector, TextPositionSelector]`;
 * - when the passage as first marked differs from the current quote (after a corrected version),
 *   it travels as `urn:fundstelle:originalQuote` (an absolute IRI as key is valid JSON-LD and needs
 *   no extra context), so an import loses nothing.
 *
 * A passage that touches non-public text is exported with its TextPositionSelector only.
 */

/** The Web Annotation JSON-LD context. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** IRI prefix of an article version (content hash of its canonical text). */
export const ARTICLE_IRI_PREFIX = 'urn:fundstelle:article:';
/** Extension key carrying the passage as first marked. */
export const ORIGINAL_QUOTE_KEY = 'urn:fundstelle:originalQuote';

/** The software agent that produced the export. */
export function generator(): Record<string, string> {
  return { id: 'urn:fundstelle:app', type: 'Software', name: `Fundstelle ${APP_VERSION}` };
}

/** One annotation as a stand-alone W3C Annotation (with its own `@context`). */
export function toW3cAnnotation(item: ExportItem): Record<string, unknown> {
  const a = item.annotation;
  const body: Record<string, unknown>[] = [{ type: 'TextualBody', purpose: 'classifying', value: a.type }];
  if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain' });
  for (const tag of a.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  const selector: Record<string, unknown>[] = [];
  if (item.quotable) selector.push({ type: 'TextQuoteSelector', exact: a.selectors.quote.exact, prefix: a.selectors.quote.prefix, suffix: a.selectors.quote.suffix });
  selector.push({ type: 'TextPositionSelector', start: a.selectors.position.start, end: a.selectors.position.end });
  const out: Record<string, unknown> = {
    '@context': ANNO_CONTEXT,
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation: ANNOTATION_MOTIVATIONS[a.type],
    created: a.created,
    modified: a.modified,
    body,
    target: { source: `${ARTICLE_IRI_PREFIX}${a.versionHash}`, selector },
  };
  if (item.quotable && a.originalQuote !== a.selectors.quote.exact) out[ORIGINAL_QUOTE_KEY] = a.originalQuote;
  return out;
}

/**
 * An AnnotationCollection with one embedded AnnotationPage holding every annotation. The items keep
 * their `@context` so each one is a complete annotation when taken out of the collection.
 */
export function toW3cCollection(items: readonly ExportItem[], now: string, label: string): Record<string, unknown> {
  const collectionId = `urn:uuid:${randomUUID()}`;
  return {
    '@context': ANNO_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    generator: generator(),
    generated: now,
    first: {
      id: `urn:uuid:${randomUUID()}`,
      type: 'AnnotationPage',
      partOf: collectionId,
      startIndex: 0,
      items: items.map(toW3cAnnotation),
    },
  };
}
