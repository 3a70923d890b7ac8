import { PROPOSAL_KIND_LABELS, type ProposalKind } from '../../../../shared/proposals/types.js';
import { SOURCE_KIND_LABELS, VERIFICATION_STATUS_LABELS, type SourceKind, type VerificationStatus } from '../../../../shared/source.js';
import type { Lang } from '../../../../shared/errors.js';

/**
 * Labels of source kinds, verification statuses and proposal kinds, from the one table the CLI
 * uses too (`shared/source.ts`, `shared/proposals/types.ts`), so the window and the terminal agree.
 */

/** "Person", "Anonyme Quelle", … */
export function sourceKindLabel(kind: SourceKind, lang: Lang): string {
  return SOURCE_KIND_LABELS[kind][lang];
}

/** "unbestätigt", "bestätigt", … (English: "unverified", "verified", …). */
export function statusLabel(status: VerificationStatus, lang: Lang): string {
  return VERIFICATION_STATUS_LABELS[status][lang];
}

/** Badge of a proposal: Zitat, Person (a named attribution), anonyme Quelle, keine Stellungnahme, Zahl, ohne Quelle. */
export function proposalKindLabel(kind: ProposalKind, lang: Lang): string {
  return PROPOSAL_KIND_LABELS[kind][lang];
}
