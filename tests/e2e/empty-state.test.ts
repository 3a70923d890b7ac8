import { describe } from 'vitest';
import { axeViolations, expect, screenshot, test } from './fixtures.js';

describe('empty collection', () => {
  test('shows how to import, without leaking the token', async ({ app }) => {
    const { page } = app;
    await app.open();
    const empty = page.locator('.empty-state');
    await empty.waitFor();
    expect(await empty.locator('h2').textContent()).toBe('Ihre Sammlung ist noch leer');
    expect(await empty.getByRole('button', { name: 'Dateien importieren' }).isVisible()).toBe(true);
    expect(await empty.getByRole('button', { name: 'Ordner importieren' }).isVisible()).toBe(true);
    expect(await empty.getByText('ziehen Sie Dateien und ganze Ordner auf dieses Fenster').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Importieren', exact: true }).isVisible()).toBe(true);
    // The token is taken out of the address bar at once.
    expect(page.url()).toBe(`${app.origin}/`);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'empty-state.png');
  });
});
