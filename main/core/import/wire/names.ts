/**
 * Person names in bylines and credit trailers. The checks are deliberately strict: a line like
 * "Von Montag an gilt ..." must not become a byline.
 */

const PARTICLES = new Set([
  'von', 'van', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'la', 'le', 'zu', 'zur', 'ter', 'ten', 'al', 'el', 'bin', 'ibn', 'y',
]);

function isNameWord(w: string): boolean {
  if (w.length === 0 || w.length > 30) return false;
  if (!/^[\p{L}.'’-]+$/u.test(w)) return false;
  if (/^\p{Lu}/u.test(w)) return true;
  if (PARTICLES.has(w)) return true;
  // Arabic article forms like "al-Assad", "bin-Salman": lowercase prefix, capitalised rest.
  return /^[a-z]{1,3}-\p{Lu}/u.test(w);
}

/** True when the string looks like a person's name: 1–6 words, capitalised except for particles. */
export function isPersonName(name: string): boolean {
  const words = name.split(' ');
  if (words.length === 0 || words.length > 6) return false;
  if (!/^\p{Lu}/u.test(name)) return false;
  return words.every(isNameWord);
}

/** "MARISOL QUIROGA-VENN" → "Marisol Quiroga-Venn"; names with any lowercase letter stay as printed. */
export function titleCaseIfShouting(name: string): string {
  if (/\p{Ll}/u.test(name) || !/\p{Lu}.*\p{Lu}/u.test(name)) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{Ll})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/**
 * Splits a list of names ("Hyunjoo Jin und Jack Kim", "A, B and C in London") into names.
 * Places attached with "in"/"aus" are cut off; a one-word piece right after such a place is the
 * rest of the place ("in Santiago, Chile") and is dropped. Pieces that are not names are dropped
 * too; `strict` makes any such piece fail the whole list instead (for bylines).
 */
export function splitNames(list: string, strict = false): string[] | null {
  let s = list.trim();
  if (s.length === 0 || s.length > 400) return null;
  // A trailing full stop ends the sentence unless it closes an initial ("Scot W.").
  if (s.endsWith('.') && /\p{Ll}{2}\.$/u.test(s)) s = s.slice(0, -1);
  const pieces = s.split(/,|\s(?:und|and|sowie|&)\s/);
  const names: string[] = [];
  let afterPlace = false;
  for (const rawPiece of pieces) {
    let piece = rawPiece.trim();
    if (piece.length === 0) continue;
    if (afterPlace && !piece.includes(' ')) {
      afterPlace = false;
      continue;
    }
    afterPlace = false;
    const cut = piece.search(/\s(?:in|aus)\s/);
    if (cut > 0) {
      piece = piece.slice(0, cut).trim();
      afterPlace = true;
    }
    if (isPersonName(piece)) names.push(piece);
    else if (strict) return null;
  }
  return names;
}
