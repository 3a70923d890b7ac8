import fs from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { expect, screenshot, test } from './fixtures.js';

/** axe on one region of the page. */
async function axeOn(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact ?? '?'}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n  ')}`);
}

describe('manual sources', () => {
  test('add an interview in the Quellenregister, list it and export it as DIN ISO 690 text', async ({ app }) => {
    const { page } = app;
    await app.open();
    await page.getByRole('button', { name: 'Quellenregister' }).click();
    const manual = page.locator('section.manual-sources');
    await manual.getByRole('button', { name: 'Quelle manuell hinzufügen …' }).click();

    const form = manual.getByRole('form', { name: 'Manuelle Quelle hinzufügen' });
    await form.getByLabel('Art', { exact: true }).selectOption({ label: 'Interview' });
    await form.getByLabel('Titel', { exact: true }).fill('Gespräch über die Rechenzentren');
    await form.getByLabel('Autorinnen und Autoren / Gesprächspartner').fill('Musterfrau, Erika');
    await form.getByLabel('Datum', { exact: true }).fill('2024-11-05');
    await form.getByLabel('Herausgeber / Organisation').fill('Stadtwerke Beispielstadt');

    // A URL that is not http(s) is refused with a message, keyboard focus stays in the form.
    await form.getByLabel('URL', { exact: true }).fill('javascript:alert(1)');
    await form.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('http:// oder https://');
    expect(await axeOn(page, '.manual-source-form')).toEqual([]);
    await form.getByLabel('URL', { exact: true }).fill('https://example.org/interview');
    await form.getByLabel('URL', { exact: true }).press('Enter');

    // Listed, with the person and the year.
    const item = manual.locator('.manual-source', { hasText: 'Gespräch über die Rechenzentren' });
    await item.waitFor();
    expect(await item.textContent()).toContain('Erika Musterfrau (2024)');
    expect(await item.locator('.badge-kind').textContent()).toBe('Interview');
    expect(await form.count()).toBe(0);
    await screenshot(page, 'manual-sources.png');
    expect(await axeOn(page, '.manual-sources')).toEqual([]);

    // Export: manual sources included, DIN ISO 690 as text, downloaded.
    await manual.getByRole('button', { name: 'Manuelle Quellen exportieren …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Quellen exportieren' });
    const include = dialog.getByLabel('manuelle Quellen einschließen (1)');
    await expect.poll(() => include.isChecked()).toBe(true);
    await dialog.getByLabel('Format').selectOption('text');
    await dialog.getByLabel('Zitierstil').selectOption('iso690-author-date-de');
    const preview = dialog.locator('pre.export-preview');
    await expect.poll(() => preview.textContent()).toContain('Gespräch über die Rechenzentren');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Herunterladen' }).click()]);
    const content = fs.readFileSync(await download.path(), 'utf8');
    expect(content).toMatch(/MUSTERFRAU/i);
    expect(content).toContain('2024');
    expect(content).toBe(await preview.textContent());
    expect(await axeOn(page, '.export-dialog')).toEqual([]);
    await dialog.getByRole('button', { name: 'Schließen' }).click();
  });
});
