import path from 'node:path';
import { ROOT, axeViolations, expect, importThroughInput, screenshot, test } from './fixtures.js';

const FIRST = path.join(ROOT, 'tests', 'fixtures', 'wire', 'dpa.txt');
const SECOND = path.join(ROOT, 'tests', 'fixtures', 'wire', 'afp-de.txt');

test('backs up from the settings, checks the collection and restores the backup', { timeout: 180_000 }, async ({ app }) => {
  const { page } = app;
  await app.open();
  const options = page.getByRole('listbox', { name: 'Artikel der Sammlung' }).getByRole('option');
  await importThroughInput(page, [FIRST]);
  await page.getByRole('button', { name: 'Bericht schließen' }).click();
  await expect.poll(() => options.count()).toBe(1);

  // Settings → Sicherungen: back up now, then check the collection.
  await page.getByRole('button', { name: 'Einstellungen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Einstellungen' });
  await dialog.waitFor();
  const section = dialog.getByRole('region', { name: 'Sicherungen' });
  await section.getByRole('heading', { name: 'Vorhandene Sicherungen' }).waitFor();
  // The folder may already hold the automatic daily backup made at start.
  await section.locator('.backup-folder').waitFor();
  const items = section.getByRole('listitem');
  const before = await items.count();
  await section.getByRole('button', { name: 'Jetzt sichern' }).click();
  await expect.poll(() => items.count()).toBe(before + 1);
  expect(await items.first().textContent()).toContain('geprüft');
  await section.getByRole('status').getByText(/angelegt und geprüft/).waitFor();

  await section.getByRole('button', { name: 'Sammlung prüfen' }).click();
  await section.getByText('Die Sammlung ist in Ordnung', { exact: false }).waitFor({ timeout: 30_000 });
  expect(await axeViolations(page), 'backup section').toEqual([]);

  // Keyboard: the confirmation takes focus on "Abbrechen", and cancelling changes nothing.
  await items.first().getByRole('button', { name: /wiederherstellen/i }).focus();
  await page.keyboard.press('Enter');
  const confirm = section.getByRole('group');
  await confirm.waitFor();
  expect(await confirm.textContent()).toContain('als Kopie gesichert');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Abbrechen');
  expect(await axeViolations(page), 'backup confirmation').toEqual([]);
  await page.keyboard.press('Enter');
  await confirm.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Schließen', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });

  // A second article after the backup.
  await importThroughInput(page, [SECOND]);
  await page.getByRole('button', { name: 'Bericht schließen' }).click();
  await expect.poll(() => options.count()).toBe(2);

  // Restore the backup: the app reloads with only the first article.
  await page.getByRole('button', { name: 'Einstellungen' }).click();
  await dialog.waitFor();
  await expect.poll(() => items.count()).toBe(before + 1);
  // Newest first: the backup made above.
  await items.first().getByRole('button', { name: /wiederherstellen/i }).click();
  const reloaded = page.waitForEvent('load', { timeout: 60_000 });
  await section.getByRole('button', { name: 'Ja, wiederherstellen' }).click();
  await reloaded;
  await page.locator('.app').waitFor();
  await expect.poll(() => options.count(), { timeout: 30_000 }).toBe(1);
  expect(await options.first().textContent()).toContain('Schwebebahn');

  // The replaced state is kept as a backup of its own.
  await page.getByRole('button', { name: 'Einstellungen' }).click();
  await dialog.waitFor();
  await expect.poll(() => items.count()).toBe(before + 2);
  expect(await items.first().textContent()).toContain('vor Wiederherstellung');
  await section.getByRole('button', { name: 'Sammlung prüfen' }).click();
  await section.getByText('Die Sammlung ist in Ordnung', { exact: false }).waitFor({ timeout: 30_000 });
  await section.scrollIntoViewIfNeeded();
  expect(await axeViolations(page), 'backup section after restore').toEqual([]);
  await screenshot(page, 'backup.png');
});
