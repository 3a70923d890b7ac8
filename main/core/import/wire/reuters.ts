/**
 * Reuters shapes: the German header line (" date 2025-02 Quelle: (c) Copyright Thomson Reuters
 * 2025. Click For Restrictions - URL") and the credit trailer in parentheses, German
 * ("(Bericht von …; Redigiert von …; Bei Rückfragen wenden Sie sich an …)") and English
 * ("(Reporting by …; Additional reporting by …; Editing by …)").
 */
import type { Credit, CreditRole, DeskContact } from '../../../../shared/article.js';
import { parseCopyrightLine, type CopyrightLine } from './copyright.js';
import { parseDmy, parseIsoLike } from './dates.js';
import { splitNames } from './names.js';
import { markersInHeader } from './version-markers.js';

export interface WireHeader {
  published: string | null;
  copyright: CopyrightLine | null;
  markers: string[];
}

/** Parses a "date … Quelle: …" header line, or returns null. */
export function parseReutersHeader(unit: string): WireHeader | null {
  if (unit.length > 600) return null;
  const lower = unit.toLowerCase();
  let published: string | null = null;
  let source: string;
  let beforeSource: string;
  if (lower.startsWith('date ')) {
    const q = lower.indexOf(' quelle:');
    if (q < 0 || q > 80) return null;
    beforeSource = unit.slice(5, q).trim();
    const first = beforeSource.split(' ')[0] ?? '';
    published = parseIsoLike(first) ?? parseDmy(first);
    source = unit.slice(q + ' quelle:'.length).trim();
  } else if (lower.startsWith('quelle:')) {
    beforeSource = '';
    source = unit.slice('quelle:'.length).trim();
  } else {
    return null;
  }
  const copyright = parseCopyrightLine(source);
  if (!published && !copyright) return null;
  // Markers may stand before "Quelle:" or after the statement; the URL is not searched.
  const url = copyright?.url;
  const searchable = `${beforeSource} ${url ? source.replace(url, '') : source}`;
  return { published, copyright, markers: markersInHeader(searchable) };
}

/** Role phrases that open a trailer segment, longest first so "Additional reporting by" wins over "by". */
const ROLE_PHRASES: ReadonlyArray<readonly [string, CreditRole]> = [
  ['additional reporting by', 'contributor'],
  ['unter mitarbeit von', 'contributor'],
  ['mitarbeit von', 'contributor'],
  ['mitarbeit:', 'contributor'],
  ['mit material von', 'contributor'],
  ['berichterstattung von', 'reporter'],
  ['reporting by', 'reporter'],
  ['reported by', 'reporter'],
  ['bericht von', 'reporter'],
  ['reporter:', 'reporter'],
  ['writing by', 'writer'],
  ['written by', 'writer'],
  ['compiled by', 'writer'],
  ['geschrieben von', 'writer'],
  ['verfasst von', 'writer'],
  ['editing by', 'editor'],
  ['edited by', 'editor'],
  ['redigiert von', 'editor'],
  ['bearbeitet von', 'editor'],
  ['redakteur:', 'editor'],
  ['redakteurin:', 'editor'],
  ['redaktion:', 'editor'],
  ['von', 'reporter'],
  ['by', 'reporter'],
];

function roleAt(segment: string): { role: CreditRole; rest: string } | null {
  const lower = segment.toLowerCase();
  for (const [phrase, role] of ROLE_PHRASES) {
    if (!lower.startsWith(phrase)) continue;
    const next = segment.charAt(phrase.length);
    if (phrase.endsWith(':') || next === ' ') return { role, rest: segment.slice(phrase.length).trim() };
  }
  return null;
}

/** Splits "Reporting by A, editing by B" at commas that start a new role. */
function splitAtRoleCommas(segment: string): string[] {
  const out: string[] = [];
  let from = 0;
  let search = 0;
  for (;;) {
    const c = segment.indexOf(',', search);
    if (c < 0) break;
    search = c + 1;
    const after = segment.slice(c + 1).trimStart();
    const r = roleAt(after);
    // A bare "von"/"by" after a comma is too weak a signal ("Reporting by A, by B" is rare).
    if (r && !/^(?:von|by) /i.test(after)) {
      out.push(segment.slice(from, c));
      from = c + 1;
    }
  }
  out.push(segment.slice(from));
  // A loop, not .map().filter(): see splitUnits' caller in index.ts (array kinds and deoptimization).
  const parts: string[] = [];
  for (const part of out) {
    const t = part.trim();
    if (t.length > 0) parts.push(t);
  }
  return parts;
}

/**
 * Desk e-mail addresses with their beat: "unter X (für Politik und Konjunktur) oder Y (für …)".
 * Scans for '@' and grows the address by hand: e-mail regexes backtrack badly on long inputs.
 */
export function parseDeskContacts(text: string): DeskContact[] {
  const out: DeskContact[] = [];
  const local = /[A-Za-z0-9._%+-]/;
  const domain = /[A-Za-z0-9.-]/;
  let at = text.indexOf('@');
  while (at >= 0) {
    let s = at;
    while (s > 0 && local.test(text.charAt(s - 1))) s--;
    let e = at + 1;
    while (e < text.length && domain.test(text.charAt(e))) e++;
    while (e > at + 1 && (text[e - 1] === '.' || text[e - 1] === '-')) e--;
    const email = text.slice(s, e);
    const dom = text.slice(at + 1, e);
    if (s < at && /\.[A-Za-z]{2,}$/.test(dom)) {
      let scope: string | null = null;
      let p = e;
      while (text[p] === ' ') p++;
      if (text[p] === '(') {
        const close = text.indexOf(')', p);
        if (close > p && close - p < 200) {
          const inner = text.slice(p + 1, close).trim();
          const m = /^(?:für|for|zuständig für) (.+)$/i.exec(inner);
          scope = m?.[1]?.trim() ?? null;
        }
      }
      if (!out.some((d) => d.email === email)) out.push({ email, scope });
    }
    at = text.indexOf('@', e + 1);
  }
  return out;
}

export interface Trailer {
  credits: Credit[];
  deskContacts: DeskContact[];
}

function isDeskSegment(segment: string): boolean {
  return segment.includes('@');
}

/** Parses the credit trailer in parentheses at the end of a Reuters story, or returns null. */
export function parseTrailer(unit: string): Trailer | null {
  if (unit.length < 6 || unit.length > 3000 || !unit.startsWith('(') || !unit.endsWith(')')) return null;
  const inner = unit.slice(1, -1).trim();
  const credits: Credit[] = [];
  const deskContacts: DeskContact[] = [];
  for (const semi of inner.split(';')) {
    const segment = semi.trim();
    if (isDeskSegment(segment)) {
      for (const d of parseDeskContacts(segment)) deskContacts.push(d);
      continue;
    }
    for (const part of splitAtRoleCommas(segment)) {
      const r = roleAt(part);
      if (!r) continue;
      for (const name of splitNames(r.rest) ?? []) credits.push({ role: r.role, name });
    }
  }
  if (credits.length === 0 && deskContacts.length === 0) return null;
  return { credits, deskContacts };
}

/** A desk-contact line outside parentheses ("Bei Rückfragen wenden Sie sich an …"). */
export function parseDeskLine(unit: string): DeskContact[] | null {
  if (unit.length > 1000 || !unit.includes('@')) return null;
  if (!/^(?:bei rückfragen|rückfragen|for (?:questions|queries)|questions|kontakt zur redaktion)/i.test(unit)) return null;
  const desks = parseDeskContacts(unit);
  return desks.length > 0 ? desks : null;
}
