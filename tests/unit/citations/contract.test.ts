import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { createHandlers } from '../../../main/ipc/handlers.js';
import type { Database } from '../../../main/db/open.js';
import { CHANNEL_NAMES } from '../../../shared/channels.js';
import { citationChannels, type CitationExport, type CitationRecord, type PassageCitation } from '../../../shared/contract-citations.js';
import { tempDb } from '../../helpers/db.js';
import { add, WIRE_DE } from './fixtures.js';

let db: Database;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = tempDb()));
afterEach(() => cleanup());

describe('citation channels', () => {
  it('are all in CHANNEL_NAMES and served through dispatch', async () => {
    for (const name of Object.keys(citationChannels)) expect(CHANNEL_NAMES).toContain(name);
    const handlers = createHandlers({ db, dbPath: ':memory:', transport: 'web' });
    const id = add(db, WIRE_DE);
    const upd = await dispatch(handlers, 'citations.updateRecord', { articleId: id, patch: { title: 'Neu' } }, 'de');
    expect(upd.ok && (upd.value as CitationRecord).effective.title).toBe('Neu');
    const exp = await dispatch(handlers, 'citations.export', { articleIds: [id], format: 'bibtex' }, 'de');
    expect(exp.ok && (exp.value as CitationExport).content).toMatch(/title = \{\{Neu\}\}|title = \{Neu\}/);
    const passage = await dispatch(handlers, 'citations.citePassage', { articleId: id, start: 0, end: 6, style: 'agency' }, 'de');
    expect(passage.ok && (passage.value as PassageCitation).text).toBe('„Lindau“\nQuelle: Reuters, März 2026');
    const styles = await dispatch(handlers, 'citations.styles', {}, 'de');
    expect(styles.ok && (styles.value as { id: string }[]).length).toBe(5);
    const bad = await dispatch(handlers, 'citations.updateRecord', { articleId: id, patch: { id: 'x' } }, 'en');
    expect(bad.ok).toBe(false);
    const unknown = await dispatch(handlers, 'citations.export', { articleIds: [id], format: 'text', style: 'nope' }, 'en');
    expect(!unknown.ok && unknown.error).toMatchObject({ code: 'CITATION_STYLE_UNKNOWN' });
    const reset = await dispatch(handlers, 'citations.resetRecord', { articleId: id }, 'de');
    expect(reset.ok && (reset.value as CitationRecord).overrides).toEqual({});
  });
});
