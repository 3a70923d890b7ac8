/**
 * Agency datelines that open a paragraph: "Seoul (Reuters) - ", "BEIRUT (Reuters) - ",
 * "New York (dpa) - ", "Berlin (dpa/lno) - ", "STOCKHOLM, Aug 29, 2014 (AFP) - ",
 * "BUENOS AIRES, Argentina (AP) _ ", "Bonn (KNA) ", "Frankfurt a.M. (epd). ".
 * Scanned by hand rather than with one regex so that adversarial input stays linear.
 */
import { agencyFromTag } from './agencies.js';
import { isYearlessDate, parseWordDate } from './dates.js';

export interface AgencyDateline {
  /** Place as printed, with a region if printed ("BUENOS AIRES, Argentina"), without the date. */
  place: string;
  agency: string;
  /** The dateline exactly as it opens the paragraph, including the dash and the space after it. */
  text: string;
  /** Date printed in the dateline (AFP), ISO. */
  published: string | null;
}

const DASHES = '-–—_';

/** True for a plausible dateline place: short, capitalised, no sentence punctuation. */
export function isPlace(place: string): boolean {
  if (place.length === 0 || place.length > 80) return false;
  if (!/^\p{Lu}/u.test(place)) return false;
  if (/[:;!?"„“”»«()[\]{}]/.test(place)) return false;
  return place.split(' ').length <= 8;
}

/** Splits "STOCKHOLM, Aug 29, 2014" into place and date; a region stays with the place. */
function splitPlaceAndDate(head: string): { place: string; published: string | null } {
  // A loop, not .map(): see splitUnits' caller in index.ts (array kinds and deoptimization).
  const segs: string[] = [];
  for (const seg of head.split(',')) segs.push(seg.trim());
  for (let k = 1; k < segs.length; k++) {
    const d = parseWordDate(segs.slice(k).join(', '));
    if (d) return { place: segs.slice(0, k).join(', '), published: d };
  }
  const kept = segs.filter((s, i) => i === 0 || !isYearlessDate(s));
  return { place: kept.join(', '), published: null };
}

/** Parses an agency dateline at the start of a paragraph, or returns null. */
export function matchAgencyDateline(unit: string): AgencyDateline | null {
  const open = unit.indexOf('(', 0);
  if (open <= 0 || open > 100) return null;
  const close = unit.indexOf(')', open);
  if (close < 0 || close - open > 30) return null;
  const agency = agencyFromTag(unit.slice(open + 1, close));
  if (!agency) return null;
  const { place, published } = splitPlaceAndDate(unit.slice(0, open).trim());
  if (!isPlace(place)) return null;

  let i = close + 1;
  // epd writes "(epd)." and some feeds "(KNA):"
  if (unit[i] === '.' || unit[i] === ':') i++;
  let j = i;
  while (unit[j] === ' ') j++;
  let k = j;
  while (k < unit.length && DASHES.includes(unit.charAt(k))) k++;
  const dashLen = k - j;
  if (dashLen > 3) return null;
  let end = k;
  while (unit[end] === ' ') end++;
  if (dashLen === 0) {
    // Without a dash (KNA style), the text must go on after a space with a new sentence.
    if (end === i || end >= unit.length) return null;
    if (!/[\p{Lu}\p{N}"„»«“']/u.test(unit.charAt(end))) return null;
  }
  return { place, agency, text: unit.slice(0, end), published };
}
