/**
 * Bylines above the text: "Von Andrej Sokolow, dpa", "By Tom Perry and Ali Ahmad",
 * "By MARISOL QUIROGA-VENN" with a title line "AP Business Writer", "- von Petra Wendeler -".
 */
import { agencyFromToken } from './agencies.js';
import { splitNames, titleCaseIfShouting } from './names.js';

export interface Byline {
  names: string[];
  /** Agency named after the names (", dpa"), if any. */
  agency: string | null;
}

/** Parses a byline line, or returns null when the line is not one. */
export function parseByline(line: string): Byline | null {
  if (line.length > 160) return null;
  let s = line;
  // Reuters German sometimes frames the byline in dashes.
  if (/^[-–] /.test(s) && / [-–]$/.test(s)) s = s.slice(2, -2).trim();
  const m = /^(?:by|von) /i.exec(s);
  if (!m) return null;
  let rest = s.slice(m[0].length).trim();
  let agency: string | null = null;
  const comma = rest.lastIndexOf(',');
  if (comma >= 0) {
    const tail = rest.slice(comma + 1).trim();
    const a = agencyFromToken(tail) ?? (/^(?:The )?Associated Press$/i.test(tail) ? 'AP' : null);
    if (a) {
      agency = a;
      rest = rest.slice(0, comma).trim();
    }
  }
  const names = splitNames(rest, true);
  if (!names || names.length === 0) return null;
  // "By Reuters Staff" is a byline but names nobody.
  const people = names.filter((n) => !/\bStaff\b|\bRedaktion\b/i.test(n) && agencyFromToken(n) === null);
  return { names: people.map(titleCaseIfShouting), agency };
}

/** The line under an agency byline that names the job ("AP Business Writer", "Reuters-Korrespondentin"). */
export function isBylineTitle(line: string): boolean {
  if (line.length > 60 || /[.:;,!?]$/.test(line)) return false;
  if (line.split(' ').length > 6) return false;
  if (/^(?:AP|Associated Press|Reuters|AFP|dpa)(?: \p{Lu}\p{L}*){0,3}$/u.test(line)) return true;
  return /^\p{Lu}[\p{L} -]*(?:Writer|Correspondent|Editor|Reporter|Korrespondent|Korrespondentin)$/u.test(line);
}
