/**
 * Redaction of protected sources (Informantenschutz, Pressekodex Ziffer 5): the pure half. The
 * store collects the terms (`protectedTerms` in `main/core/sources.ts`); this replaces them. Pure
 * string code so the UI can apply the same rule to what it copies.
 */

/** What a protected name becomes, per language. */
export const CONFIDENTIAL_LABEL = { de: 'vertrauliche Quelle', en: 'confidential source' } as const;

/** Languages a redaction label exists for. */
export type RedactLang = keyof typeof CONFIDENTIAL_LABEL;

// Letters, marks and digits count as word characters: "Haas" must not match inside "Haasstraße",
// and "Öz" not inside "Özdemir". Underscore too, so e-mail local parts are not split.
const WORD = String.raw`[\p{L}\p{M}\p{N}_]`;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whitespace-normalised, NFC terms, longest first, without blanks and duplicates (case-insensitively). */
export function normaliseTerms(terms: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of terms) {
    const t = raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
    if (t && !seen.has(t.toLocaleLowerCase('de'))) seen.set(t.toLocaleLowerCase('de'), t);
  }
  // Longest first, so "Rene Haas" is replaced as a whole before "Haas" could match inside it.
  return [...seen.values()].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

const cache = new Map<string, RegExp>();

/**
 * The matcher for a set of terms: whole words, case-insensitive, any whitespace (line breaks too)
 * between the words of a name, and a trailing genitive (Haas', Altmans, Son's) taken along so the
 * name does not survive as "vertrauliche Quelles" or leak as "Altmans". One alternation of literals
 * without nested quantifiers: linear in the text.
 */
function matcher(terms: readonly string[]): RegExp | null {
  if (terms.length === 0) return null;
  const key = terms.join('\u0000');
  let re = cache.get(key);
  if (!re) {
    const alts = terms.map((t) => t.split(' ').map(escapeRegExp).join(String.raw`\s+`));
    re = new RegExp(`(?<!${WORD})(?:${alts.join('|')})((?:['’]s?|s)?)(?!${WORD})`, 'giu');
    if (cache.size > 50) cache.clear();
    cache.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

/**
 * Replaces every term (names and aliases of protected sources) in `text` with the confidential
 * label: case-insensitive, whole words only, longest term first. The text is NFC-normalised so a
 * decomposed "ö" cannot slip past. An English possessive ("'s") is kept after the label.
 */
export function redactTerms(text: string, terms: readonly string[], lang: RedactLang = 'de'): string {
  const re = matcher(normaliseTerms(terms));
  const nfc = text.normalize('NFC');
  if (!re) return nfc;
  const label = CONFIDENTIAL_LABEL[lang];
  return nfc.replace(re, (_whole, suffix: string) => (suffix.length > 1 ? `${label}${suffix}` : label));
}

/** True when `text` contains any of the terms as a whole word (case-insensitive): for checks and tests. */
export function containsTerm(text: string, terms: readonly string[]): boolean {
  const re = matcher(normaliseTerms(terms));
  return re ? re.test(text.normalize('NFC')) : false;
}
