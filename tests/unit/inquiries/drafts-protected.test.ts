import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getArticle } from '../../../main/core/articles.js';
import { buildDraft, draftMarkdown, draftText } from '../../../main/core/drafts.js';
import { createInquiry } from '../../../main/core/inquiries.js';
import type * as Redaction from '../../../main/core/draft-redaction.js';
import type { Database } from '../../../main/db/open.js';
import { tempDb } from '../../helpers/db.js';
import { insertStory, MAERKTE, rangeOf } from './fixtures.js';

// The sources feature fills this hook; here a protected source is simulated.
vi.mock('../../../main/core/draft-redaction.js', async (importOriginal) => ({
  ...(await importOriginal<typeof Redaction>()),
  protectedTermsForDrafts: () => ['Jörg Ämmerle', 'Ämmerle'],
}));

let t: ReturnType<typeof tempDb>;
let db: Database;
beforeEach(() => {
  t = tempDb();
  db = t.db;
});
afterEach(() => t.cleanup());

describe('drafts and protected sources', () => {
  it('never name a protected source in quotes or questions', () => {
    const id = insertStory(db);
    const text = getArticle(db, id).text;
    createInquiry(db, { articleId: id, question: 'Hat Jörg Ämmerle das bestätigt? Ämmerle sagte …', ...rangeOf(text, 'Nordwind-Chef Jörg Ämmerle sprach von einem „sehr guten Markt“.') });
    const m = buildDraft(db, { contactEmail: MAERKTE.email });
    for (const out of [draftText(m), draftMarkdown(m), m.subject]) expect(out).not.toMatch(/Ämmerle/);
    expect(draftText(m)).toContain('Nordwind-Chef vertrauliche Quelle sprach');
    expect(draftText(m)).toContain('Frage: Hat vertrauliche Quelle das bestätigt?');
  });
});
