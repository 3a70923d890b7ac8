import fs from 'node:fs';
import { simpleParser } from 'mailparser';
import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { REUTERS_SAMPLE, axeViolations, expect, importThroughInput, screenshot, test } from './fixtures.js';

/**
 * Rückfragen end to end: a passage marked as Rückfrage is routed to the right Reuters desk, shows
 * up in that contact's queue, becomes an e-mail draft (.eml, mailto:), is marked as asked and
 * answered, and the answer is found back at the passage and attached to a claim as evidence.
 */

const FRANKFURT = 'frankfurt.newsroom@thomsonreuters.com';
const KAKAO = 'Daneben gab Altman eine Kooperation mit Kakao bekannt, dem Betreiber des mit Abstand populärsten südkoreanischen Messengers.';
const CLAIM = 'OpenAI soll neue KI-Funktionen für "KakaoTalk" liefern.';
const QUESTION = 'Seit wann ist die Kooperation mit Kakao vereinbart, und ist sie exklusiv?';
const ANSWER = 'Die Kooperation wurde am 4. Februar unterzeichnet; sie ist nicht exklusiv.';

/** In the page: the points just inside the first and the last character of a sentence in the reading view (plain JS: no DOM types here). */
const SENTENCE_ENDS = `(sentence) => {
  const body = document.querySelector('article.reader .reader-body');
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent.indexOf(sentence);
    if (at < 0) continue;
    const rect = (from) => {
      const r = document.createRange();
      r.setStart(node, from);
      r.setEnd(node, from + 1);
      return r.getBoundingClientRect();
    };
    const first = rect(at);
    const last = rect(at + sentence.length - 1);
    return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 0.5, y2: last.top + last.height / 2 };
  }
  return null;
}`;

/** Selects `sentence` in the reading view by dragging the mouse from its first to its last character. */
async function dragSelect(page: Page, sentence: string): Promise<void> {
  const points = await page.evaluate<{ x1: number; y1: number; x2: number; y2: number } | null>(`(${SENTENCE_ENDS})(${JSON.stringify(sentence)})`);
  if (!points) throw new Error(`sentence not found: ${sentence}`);
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move(points.x2, points.y2, { steps: 8 });
  await page.mouse.up();
}

/** Marks the selected sentence with one of the annotation toolbar's types, with an optional note. */
async function annotate(page: Page, sentence: string, type: 'Rückfrage' | 'Behauptung', note?: string): Promise<void> {
  await dragSelect(page, sentence);
  await page.getByRole('toolbar', { name: 'Markierte Stelle annotieren' }).getByRole('button', { name: type }).click();
  const form = page.getByRole('form', { name: 'Neue Annotation' });
  if (note) await form.getByRole('textbox', { name: 'Notiz' }).fill(note);
  await form.getByRole('button', { name: 'Annotieren' }).click();
  await form.waitFor({ state: 'detached' });
}

describe.skipIf(!fs.existsSync(REUTERS_SAMPLE))('Rückfragen', () => {
  test('mark a passage as Rückfrage, draft, send, answer and find the answer at the claim', async ({ app }) => {
    const { page } = app;
    await app.open();
    await importThroughInput(page, [REUTERS_SAMPLE]);
    await page.getByRole('button', { name: 'Bericht schließen' }).click();
    await page.getByRole('listbox', { name: 'Artikel der Sammlung' }).getByRole('option', { name: /Altman/ }).click();
    await page.locator('article.reader .hl-run').first().waitFor();

    // The passage becomes a Rückfrage annotation; its note is the question, routed with a reason.
    await annotate(page, KAKAO, 'Rückfrage', QUESTION);
    const dialog = page.getByRole('dialog', { name: 'Rückfrage zur Textstelle' });
    await dialog.locator('.inq-route-email').waitFor();
    expect(await dialog.locator('.inq-route-email').textContent()).toBe(FRANKFURT);
    expect(await dialog.locator('.inq-route-reason').textContent()).toMatch(/^Ressort passt: Unternehmen und Märkte — genannt: .*Kakao/);
    // The contact can be changed: the article's desks and the address book are offered.
    const choice = dialog.getByLabel('Ansprechpartner ändern');
    expect(await choice.inputValue()).toBe(FRANKFURT);
    expect(await choice.locator('option').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('berlin.newsroom@thomsonreuters.com')]));
    expect(await axeViolations(page), 'Rückfrage dialog').toEqual([]);
    await screenshot(page, 'inquiries-routed.png');
    await dialog.getByRole('button', { name: 'Fertig' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // A claim in the same article, for the answer to be attached to later.
    await annotate(page, CLAIM, 'Behauptung');

    // The Rückfragen view: the question in the Frankfurt desk's queue.
    await page.getByRole('button', { name: 'Rückfragen', exact: true }).click();
    const card = page.locator(`section.inq-card[data-contact="${FRANKFURT}"]`);
    await card.waitFor();
    expect(await card.locator('h3').textContent()).toBe('Frankfurt Newsroom');
    expect(await card.locator('.inq-card-beats').textContent()).toContain('Unternehmen und Märkte');
    const item = card.locator('li.inq-item');
    expect(await item.count()).toBe(1);
    expect(await item.locator('.inq-quote').textContent()).toContain(`„${KAKAO}“`);
    expect(await item.locator('.inq-question').textContent()).toContain(QUESTION);
    expect(await item.locator('.inq-status').textContent()).toBe('offen');
    expect(await item.locator('.inq-article-link').textContent()).toMatch(/^Bei Blitz-Besuchen/);
    expect(await axeViolations(page), 'Rückfragen view').toEqual([]);
    await screenshot(page, 'inquiries-queue.png');

    // The draft: preview, .eml download (parsed with a real mail parser) and the mailto: link.
    await card.getByRole('button', { name: 'Entwurf erstellen' }).click();
    const draft = card.locator('.inq-draft');
    await draft.locator('.inq-draft-preview').waitFor();
    expect(await draft.locator('.inq-draft-preview').textContent()).toContain(QUESTION);
    const [download] = await Promise.all([page.waitForEvent('download'), draft.getByRole('button', { name: '.eml herunterladen' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.eml$/);
    const mail = await simpleParser(fs.readFileSync(await download.path()));
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    expect(to?.value[0]?.address).toBe(FRANKFURT);
    expect(mail.subject).toMatch(/^Rückfrage zu „Bei Blitz-Besuchen/);
    expect(mail.headers.get('x-unsent')).toBe('1');
    const body = (mail.text ?? '').replace(/\s+/g, ' ');
    expect(body).toContain(QUESTION);
    expect(body).toContain(KAKAO);
    const href = await draft.getByRole('link', { name: 'In E-Mail-Programm öffnen' }).getAttribute('href');
    const mailto = new URL(href ?? '');
    expect(mailto.protocol).toBe('mailto:');
    expect(decodeURIComponent(mailto.pathname)).toBe(FRANKFURT);
    expect(mailto.searchParams.get('subject')).toBe(mail.subject);
    expect(mailto.searchParams.get('body')).toContain(QUESTION);
    await draft.locator('.inq-draft-actions').scrollIntoViewIfNeeded();
    await screenshot(page, 'inquiries-draft.png');

    // Sent, then answered.
    await draft.getByRole('button', { name: /^Als gestellt markieren/ }).click();
    await expect.poll(() => item.locator('.inq-status').textContent()).toBe('gestellt');
    await item.getByRole('button', { name: 'Antwort eintragen' }).click();
    const answerForm = item.getByRole('form', { name: 'Antwort eintragen' });
    await answerForm.getByLabel('Antwort', { exact: true }).fill(ANSWER);
    expect(await answerForm.getByLabel('Geantwortet hat').inputValue()).toBe('Frankfurt Newsroom');
    await answerForm.getByLabel('Geantwortet hat').fill('Anna Beispiel, Reuters Frankfurt');
    await answerForm.getByLabel('Datum').fill('2025-02-06');
    await answerForm.getByRole('button', { name: 'Antwort speichern' }).click();
    await expect.poll(() => page.locator('.inq-queue > .inq-notice').textContent()).toMatch(/^Antwort gespeichert/);
    await page.getByRole('checkbox', { name: 'beantwortet' }).check();
    await expect.poll(() => item.locator('.inq-status').textContent()).toBe('beantwortet');
    expect(await item.locator('.inq-answer').textContent()).toContain(`Antwort von Anna Beispiel, Reuters Frankfurt am 06.02.2025:${ANSWER}`);

    // The address book beside the queue.
    await page.getByRole('button', { name: 'Adressbuch' }).click();
    const book = page.getByRole('complementary', { name: 'Adressbuch' });
    expect(await book.locator('.inq-contact-email').allTextContents()).toEqual(['berlin.newsroom@thomsonreuters.com', FRANKFURT]);
    expect(await axeViolations(page), 'address book').toEqual([]);
    await screenshot(page, 'inquiries-address-book.png');

    // Back at the article: the answer at the passage, then attached to the claim as evidence.
    await item.locator('.inq-article-link').click();
    const section = page.locator('section.inq-article');
    await section.locator('.inq-answer').waitFor();
    expect(await section.locator('.inq-answer').textContent()).toContain(ANSWER);
    const panelEntry = page.locator('.annotation-panel .annotation-item.type-question');
    expect(await panelEntry.locator('.inq-answer').textContent()).toContain('Antwort von Anna Beispiel, Reuters Frankfurt');
    const attach = section.getByLabel('Als Beleg an Behauptung hängen:');
    await attach.selectOption({ label: `„${CLAIM}“` });
    await expect.poll(() => section.locator('.inq-evidence').textContent()).toBe(`Beleg zur Behauptung „${CLAIM}“`);
    const claimEntry = page.locator('.annotation-panel .annotation-item.type-claim');
    await expect.poll(() => claimEntry.locator('.inq-annotation-evidence').textContent()).toContain(ANSWER);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'inquiries-answer-at-claim.png');

    // A question about the whole article, by keyboard-closable dialog; focus returns to the button.
    const askArticle = section.getByRole('button', { name: 'Rückfrage zum ganzen Artikel' });
    await askArticle.click();
    const articleDialog = page.getByRole('dialog', { name: 'Rückfrage zum Artikel' });
    await articleDialog.getByLabel('Ihre Frage').fill('Gibt es eine Stellungnahme von Kakao?');
    await expect.poll(() => articleDialog.locator('.inq-route-preview').textContent()).toMatch(/^Geht an \S+@thomsonreuters\.com — /);
    await articleDialog.getByRole('button', { name: 'Rückfrage speichern' }).click();
    await articleDialog.locator('.inq-route-email').waitFor();
    await page.keyboard.press('Escape');
    await articleDialog.waitFor({ state: 'detached' });
    await expect.poll(() => askArticle.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await expect.poll(() => section.locator('.inq-article-item').count()).toBe(2);
    expect(await section.locator('.inq-article-item').nth(1).textContent()).toContain('Zum ganzen Artikel');
  }, 90_000);
});
