import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { createHandlers } from '../../../main/ipc/handlers.js';
import { getArticle } from '../../../main/core/articles.js';
import type { Database } from '../../../main/db/open.js';
import { CHANNEL_NAMES } from '../../../shared/channels.js';
import { inquiryChannels } from '../../../shared/contract-inquiries.js';
import { tempDb } from '../../helpers/db.js';
import { insertStory, MAERKTE, rangeOf } from './fixtures.js';

let t: ReturnType<typeof tempDb>;
let db: Database;
beforeEach(() => {
  t = tempDb();
  db = t.db;
});
afterEach(() => t.cleanup());

describe('inquiry channels', () => {
  it('are all in CHANNEL_NAMES and served through dispatch', async () => {
    for (const name of Object.keys(inquiryChannels)) expect(CHANNEL_NAMES as readonly string[]).toContain(name);
    const h = createHandlers({ db, dbPath: t.file, transport: 'web' });
    const id = insertStory(db);
    const text = getArticle(db, id).text;
    const created = await dispatch(h, 'inquiries.create', { articleId: id, question: 'Umsatz?', ...rangeOf(text, 'einen Umsatz von 2,1 Milliarden Euro') }, 'de');
    expect(created).toMatchObject({ ok: true, value: { contactEmail: MAERKTE.email, status: 'offen' } });
    const queue = await dispatch(h, 'inquiries.queue', {}, 'de');
    expect(queue).toMatchObject({ ok: true, value: [{ contact: { email: MAERKTE.email } }] });
    const draft = await dispatch(h, 'inquiries.draft', { contactEmail: MAERKTE.email, format: 'text' }, 'de');
    expect(draft).toMatchObject({ ok: true, value: { format: 'text', inquiryIds: [1] } });
    expect(await dispatch(h, 'inquiries.markSent', { ids: [1] }, 'de')).toMatchObject({ ok: true, value: [{ status: 'gestellt' }] });
    expect(await dispatch(h, 'inquiries.setStatus', { id: 1, status: 'answered', answer: 'Ja.' }, 'de')).toMatchObject({ ok: true, value: { status: 'beantwortet' } });
    expect(await dispatch(h, 'inquiries.setStatus', { id: 1, status: 'erledigt' }, 'de')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENTS' } });
    expect(await dispatch(h, 'inquiries.create', { articleId: id, question: 'x', start: 3 }, 'de')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENTS' } });
    expect(await dispatch(h, 'contacts.list', {}, 'de')).toMatchObject({ ok: true, value: [{}, {}] });
    expect(await dispatch(h, 'settings.set', { senderEmail: 'kaputt' }, 'de')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENTS' } });
  });
});
