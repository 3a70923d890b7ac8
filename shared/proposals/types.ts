/**
 * Types of attribution and figure proposals: what the rule-based analysis suggests to mark in an
 * article, each with the cue that triggered it so the journalist can see why.
 */
import type { AnnotationType } from '../annotation.js';
import type { SourceKind } from '../source.js';

/**
 * What a proposal says about its span:
 * - `quote`: a direct quote (the words inside the quotation marks);
 * - `attribution`: a sentence attributed to a named person or organisation (speech or source cue);
 * - `anonymous`: a sentence attributed to an anonymous source ("Insidern zufolge");
 * - `declined`: someone declined to comment;
 * - `unattributed`: reported speech or hearsay with no source in sight;
 * - `figure`: an amount, percentage or count.
 */
export const PROPOSAL_KINDS = ['quote', 'attribution', 'anonymous', 'declined', 'unattributed', 'figure'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

/** The annotation type an accepted proposal becomes: Zitat, Behauptung or Zahl. */
export const PROPOSAL_ANNOTATION_TYPE: Record<ProposalKind, Extract<AnnotationType, 'quote' | 'claim' | 'figure'>> = {
  quote: 'quote',
  attribution: 'claim',
  anonymous: 'claim',
  declined: 'claim',
  unattributed: 'claim',
  figure: 'figure',
};

/** Labels of the kinds for the UI and the CLI. */
export const PROPOSAL_KIND_LABELS: Record<ProposalKind, { de: string; en: string }> = {
  quote: { de: 'Zitat', en: 'Quote' },
  attribution: { de: 'Zuschreibung', en: 'Attribution' },
  anonymous: { de: 'Anonyme Quelle', en: 'Anonymous source' },
  declined: { de: 'Keine Stellungnahme', en: 'Declined to comment' },
  unattributed: { de: 'Ohne Quelle', en: 'Unattributed' },
  figure: { de: 'Zahl', en: 'Figure' },
};

/** Languages the rules know. */
export type ProposalLang = 'de' | 'en';

/** A span of the canonical text. */
export interface Span {
  start: number;
  end: number;
}

/** What triggered a proposal: the words in the text and the rule that read them. */
export interface Cue extends Span {
  /** The cue as it stands in the text ("sagte", "Insidern zufolge", "wollte sich nicht … äußern"). */
  text: string;
  /** Stable rule id ("speech-verb", "anonymous-zufolge", "quote-marks", …). */
  rule: string;
}

/** Who a proposal is attributed to. */
export interface ProposedSpeaker {
  kind: SourceKind;
  /** Name as it should go into the registry ("Rene Haas", "Samsung", "Insider"). */
  name: string;
  role: string | null;
  organisation: string | null;
  /** For anonymous sources: the wording used. */
  wording: string | null;
  /** Where the speaker is named in the text (null when resolved from elsewhere, e.g. a pronoun). */
  span: Span | null;
  /** How the speaker was found, in words, when it took more than reading the sentence. */
  resolution: string | null;
}

/** The parts of a figure. */
export interface ProposedFigure {
  /** The amount without qualifiers ("1,5 Milliarden Euro"). */
  amount: string;
  /** Numeric value where the words allow (1.5e9), else null. */
  value: number | null;
  /** Unit or currency as written ("Euro", "Prozent", "Menschen", "$"). */
  unit: string;
  /** What the unit is. */
  unitKind: 'currency' | 'percent' | 'count' | 'measure';
  /** Qualifiers written with it ("umgerechnet", "knapp", "bis zu", "jährlich"). */
  qualifiers: string[];
}

/** One proposal, computed on demand from the article text. */
export interface Proposal {
  /** Stable key: kind, span and a hash of the text; decisions are stored under it. */
  key: string;
  kind: ProposalKind;
  /** The span to mark; for quotes the words inside the marks. */
  start: number;
  end: number;
  text: string;
  /** The cue that triggered it. */
  cue: Cue;
  /** Who it is attributed to; null when nobody is named (figures, unattributed statements). */
  speaker: ProposedSpeaker | null;
  figure: ProposedFigure | null;
  /** The annotation type accepting it creates. */
  annotationType: Extract<AnnotationType, 'quote' | 'claim' | 'figure'>;
  /** One sentence explaining the rule, in the article's language. */
  explanation: string;
}

/** Names the registry already knows, so later mentions by surname or bare name are recognised. */
export interface KnownName {
  name: string;
  kind: SourceKind;
  role?: string | null;
  aliases?: readonly string[];
}
