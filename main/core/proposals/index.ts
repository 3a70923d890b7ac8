import type { Database } from 'better-sqlite3';
import type { AnnotationType } from '../../../shared/annotation.js';
import type { AcceptedProposal, ArticleProposalsView, ProposalView } from '../../../shared/contract-sources.js';
import type { Block } from '../../../shared/article.js';
import { AppError } from '../../../shared/errors.js';
import { guessLang, proposeForText } from '../../../shared/proposals/analyse.js';
import { PROPOSAL_KIND_LABELS, type KnownName, type Proposal, type ProposalLang } from '../../../shared/proposals/types.js';
import type { SourceDetail, SourceKind } from '../../../shared/source.js';
import { createAnnotation, getAnnotation } from '../annotations.js';
import { addMention, createSource, findSourceByName, getSource, listSources, nameKey } from '../sources.js';

/**
 * Proposals on an article: computed on demand from its text (never stored), merged with the
 * journalist's decisions, which are stored by proposal key so a rejected proposal stays hidden.
 * Accepting one creates the source entry (or reuses one by name), the mention and the typed
 * annotation in one transaction.
 */

/** What was decided about a proposal. */
export type ProposalDecision = 'accepted' | 'rejected';

/** A proposal with its decision, if any, and what accepting it created. */
export type ProposalWithDecision = ProposalView;
/** The proposals of one article. */
export type ArticleProposals = ArticleProposalsView;

/** The journalist's corrections when accepting: another name, role, kind, an existing source, or no source at all. */
export interface AcceptEdits {
  /** Link this existing source instead of the proposed speaker. */
  sourceId?: number | undefined;
  name?: string | undefined;
  role?: string | null | undefined;
  organisation?: string | null | undefined;
  kind?: SourceKind | undefined;
  /** Create only the annotation, no source and mention. */
  noSource?: boolean | undefined;
  /** Another annotation type than the proposal's (Zitat, Behauptung, Zahl). */
  annotationType?: AnnotationType | undefined;
  /** The annotation's note (default: what the proposal was and its cue). */
  note?: string | undefined;
}

/** What accepting created. */
export type AcceptResult = AcceptedProposal;

interface ArticleRow {
  text: string;
  blocks: string;
  language: string | null;
}

function articleRow(db: Database, articleId: number): ArticleRow {
  const row = db.prepare('SELECT text, blocks, language FROM articles WHERE id = ?').get(articleId) as ArticleRow | undefined;
  if (!row) throw new AppError('ARTICLE_NOT_FOUND', { id: articleId });
  return row;
}

function langOf(row: ArticleRow): ProposalLang {
  return row.language === 'de' || row.language === 'en' ? row.language : guessLang(row.text);
}

/** Names from the registry (people and organisations, with aliases) as hints for the rules. */
function knownNames(db: Database): KnownName[] {
  return listSources(db)
    .filter((s) => s.kind === 'person' || s.kind === 'organisation')
    .map((s) => ({ name: s.name, kind: s.kind, role: s.role, aliases: s.aliases }));
}

/** The current proposals of an article, as the rules compute them now. */
export function computeProposals(db: Database, articleId: number): { language: ProposalLang; proposals: Proposal[] } {
  const row = articleRow(db, articleId);
  const language = langOf(row);
  return { language, proposals: proposeForText(row.text, JSON.parse(row.blocks) as Block[], { lang: language, known: knownNames(db) }) };
}

interface DecisionRow {
  key: string;
  decision: ProposalDecision;
  source_id: number | null;
  mention_id: number | null;
  annotation_id: string | null;
  decided_at: string;
}

function decisionsOf(db: Database, articleId: number): Map<string, DecisionRow> {
  const rows = db.prepare('SELECT key, decision, source_id, mention_id, annotation_id, decided_at FROM proposal_decisions WHERE article_id = ?').all(articleId) as DecisionRow[];
  return new Map(rows.map((r) => [r.key, r]));
}

/** The proposals of an article with their decisions; rejected ones are left out unless asked for. */
export function listProposals(db: Database, articleId: number, opts: { includeRejected?: boolean | undefined } = {}): ArticleProposals {
  const { language, proposals } = computeProposals(db, articleId);
  const decisions = decisionsOf(db, articleId);
  let rejectedHidden = 0;
  const out: ProposalWithDecision[] = [];
  for (const p of proposals) {
    const d = decisions.get(p.key);
    if (d?.decision === 'rejected' && !opts.includeRejected) {
      rejectedHidden++;
      continue;
    }
    out.push({ ...p, decision: d?.decision ?? null, sourceId: d?.source_id ?? null, annotationId: d?.annotation_id ?? null, decidedAt: d?.decided_at ?? null });
  }
  return { articleId, language, proposals: out, rejectedHidden };
}

function findProposal(db: Database, articleId: number, key: string): { proposal: Proposal; language: ProposalLang } {
  const { language, proposals } = computeProposals(db, articleId);
  const proposal = proposals.find((p) => p.key === key);
  if (!proposal) throw new AppError('PROPOSAL_NOT_FOUND', { id: articleId, key });
  return { proposal, language };
}

/**
 * The source to link: the one named by `sourceId`, else an existing entry with the speaker's name
 * (or alias) and kind, else a new one. Anonymous sources are only reused within the same article:
 * "Insider" in two stories are not the same people.
 */
function sourceFor(db: Database, articleId: number, p: Proposal, edits: AcceptEdits, now: string): SourceDetail | null {
  if (edits.noSource) return null;
  if (edits.sourceId !== undefined) return getSource(db, edits.sourceId);
  const sp = p.speaker;
  const name = (edits.name ?? sp?.name ?? '').trim();
  if (!name) return null;
  const kind = edits.kind ?? sp?.kind ?? 'person';
  const existing = findSourceByName(db, kind, name);
  if (existing) {
    const reuse =
      kind !== 'anonymous' || db.prepare('SELECT 1 FROM source_mentions WHERE source_id = ? AND article_id = ?').get(existing.id, articleId) !== undefined;
    if (reuse) return getSource(db, existing.id);
  }
  const edited = edits.name !== undefined && sp && nameKey(edits.name) !== nameKey(sp.name);
  return createSource(
    db,
    {
      kind,
      name,
      role: edits.role !== undefined ? edits.role : edited ? null : (sp?.role ?? null),
      organisation: edits.organisation !== undefined ? edits.organisation : edited ? null : (sp?.organisation ?? null),
      wording: kind === 'anonymous' ? (sp?.wording ?? (p.kind === 'anonymous' ? p.cue.text : null)) : null,
    },
    { now },
  );
}

/**
 * Accepts a proposal in one transaction: the source entry (reused by name or created), the typed
 * annotation (quote → Zitat, attribution/anonymous/declined/unattributed → Behauptung, figure →
 * Zahl) and the mention linking both, plus the decision. If any step fails nothing is written.
 * Accepting an already accepted proposal returns what it created then.
 */
export function acceptProposal(db: Database, articleId: number, key: string, edits: AcceptEdits = {}, now: string = new Date().toISOString()): AcceptResult {
  return db
    .transaction((): AcceptResult => {
      const prior = decisionsOf(db, articleId).get(key);
      if (prior?.decision === 'accepted' && prior.annotation_id) {
        const annotation = db.prepare('SELECT id FROM annotations WHERE id = ?').get(prior.annotation_id) as { id: string } | undefined;
        if (annotation) {
          const mention = prior.mention_id !== null ? (getSource(db, prior.source_id ?? 0).mentions.find((m) => m.id === prior.mention_id) ?? null) : null;
          return { key, annotation: getAnnotation(db, annotation.id), source: prior.source_id !== null ? getSource(db, prior.source_id) : null, mention };
        }
      }
      const { proposal: p, language } = findProposal(db, articleId, key);
      const source = sourceFor(db, articleId, p, edits, now);
      const label = PROPOSAL_KIND_LABELS[p.kind][language];
      const note = edits.note ?? (language === 'de' ? `Vorschlag angenommen: ${label} (Hinweis: „${p.cue.text}“)` : `Accepted proposal: ${label} (cue: “${p.cue.text}”)`);
      const annotation = createAnnotation(db, { articleId, start: p.start, end: p.end, type: edits.annotationType ?? p.annotationType, note }, now);
      const mention = source
        ? addMention(
            db,
            {
              sourceId: source.id,
              articleId,
              start: p.start,
              end: p.end,
              annotationId: annotation.id,
              cue: p.cue.text,
              role: edits.role !== undefined ? edits.role : (p.speaker?.role ?? null),
            },
            now,
          )
        : null;
      db.prepare(
        `INSERT INTO proposal_decisions (article_id, key, decision, source_id, mention_id, annotation_id, decided_at) VALUES (?, ?, 'accepted', ?, ?, ?, ?)
         ON CONFLICT (article_id, key) DO UPDATE SET decision = 'accepted', source_id = excluded.source_id, mention_id = excluded.mention_id,
           annotation_id = excluded.annotation_id, decided_at = excluded.decided_at`,
      ).run(articleId, key, source?.id ?? null, mention?.id ?? null, annotation.id, now);
      return { key, annotation, source: source ? getSource(db, source.id) : null, mention };
    })
    .immediate();
}

/** Rejects a proposal: it stays hidden from then on. A proposal already accepted cannot be rejected. */
export function rejectProposal(db: Database, articleId: number, key: string, now: string = new Date().toISOString()): { key: string; decision: 'rejected' } {
  return db
    .transaction(() => {
      findProposal(db, articleId, key);
      const prior = decisionsOf(db, articleId).get(key);
      if (prior?.decision === 'accepted') throw new AppError('PROPOSAL_ALREADY_ACCEPTED', { key });
      db.prepare(
        `INSERT INTO proposal_decisions (article_id, key, decision, decided_at) VALUES (?, ?, 'rejected', ?)
         ON CONFLICT (article_id, key) DO UPDATE SET decision = 'rejected', decided_at = excluded.decided_at`,
      ).run(articleId, key, now);
      return { key, decision: 'rejected' as const };
    })
    .immediate();
}

/** Undoes a rejection: the proposal is shown again. Accepted decisions are not touched. */
export function unrejectProposal(db: Database, articleId: number, key: string): { removed: boolean } {
  articleRow(db, articleId);
  const info = db.prepare("DELETE FROM proposal_decisions WHERE article_id = ? AND key = ? AND decision = 'rejected'").run(articleId, key);
  return { removed: info.changes > 0 };
}
