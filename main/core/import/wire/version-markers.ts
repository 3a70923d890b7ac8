/**
 * Version markers: corrections, refiles and updates, as Reuters and dpa print them in headlines
 * ("CORRECTED-UPDATE 2-…", "KORREKTUR: …"), in header lines, as their own line ("Berichtigung")
 * or as an editor's note in parentheses ("(Adds comments, detail)", "(Neufassung: …)").
 */

// Anchored and made of literal alternatives: linear on any input.
const HEADLINE_PREFIX =
  /^(CORRECTED|REFILE|RPT|REPEAT|UPDATE \d{1,2}|WRAPUP \d{1,2}|WRAPUP|ROUNDUP \d{1,2}|ROUNDUP|KORREKTUR|BERICHTIGUNG|NEUFASSUNG|WIEDERHOLUNG|Korrektur|Berichtigung|Neufassung|Wiederholung|WDH)(?: - | ?[-–:/] ?)/;

const STANDALONE =
  /^(CORRECTED|CORRECTION|REFILE|REPEAT|UPDATE \d{1,2}|KORREKTUR|BERICHTIGUNG|NEUFASSUNG|WIEDERHOLUNG|Korrektur|Berichtigung|Neufassung|Wiederholung)[:.]?$/;

const IN_HEADER = /\b(CORRECTED|REFILE|UPDATE \d{1,2}|KORREKTUR|BERICHTIGUNG|NEUFASSUNG|Korrektur|Berichtigung|Neufassung|Wiederholung)\b/g;

const NOTE_WORDS = [
  'Adds', 'Add', 'Updates', 'Updated', 'Corrects', 'Corrected', 'Correction', 'Recasts', 'Refiles', 'Repeats', 'Rewrites',
  'Removes', 'Fixes', 'Clarifies', 'Changes', 'Inserts', 'Deletes', 'Writes through', 'Neufassung', 'Berichtigung',
  'Berichtigt', 'Korrektur', 'Korrigiert', 'Ergänzt', 'Ergänzung', 'Wiederholung', 'Aktualisiert', 'Aktualisierung',
  'Überarbeitet', 'Neu',
];

/** Strips version-marker prefixes ("CORRECTED-UPDATE 2-") and a trailing note "(Adds …)" from a headline. */
export function stripHeadlineMarkers(headline: string): { title: string; markers: string[] } {
  let rest = headline;
  const markers: string[] = [];
  for (let guard = 0; guard < 6; guard++) {
    const m = HEADLINE_PREFIX.exec(rest);
    if (!m || m[1] === undefined || m[0].length >= rest.length) break;
    markers.push(m[1]);
    rest = rest.slice(m[0].length);
  }
  if (rest.endsWith(')')) {
    const open = rest.lastIndexOf(' (');
    if (open > 0) {
      const note = markerNote(rest.slice(open + 1));
      if (note) {
        markers.push(note);
        rest = rest.slice(0, open);
      }
    }
  }
  return { title: rest.trim(), markers };
}

/** "(Adds comments, detail)" → "Adds comments, detail"; null when the parenthesis is not an editor's version note. */
export function markerNote(unit: string): string | null {
  if (unit.length < 4 || unit.length > 300 || !unit.startsWith('(') || !unit.endsWith(')')) return null;
  const inner = unit.slice(1, -1).trim();
  for (const w of NOTE_WORDS) {
    if (!inner.startsWith(w)) continue;
    const next = inner.charAt(w.length);
    // The word must end there: "Adds" yes, "Additionally" no.
    if (next === '' || next === ' ' || next === ':' || next === ',') return inner;
  }
  return null;
}

/** A line that is only a marker ("Berichtigung", "UPDATE 1") → the marker; otherwise null. */
export function standaloneMarker(unit: string): string | null {
  if (unit.length > 30) return null;
  const m = STANDALONE.exec(unit);
  return m && m[1] !== undefined ? m[1] : null;
}

/** Markers named inside a header line (" date 2025-02 Neufassung Quelle: …"). */
export function markersInHeader(header: string): string[] {
  if (header.length > 1000) return [];
  const out: string[] = [];
  for (const m of header.matchAll(IN_HEADER)) if (m[1] !== undefined) out.push(m[1]);
  return out;
}
