import type { Database } from 'better-sqlite3';
import { redactTerms, type RedactLang } from '../../shared/protected.js';
import { protectedTerms } from './sources.js';

/**
 * The drafts' hook for source protection (Informantenschutz): whatever a draft quotes or asks
 * passes through {@link redactProtected}, so a protected source is never named in an e-mail.
 */

/** Names, aliases and surnames of the protected sources (from the sources feature). */
export function protectedTermsForDrafts(db: Database): string[] {
  return protectedTerms(db);
}

/** `text` with every protected name replaced by "vertrauliche Quelle" / "confidential source". */
export function redactProtected(db: Database, text: string, lang: RedactLang = 'de', terms: readonly string[] = protectedTermsForDrafts(db)): string {
  return redactTerms(text, terms, lang);
}
