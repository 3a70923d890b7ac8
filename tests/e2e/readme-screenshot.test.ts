import fs from 'node:fs';
import path from 'node:path';
import { describe } from 'vitest';
import { ROOT, expect, importThroughInput, test } from './fixtures.js';

const WIRE = path.join(ROOT, 'tests', 'fixtures', 'wire');

/**
 * The README's picture (docs/screenshot.png), taken from invented stories only: the sample
 * articles next to the project are third-party texts and must not end up in the repository.
 */
describe('the README screenshot', () => {
  test('three invented wire stories, one of them in a Mappe and open in the reading view', async ({ app }) => {
    const { page } = app;
    await app.open();
    await importThroughInput(page, [path.join(WIRE, 'reuters-de.txt'), path.join(WIRE, 'dpa.txt'), path.join(WIRE, 'afp-de.txt')]);
    const report = page.locator('.import-report');
    expect(await report.locator('.outcome-imported .outcome-item').count()).toBe(3);
    await report.getByRole('button', { name: 'Bericht schließen' }).click();

    const list = page.getByRole('listbox', { name: 'Artikel der Sammlung' });
    await expect.poll(() => list.getByRole('option').count()).toBe(3);
    await page.getByRole('button', { name: '+ Neue Mappe' }).click();
    await page.getByRole('textbox', { name: 'Name der neuen Mappe' }).fill('Elektrofähren Ostsee');
    await page.getByRole('button', { name: 'OK' }).click();
    const mappen = page.getByRole('list', { name: 'Mappen' });
    const mappe = mappen.getByRole('button', { name: /Elektrofähren Ostsee/ });
    await mappe.waitFor();
    await mappen.getByRole('button', { name: 'Alle Artikel' }).click();
    await expect.poll(() => list.getByRole('option').count()).toBe(3);
    await list.getByRole('option', { name: /Nordkai|Fährbetreiber/ }).dragTo(mappe);
    await expect.poll(() => mappe.locator('.mappe-count').textContent()).toBe('1');

    // The Reuters story, read as an editor would: dateline, credits by role, the desks to ask.
    await list.getByRole('option', { name: /Nordkai|Fährbetreiber/ }).click();
    const reader = page.locator('article.reader');
    await reader.waitFor();
    expect(await reader.locator('.dateline').textContent()).toContain('Lindhafen (Reuters)');
    const facts = reader.locator('.reader-facts');
    expect(await facts.locator('.fact', { hasText: 'Bericht' }).locator('dd').textContent()).toBe('Jana Holmvik und Piet Ostergaard');
    expect(await facts.locator('.desk-email').allTextContents()).toEqual(['politik.desk@wire-newsroom.example', 'maerkte.desk@wire-newsroom.example']);
    expect(await facts.locator('.desk-scope').allTextContents()).toEqual(['Politik und Konjunktur', 'Unternehmen und Märkte']);
    expect(await reader.locator('h3.block-heading').first().textContent()).toMatch(/LADESTATIONEN/);

    const file = path.join(ROOT, 'docs', 'screenshot.png');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file });
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  }, 60_000);
});
