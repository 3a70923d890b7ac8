import { z } from 'zod';
import { ANNOTATION_TYPES, type Annotation } from './annotation.js';
import { result } from './contract-result.js';
import type { Proposal, ProposalLang } from './proposals/types.js';
import {
  MAX_ALIASES,
  MAX_SOURCE_FIELD,
  MAX_SOURCE_NOTE,
  SOURCE_KINDS,
  VERIFICATION_STATUSES,
  type Source,
  type SourceDetail,
  type SourceMention,
} from './source.js';

/**
 * Source registry and proposal channels (spread into `contract` in `contract.ts`):
 * - the registry: `sources.list` (filters), `sources.get` (with mentions and dated history),
 *   `sources.create`, `sources.update`, `sources.setStatus`, `sources.setProtected`,
 *   `sources.merge`, `sources.delete`, `sources.addMention`, `sources.removeMention`;
 * - proposals of an article: `proposals.list` (computed now, with decisions; rejected ones hidden
 *   unless `includeRejected`), `proposals.accept` (source + mention + annotation in one
 *   transaction, with the journalist's corrections), `proposals.reject`, `proposals.unreject`.
 */

const id = z.number().int().positive();
const field = z.string().trim().min(1).max(MAX_SOURCE_FIELD);
const optionalField = field.nullable().optional();
const note = z.string().max(MAX_SOURCE_NOTE);
const aliases = z.array(z.string().max(MAX_SOURCE_FIELD)).max(MAX_ALIASES);
const kind = z.enum(SOURCE_KINDS);
const status = z.enum(VERIFICATION_STATUSES);
const proposalKey = z.string().min(1).max(200);
const offset = z.number().int().min(0);

/** A proposal with the decision taken on it. */
export interface ProposalView extends Proposal {
  decision: 'accepted' | 'rejected' | null;
  /** Source linked when it was accepted. */
  sourceId: number | null;
  /** Annotation created when it was accepted. */
  annotationId: string | null;
  decidedAt: string | null;
}

/** The proposals of one article. */
export interface ArticleProposalsView {
  articleId: number;
  language: ProposalLang;
  proposals: ProposalView[];
  /** How many rejected proposals are hidden. */
  rejectedHidden: number;
}

/** What accepting a proposal created. */
export interface AcceptedProposal {
  key: string;
  annotation: Annotation;
  source: SourceDetail | null;
  mention: SourceMention | null;
}

export const sourceChannels = {
  /** The registry sorted by name; `query` searches name, aliases, role, organisation, wording. */
  'sources.list': {
    args: z.object({ kind: kind.optional(), status: status.optional(), query: z.string().max(500).optional(), protected: z.boolean().optional() }).strict(),
    result: result<Source[]>(),
  },
  /** One source with its mentions and history. Error: SOURCE_NOT_FOUND. */
  'sources.get': { args: z.object({ id }).strict(), result: result<SourceDetail>() },
  /** Adds a source (status unbestätigt, recorded as the first history entry). */
  'sources.create': {
    args: z
      .object({ kind, name: field, role: optionalField, organisation: optionalField, wording: optionalField, aliases: aliases.optional(), note: note.optional(), protected: z.boolean().optional() })
      .strict(),
    result: result<SourceDetail>(),
  },
  /** Changes fields; absent ones stay, `null` clears role, organisation or wording. */
  'sources.update': {
    args: z
      .object({ id, kind: kind.optional(), name: field.optional(), role: optionalField, organisation: optionalField, wording: optionalField, aliases: aliases.optional(), note: note.optional() })
      .strict(),
    result: result<SourceDetail>(),
  },
  /** Sets the verification status; the change is added to the dated history (`by` defaults to the OS user). */
  'sources.setStatus': {
    args: z.object({ id, status, note: note.optional(), by: z.string().trim().max(200).optional() }).strict(),
    result: result<SourceDetail>(),
  },
  /** Protects a source (Informantenschutz) or lifts the protection. */
  'sources.setProtected': { args: z.object({ id, protected: z.boolean() }).strict(), result: result<SourceDetail>() },
  /** Merges `mergeId` into `keepId`: mentions and history move, the other is deleted. Error: SOURCE_MERGE_SELF. */
  'sources.merge': { args: z.object({ keepId: id, mergeId: id }).strict(), result: result<SourceDetail>() },
  /** Deletes a source with its mentions and history (annotations stay). */
  'sources.delete': { args: z.object({ id }).strict(), result: result<{ removed: boolean }>() },
  /** Links a source to a passage [start, end) of an article's current text, optionally to its annotation. */
  'sources.addMention': {
    args: z
      .object({ sourceId: id, articleId: id, start: offset, end: offset, annotationId: z.string().uuid().optional(), cue: z.string().max(MAX_SOURCE_FIELD).optional(), role: z.string().max(MAX_SOURCE_FIELD).optional() })
      .strict()
      .refine((a) => a.end > a.start, { message: 'end muss größer als start sein', path: ['end'] }),
    result: result<SourceMention>(),
  },
  /** Removes a mention. Error: SOURCE_MENTION_NOT_FOUND. */
  'sources.removeMention': { args: z.object({ id }).strict(), result: result<{ removed: boolean }>() },
  /** The article's attribution and figure proposals with their decisions (rejected hidden unless asked). */
  'proposals.list': {
    args: z.object({ articleId: id, includeRejected: z.boolean().optional() }).strict(),
    result: result<ArticleProposalsView>(),
  },
  /**
   * Accepts a proposal: source (reused by name or created; or `sourceId`; none with `noSource`),
   * mention and annotation in one transaction. The other fields correct the proposal.
   * Errors: PROPOSAL_NOT_FOUND (text changed: reload), SOURCE_NOT_FOUND.
   */
  'proposals.accept': {
    args: z
      .object({
        articleId: id,
        key: proposalKey,
        sourceId: id.optional(),
        name: field.optional(),
        role: optionalField,
        organisation: optionalField,
        kind: kind.optional(),
        noSource: z.boolean().optional(),
        annotationType: z.enum(ANNOTATION_TYPES).optional(),
        note: z.string().max(MAX_SOURCE_NOTE).optional(),
      })
      .strict(),
    result: result<AcceptedProposal>(),
  },
  /** Rejects a proposal; it stays hidden. Error: PROPOSAL_ALREADY_ACCEPTED. */
  'proposals.reject': { args: z.object({ articleId: id, key: proposalKey }).strict(), result: result<{ key: string; decision: 'rejected' }>() },
  /** Undoes a rejection. */
  'proposals.unreject': { args: z.object({ articleId: id, key: proposalKey }).strict(), result: result<{ removed: boolean }>() },
} as const;
