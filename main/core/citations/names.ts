import type { CslName } from '../../../shared/contract-citations.js';

// Lower-case name particles (German, Dutch, Romance, Arabic, Scandinavian). They are only taken as
// particles between a given name and a family name, so "De" or "Van" as a given name stays one.
const PARTICLES = new Set([
  'von', 'vom', 'zu', 'zum', 'zur', 'van', 'der', 'den', 'het', 'ter', 'ten', 'te', 'de', 'del', 'della', 'dei', 'degli',
  'di', 'da', 'das', 'do', 'dos', 'du', 'des', 'la', 'le', 'lo', 'y', 'e', 'af', 'av', 'al', 'el', 'bin', 'ibn', 'ben', 'bint', 'abu',
  "d'", "d’",
]);

// Generational suffixes; single roman letters are left alone because they are usually initials.
const SUFFIX = /^(?:jr\.?|sr\.?|jun\.?|sen\.?|ii|iii|iv)$/i;

// Credits that name a desk or organisation rather than a person.
const ORGANISATION = /\b(?:redaktion|newsroom|desk|team|staff|agentur|agency|korrespondent\w*|correspondents?|reuters|dpa|afp|apa|ap|kna|epd|bloomberg)\b|\d|&/i;

function isParticle(token: string): boolean {
  return token === token.toLowerCase() && PARTICLES.has(token);
}

/**
 * Splits a person's name as printed in a credit into a CSL name: "Scot W. Stevenson" → given
 * "Scot W.", family "Stevenson"; "Ursula von der Leyen" → particle "von der", family "Leyen";
 * "Bashar al-Assad" → family "al-Assad" (a hyphenated prefix stays with the family name);
 * "Stevenson, Scot W." is read as family, given. Single names and desks/organisations become a
 * literal, so no style inverts or abbreviates them. Particles become `non-dropping-particle`, the
 * form BibTeX and RIS round-trip ("von der Leyen, Ursula"); users can edit the record otherwise.
 */
export function splitName(raw: string): CslName | null {
  const name = raw.replace(/\s+/g, ' ').trim().replace(/^[,;]+|[,;]+$/g, '').trim();
  if (!name) return null;
  if (ORGANISATION.test(name)) return { literal: name };

  if (name.includes(',')) {
    const [familyPart = '', givenPart = '', suffixPart = ''] = name.split(',').map((s) => s.trim());
    if (!familyPart || !givenPart) return { literal: name.replace(/,/g, '').trim() };
    if (SUFFIX.test(givenPart) && !suffixPart) return splitName(familyPart) ?? { literal: name };
    const fam = familyPart.split(' ');
    let i = 0;
    while (i < fam.length - 1 && isParticle(fam[i]!)) i++;
    const out: CslName = { family: fam.slice(i).join(' '), given: givenPart };
    if (i > 0) out['non-dropping-particle'] = fam.slice(0, i).join(' ');
    if (suffixPart) out.suffix = suffixPart;
    return out;
  }

  const tokens = name.split(' ');
  let suffix: string | undefined;
  if (tokens.length > 2 && SUFFIX.test(tokens[tokens.length - 1]!)) suffix = tokens.pop();
  if (tokens.length === 1) return { literal: name };

  // The first particle after at least one given name starts the family name's prefix.
  let start = -1;
  for (let i = 1; i < tokens.length - 1; i++) {
    if (isParticle(tokens[i]!)) {
      start = i;
      break;
    }
  }
  let out: CslName;
  if (start > 0) {
    let end = start;
    while (end < tokens.length - 1 && isParticle(tokens[end]!)) end++;
    out = {
      family: tokens.slice(end).join(' '),
      given: tokens.slice(0, start).join(' '),
      'non-dropping-particle': tokens.slice(start, end).join(' '),
    };
  } else {
    out = { family: tokens[tokens.length - 1]!, given: tokens.slice(0, -1).join(' ') };
  }
  if (suffix) out.suffix = suffix;
  return out;
}

/** A CSL name as "Family, Given" (with particle and suffix), the form of BibTeX and RIS. */
export function invertedName(n: CslName): string {
  if (n.literal) return n.literal;
  const family = [n['dropping-particle'], n['non-dropping-particle'], n.family].filter(Boolean).join(' ');
  return [family, n.given, n.suffix].filter(Boolean).join(', ');
}
