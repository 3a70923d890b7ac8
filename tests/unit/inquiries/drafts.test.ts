import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getArticle } from '../../../main/core/articles.js';
import { redactProtected } from '../../../main/core/draft-redaction.js';
import { buildDraft, draftMailto, draftText, renderDraft } from '../../../main/core/drafts.js';
import { createInquiry } from '../../../main/core/inquiries.js';
import { createSource } from '../../../main/core/sources.js';
import { updateSettings } from '../../../main/core/settings.js';
import type { Database } from '../../../main/db/open.js';
import { MAILTO_MAX_LENGTH } from '../../../shared/inquiry.js';
import { tempDb } from '../../helpers/db.js';
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

const GOV = 'Die Bundesregierung will den Ausbau mit einem neuen Gesetz fördern.';
const MINISTER = 'Der Wirtschaftsminister kündigte an, das Parlament solle noch vor der Wahl abstimmen.';
const NOW = new Date('2025-03-15T10:00:00Z');

function twoQuestions(): number[] {
  return [
    createInquiry(db, { articleId, question: 'Welches Gesetz ist gemeint – gibt es einen Entwurf?', ...rangeOf(text, GOV) }).id,
    createInquiry(db, { articleId, question: 'Wann genau soll abgestimmt werden?', ...rangeOf(text, MINISTER) }).id,
  ];
}

describe('drafts', () => {
  it('.eml parses with a real mail parser: recipient, subject with umlauts, every quote and question, X-Unsent', async () => {
    updateSettings(db, { senderName: 'Jörg Prüfer', senderEmail: 'joerg.pruefer@redaktion.example', signature: 'Jörg Prüfer\nRecherche-Desk' });
    const ids = twoQuestions();
    const d = await renderDraft(db, { contactEmail: POLITIK.email }, 'eml', NOW);
    if (d.format === 'mailto') throw new Error('unexpected');
    expect(d).toMatchObject({ mimeType: 'message/rfc822', to: POLITIK.email, inquiryIds: ids });
    expect(d.fileName).toBe('rueckfrage-politik-desk-2025-03-15.eml');
    // Raw message: CRLF only, 7-bit headers (RFC 2047), the draft marker.
    expect(d.content).not.toMatch(/[^\r]\n/);
    expect(d.content).toMatch(/^X-Unsent: 1\r$/m);
    expect(d.content.split('\r\n\r\n')[0]).toMatch(/^[\x20-\x7e\r\n\t]*$/);
    const mail = await simpleParser(d.content);
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]!.address : null).toBe(POLITIK.email);
    expect(mail.from?.value[0]).toMatchObject({ address: 'joerg.pruefer@redaktion.example', name: 'Jörg Prüfer' });
    expect(mail.subject).toBe('Rückfragen zu „Nordwind will in Südeuropa wachsen“ (Agentur, März 2025)');
    const body = mail.text ?? '';
    expect(body).toContain('Guten Tag,');
    expect(body).toContain(`1. Zur Stelle „${GOV}“`);
    expect(body).toContain('Fundstelle: „Nordwind will in Südeuropa wachsen“, Agentur, März 2025, Absatz 3');
    expect(body).toContain('Frage: Welches Gesetz ist gemeint – gibt es einen Entwurf?');
    expect(body).toContain(`2. Zur Stelle „${MINISTER}“`);
    expect(body).toContain('Frage: Wann genau soll abgestimmt werden?');
    expect(body).toContain('Mit freundlichen Grüßen\nJörg Prüfer\nRecherche-Desk');
  });

  it('mailto: decodes back to the same recipient, subject and body', async () => {
    twoQuestions();
    const d = await renderDraft(db, { articleId, contactEmail: POLITIK.email }, 'mailto');
    if (d.format !== 'mailto' || !d.url) throw new Error('expected a mailto link');
    expect(d.url.length).toBeLessThanOrEqual(MAILTO_MAX_LENGTH);
    const m = /^mailto:([^?]+)\?subject=([^&]*)&body=(.*)$/.exec(d.url)!;
    expect(decodeURIComponent(m[1]!)).toBe(POLITIK.email);
    const model = buildDraft(db, { contactEmail: POLITIK.email });
    expect(decodeURIComponent(m[2]!)).toBe(model.subject);
    expect(decodeURIComponent(m[3]!)).toBe(draftText(model).replace(/\n/g, '\r\n'));
    expect(m[3]).toContain('%0D%0A');
    expect(d.url).not.toMatch(/[\s"<>]/);
  });

  it('mailto: too long returns no link, and the .eml still works', async () => {
    createInquiry(db, { articleId, question: `Lange Frage: ${'Warum? '.repeat(400)}`, ...rangeOf(text, GOV) });
    const d = await renderDraft(db, { contactEmail: POLITIK.email }, 'mailto');
    expect(d).toMatchObject({ format: 'mailto', url: null, tooLong: true });
    if (d.format === 'mailto') expect(d.length).toBeGreaterThan(MAILTO_MAX_LENGTH);
    expect((await renderDraft(db, { contactEmail: POLITIK.email }, 'eml')).format).toBe('eml');
  });

  it('Markdown quotes each passage and escapes Markdown in user text', async () => {
    createInquiry(db, { articleId, question: 'Ist *das* [so] richtig?', ...rangeOf(text, GOV) });
    createInquiry(db, { articleId, question: 'Gibt es eine Pressemitteilung?', contactEmail: POLITIK.email });
    const d = await renderDraft(db, { contactEmail: POLITIK.email }, 'markdown');
    if (d.format === 'mailto') throw new Error('unexpected');
    expect(d.fileName).toMatch(/\.md$/);
    expect(d.content).toContain(`**An:** Politik Desk <${POLITIK.email}>`);
    expect(d.content).toContain(`   > „${GOV}“`);
    expect(d.content).toContain('**Frage:** Ist \\*das\\* \\[so\\] richtig?');
    expect(d.content).toContain('2. Zur ganzen Meldung:');
  });

  it('follows the article language (English template, “…” quotes) and counts articles in the subject', async () => {
    const en = insertStory(db, [MAERKTE], { language: 'en', title: 'Windmill maker grows', published: '2025-02-25' }, [
      ['paragraph', 'HAMBURG (Agency) - Windmill maker Nordwind said revenue rose.'],
    ]);
    createInquiry(db, { articleId: en, question: 'Which quarter?', ...rangeOf(getArticle(db, en).text, 'revenue rose') });
    const one = buildDraft(db, { articleId: en });
    expect(one.subject).toBe('Question about “Windmill maker grows” (Agentur, 25 Feb 2025)');
    const body = draftText(one);
    expect(body).toMatch(/^Hello,\n\nI have a question about your story “Windmill maker grows”/);
    expect(body).toContain('1. On the passage “revenue rose”');
    expect(body).toContain('Where: “Windmill maker grows”, Agentur, 25 Feb 2025, paragraph 1');
    expect(body).toContain('Kind regards');
    createInquiry(db, { articleId, question: 'Umsatz bestätigt?', ...rangeOf(text, 'einen Umsatz von 2,1 Milliarden Euro') });
    expect(buildDraft(db, { contactEmail: MAERKTE.email }).subject).toBe('Questions about 2 articles');
  });

  it('refuses empty selections and per-article drafts for several desks', async () => {
    await expect(renderDraft(db, { contactEmail: POLITIK.email }, 'text')).rejects.toMatchObject({ code: 'INQUIRY_DRAFT_EMPTY' });
    twoQuestions();
    createInquiry(db, { articleId, question: 'Umsatz?', ...rangeOf(text, 'einen Umsatz von 2,1 Milliarden Euro') });
    await expect(renderDraft(db, { articleId }, 'text')).rejects.toMatchObject({ code: 'INQUIRY_DRAFT_SEVERAL_CONTACTS' });
  });

  it('redacts protected names through the hook', () => {
    expect(redactProtected(db, 'Laut Jörg Ämmerle und Ämmerles Sprecher …', 'de', ['Jörg Ämmerle', 'Ämmerle'])).toBe(
      'Laut vertrauliche Quelle und vertrauliche Quelle Sprecher …',
    );
    expect(redactProtected(db, 'Nichts geschützt.')).toBe('Nichts geschützt.');
  });

  it('never names a protected source of the sources feature, in any format', async () => {
    createSource(db, { kind: 'person', name: 'Jörg Ämmerle', protected: true });
    createInquiry(db, { articleId, question: 'Hat Ämmerle das bestätigt?', ...rangeOf(text, 'Nordwind-Chef Jörg Ämmerle sprach von einem „sehr guten Markt“.') });
    for (const format of ['eml', 'markdown', 'text'] as const) {
      const d = await renderDraft(db, { contactEmail: MAERKTE.email }, format);
      if (d.format === 'mailto') throw new Error('unexpected');
      const content = format === 'eml' ? ((await simpleParser(d.content)).text ?? '') : d.content;
      expect(content).not.toMatch(/Ämmerle/);
      expect(content).toContain('vertrauliche Quelle');
    }
    const m = draftMailto(buildDraft(db, { contactEmail: MAERKTE.email }));
    expect(decodeURIComponent(m.url!)).not.toMatch(/Ämmerle/);
  });
});
