import { createAnnotation, deleteAnnotation } from '../../../main/core/annotations.js';
import { insertArticle } from '../../../main/core/articles.js';
import { importAsNewVersion } from '../../../main/core/article-versions.js';
import { updateRecord } from '../../../main/core/citations/record.js';
import { createContact } from '../../../main/core/contacts.js';
import { createInquiry, setInquiryStatus } from '../../../main/core/inquiries.js';
import { addToMappe, createMappe } from '../../../main/core/mappen.js';
import { addMention, createSource } from '../../../main/core/sources.js';
import type { Database } from '../../../main/db/open.js';
import { parsed } from '../../helpers/db.js';
import { addProtectedSource, PROTECTED_PERSON } from '../../helpers/protected.js';

const prov = (file: string, importedAt: string) => ({ file, format: 'wire' as const, encoding: 'utf-8', importedAt });

/**
 * A small collection with one of everything an archive carries: article A (two versions, desk
 * line, credits) and B in the Mappe "Kakao", article C outside it; annotations (one in the bin),
 * a public and a protected source with mentions in A, a manual contact, a Rückfrage with a status
 * change, a citation override. The protected person's name is in user-written fields only.
 */
export function buildCollection(db: Database): { a: number; b: number; c: number; mappeId: number } {
  const a1 = parsed([['paragraph', 'Berlin (dpa) - Der Kakaopreis steigt. Olaf Scholz äußert sich nicht.'], ['paragraph', 'Händler rechnen mit mehr.']], {
    title: 'Kakaopreis steigt',
    agency: 'dpa',
    published: '2025-03-01T10:00:00Z',
    credits: [{ role: 'author', name: 'Anna Schmidt' }],
    deskContacts: [{ email: 'wirtschaft@dpa.example', scope: 'Wirtschaft' }],
  });
  const { id: a } = insertArticle(db, a1, prov('a-v1.txt', '2025-03-01T10:05:00Z'));
  const a2 = parsed([['paragraph', 'Berlin (dpa) - Der Kakaopreis steigt weiter. Olaf Scholz äußert sich nicht.'], ['paragraph', 'Händler rechnen mit mehr.']], {
    title: 'Kakaopreis steigt weiter',
    agency: 'dpa',
    published: '2025-03-01T12:00:00Z',
    credits: [{ role: 'author', name: 'Anna Schmidt' }],
    deskContacts: [{ email: 'wirtschaft@dpa.example', scope: 'Wirtschaft' }],
    versionMarkers: ['Neufassung'],
  });
  importAsNewVersion(db, a, a2, prov('a-v2.txt', '2025-03-01T12:05:00Z'));
  const { id: b } = insertArticle(
    db,
    parsed([['paragraph', 'Accra (Reuters) - Ghana expects a smaller cocoa harvest this year.']], { title: 'Ghana cocoa', language: 'en', agency: 'Reuters' }),
    prov('b.txt', '2025-03-02T09:00:00Z'),
  );
  const { id: c } = insertArticle(db, parsed([['paragraph', 'Ein Artikel über etwas anderes.']], { title: 'Anderes' }), prov('c.txt', '2025-03-03T09:00:00Z'));

  const textA = a2.text;
  const at = (s: string) => ({ start: textA.indexOf(s), end: textA.indexOf(s) + s.length });
  const ann = createAnnotation(db, { articleId: a, ...at('Kakaopreis steigt weiter'), type: 'claim', note: `Laut ${PROTECTED_PERSON.name} stimmt das`, tags: ['Kakao'] }, '2025-03-04T08:00:00Z');
  const binned = createAnnotation(db, { articleId: a, ...at('Händler'), type: 'note', note: 'alt' }, '2025-03-04T08:01:00Z');
  deleteAnnotation(db, binned.id, '2025-03-04T08:02:00Z');
  createAnnotation(db, { articleId: b, start: 0, end: 5, type: 'quote' }, '2025-03-04T08:03:00Z');

  const scholz = createSource(db, { kind: 'person', name: 'Olaf Scholz', role: 'Politiker', note: `Kennt ${PROTECTED_PERSON.surname}` }, { now: '2025-03-04T09:00:00Z', by: 'test' });
  addMention(db, { sourceId: scholz.id, articleId: a, ...at('Olaf Scholz'), annotationId: ann.id }, '2025-03-04T09:01:00Z');
  const p = addProtectedSource(db);
  addMention(db, { sourceId: p.id, articleId: a, ...at('Händler') }, '2025-03-04T09:02:00Z');
  createSource(db, { kind: 'organisation', name: 'ICCO' }, { now: '2025-03-04T09:03:00Z', by: 'test' });

  createContact(db, { email: 'Presse@ICCO.example', name: 'ICCO Presse', notes: 'schnell' }, '2025-03-04T10:00:00Z');
  const q = createInquiry(db, { articleId: a, question: `Hat ${PROTECTED_PERSON.name} das bestätigt?`, contactEmail: 'wirtschaft@dpa.example', dueDate: '2025-03-10' }, { at: '2025-03-04T11:00:00Z' });
  setInquiryStatus(db, q.id, { status: 'gestellt', date: '2025-03-04T11:30:00Z' }, { at: '2025-03-04T11:30:00Z' });
  updateRecord(db, a, { note: 'geprüft' }, '2025-03-04T12:00:00Z');

  const m = createMappe(db, 'Kakao', 'Recherche Kakaopreis', '2025-03-05T08:00:00Z');
  addToMappe(db, m.id, [a, b], '2025-03-05T08:01:00Z');
  return { a, b, c, mappeId: m.id };
}
