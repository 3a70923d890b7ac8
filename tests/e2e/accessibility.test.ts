import { describe } from 'vitest';
import { DPA_SAMPLE, REUTERS_SAMPLE, axeViolations, expect, importThroughInput, samplesPresent, screenshot, test } from './fixtures.js';

describe.skipIf(!samplesPresent)('accessibility (axe-core)', () => {
  test('library, reading view, import report and settings have no violations, light and dark', async ({ app }) => {
    const { page } = app;
    await app.open();
    await importThroughInput(page, [REUTERS_SAMPLE, DPA_SAMPLE]);
    expect(await axeViolations(page), 'import report').toEqual([]);

    await page.getByRole('button', { name: 'Bericht schließen' }).click();
    await page.locator('.reader-placeholder').waitFor();
    expect(await axeViolations(page), 'library').toEqual([]);

    const list = page.getByRole('listbox', { name: 'Artikel der Sammlung' });
    for (const name of [/Altman/, /DeepSeek-Schock/]) {
      await list.getByRole('option', { name }).click();
      await page.locator('article.reader').waitFor();
      expect(await axeViolations(page), `reading view ${String(name)}`).toEqual([]);
    }

    await page.getByRole('button', { name: 'Einstellungen' }).click();
    await page.getByRole('dialog', { name: 'Einstellungen' }).waitFor();
    expect(await axeViolations(page), 'settings dialog').toEqual([]);
    await screenshot(page, 'settings.png');
    await page.getByRole('dialog').getByLabel('Dunkel').check();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    // Dark theme: the same views, now with the dark palette.
    await list.getByRole('option', { name: /Altman/ }).click();
    await page.locator('article.reader').waitFor();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await axeViolations(page), 'reading view, dark').toEqual([]);
    await screenshot(page, 'reading-view-dark.png');

    // The theme was stored: a reload keeps it.
    await page.reload();
    await page.locator('.app').waitFor();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await axeViolations(page), 'library, dark').toEqual([]);
    // Seven axe scans: give a loaded machine time.
  }, 120_000);

  test('the empty state follows a dark system theme without violations', async ({ app }) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.open();
    await page.locator('.empty-state').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'empty-state-dark.png');
  });
});
