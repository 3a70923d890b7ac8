import { describe } from 'vitest';
import { expect, screenshot, test } from './fixtures.js';
import { seedCollection, syntheticArticle } from './seed.js';

const COUNT = 5_000;

describe('a large collection', () => {
  test('the list stays virtual and loads rows lazily down to the last one', async ({ app }) => {
    const { page } = app;
    seedCollection(app.dbPath, COUNT);
    await app.open();
    await expect.poll(() => page.locator('.pane-count').textContent()).toBe('5.000 Artikel');

    const list = page.getByRole('listbox', { name: 'Artikel der Sammlung' });
    const rendered = list.getByRole('option');
    // Only what fits the window (plus overscan) is in the DOM, not 5,000 rows.
    expect(await rendered.count()).toBeLessThan(60);
    expect(await rendered.first().getAttribute('aria-setsize')).toBe(String(COUNT));

    await list.focus();
    await page.keyboard.press('End');
    await expect.poll(() => list.getAttribute('aria-activedescendant')).toBe(`article-option-${COUNT - 1}`);
    const last = page.locator(`#article-option-${COUNT - 1}`);
    // Its page is fetched on demand; the oldest story (sorted newest first) is at the end.
    await expect.poll(() => last.locator('.row-title').count()).toBe(1);
    expect(await last.getAttribute('aria-posinset')).toBe(String(COUNT));
    await page.keyboard.press('Enter');
    await page.locator('article.reader h2.reader-title').waitFor();
    expect(await page.locator('article.reader h2.reader-title').textContent()).toBe(await last.locator('.row-title').textContent());

    // Sorting by title puts Testmeldung 000001 first.
    await page.getByLabel('Sortierung').selectOption('title_asc');
    await expect.poll(() => page.locator('#article-option-0 .row-title').textContent()).toBe('Testmeldung 000001: Haushaltsstreit in Hamburg');

    // The filter narrows 5,000 rows to one as the user types.
    await page.getByRole('searchbox').fill('Testmeldung 004321');
    await expect.poll(() => page.locator('.pane-count').textContent()).toBe('1 Treffer für „Testmeldung 004321“');
    expect(await rendered.count()).toBe(1);

    // Newest first, a place in every sixth story: the filtered list keeps the date order to its last row.
    await page.getByLabel('Sortierung').selectOption('published_desc');
    await page.getByRole('searchbox').fill('Hamburg');
    const hamburg = Array.from({ length: COUNT }, (_, k) => ({ id: k + 1, a: syntheticArticle(k + 1) }))
      .filter(({ a }) => a.title.endsWith('Hamburg'))
      .sort((x, y) => ((y.a.published ?? '') > (x.a.published ?? '') ? 1 : (y.a.published ?? '') < (x.a.published ?? '') ? -1 : y.id - x.id));
    await expect.poll(() => page.locator('.pane-count').textContent()).toBe(`${hamburg.length} Treffer für „Hamburg“`);
    await expect.poll(() => page.locator('#article-option-0 .row-title').textContent()).toBe(hamburg[0]?.a.title);
    await screenshot(page, 'library-filter.png');
    await list.focus();
    await page.keyboard.press('End');
    const lastHit = page.locator(`#article-option-${hamburg.length - 1}`);
    await expect.poll(() => lastHit.locator('.row-title').textContent()).toBe(hamburg[hamburg.length - 1]?.a.title);
  });
});
