import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAnnotationsForArticle } from '../../../main/core/annotations.js';
import { insertArticle } from '../../../main/core/articles.js';
import { acceptProposal, listProposals, rejectProposal, unrejectProposal } from '../../../main/core/proposals/index.js';
import { getSource, listSources } from '../../../main/core/sources.js';
import type { Database } from '../../../main/db/open.js';
import type { ProposalView } from '../../../shared/contract-sources.js';
import { dumpDatabase, parsed, tempDb } from '../../helpers/db.js';
import { DE_STORY } from './fixtures.js';

const PROV = { file: 'story.txt', format: 'wire' as const, encoding: 'utf-8', importedAt: '2025-03-01T10:00:00.000Z' };

describe('accepting and rejecting proposals', () => {
  let db: Database;
  let cleanup: () => void;
  let articleId: number;
  const find = (pred: (p: ProposalView) => boolean): ProposalView => {
    const p = listProposals(db, articleId, { includeRejected: true }).proposals.find(pred);
    if (!p) throw new Error('proposal missing');
    return p;
  };
  beforeEach(() => {
    ({ db, cleanup } = tempDb());
    articleId = insertArticle(db, parsed(DE_STORY), PROV).id;
  });
  afterEach(() => cleanup());

  it('creates source, mention and typed annotation together', () => {
    const q = find((p) => p.kind === 'quote' && p.text === 'verlässlicher Partner');
    const r = acceptProposal(db, articleId, q.key, {}, '2025-03-02T10:00:00.000Z');
    expect(r.annotation).toMatchObject({ type: 'quote', articleId, selectors: { quote: { exact: 'verlässlicher Partner' } } });
    expect(r.source).toMatchObject({ kind: 'person', name: 'Petra Lindqvist', role: 'Sprecherin der Nordbahn AG', organisation: 'Nordbahn AG', status: 'unbestätigt', mentionCount: 1 });
    expect(r.mention).toMatchObject({ sourceId: r.source?.id, articleId, start: q.start, end: q.end, annotationId: r.annotation.id, exact: 'verlässlicher Partner' });
    expect(r.annotation.note).toContain('Zitat');
    expect(r.annotation.note).not.toContain('Lindqvist');
    const listed = find((p) => p.key === q.key);
    expect(listed).toMatchObject({ decision: 'accepted', sourceId: r.source?.id, annotationId: r.annotation.id });
    // Accepting twice (a double click) creates nothing new.
    expect(acceptProposal(db, articleId, q.key).annotation.id).toBe(r.annotation.id);
    expect(listAnnotationsForArticle(db, articleId).anchored).toHaveLength(1);
  });

  it('maps kinds to annotation types and reuses a source by name', () => {
    const attribution = find((p) => p.kind === 'attribution' && p.text.startsWith('Petra Lindqvist'));
    const figure = find((p) => p.kind === 'figure' && p.text.includes('350 Menschen'));
    const a = acceptProposal(db, articleId, attribution.key);
    expect(a.annotation.type).toBe('claim');
    const f = acceptProposal(db, articleId, figure.key);
    expect(f.annotation.type).toBe('figure');
    // The figure's sentence rests on the Nordbahn AG.
    expect(f.source?.name).toBe('Nordbahn AG');
    const quote = find((p) => p.kind === 'quote' && p.text === 'Wir bleiben im Plan');
    expect(acceptProposal(db, articleId, quote.key).source?.id).toBe(a.source?.id);
    expect(getSource(db, a.source?.id ?? 0).mentions).toHaveLength(2);
  });

  it('takes the journalist’s corrections, an existing source, or no source', () => {
    const decl = find((p) => p.kind === 'declined' && p.text.startsWith('Der Batterie-Konzern'));
    const r = acceptProposal(db, articleId, decl.key, { name: 'Voltaris GmbH', kind: 'organisation', role: 'Pressestelle', annotationType: 'note', note: 'nachfragen' });
    expect(r.source).toMatchObject({ name: 'Voltaris GmbH', kind: 'organisation', role: 'Pressestelle' });
    expect(r.annotation).toMatchObject({ type: 'note', note: 'nachfragen' });
    const other = find((p) => p.kind === 'declined' && p.text.startsWith('Die Bahngesellschaft'));
    expect(acceptProposal(db, articleId, other.key, { sourceId: r.source?.id }).source?.id).toBe(r.source?.id);
    const fig = find((p) => p.kind === 'figure' && p.text.includes('40 Millionen'));
    const bare = acceptProposal(db, articleId, fig.key, { noSource: true });
    expect(bare.source).toBeNull();
    expect(bare.mention).toBeNull();
    expect(() => acceptProposal(db, articleId, find((p) => p.kind === 'quote').key, { sourceId: 999 })).toThrow(expect.objectContaining({ code: 'SOURCE_NOT_FOUND' }));
  });

  it('keeps anonymous sources apart per article but reuses them within one', () => {
    const insider = find((p) => p.kind === 'anonymous' && p.text.startsWith('Insidern'));
    const a = acceptProposal(db, articleId, insider.key);
    expect(a.source).toMatchObject({ kind: 'anonymous', name: 'Insider', wording: 'Insidern zufolge' });
    const second = insertArticle(db, parsed([['paragraph', 'Insidern zufolge wird das Werk in Lindenau geschlossen.']]), { ...PROV, file: 'other.txt' }).id;
    const p2 = listProposals(db, second).proposals.find((p) => p.kind === 'anonymous');
    const b = acceptProposal(db, second, p2?.key ?? '');
    expect(b.source?.id).not.toBe(a.source?.id);
    expect(listSources(db, { kind: 'anonymous' })).toHaveLength(2);
  });

  it('writes nothing when a step fails (annotation, mention or decision)', () => {
    const q = find((p) => p.kind === 'quote' && p.text === 'verlässlicher Partner');
    for (const table of ['annotations', 'source_mentions', 'proposal_decisions']) {
      db.exec(`CREATE TRIGGER fail_${table} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, 'boom ${table}'); END;`);
      const before = dumpDatabase(db);
      expect(() => acceptProposal(db, articleId, q.key)).toThrow(`boom ${table}`);
      expect(dumpDatabase(db)).toEqual(before);
      db.exec(`DROP TRIGGER fail_${table}`);
    }
    expect(listSources(db)).toEqual([]);
    expect(acceptProposal(db, articleId, q.key).source?.name).toBe('Petra Lindqvist');
  });

  it('hides rejected proposals, can undo a rejection, and refuses stale keys', () => {
    const fig = find((p) => p.kind === 'figure' && p.text.includes('12 Prozent'));
    const before = listProposals(db, articleId);
    expect(rejectProposal(db, articleId, fig.key)).toEqual({ key: fig.key, decision: 'rejected' });
    const after = listProposals(db, articleId);
    expect(after.proposals.map((p) => p.key)).not.toContain(fig.key);
    expect(after.proposals).toHaveLength(before.proposals.length - 1);
    expect(after.rejectedHidden).toBe(1);
    expect(listProposals(db, articleId, { includeRejected: true }).proposals.find((p) => p.key === fig.key)?.decision).toBe('rejected');
    expect(unrejectProposal(db, articleId, fig.key)).toEqual({ removed: true });
    expect(listProposals(db, articleId).proposals.map((p) => p.key)).toContain(fig.key);

    const accepted = acceptProposal(db, articleId, fig.key);
    expect(() => rejectProposal(db, articleId, fig.key)).toThrow(expect.objectContaining({ code: 'PROPOSAL_ALREADY_ACCEPTED' }));
    expect(accepted.annotation.type).toBe('figure');
    expect(() => acceptProposal(db, articleId, 'figure:1-2:deadbeef')).toThrow(expect.objectContaining({ code: 'PROPOSAL_NOT_FOUND' }));
    expect(() => listProposals(db, 999)).toThrow(expect.objectContaining({ code: 'ARTICLE_NOT_FOUND' }));
  });
});
