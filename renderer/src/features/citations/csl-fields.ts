import type { CslDate, CslItem, CslName, CslPatch, CslType } from '../../../../shared/contract-citations.js';

/**
 * The fields of a bibliographic record the reading view shows and edits, and their conversion
 * between CSL-JSON and form text (names one per line, dates as JJJJ[-MM[-TT]]).
 */

/** Fields of the "Quellenangabe" panel, in display order. */
export const RECORD_FIELDS = ['type', 'title', 'author', 'editor', 'container-title', 'publisher', 'issued', 'publisher-place', 'URL', 'accessed'] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];

/** What kind of value a field holds. */
export function fieldKind(field: RecordField): 'type' | 'names' | 'date' | 'text' {
  if (field === 'type') return 'type';
  if (field === 'author' || field === 'editor') return 'names';
  if (field === 'issued' || field === 'accessed') return 'date';
  return 'text';
}

/** Item types offered in the form (the record's own type is added when it is another one). */
export const COMMON_TYPES = ['article-newspaper', 'article-magazine', 'webpage', 'document', 'report', 'interview', 'personal_communication', 'post-weblog'] as const satisfies readonly CslType[];
export type CommonType = (typeof COMMON_TYPES)[number];

/** True for the item types the UI has a label for. */
export function isCommonType(type: string): type is CommonType {
  return (COMMON_TYPES as readonly string[]).includes(type);
}

/** A name as a reader writes it: "Hyunjoo Jin", "Reuters". */
export function nameToDisplay(n: CslName): string {
  if (n.literal) return n.literal;
  return [n.given, n['dropping-particle'], n['non-dropping-particle'], n.family, n.suffix].filter(Boolean).join(' ');
}

/** A name as the form edits it: "Jin, Hyunjoo"; a literal stays as it is. */
export function nameToForm(n: CslName): string {
  if (n.literal) return n.literal;
  const family = [n['non-dropping-particle'], n.family].filter(Boolean).join(' ');
  const given = [n.given, n['dropping-particle']].filter(Boolean).join(' ');
  return [family, given, n.suffix].filter(Boolean).join(', ');
}

/** One form line back to a name: "Familienname, Vorname" is structured, anything else a literal. */
export function nameFromForm(line: string): CslName | null {
  const text = line.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  const comma = text.indexOf(',');
  if (comma < 0) return { literal: text };
  const family = text.slice(0, comma).trim();
  const rest = text.slice(comma + 1).split(',').map((s) => s.trim());
  const given = rest[0];
  const suffix = rest[1];
  if (!family) return { literal: text };
  return { family, ...(given ? { given } : {}), ...(suffix ? { suffix } : {}) };
}

/** A CSL date in the form's notation: `2025-02`, `2014-08-29`, a range with " – ", or the literal. */
export function dateToForm(d: CslDate): string {
  if (d.literal && !d['date-parts']) return d.literal;
  return (d['date-parts'] ?? []).map((p) => p.map((n, i) => (i === 0 ? String(n) : String(n).padStart(2, '0'))).join('-')).join(' – ');
}

/** Form text back to a CSL date: ISO notation becomes date parts, anything else a literal. */
export function dateFromForm(text: string): CslDate | null {
  const t = text.trim();
  if (!t) return null;
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(t);
  if (!m) return { literal: t };
  const parts: [number, ...number[]] = [Number(m[1])];
  if (m[2]) parts.push(Number(m[2]));
  if (m[3]) parts.push(Number(m[3]));
  return { 'date-parts': [parts] };
}

/** The value of a field as form text. */
export function fieldToForm(item: CslItem, field: RecordField): string {
  switch (fieldKind(field)) {
    case 'type':
      return item.type;
    case 'names':
      return (item[field as 'author' | 'editor'] ?? []).map(nameToForm).join('\n');
    case 'date': {
      const d = item[field as 'issued' | 'accessed'];
      return d ? dateToForm(d) : '';
    }
    default:
      return item[field as 'title'] ?? '';
  }
}

/** The patch of the fields whose form text differs from the record (cleared fields become `null`). */
export function patchFromForm(item: CslItem, values: Record<RecordField, string>): CslPatch {
  const patch: Record<string, unknown> = {};
  for (const field of RECORD_FIELDS) {
    const value = values[field];
    if (value.trim() === fieldToForm(item, field).trim()) continue;
    switch (fieldKind(field)) {
      case 'type':
        patch.type = value as CslType;
        break;
      case 'names': {
        const names = value.split('\n').map(nameFromForm).filter((n): n is CslName => n !== null);
        patch[field] = names.length > 0 ? names : null;
        break;
      }
      case 'date':
        patch[field] = dateFromForm(value);
        break;
      default:
        patch[field] = value.trim() ? value.trim() : null;
    }
  }
  return patch as CslPatch;
}
