/**
 * Copyright lines: "(c) Copyright Thomson Reuters 2014. Click For Restrictions - URL",
 * "Copyright 2025, dpa (www.dpa.de). Alle Rechte vorbehalten", "© 2023 The Associated Press ...".
 */
import { agencyFromHolder } from './agencies.js';

export interface CopyrightLine {
  /** The copyright statement without the "Click For Restrictions" link label. */
  copyright: string;
  /** Rights URL given on the line (http/https only; a bare "www.dpa.de" is a name, not a link). */
  url: string | null;
  year: string | null;
  agency: string | null;
}

function trimTrailingDotsAndSpace(s: string): string {
  let end = s.length;
  while (end > 0 && (s[end - 1] === '.' || s[end - 1] === ' ')) end--;
  return s.slice(0, end);
}

/** First http(s) URL in the text, without trailing punctuation. */
export function firstUrl(text: string): string | null {
  const i = text.search(/https?:\/\//);
  if (i < 0) return null;
  let end = i;
  while (end < text.length && !/[\s<>"()]/.test(text.charAt(end))) end++;
  const url = text.slice(i, end).replace(/[.,;]+$/, '');
  return url.length > 8 ? url : null;
}

/** Parses a copyright line, or returns null when the line is not one. */
export function parseCopyrightLine(line: string): CopyrightLine | null {
  if (line.length > 400) return null;
  const lower = line.toLowerCase();
  const symbol = lower.startsWith('(c)') || lower.startsWith('©');
  if (!symbol && !lower.startsWith('copyright')) return null;
  let statement = line;
  let url: string | null;
  const restrictions = lower.indexOf('click for restrictions');
  if (restrictions >= 0) {
    // Reuters appends a link label and the rights URL; the label is not part of the statement.
    statement = line.slice(0, restrictions);
    url = firstUrl(line.slice(restrictions));
  } else {
    url = firstUrl(line);
  }
  const copyright = trimTrailingDotsAndSpace(statement.trim());
  const yearMatch = /\b(?:19|20)\d{2}\b/.exec(copyright);
  const year = yearMatch ? yearMatch[0] : null;
  const agency = agencyFromHolder(copyright);
  // "Copyright law says ..." is prose; a real line names a year, an agency or uses the symbol.
  if (!symbol && !year && !agency) return null;
  if (copyright.length === 0) return null;
  return { copyright, url, year, agency };
}
