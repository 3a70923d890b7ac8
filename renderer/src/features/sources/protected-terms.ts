import { normaliseTerms, redactTerms, type RedactLang } from '../../../../shared/protected.js';
import type { Source } from '../../../../shared/source.js';
import { api } from '../../api.js';

/**
 * The terms that identify protected sources, as the core collects them (name, aliases, and a
 * person's surname): the UI applies the same redaction to what it copies or saves, so a protected
 * name cannot leave through the clipboard even if a text reached the window unredacted.
 */
export function protectedTermsOf(sources: readonly Source[]): string[] {
  const terms: string[] = [];
  for (const s of sources) {
    if (!s.protected) continue;
    terms.push(s.name, ...s.aliases);
    const parts = s.name.replace(/\s+/g, ' ').trim().split(' ');
    const last = parts[parts.length - 1];
    if (s.kind === 'person' && parts.length > 1 && last && last.length >= 2 && !last.endsWith('.')) terms.push(last);
  }
  return normaliseTerms(terms);
}

/** `text` with every protected source replaced by "vertrauliche Quelle" / "confidential source". */
export async function redactProtected(text: string, lang: RedactLang): Promise<string> {
  const sources = await api['sources.list']({ protected: true });
  return redactTerms(text, protectedTermsOf(sources), lang);
}
