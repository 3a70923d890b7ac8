import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../main/core/annotations.js';
import { getArticle } from '../../../main/core/articles.js';
import { createContact } from '../../../main/core/contacts.js';
import {
  attachAnswer,
  createInquiry,
  deleteInquiry,
  getInquiry,
  inquiryQueue,
  isOverdue,
  listInquiries,
  markSent,
  setInquiryStatus,
  updateInquiry,
} from '../../../main/core/inquiries.js';
import type { Database } from '../../../main/db/open.js';
import { dumpDatabase, tempDb } from '../../helpers/db.js';
import { insertStory, MAERKTE, POLITIK, rangeOf } from './fixtures.js';

let t: ReturnType<typeof tempDb>;
let db: Database;
let articleId: number;
let text: string;
beforeEach(() => {
  t = tempDb();
  db = t.db;
  articleId = insertStory(db);
  text = getArticle(db, articleId).text;
});
afterEach(() => t.cleanup());

const NOW = new Date(2025, 2, 15, 12, 0, 0);
const GOV = 'Die Bundesregierung will den Ausbau mit einem neuen Gesetz fördern.';
const SALES = 'einen Umsatz von 2,1 Milliarden Euro';

describe('creating inquiries', () => {
  it('anchors a passage, routes it and records the reason and the history', () => {
    const i = createInquiry(db, { articleId, question: 'Welches Gesetz genau?', ...rangeOf(text, GOV), dueDate: '2025-03-20' }, { now: NOW });
    expect(i).toMatchObject({
      articleId,
      question: 'Welches Gesetz genau?',
      contactEmail: POLITIK.email,
      status: 'offen',
      dueDate: '2025-03-20',
      overdue: false,
      passage: { exact: GOV, paragraph: 3 },
      routing: { basis: 'passage', beat: 'Politik und Konjunktur', overridden: false, reason: 'Ressort passt: Politik und Konjunktur — genannt: Bundesregierung, Gesetz' },
    });
    expect(i.history).toEqual([{ status: 'offen', at: NOW.toISOString(), recordedAt: NOW.toISOString() }]);
    expect(getInquiry(db, i.id, { lang: 'en' }).routing.reason).toBe('Beat matches: Politik und Konjunktur — mentioned: Bundesregierung, Gesetz');
  });

  it('on the whole article has no passage', () => {
    const i = createInquiry(db, { articleId, question: 'Gibt es eine Pressemitteilung?' });
    expect(i.passage).toBeNull();
    expect(i.routing.basis).toBe('article');
  });

  it('keeps a contact the user chose and marks the override', () => {
    const i = createInquiry(db, { articleId, question: 'Frage', ...rangeOf(text, GOV), contactEmail: MAERKTE.email.toUpperCase() });
    expect(i.contactEmail).toBe(MAERKTE.email);
    expect(i.routing.overridden).toBe(true);
    expect(i.routing.reason).toBe(`von Ihnen gewählt; vorgeschlagen war ${POLITIK.email} (Ressort passt: Politik und Konjunktur — genannt: Bundesregierung, Gesetz)`);
    expect(() => createInquiry(db, { articleId, question: 'Frage', contactEmail: 'erfunden@nirgends.example' })).toThrow(
      expect.objectContaining({ code: 'INQUIRY_CONTACT_UNKNOWN' }),
    );
    createContact(db, { email: 'erfunden@nirgends.example' });
    expect(createInquiry(db, { articleId, question: 'Frage', contactEmail: 'erfunden@nirgends.example' }).contactEmail).toBe('erfunden@nirgends.example');
  });

  it('refuses passages in non-public blocks, empty ranges and empty questions, writing nothing', () => {
    const before = dumpDatabase(db);
    expect(() => createInquiry(db, { articleId, question: 'Nummer?', ...rangeOf(text, 'Handy 0170 1234567') })).toThrow(
      expect.objectContaining({ code: 'INQUIRY_PASSAGE_NONPUBLIC' }),
    );
    expect(() => createInquiry(db, { articleId, question: 'x', start: 5, end: 5 })).toThrow(expect.objectContaining({ code: 'INQUIRY_PASSAGE_INVALID' }));
    expect(() => createInquiry(db, { articleId, question: 'x', start: 0, end: text.length + 1 })).toThrow(expect.objectContaining({ code: 'INQUIRY_PASSAGE_INVALID' }));
    expect(() => createInquiry(db, { articleId, question: '   ' })).toThrow(expect.objectContaining({ code: 'INQUIRY_QUESTION_EMPTY' }));
    expect(() => createInquiry(db, { articleId: 999, question: 'x' })).toThrow(expect.objectContaining({ code: 'ARTICLE_NOT_FOUND' }));
    expect(dumpDatabase(db)).toEqual(before);
  });

  it('can be made from a Rückfrage annotation: its passage, its note as the question, found again from the annotation', () => {
    const a = createAnnotation(db, { articleId, ...rangeOf(text, SALES), type: 'question', note: 'Ist das der Konzernumsatz?' });
    const i = createInquiry(db, { articleId, annotationId: a.id });
    expect(i).toMatchObject({ annotationId: a.id, question: 'Ist das der Konzernumsatz?', passage: { exact: SALES, paragraph: 2 }, contactEmail: MAERKTE.email });
    expect(listInquiries(db, { annotationId: a.id }).map((x) => x.id)).toEqual([i.id]);
  });

  it('edits: a new passage re-routes, a chosen contact stays, due date clears', () => {
    const i = createInquiry(db, { articleId, question: 'Frage', ...rangeOf(text, SALES), dueDate: '2025-03-01' });
    expect(i.contactEmail).toBe(MAERKTE.email);
    const moved = updateInquiry(db, i.id, { ...rangeOf(text, GOV), question: 'Neue Frage', dueDate: null });
    expect(moved).toMatchObject({ contactEmail: POLITIK.email, question: 'Neue Frage', dueDate: null, routing: { overridden: false } });
    const chosen = updateInquiry(db, i.id, { contactEmail: MAERKTE.email });
    expect(chosen.routing.overridden).toBe(true);
    expect(updateInquiry(db, i.id, rangeOf(text, GOV)).contactEmail).toBe(MAERKTE.email);
  });
});

describe('status lifecycle', () => {
  it('offen → gestellt → beantwortet with dates, answer, who and the full history', () => {
    const i = createInquiry(db, { articleId, question: 'Welches Gesetz?', ...rangeOf(text, GOV), dueDate: '2025-03-10' }, { now: NOW });
    expect(i.overdue).toBe(true);
    const asked = setInquiryStatus(db, i.id, { status: 'gestellt', date: '2025-03-11' }, { now: NOW });
    expect(asked).toMatchObject({ status: 'gestellt', askedAt: '2025-03-11', overdue: true });
    expect(() => setInquiryStatus(db, i.id, { status: 'beantwortet' })).toThrow(expect.objectContaining({ code: 'INQUIRY_ANSWER_REQUIRED' }));
    const answered = setInquiryStatus(db, i.id, { status: 'beantwortet', answer: 'Das Küstenförderungsgesetz.', answeredBy: 'Frau Beispiel', date: '2025-03-12' }, { now: NOW });
    expect(answered).toMatchObject({ status: 'beantwortet', answer: 'Das Küstenförderungsgesetz.', answeredBy: 'Frau Beispiel', answeredAt: '2025-03-12', overdue: false });
    expect(answered.history.map((h) => [h.status, h.at])).toEqual([
      ['offen', NOW.toISOString()],
      ['gestellt', '2025-03-11'],
      ['beantwortet', '2025-03-12'],
    ]);
    expect(() => setInquiryStatus(db, i.id, { status: 'gestellt', date: '12.03.2025' })).toThrow(expect.objectContaining({ code: 'INQUIRY_DATE_INVALID' }));
  });

  it('verworfen ends the overdue marker; overdue follows the injected clock', () => {
    const i = createInquiry(db, { articleId, question: 'x', dueDate: '2025-03-15' }, { now: NOW });
    expect(i.overdue).toBe(false);
    expect(getInquiry(db, i.id, { now: new Date(2025, 2, 16, 0, 5) }).overdue).toBe(true);
    expect(listInquiries(db, { overdue: true }, { now: new Date(2025, 2, 16) }).map((x) => x.id)).toEqual([i.id]);
    expect(setInquiryStatus(db, i.id, { status: 'verworfen' }, { now: new Date(2025, 3, 1) }).overdue).toBe(false);
    expect(isOverdue('offen', null, NOW)).toBe(false);
  });

  it('attaches the answer to a claim annotation only', () => {
    const i = createInquiry(db, { articleId, question: 'x', ...rangeOf(text, SALES) });
    const claim = createAnnotation(db, { articleId, ...rangeOf(text, SALES), type: 'claim' });
    const note = createAnnotation(db, { articleId, ...rangeOf(text, GOV), type: 'note' });
    setInquiryStatus(db, i.id, { status: 'beantwortet', answer: 'Ja, Konzernumsatz.' });
    expect(attachAnswer(db, i.id, claim.id).claimAnnotationId).toBe(claim.id);
    expect(listInquiries(db, { annotationId: claim.id })[0]).toMatchObject({ id: i.id, answer: 'Ja, Konzernumsatz.' });
    expect(() => attachAnswer(db, i.id, note.id)).toThrow(expect.objectContaining({ code: 'INQUIRY_CLAIM_INVALID' }));
    expect(attachAnswer(db, i.id, null).claimAnnotationId).toBeNull();
  });
});

describe('queue and markSent', () => {
  it('groups open questions by contact across articles', () => {
    const other = insertStory(db, [POLITIK], { title: 'Zweiter Artikel' }, [['paragraph', 'Die Regierung plant ein Gesetz.']]);
    createInquiry(db, { articleId, question: 'a', ...rangeOf(text, GOV) });
    createInquiry(db, { articleId, question: 'b', ...rangeOf(text, SALES) });
    createInquiry(db, { articleId: other, question: 'c' });
    const q = inquiryQueue(db);
    expect(q.map((g) => [g.contact?.email, g.inquiries.map((i) => i.question)])).toEqual([
      [MAERKTE.email, ['b']],
      [POLITIK.email, ['a', 'c']],
    ]);
  });

  it('marks all included inquiries as gestellt in one transaction, or none', () => {
    const a = createInquiry(db, { articleId, question: 'a', ...rangeOf(text, GOV) });
    const b = createInquiry(db, { articleId, question: 'b', ...rangeOf(text, GOV) });
    const c = createInquiry(db, { articleId, question: 'c', ...rangeOf(text, GOV) });
    setInquiryStatus(db, c.id, { status: 'verworfen' });
    const before = dumpDatabase(db);
    expect(() => markSent(db, [a.id, b.id, c.id])).toThrow(expect.objectContaining({ code: 'INQUIRY_STATUS_CONFLICT' }));
    expect(() => markSent(db, [a.id, 999])).toThrow(expect.objectContaining({ code: 'INQUIRY_NOT_FOUND' }));
    expect(dumpDatabase(db)).toEqual(before);
    const sent = markSent(db, [a.id, b.id], { date: '2025-03-14' });
    expect(sent.map((i) => [i.id, i.status, i.askedAt])).toEqual([
      [a.id, 'gestellt', '2025-03-14'],
      [b.id, 'gestellt', '2025-03-14'],
    ]);
    expect(inquiryQueue(db)).toEqual([]);
    expect(inquiryQueue(db, { includeAsked: true })[0]!.inquiries).toHaveLength(2);
    expect(deleteInquiry(db, a.id)).toBe(true);
    expect(db.prepare('SELECT count(*) AS n FROM inquiry_status_history WHERE inquiry_id = ?').get(a.id)).toEqual({ n: 0 });
  });
});
