/**
 * APA / derStandard shapes: a dateline with an en dash, possibly mid-line after a lead sentence
 * ("… sind verletzt. Riad – Wenige Tage …"), and a closing agency credit "(APA, 12.9.2015)",
 * "(APA/dpa, 1.11.2015)", "(red, APA, 3.4.2016)" or a bare "(dpa)".
 */
import { agencyFromToken } from './agencies.js';
import { parseDmy, parseWordDate } from './dates.js';

const PLACE_PARTICLES = new Set(['am', 'an', 'im', 'in', 'bei', 'der', 'de', 'del', 'la', 'le', 'sur', 'upon', 'on', 'ob', 'a.M.', 'a.d.']);

function isDashPlace(place: string): boolean {
  if (place.length === 0 || place.length > 40) return false;
  const words = place.split(' ');
  if (words.length > 4) return false;
  return words.every((w, i) => /^\p{Lu}[\p{L}./'’-]*$/u.test(w) || (i > 0 && PLACE_PARTICLES.has(w)));
}

export interface DashDateline {
  /** Offset in the unit where the dateline starts (0, or just after the lead sentence). */
  start: number;
  place: string;
  /** The dateline as printed, including the dash and the following space ("Riad – "). */
  text: string;
}

/** Finds an en-dash dateline in the first few hundred characters of a paragraph, or returns null. */
export function matchDashDateline(unit: string, maxScan = 400): DashDateline | null {
  const limit = Math.min(unit.length - 2, maxScan);
  for (let p = 1; p < limit; p++) {
    const ch = unit.charAt(p);
    if ((ch !== '–' && ch !== '—') || unit[p - 1] !== ' ' || unit[p + 1] !== ' ') continue;
    const before = unit.slice(0, p - 1);
    // The dateline opens the paragraph or follows a complete lead sentence.
    const boundary = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '));
    const start = boundary < 0 ? 0 : boundary + 2;
    const place = before.slice(start);
    const next = unit.charAt(p + 2);
    if (isDashPlace(place) && /[\p{Lu}\p{N}"„»«“]/u.test(next)) {
      return { start, place, text: unit.slice(start, p + 2) };
    }
  }
  return null;
}

export interface ClosingCredit {
  /** Offset of the opening parenthesis in the unit. */
  start: number;
  agency: string;
  published: string | null;
  text: string;
}

/** Parses an agency credit closing a paragraph ("… ausgefallen. (APA, 12.9.2015)"), or returns null. */
export function parseClosingCredit(unit: string): ClosingCredit | null {
  if (!unit.endsWith(')')) return null;
  const open = unit.lastIndexOf('(');
  if (open < 0 || unit.length - open > 60) return null;
  const inner = unit.slice(open + 1, -1).trim();
  let agency: string | null = null;
  let published: string | null = null;
  const parts = inner.split(',').map((p) => p.trim());
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i > 0) {
      const d = parseDmy(part) ?? parseWordDate(part);
      if (d) {
        published = d;
        continue;
      }
    }
    for (const tok of part.split('/')) {
      const a = agencyFromToken(tok);
      if (a) agency ??= a;
      // Editors' initials ("red", "mab") may accompany the agency; anything else is prose.
      else if (!/^[a-z]{1,4}$/.test(tok.trim())) return null;
    }
  }
  if (!agency) return null;
  return { start: open, agency, published, text: unit.slice(open) };
}
