/**
 * Kinds of manually added source and the CSL type each becomes. Kept free of zod so the renderer
 * can use it without bundling zod, whose JIT probe (`new Function`) the CSP reports as a violation.
 */
export const MANUAL_SOURCE_TYPES = {
  webpage: 'webpage',
  document: 'document',
  interview: 'interview',
  person: 'personal_communication',
} as const;

export type ManualSourceKind = keyof typeof MANUAL_SOURCE_TYPES;
