import { describe } from 'vitest';
import { DPA_SAMPLE, REUTERS_SAMPLE, expect, importThroughInput, samplesPresent, test } from './fixtures.js';

describe.skipIf(!samplesPresent)('keyboard', () => {
  test('arrow keys move through the list and Enter opens the article', async ({ app }) => {
    const { page } = app;
    await app.open();
    await importThroughInput(page, [REUTERS_SAMPLE, DPA_SAMPLE]);
    await page.getByRole('button', { name: 'Bericht schließen' }).click();

    const list = page.getByRole('listbox', { name: 'Artikel der Sammlung' });
    await list.focus();
    expect(await list.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);

    // Focusing puts the cursor on the first row; ↓ moves it to the second.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => list.getAttribute('aria-activedescendant')).toBe('article-option-1');
    const activeId = 'article-option-1';
    const activeRow = page.locator(`#${activeId}`);
    const expectedTitle = (await activeRow.locator('.row-title').textContent()) ?? '';
    // The keyboard cursor is visible.
    expect(await activeRow.evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).outlineStyle)).toBe('solid');

    await page.keyboard.press('Enter');
    const title = page.locator('article.reader h2.reader-title');
    await title.waitFor();
    expect(expectedTitle.startsWith((await title.textContent())?.slice(0, 20) ?? '?')).toBe(true);
    expect(await activeRow.getAttribute('aria-selected')).toBe('true');
    // Focus stays in the list, so the next article is one key away.
    expect(await list.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);

    await page.keyboard.press('Home');
    await expect.poll(() => list.getAttribute('aria-activedescendant')).toBe('article-option-0');
    await page.keyboard.press('Enter');
    await expect.poll(async () => page.locator('#article-option-0').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('End');
    await expect.poll(() => list.getAttribute('aria-activedescendant')).toBe('article-option-1');
  });

  test('the header controls are reachable with Tab and show their focus', async ({ app }) => {
    const { page } = app;
    await app.open();
    await page.locator('.empty-state').waitFor();
    await page.keyboard.press('Tab');
    // Evaluated in the page; a string keeps DOM globals out of this Node-typed file.
    const focused = () => page.evaluate<string>("document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? ''");
    // First the view switch (Sammlung | Annotationen | …), then the filter.
    expect(await focused()).toBe('Sammlung');
    for (let i = 0; i < 8 && (await focused()) !== 'Sammlung filtern'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('Sammlung filtern');
    // Then the import button (after any controls other features put beside the filter).
    for (let i = 0; i < 4 && (await focused()) !== 'Importieren'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('Importieren');
    const outline = await page.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle');
    expect(outline).toBe('solid');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Ordner importieren');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Einstellungen');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Einstellungen' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
  });
});
