import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportAnnotations } from '../../../main/core/annotation-export/index.js';
import { createAnnotation } from '../../../main/core/annotations.js';
import { collectArchive, exportArchive } from '../../../main/core/archive/export.js';
import { exportCitations } from '../../../main/core/citations/export.js';
import { citePassage } from '../../../main/core/citations/passage.js';
import { createContact, findContactByEmail, updateContact } from '../../../main/core/contacts.js';
import { renderDraft } from '../../../main/core/drafts.js';
import { importUpload } from '../../../main/core/import/pipeline.js';
import { createInquiry } from '../../../main/core/inquiries.js';
import type { Database } from '../../../main/db/open.js';
import { EXPORT_FORMATS as ANNOTATION_FORMATS } from '../../../shared/annotation.js';
import { EXPORT_FORMATS as CITATION_FORMATS } from '../../../shared/contract-citations.js';
import { DRAFT_FORMATS } from '../../../shared/inquiry.js';
import { tempDb } from '../../helpers/db.js';
import { addProtectedSource, leakedProtectedTerms, PROTECTED_PERSON } from '../../helpers/protected.js';

// One protected source (Informantenschutz), named in an article's title and text, an annotation's
// note, a Rückfrage, a contact's notes: every exporter, draft, passage citation and the archive
// must come out without the name, its aliases or the surname.

let db: Database;
let cleanup: () => void;
beforeEach(() => {
  ({ db, cleanup } = tempDb());
});
afterEach(() => cleanup());

const NAME = PROTECTED_PERSON.name;

async function setUp(): Promise<{ articleId: number; start: number; end: number; inquiryIds: number[] }> {
  addProtectedSource(db);
  const text = [
    `Bauamt: ${NAME} warnte vor Mängeln an der Brücke`,
    '',
    `Lindhafen (Reuters) - Wie ${NAME} aus dem Bauamt berichtete, sind die Mängel seit Monaten bekannt. Quellenbach sagte, die Akten lägen vor.`,
    '',
    'Die Stadt wollte sich zunächst nicht äußern. Ein Gutachten soll im Herbst vorliegen.',
    '',
    '(Bericht von Jana Holmvik; Redigiert von Carla M. Feddersen; Bei Rückfragen wenden Sie sich an desk@wire-newsroom.example)',
  ].join('\n');
  const r = await importUpload(db, 'bruecke.txt', new TextEncoder().encode(text));
  if (!r.ok) throw new Error(r.error.message);
  const articleId = r.article.id;
  const full = (db.prepare('SELECT text FROM articles WHERE id = ?').get(articleId) as { text: string }).text;
  const start = full.indexOf('Wie ');
  const end = full.indexOf('Quellenbach sagte') + 'Quellenbach sagte'.length;
  createAnnotation(db, { articleId, start, end, type: 'claim', note: `Laut ${NAME} (H. Quellenbach) prüfen`, tags: ['Quellenbach'] });
  // The desk address came in with the article; its notes name the source.
  const desk = findContactByEmail(db, 'desk@wire-newsroom.example') ?? createContact(db, { email: 'desk@wire-newsroom.example' });
  updateContact(db, desk.id, { notes: `Kennt ${NAME} persönlich` });
  const q = createInquiry(db, { articleId, question: `Stimmt es, dass ${NAME} die Akten gesehen hat?`, start, end, contactEmail: 'desk@wire-newsroom.example' });
  return { articleId, start, end, inquiryIds: [q.id] };
}

describe('a protected source leaves through no exporter', () => {
  it('citations (every format), passage citations, annotation exports, drafts and the archive', async () => {
    const { articleId, start, end } = await setUp();
    const outputs: [string, string][] = [];
    for (const format of CITATION_FORMATS) outputs.push([`citations ${format}`, exportCitations(db, { articleIds: [articleId] }, { format }).content]);
    for (const style of ['apa', 'agency']) {
      for (const format of ['text', 'html', 'markdown'] as const) {
        const p = citePassage(db, articleId, start, end, { style, format });
        outputs.push([`citePassage ${style} ${format}`, JSON.stringify(p)]);
      }
    }
    for (const format of ANNOTATION_FORMATS) outputs.push([`annotations ${format}`, exportAnnotations(db, format).content]);
    for (const format of DRAFT_FORMATS) outputs.push([`draft ${format}`, JSON.stringify(await renderDraft(db, { contactEmail: 'desk@wire-newsroom.example' }, format))]);
    // The archive carries published wire copy verbatim (article texts and the quotes taken from
    // them are the articles' identity, main/core/archive/export.ts); everything the user wrote must
    // be redacted. So: every string in the archive that is not a piece of the article is checked.
    const published = (db.prepare('SELECT title || char(10) || text AS t FROM articles').all() as { t: string }[]).map((r) => r.t.replace(/\s+/g, ' '));
    const userText = (v: unknown): string[] =>
      typeof v === 'string'
        ? published.some((p) => p.includes(v.replace(/\s+/g, ' ').trim())) ? [] : [v]
        : Array.isArray(v) ? v.flatMap(userText) : v && typeof v === 'object' ? Object.values(v).flatMap(userText) : [];
    const archive = unzipSync(exportArchive(db).data);
    for (const [file, bytes] of Object.entries(archive)) outputs.push([`archive ${file}`, userText(JSON.parse(strFromU8(bytes)) as unknown).join('\n')]);
    outputs.push(['archive (collected)', userText(collectArchive(db)).join('\n')]);

    const leaks = outputs.map(([what, out]) => [what, leakedProtectedTerms(out, db)] as const).filter(([, terms]) => terms.length > 0);
    expect(leaks).toEqual([]);
  });
});
