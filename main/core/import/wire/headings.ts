/**
 * Subheads in the body: Reuters prints them in capitals ("KI-FUNKTIONEN FÜR …"), dpa in sentence
 * case as a short line without a full stop ("Kalte Füße an der Wall Street").
 */

/** An all-capitals line: at least four letters, none lowercase (ß counts as neither). */
export function isAllCapsHeading(unit: string): boolean {
  if (unit.length < 4 || unit.length > 150) return false;
  if (/[.,;]$/.test(unit)) return false;
  // Case mapping instead of per-character Unicode regexes: this runs on every body paragraph.
  const letters = unit.includes('ß') ? unit.replaceAll('ß', '') : unit;
  if (letters !== letters.toUpperCase()) return false;
  let upper = 0;
  for (const ch of letters) if (ch !== ch.toLowerCase()) upper++;
  return upper >= 4;
}

/**
 * A sentence-case subhead: short, starts with a capital, no closing full stop, colon, semicolon or
 * comma (a question or exclamation mark is fine: "Wer steckt hinter DeepSeek?"). The caller also
 * requires body text after it: a short last line is a closing remark, not a heading.
 */
export function isSentenceCaseHeading(unit: string): boolean {
  // Cheap checks first, without allocating: this runs on every body paragraph.
  if (unit.length < 3 || unit.length > 100) return false;
  let spaces = 0;
  for (let i = unit.indexOf(' '); i >= 0; i = unit.indexOf(' ', i + 1)) if (++spaces > 13) return false;
  const last = unit.charAt(unit.length - 1);
  if (NO_HEADING_END.includes(last)) return false;
  if (QUOTES.includes(last)) {
    // A quotation that ends a sentence inside its quotes is a short paragraph, not a heading.
    const before = unit.charAt(unit.length - 2);
    const before2 = unit.charAt(unit.length - 3);
    if (SENTENCE_END.includes(before) || (QUOTES.includes(before) && SENTENCE_END.includes(before2))) return false;
  }
  if (!HEADING_START.test(unit.charAt(0))) return false;
  return !unit.includes('@') && !unit.includes('://');
}

const NO_HEADING_END = '.,:;';
const SENTENCE_END = '.,:;!?…';
const QUOTES = '"»«“”\'’';
const HEADING_START = /^[\p{Lu}\p{N}„"»«“‚]$/u;
