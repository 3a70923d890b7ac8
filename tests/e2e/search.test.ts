import fs from 'node:fs';
import { describe } from 'vitest';
import { DPA_SAMPLE, REUTERS_SAMPLE, axeViolations, expect, importThroughInput, samplesPresent, screenshot, test } from './fixtures.js';

describe.skipIf(!samplesPresent)('search and Mappen', () => {
  test('a journalist searches, opens a hit at its snippet, files a story in a Mappe and saves a search', async ({ app }) => {
    const { page } = app;
    await app.open();
    await importThroughInput(page, [REUTERS_SAMPLE, DPA_SAMPLE]);
    await page.getByRole('button', { name: 'Bericht schließen' }).click();
    const list = page.getByRole('listbox', { name: 'Artikel der Sammlung' });
    await expect.poll(() => list.getByRole('option').count()).toBe(2);

    // Search from the header field: Enter opens the results with marked snippets.
    const field = page.getByRole('searchbox', { name: 'Sammlung filtern' });
    await field.fill('Sudkorea');
    await field.press('Enter');
    const results = page.getByRole('list', { name: 'Suchtreffer' });
    const hits = results.getByRole('listitem');
    await expect.poll(() => hits.count()).toBe(1);
    const hit = hits.first();
    expect(await hit.textContent()).toContain('Altman');
    const marks = await hit.locator('.search-snippet mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.join(' ')).toMatch(/S[üu]dkorea/i);
    // The snippet is React text: the markers never reach the page.
    const shown = (await hit.textContent()) ?? '';
    expect(shown.includes('\u0002') || shown.includes('\u0003')).toBe(false);
    expect(await axeViolations(page), 'search results').toEqual([]);
    await screenshot(page, 'search-results.png');

    // Opening the hit shows the article with the first hit marked and in view.
    await hit.getByRole('button').click();
    const reader = page.locator('article.reader');
    await reader.waitFor();
    const marked = page.locator('.reader-body [data-search-hit]');
    await marked.first().waitFor();
    expect(await marked.first().textContent()).toMatch(/s[üu]dkorea/i);
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('search-hit')?.size ?? 0)).toBe(1);
    const inView = await marked.first().evaluate((el) => {
      const r = el.getBoundingClientRect();
      const pane = (el.closest('.reader-pane') as HTMLElement).getBoundingClientRect();
      return r.bottom > pane.top && r.top < pane.bottom;
    });
    expect(inView).toBe(true);
    await screenshot(page, 'search-hit-open.png');

    // A stemmed search finds both stories; sorting by date keeps them.
    await field.fill('Rechenzentrum');
    await field.press('Enter');
    await expect.poll(() => hits.count()).toBe(2);
    expect((await hits.locator('mark').allTextContents()).some((m) => /Rechenzentren/.test(m))).toBe(true);
    await page.getByRole('combobox', { name: 'Sortierung' }).selectOption('date');
    await expect.poll(() => hits.count()).toBe(2);

    // A malformed query shows the core's specific message.
    await field.fill('"Kakao');
    await field.press('Enter');
    const alert = page.locator('.search-results [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Anführungszeichen an Stelle 1 wird nicht geschlossen');
    await screenshot(page, 'search-invalid.png');

    // Save a search, go elsewhere, re-apply it.
    await field.fill('Sudkorea');
    await field.press('Enter');
    await expect.poll(() => hits.count()).toBe(1);
    await page.getByRole('textbox', { name: 'Name der gespeicherten Suche' }).fill('Korea-Recherche');
    await page.getByRole('button', { name: 'Suche speichern' }).click();
    const savedEntry = page.locator('.saved-search-list').getByRole('button', { name: 'Korea-Recherche', exact: true });
    await savedEntry.waitFor();
    await field.fill('Rechenzentrum');
    await field.press('Enter');
    await expect.poll(() => hits.count()).toBe(2);
    await savedEntry.click();
    await expect.poll(() => hits.count()).toBe(1);
    expect(await field.inputValue()).toBe('Sudkorea');
    expect(await page.locator('.search-query-line').textContent()).toContain('Sudkorea');

    // Back to the list; create a Mappe and drag the Reuters story onto it.
    await page.getByRole('button', { name: 'Zur Liste' }).click();
    await field.fill('');
    await expect.poll(() => list.getByRole('option').count()).toBe(2);
    await page.getByRole('button', { name: '+ Neue Mappe' }).click();
    await page.getByRole('textbox', { name: 'Name der neuen Mappe' }).fill('KI-Rechenzentren');
    await page.getByRole('button', { name: 'OK' }).click();
    const mappen = page.getByRole('list', { name: 'Mappen' });
    const mappe = mappen.getByRole('button', { name: /KI-Rechenzentren/ });
    await mappe.waitFor();
    // Creating selects the new (empty) Mappe; show all articles again to drag from.
    await mappen.getByRole('button', { name: 'Alle Artikel' }).click();
    await expect.poll(() => list.getByRole('option').count()).toBe(2);
    await list.getByRole('option', { name: /Altman/ }).dragTo(mappe);
    await expect.poll(() => mappe.locator('.mappe-count').textContent()).toBe('1');

    // Selecting the Mappe lists only its story.
    await mappe.click();
    expect(await mappe.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => list.getByRole('option').count()).toBe(1);
    expect(await list.getByRole('option').first().textContent()).toContain('Altman');
    await page.getByRole('textbox', { name: 'Notiz zur Mappe' }).fill('Stargate in Asien');
    await list.getByRole('option').first().click();
    await reader.waitFor();
    expect(await page.getByRole('combobox', { name: 'In Mappe legen' }).isVisible()).toBe(true);
    expect(await axeViolations(page), 'Mappen sidebar').toEqual([]);
    await screenshot(page, 'search-mappen.png');

    // The Mappe is an export scope: its citations only, not the other story's.
    await page.getByRole('button', { name: 'Quellen exportieren …' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Quellen exportieren' });
    await dialog.getByRole('radio', { name: 'Alle 1 Artikel der Mappe' }).check();
    await dialog.getByLabel('Format').selectOption('agency');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Herunterladen' }).click()]);
    const exported = await fs.promises.readFile((await download.path())!, 'utf8');
    expect(exported).toContain('Reuters');
    expect(exported).not.toContain('dpa');
  }, 90_000);

  test('a source name typed in the search shows the source above the hits and opens it in the Quellenregister', async ({ app }) => {
    const { page } = app;
    await app.open();
    await importThroughInput(page, [REUTERS_SAMPLE]);
    // A registry entry whose name is not in the text, as the journalist noted it (via the contract, as the UI's forms do).
    const created = await page.evaluate(async () => {
      const token = sessionStorage.getItem('fundstelle.token');
      const res = await fetch('/api/sources.create', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ kind: 'person', name: 'Jürgen Weißmüller', role: 'Pressesprecher', organisation: 'Stadtwerke Lindhafen' }),
      });
      return (await res.json()) as { ok: boolean };
    });
    expect(created.ok).toBe(true);

    const field = page.getByRole('searchbox', { name: 'Sammlung filtern' });
    await field.fill('Weissmueller');
    await field.press('Enter');
    const section = page.getByRole('region', { name: '1 Quelle im Quellenregister' });
    await section.waitFor();
    const open = section.getByRole('button', { name: /Jürgen Weißmüller/ });
    expect(await open.textContent()).toContain('Pressesprecher, Stadtwerke Lindhafen');
    expect(await page.locator('.search-results .pane-message').count()).toBe(0); // not "no hits"
    await expect.poll(() => page.locator('.search-pane .pane-count').textContent()).toBe('0 Treffer · 1 Quelle');
    expect(await axeViolations(page), 'search with a source hit').toEqual([]);
    await screenshot(page, 'search-source-hit.png');

    await open.click();
    const detail = page.getByRole('region', { name: 'Quelle im Detail' });
    await detail.waitFor();
    await expect.poll(async () => (await detail.textContent()) ?? '').toContain('Jürgen Weißmüller');
    expect(await page.getByRole('button', { name: 'Quellenregister', pressed: true }).count()).toBe(1);
  });
});
