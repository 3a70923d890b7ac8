import { createSource, protectedTerms } from '../../main/core/sources.js';
import type { Database } from '../../main/db/open.js';
import { containsTerm } from '../../shared/protected.js';

/**
 * Protected-source fixtures for exporter tests (citations, annotations, Rückfragen, clipboard).
 *
 *   const p = addProtectedSource(db);                 // a protected person in the registry
 *   const out = myExporter(db, …);                    // write text that mentions p.name somewhere
 *   expect(leakedProtectedTerms(out, db)).toEqual([]); // name, aliases and surname must be gone
 *
 * Put `p.name` (or an alias, in any letter case) into the article text, notes or desk data your
 * exporter writes, so the test proves the redaction rather than the absence of the name.
 */

/** The invented informant the helpers create unless told otherwise. */
export const PROTECTED_PERSON = {
  name: 'Henrike Quellenbach',
  aliases: ['die Hinweisgeberin aus dem Bauamt', 'H. Quellenbach'],
  surname: 'Quellenbach',
  role: 'Sachbearbeiterin im Bauamt',
} as const;

/** Creates a protected person (default {@link PROTECTED_PERSON}) and returns its id and the terms that must never appear. */
export function addProtectedSource(
  db: Database,
  opts: { name?: string; aliases?: string[]; role?: string; kind?: 'person' | 'organisation' | 'document' | 'anonymous' } = {},
): { id: number; name: string; aliases: string[]; terms: string[] } {
  const s = createSource(db, {
    kind: opts.kind ?? 'person',
    name: opts.name ?? PROTECTED_PERSON.name,
    aliases: opts.aliases ?? [...PROTECTED_PERSON.aliases],
    role: opts.role ?? PROTECTED_PERSON.role,
    protected: true,
  });
  return { id: s.id, name: s.name, aliases: s.aliases, terms: protectedTerms(db) };
}

/** The protected terms (names, aliases, surnames of every protected source in `db`) that occur in `output` as whole words, any case. */
export function leakedProtectedTerms(output: string, db: Database): string[] {
  return protectedTerms(db).filter((t) => containsTerm(output, [t]));
}
