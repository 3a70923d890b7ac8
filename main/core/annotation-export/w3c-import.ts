import { createHash, randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import {
  ANNOTATION_MOTIVATIONS,
  ANNOTATION_TYPE_LABELS,
  ANNOTATION_TYPES,
  MAX_NOTE_LENGTH,
  isAnnotationType,
  type AnnotationImportResult,
  type AnnotationType,
} from '../../../shared/annotation.js';
import { AppError } from '../../../shared/errors.js';
import { findByContentHash, getVersionText } from '../article-versions.js';
import { cleanTags, upsertAnnotationRecords, type AnnotationRecord } from '../annotations.js';
import { ARTICLE_IRI_PREFIX, ORIGINAL_QUOTE_KEY } from './w3c.js';

/**
 * Import of W3C Web Annotation JSON-LD: a single Annotation, an AnnotationCollection with embedded
 * pages, an AnnotationPage, or a JSON array of annotations. Everything is checked before anything is
 * written; then all annotations are stored in one transaction, or none (a clear error names the
 * file, the annotation and the problem).
 */

type Json = Record<string, unknown>;

/** Largest import accepted (a collection of ~50,000 annotations). */
export const MAX_IMPORT_CHARS = 64 * 1024 * 1024;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asArray(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

function hasType(o: Json, type: string): boolean {
  return asArray(o.type).includes(type);
}

/** Thrown while reading one annotation; turned into ANNOTATION_IMPORT_INVALID with the file name. */
class Invalid extends Error {}

/** The annotations in a parsed file, in order. */
function annotationObjects(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc;
  if (!isObject(doc)) throw new Invalid('erwartet wird ein JSON-Objekt oder eine Liste von Annotationen');
  if (hasType(doc, 'Annotation')) return [doc];
  if (hasType(doc, 'AnnotationPage')) return asArray(doc.items);
  if (hasType(doc, 'AnnotationCollection')) {
    const out: unknown[] = [];
    let page: unknown = doc.first;
    // Only embedded pages can be read from a file; a page given by IRI alone cannot be fetched offline.
    for (let guard = 0; page !== undefined && page !== null; guard++) {
      if (guard > 100_000) throw new Invalid('zu viele Seiten');
      if (!isObject(page)) throw new Invalid('die Sammlung verweist auf Seiten, die nicht in der Datei stehen');
      out.push(...asArray(page.items));
      page = page.next;
    }
    if (typeof doc.total === 'number' && doc.total !== out.length) {
      throw new Invalid(`die Sammlung nennt ${doc.total} Annotationen, die Datei enthält ${out.length}`);
    }
    return out;
  }
  throw new Invalid('„type“ ist weder Annotation, AnnotationPage noch AnnotationCollection');
}

const UUID_IRI = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Our id for an annotation's IRI: the UUID of a `urn:uuid:` id; for another IRI a name-based UUID
 * (SHA-1, RFC 4122 version 5 layout) so importing the same foreign file twice updates instead of
 * duplicating; a random one for an annotation without id.
 */
function idFor(iri: unknown): string {
  if (typeof iri !== 'string' || !iri) return randomUUID();
  const m = UUID_IRI.exec(iri);
  if (m?.[1]) return m[1].toLowerCase();
  const h = createHash('sha1').update(iri, 'utf8').digest('hex');
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function time(v: unknown, what: string, fallback: string): string {
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !ISO_TIME.test(v) || Number.isNaN(Date.parse(v))) throw new Invalid(`„${what}“ ist kein Zeitpunkt nach ISO 8601 (${String(v).slice(0, 40)})`);
  return v;
}

const TYPE_BY_WORD = new Map<string, AnnotationType>();
for (const t of ANNOTATION_TYPES) {
  TYPE_BY_WORD.set(t, t);
  TYPE_BY_WORD.set(ANNOTATION_TYPE_LABELS[t].de.toLocaleLowerCase('de'), t);
  TYPE_BY_WORD.set(ANNOTATION_TYPE_LABELS[t].en.toLowerCase(), t);
}

/** The type: a `classifying` body names it; else the first motivation we map; else a note. */
function typeOf(a: Json, bodies: Json[]): AnnotationType {
  for (const b of bodies) {
    if (!asArray(b.purpose).includes('classifying') || typeof b.value !== 'string') continue;
    const t = TYPE_BY_WORD.get(b.value.trim().toLocaleLowerCase('de'));
    if (t) return t;
  }
  for (const m of asArray(a.motivation)) {
    const t = ANNOTATION_TYPES.find((x) => ANNOTATION_MOTIVATIONS[x] === m);
    if (t) return t;
  }
  return 'note';
}

function readAnnotation(db: Database, raw: unknown, now: string): AnnotationRecord {
  if (!isObject(raw)) throw new Invalid('keine Annotation (kein JSON-Objekt)');
  if (!hasType(raw, 'Annotation')) throw new Invalid('„type“ ist nicht „Annotation“');
  const bodies: Json[] = [];
  for (const b of asArray(raw.body)) if (isObject(b)) bodies.push(b);
  const notes: string[] = [];
  const tags: string[] = [];
  for (const b of bodies) {
    if (typeof b.value !== 'string') continue;
    const purposes = asArray(b.purpose);
    if (purposes.includes('tagging')) tags.push(b.value);
    else if (purposes.includes('commenting') || purposes.length === 0) notes.push(b.value);
  }
  if (typeof raw.bodyValue === 'string') notes.push(raw.bodyValue);
  const note = notes.join('\n\n').trim();
  if (note.length > MAX_NOTE_LENGTH) throw new Invalid(`die Notiz ist länger als ${MAX_NOTE_LENGTH} Zeichen`);

  const targets = asArray(raw.target).filter(isObject);
  const target = targets.find((t) => typeof t.source === 'string' && t.source.startsWith(ARTICLE_IRI_PREFIX));
  if (!target) throw new Invalid(`kein Ziel mit „source“ ${ARTICLE_IRI_PREFIX}… (ein Artikel dieser Sammlung)`);
  const source = target.source as string;
  const hash = source.slice(ARTICLE_IRI_PREFIX.length);
  const articleId = /^[0-9a-f]{64}$/.test(hash) ? findByContentHash(db, hash) : null;
  if (articleId === null) throw new Invalid(`der Artikel ${source} ist nicht in dieser Sammlung; bitte zuerst den Artikel importieren`);

  const selectors = asArray(target.selector).filter(isObject);
  const quoteSel = selectors.find((s) => hasType(s, 'TextQuoteSelector'));
  const posSel = selectors.find((s) => hasType(s, 'TextPositionSelector'));
  const versionText = getVersionText(db, hash)?.text ?? '';
  let start: number;
  let end: number;
  let exact: string;
  if (posSel) {
    if (!Number.isInteger(posSel.start) || !Number.isInteger(posSel.end) || (posSel.start as number) < 0 || (posSel.end as number) <= (posSel.start as number)) {
      throw new Invalid('TextPositionSelector braucht ganze Zahlen mit 0 ≤ start < end');
    }
    start = posSel.start as number;
    end = posSel.end as number;
  } else {
    start = -1;
    end = -1;
  }
  if (quoteSel) {
    if (typeof quoteSel.exact !== 'string' || quoteSel.exact.length === 0) throw new Invalid('TextQuoteSelector ohne „exact“');
    exact = quoteSel.exact;
    if (start < 0) {
      const at = versionText.indexOf(exact);
      if (at < 0) throw new Invalid('TextQuoteSelector ohne TextPositionSelector, und das Zitat steht nicht im Artikeltext');
      start = at;
      end = at + exact.length;
    }
  } else {
    // A passage exported without its quote (it touches non-public text): the article's own text supplies it.
    if (start < 0) throw new Invalid('weder TextQuoteSelector noch TextPositionSelector');
    if (end > versionText.length) throw new Invalid('TextPositionSelector liegt außerhalb des Artikeltexts');
    exact = versionText.slice(start, end);
  }
  const prefix = quoteSel && typeof quoteSel.prefix === 'string' ? quoteSel.prefix : '';
  const suffix = quoteSel && typeof quoteSel.suffix === 'string' ? quoteSel.suffix : '';
  const created = time(raw.created, 'created', now);
  const modified = time(raw.modified, 'modified', created);
  const original = raw[ORIGINAL_QUOTE_KEY];
  return {
    id: idFor(raw.id),
    articleId,
    versionHash: hash,
    type: typeOf(raw, bodies),
    note,
    tags: cleanTags(tags),
    selectors: { quote: { exact, prefix, suffix }, position: { start, end } },
    originalQuote: typeof original === 'string' && original.length > 0 ? original : exact,
    created,
    modified,
  };
}

/**
 * Reads a W3C Web Annotation file and stores its annotations in one transaction. Invalid content
 * (not JSON, not annotations, an article not in the collection, …) is an ANNOTATION_IMPORT_INVALID
 * error naming the file, the annotation and the problem; nothing is written then.
 */
export function importW3cAnnotations(db: Database, fileName: string, content: string, now: string = new Date().toISOString()): AnnotationImportResult {
  const fail = (reason: string): never => {
    throw new AppError('ANNOTATION_IMPORT_INVALID', { file: fileName, reason });
  };
  if (content.length > MAX_IMPORT_CHARS) fail(`größer als ${MAX_IMPORT_CHARS / 1024 / 1024} MB`);
  let doc: unknown;
  try {
    doc = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (e) {
    fail(`kein gültiges JSON: ${(e as Error).message}`);
  }
  let objects: unknown[];
  try {
    objects = annotationObjects(doc);
  } catch (e) {
    if (e instanceof Invalid) fail(e.message);
    throw e;
  }
  const records: AnnotationRecord[] = [];
  const seen = new Set<string>();
  objects.forEach((raw, i) => {
    const label = `Annotation ${i + 1}${isObject(raw) && typeof raw.id === 'string' ? ` (${raw.id.slice(0, 80)})` : ''}`;
    try {
      const record = readAnnotation(db, raw, now);
      if (seen.has(record.id)) throw new Invalid('dieselbe id steht mehrfach in der Datei');
      if (!isAnnotationType(record.type)) throw new Invalid('unbekannter Typ');
      seen.add(record.id);
      records.push(record);
    } catch (e) {
      if (e instanceof Invalid) fail(`${label}: ${e.message}`);
      throw e;
    }
  });
  return { file: fileName, ...upsertAnnotationRecords(db, records) };
}
