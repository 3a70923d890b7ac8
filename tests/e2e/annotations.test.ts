import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { REUTERS_SAMPLE, axeViolations, expect, importThroughInput, screenshot, test } from './fixtures.js';

const CLAIM = 'Seine Beteiligungsgesellschaft hatte zuvor bereits 15 Milliarden Dollar für "Stargate" zugesagt.';
const FIGURE = 'In dessen Rahmen könnte OpenAI mit 300 Milliarden Dollar bewertet werden.';
const NOTE = 'Zusage bei Softbank gegenprüfen';
const TAG = 'Stargate-Check';

interface Point {
  x: number;
  y: number;
}

/**
 * Runs in the page (as a string, keeping DOM types out of this Node-typed file): finds `sentence`
 * in the article text and returns a point just inside its first and last character.
 */
async function sentenceEnds(page: Page, sentence: string): Promise<{ from: Point; to: Point }> {
  const script = `(() => {
    const sentence = ${JSON.stringify(sentence)};
    const walker = document.createTreeWalker(document.querySelector('.reader-body'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent.indexOf(sentence);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + sentence.length);
      // Into view first: the mouse works in viewport coordinates.
      node.parentElement.scrollIntoView({ block: 'center' });
      const rectOf = (i) => { range.setStart(node, i); range.setEnd(node, i + 1); return range.getClientRects()[0]; };
      const first = rectOf(at);
      const last = rectOf(at + sentence.length - 1);
      return { from: { x: first.left + 1, y: first.top + first.height / 2 }, to: { x: last.right - 1, y: last.top + last.height / 2 } };
    }
    return null;
  })()`;
  const ends = await page.evaluate<{ from: Point; to: Point } | null>(script);
  if (!ends) throw new Error(`sentence not found in one text node: ${sentence}`);
  return ends;
}

/** Selects `sentence` with a real mouse drag from its first to its last character. */
async function dragSelect(page: Page, sentence: string): Promise<void> {
  const { from, to } = await sentenceEnds(page, sentence);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
}

/** Selects `sentence` programmatically (the keyboard test needs a selection, not a mouse). */
async function selectProgrammatically(page: Page, sentence: string): Promise<void> {
  await page.evaluate(`(() => {
    const sentence = ${JSON.stringify(sentence)};
    const walker = document.createTreeWalker(document.querySelector('.reader-body'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent.indexOf(sentence);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + sentence.length);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error('sentence not found');
  })()`);
}

async function readDownload(page: Page, click: () => Promise<void>): Promise<{ name: string; content: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), content: fs.readFileSync(file, 'utf8') };
}

describe.skipIf(!fs.existsSync(REUTERS_SAMPLE))('annotations in the reading view and the review view', () => {
  test('mark a claim with the mouse, keep it across a reload, review, export, delete and undo', async ({ app }) => {
    const { page } = app;
    await app.open();
    await importThroughInput(page, [REUTERS_SAMPLE]);
    await page.getByRole('button', { name: 'Bericht schließen' }).click();
    const row = page.getByRole('listbox', { name: 'Artikel der Sammlung' }).getByRole('option', { name: /Altman/ });
    await row.click();
    const reader = page.locator('article.reader');
    await reader.waitFor();

    // Select the sentence with the mouse; the toolbar offers the five types.
    await dragSelect(page, CLAIM);
    const toolbar = page.getByRole('toolbar', { name: 'Markierte Stelle annotieren' });
    await toolbar.waitFor();
    // The five types first (other features may add actions after them).
    expect((await toolbar.locator('.toolbar-type').allTextContents()).slice(0, 5)).toEqual(['❝Zitat1', '!Behauptung2', '#Zahl3', '✎Notiz4', '?Rückfrage5']);
    await toolbar.getByRole('button', { name: 'Behauptung' }).click();
    const form = page.getByRole('dialog', { name: 'Neue Annotation' });
    await form.getByRole('textbox', { name: 'Notiz' }).fill(NOTE);
    await form.locator('.tag-text').fill(TAG);
    await form.locator('.tag-text').press('Enter');
    expect(await form.locator('.tag-chip').textContent()).toContain(TAG);
    await form.getByRole('button', { name: 'Annotieren' }).click();
    await form.waitFor({ state: 'hidden' });
    const claim = reader.locator('mark.hl-claim');
    await expect.poll(async () => (await claim.allTextContents()).join('')).toBe(CLAIM);

    // A reload keeps it, highlighted in its colour and with its own underline.
    await page.reload();
    await page.locator('.app').waitFor();
    await row.click();
    await reader.waitFor();
    await expect.poll(async () => (await claim.allTextContents()).join('')).toBe(CLAIM);
    const style = await claim.first().evaluate((el) => {
      const s = el.ownerDocument.defaultView?.getComputedStyle(el);
      return { line: s?.textDecorationLine, style: s?.textDecorationStyle, background: s?.backgroundColor };
    });
    expect(style).toEqual({ line: 'underline', style: 'wavy', background: 'rgb(253, 227, 211)' });

    // The side panel lists it with quote, note and tag.
    const panel = page.locator('#annotation-panel');
    const item = panel.locator('.annotation-item.type-claim');
    expect(await item.locator('.item-quote').textContent()).toBe(`„${CLAIM}“`);
    expect(await item.locator('.item-note').textContent()).toBe(NOTE);
    expect(await item.locator('.tag').allTextContents()).toEqual([TAG]);

    // A second one by keyboard: a selection, then "3" for Zahl, a note, Ctrl+Enter.
    await selectProgrammatically(page, FIGURE);
    await page.keyboard.press('3');
    const keyForm = page.getByRole('dialog', { name: 'Neue Annotation' });
    const note = keyForm.getByRole('textbox', { name: 'Notiz' });
    await expect.poll(() => note.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await keyForm.getByRole('radio', { name: 'Zahl' }).isChecked()).toBe(true);
    await page.keyboard.type('Bewertung laut Insidern');
    await screenshot(page, 'annotations-form.png');
    await page.keyboard.press('Control+Enter');
    await keyForm.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await reader.locator('mark.hl-figure').allTextContents()).join('')).toBe(FIGURE);
    await expect.poll(() => panel.locator('.annotation-item').count()).toBe(2);

    // An annotation inside another: the shared run is nested, carries both ids and both styles.
    await selectProgrammatically(page, '15 Milliarden Dollar');
    await page.keyboard.press('4');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => panel.locator('.annotation-item').count()).toBe(3);
    const overlap = reader.locator('.hl-overlap');
    expect(await overlap.textContent()).toBe('15 Milliarden Dollar');
    expect(await overlap.locator('mark.hl-claim > mark.hl-note').count()).toBe(1);
    expect(await panel.locator('.annotation-item').evaluateAll((items) => items.map((i) => i.className.match(/type-(\w+)/)?.[1]))).toEqual(['claim', 'note', 'figure']);

    // Delete with undo.
    await panel.locator('.annotation-item.type-figure').getByRole('button', { name: /^Löschen/ }).click();
    await expect.poll(() => panel.locator('.annotation-item').count()).toBe(2);
    expect(await reader.locator('mark.hl-figure').count()).toBe(0);
    const toast = page.locator('.undo-toast');
    expect(await toast.textContent()).toContain('Annotation gelöscht');
    await toast.getByRole('button', { name: 'Rückgängig' }).click();
    await expect.poll(() => panel.locator('.annotation-item').count()).toBe(3);
    expect((await reader.locator('mark.hl-figure').allTextContents()).join('')).toBe(FIGURE);

    // Clicking an item flashes its passage.
    await item.locator('.item-quote').click();
    await expect.poll(() => reader.locator('mark.hl-claim.is-flash').count()).toBeGreaterThan(0);

    await screenshot(page, 'annotations-reader.png');
    expect(await axeViolations(page), 'reading view with highlights and side panel').toEqual([]);

    // The review view finds the claim by its tag.
    await page.getByRole('group', { name: 'Ansicht' }).getByRole('button', { name: 'Annotationen', exact: true }).click();
    const review = page.locator('.review-view');
    await review.waitFor();
    await expect.poll(() => review.locator('.type-chip.type-claim .chip-count').textContent()).toBe('1');
    expect(await review.locator('.type-chip.type-figure .chip-count').textContent()).toBe('1');
    await review.getByLabel('Schlagwort').selectOption(TAG);
    const rows = review.getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().locator('.review-quote').textContent()).toBe(`„${CLAIM}“`);
    expect(await rows.first().textContent()).toContain(NOTE);
    await screenshot(page, 'annotations-review.png');
    expect(await axeViolations(page), 'review view').toEqual([]);

    // Export: everything as W3C JSON-LD, the selection as a Markdown dossier.
    const w3c = await readDownload(page, async () => {
      await review.locator('summary', { hasText: 'Alles exportieren' }).click();
      await review.getByRole('button', { name: /W3C Web Annotation/ }).click();
    });
    expect(w3c.name).toMatch(/\.jsonld$/);
    const json = JSON.parse(w3c.content) as { type: string; total: number };
    expect(json.type).toBe('AnnotationCollection');
    expect(json.total).toBe(3);
    expect(w3c.content).toContain(JSON.stringify(CLAIM));
    const markdown = await readDownload(page, async () => {
      await review.locator('summary', { hasText: 'Auswahl exportieren' }).click();
      await review.getByRole('button', { name: /Markdown/ }).click();
    });
    expect(markdown.name).toMatch(/\.md$/);
    expect(markdown.content).toContain(`„${CLAIM}“`);
    expect(markdown.content).toContain(NOTE);
    expect(markdown.content).not.toContain(FIGURE);

    // A row opens the article at the annotation.
    await rows.first().getByRole('button').click();
    await reader.waitFor();
    await expect.poll(() => reader.locator('mark.hl-claim.is-flash').count()).toBeGreaterThan(0);

    // The dark palette (the theme follows the system by default) passes too.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => claim.first().evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).backgroundColor)).toBe('rgb(74, 38, 24)');
    expect(await axeViolations(page), 'reading view, dark').toEqual([]);
    await screenshot(page, 'annotations-reader-dark.png');
  }, 90_000);
});
