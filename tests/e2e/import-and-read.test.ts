import fs from 'node:fs';
import path from 'node:path';
import { describe } from 'vitest';
import { DPA_SAMPLE, REUTERS_SAMPLE, expect, importThroughInput, samplesPresent, screenshot, test } from './fixtures.js';

describe.skipIf(!samplesPresent)('import, list, read, filter, switch language', () => {
  test('a journalist imports two wire stories and reads the Reuters one', async ({ app }) => {
    const { page } = app;
    // Two files that must fail, each with its own reason.
    const emptyFile = path.join(app.dataDir, 'leer.txt');
    fs.writeFileSync(emptyFile, '');
    const binaryFile = path.join(app.dataDir, 'daten.txt');
    fs.writeFileSync(binaryFile, Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)));

    await app.open();
    await page.locator('.empty-state').waitFor();
    await importThroughInput(page, [REUTERS_SAMPLE, DPA_SAMPLE, emptyFile, binaryFile]);

    // The report: progress complete, two imported, two failed with their own messages.
    const report = page.locator('.import-report');
    expect(await report.locator('.import-progress-text').textContent()).toBe('4 von 4');
    expect(await report.locator('progress').getAttribute('value')).toBe('4');
    expect(await report.locator('.outcome-imported .outcome-item').count()).toBe(2);
    const failures = report.locator('.outcome-failed .outcome-item');
    expect(await failures.count()).toBe(2);
    const failed = await failures.allTextContents();
    expect(failed.find((f) => f.includes('leer.txt'))).toContain('Die Datei ist leer');
    expect(failed.find((f) => f.includes('daten.txt'))).toContain('Binärdaten');
    await screenshot(page, 'import-result.png');

    // Both stories are in the list.
    const options = page.getByRole('listbox', { name: 'Artikel der Sammlung' }).getByRole('option');
    await expect.poll(() => options.count()).toBe(2);
    const reutersRow = options.filter({ hasText: 'Altman' });
    const dpaRow = options.filter({ hasText: 'DeepSeek-Schock' });
    expect(await reutersRow.count()).toBe(1);
    expect(await dpaRow.count()).toBe(1);
    expect(await page.locator('.pane-count').textContent()).toBe('2 Artikel');

    await report.getByRole('button', { name: 'Bericht schließen' }).click();
    await page.locator('.reader-placeholder').waitFor();
    await screenshot(page, 'library.png');

    // The reading view of the Reuters story.
    await reutersRow.click();
    const reader = page.locator('article.reader');
    await reader.waitFor();
    expect(await reutersRow.getAttribute('aria-selected')).toBe('true');
    const dateline = reader.locator('.dateline');
    expect(await dateline.isVisible()).toBe(true);
    expect(await dateline.textContent()).toContain('Seoul');
    // The title was derived from the lead (this delivery has none) and says so.
    expect(await reader.locator('.badge-derived').textContent()).toBe('abgeleitet');
    const facts = reader.locator('.reader-facts');
    expect(await facts.getByText('Scot W. Stevenson', { exact: true }).isVisible()).toBe(true);
    expect(await facts.locator('.fact', { hasText: 'Redaktion' }).locator('dd').textContent()).toBe('Scot W. Stevenson');
    expect(await facts.locator('.fact', { hasText: 'Bericht' }).locator('dd').textContent()).toBe('Hyunjoo Jin und Jack Kim');
    expect(await facts.locator('.desk-email').allTextContents()).toEqual(['berlin.newsroom@thomsonreuters.com', 'frankfurt.newsroom@thomsonreuters.com']);
    expect(await facts.getByText('berlin.newsroom@thomsonreuters.com').isVisible()).toBe(true);
    expect(await facts.getByText('frankfurt.newsroom@thomsonreuters.com').isVisible()).toBe(true);
    expect(await facts.locator('.desk-scope').allTextContents()).toEqual(['Politik und Konjunktur', 'Unternehmen und Märkte']);
    expect(await reader.locator('.reader-meta').textContent()).toContain('Februar 2025');
    expect(await reader.locator('h3.block-heading').first().textContent()).toMatch(/KI-FUNKTIONEN/);
    // Imported text is rendered as text: no element came out of the file.
    expect(await reader.locator('.reader-body :is(script, iframe, img, a)').count()).toBe(0);
    await screenshot(page, 'reading-view.png');

    // Full-text filter as you type.
    const search = page.getByRole('searchbox', { name: 'Sammlung filtern' });
    await search.fill('Kakao');
    await expect.poll(() => options.count()).toBe(1);
    expect(await options.first().textContent()).toContain('Altman');
    expect(await page.locator('.pane-count').textContent()).toBe('1 Treffer für „Kakao“');
    await search.fill('');
    await expect.poll(() => options.count()).toBe(2);

    // English and back, applied at once and kept by the collection.
    const importButton = page.locator('.app-header .button-primary');
    expect(await importButton.textContent()).toBe('Importieren');
    await page.getByRole('button', { name: 'Einstellungen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Einstellungen' });
    await dialog.getByLabel('English').check();
    await expect.poll(() => importButton.textContent()).toBe('Import');
    expect(await page.locator('#library-heading').textContent()).toBe('Collection');
    expect(await reader.locator('.reader-meta').textContent()).toContain('February 2025');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('dialog', { name: 'Settings' }).getByLabel('Deutsch').check();
    await expect.poll(() => importButton.textContent()).toBe('Importieren');
    await page.getByRole('dialog', { name: 'Einstellungen' }).getByRole('button', { name: 'Schließen' }).click();
    expect(await page.locator('#library-heading').textContent()).toBe('Sammlung');
  });

  test('the dpa story keeps its kicker, headline and credits', async ({ app }) => {
    const { page } = app;
    await app.open();
    await importThroughInput(page, [DPA_SAMPLE]);
    await page.getByRole('listbox').getByRole('option', { name: /DeepSeek-Schock/ }).click();
    const reader = page.locator('article.reader');
    await reader.waitFor();
    expect(await reader.locator('.kicker').textContent()).toBe('Künstliche Intelligenz');
    expect(await reader.locator('h2.reader-title').textContent()).toBe('DeepSeek-Schock aus China: Zeichen für KI-Zeitenwende?');
    expect(await reader.locator('.badge-derived').count()).toBe(0);
    expect(await reader.locator('.dateline').textContent()).toContain('New York');
    expect(await reader.locator('.reader-facts').textContent()).toContain('Andrej Sokolow');
    await screenshot(page, 'reading-view-dpa.png');
  });
});
