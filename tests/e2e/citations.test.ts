import fs from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { REUTERS_SAMPLE, expect, importThroughInput, screenshot, test } from './fixtures.js';

/** axe on one region of the page (the other features have their own scans). */
async function axeOn(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact ?? '?'}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n  ')}`);
}

/** Selects the first occurrence of `words` in the reading view's text, as a mouse drag would, and releases the mouse. */
async function selectInText(page: Page, words: string): Promise<void> {
  // A string script: the test is compiled without the DOM library.
  const found = await page.evaluate<boolean>(`(() => {
    const needle = ${JSON.stringify(words)};
    const body = document.querySelector('.reader-body');
    if (!body) return false;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let all = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push(n);
      all += n.data;
    }
    const at = all.indexOf(needle);
    if (at < 0) return false;
    const locate = (offset, isEnd) => {
      let seen = 0;
      for (const node of nodes) {
        const len = node.data.length;
        if (offset < seen + len || (isEnd && offset === seen + len)) return [node, offset - seen];
        seen += len;
      }
      const last = nodes[nodes.length - 1];
      return [last, last.data.length];
    };
    const range = document.createRange();
    range.setStart(...locate(at, false));
    range.setEnd(...locate(at + needle.length, true));
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    body.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    return true;
  })()`);
  expect(found, `"${words}" in the text`).toBe(true);
}

/** The text on the clipboard (permissions are granted to the app's origin). */
function clipboardText(page: Page): Promise<string> {
  return page.evaluate<string>('navigator.clipboard.readText()');
}

describe.skipIf(!fs.existsSync(REUTERS_SAMPLE))('citations and sources', () => {
  test('accept a quote, verify Haas, copy a passage with its Quellenangabe, edit the record and export DIN ISO 690', async ({ app }) => {
    const { page, context } = app;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    await app.open();
    await importThroughInput(page, [REUTERS_SAMPLE]);
    await page.getByRole('listbox', { name: 'Artikel der Sammlung' }).getByRole('option').first().click();
    await page.locator('article.reader').waitFor();

    // The record: derived from the delivery, with the newsroom's line.
    const record = page.locator('.citation-panel');
    await expect.poll(() => record.locator('.agency-line-text').textContent()).toBe('Quelle: Reuters, Februar 2025');
    expect(await record.locator('.fact', { hasText: 'Autorinnen und Autoren' }).locator('dd').textContent()).toContain('Hyunjoo Jin; Jack Kim');
    expect(await record.locator('.fact', { hasText: 'Erschienen' }).locator('dd').textContent()).toBe('Februar 2025');

    // Proposals: the „großartiger Partner“ quote, attributed to Rene Haas with the cue that found it.
    const sources = page.locator('.sources-panel');
    const quote = sources.locator('.proposal-quote', { hasText: 'großartiger Partner' });
    await quote.waitFor();
    expect(await quote.locator('.badge-kind').textContent()).toBe('Zitat');
    expect(await quote.locator('.proposal-speaker').textContent()).toBe('Rene Haas, Chef der Softbank-Beteiligung ARM');
    expect(await quote.locator('.proposal-cue').textContent()).toMatch(/^Hinweis: „.*sagte“$/);
    await quote.getByRole('button', { name: /^Übernehmen/ }).click();
    await sources.locator('.accepted-source', { hasText: 'Rene Haas' }).waitFor();
    expect(await sources.locator('.proposal-quote', { hasText: 'großartiger Partner' }).count()).toBe(0);
    // The annotation layer shows the Zitat that accepting created.
    await expect.poll(() => page.locator('.reader-body mark', { hasText: 'großartiger Partner' }).count()).toBeGreaterThan(0);
    await record.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'citations-reader.png');
    expect(await axeOn(page, '.reader-side')).toEqual([]);

    // "Quellenangabe kopieren" from the selection toolbar: „passage“ plus the citation on the clipboard.
    await selectInText(page, 'Chef der Softbank-Beteiligung ARM, sagte lediglich');
    await page.getByRole('toolbar').getByRole('button', { name: 'Quellenangabe kopieren' }).click();
    const toast = page.locator('.cite-toast');
    await toast.waitFor();
    expect(await toast.locator('.cite-toast-title').textContent()).toBe('Stelle mit Quellenangabe kopiert');
    const copied = await clipboardText(page);
    expect(copied).toContain('„Chef der Softbank-Beteiligung ARM, sagte lediglich“');
    expect(copied).toMatch(/JIN/i);
    expect(copied).toContain('2025');
    expect(await toast.locator('.cite-toast-body').textContent()).toBe(copied);
    await screenshot(page, 'citations-passage.png');

    // The same from the keyboard: Ctrl+Shift+C with a passage selected.
    await selectInText(page, 'Samsung sei ein');
    await page.keyboard.press('Control+Shift+C');
    await expect.poll(() => clipboardText(page)).toMatch(/^„Samsung sei ein“ \(Jin/);

    // The register: Haas marked bestätigt, with the history.
    await page.getByRole('button', { name: 'Quellenregister' }).click();
    const register = page.locator('.register');
    await register.getByRole('button', { name: 'Rene Haas' }).click();
    const detail = register.locator('.source-detail');
    await detail.getByLabel('Prüfstatus', { exact: true }).selectOption('bestätigt');
    await expect.poll(() => detail.locator('.status-history li').count()).toBe(2);
    expect(await detail.locator('.status-history li').first().textContent()).toContain('vorher unbestätigt');
    await expect.poll(() => register.locator('tr', { hasText: 'Rene Haas' }).locator('.src-status').textContent()).toBe('bestätigt');
    expect(await detail.locator('.protect-toggle').textContent()).toContain('erscheint in keinem Export, Entwurf oder Kopie');
    expect(await detail.locator('.mention-list').textContent()).toContain('großartiger Partner');
    await screenshot(page, 'citations-register.png');
    expect(await axeOn(page, '.register')).toEqual([]);

    // Back to the article: edit the title; the record says so.
    await page.getByRole('button', { name: 'Sammlung' }).click();
    await record.waitFor();
    await record.getByRole('button', { name: 'Bearbeiten' }).click();
    await record.getByLabel('Titel').fill('Altman wirbt in Asien um Partner');
    await record.getByRole('button', { name: 'Speichern' }).click();
    const titleFact = record.locator('.fact', { hasText: 'Titel' });
    await expect.poll(() => titleFact.locator('dd').textContent()).toContain('Altman wirbt in Asien um Partner');
    expect(await titleFact.locator('.badge-edited').textContent()).toBe('bearbeitet');
    expect(await titleFact.getByRole('button', { name: 'Titel zurücksetzen' }).isVisible()).toBe(true);

    // Export DIN ISO 690 as text: preview, then the downloaded file.
    await record.getByRole('button', { name: 'Quellen exportieren …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Quellen exportieren' });
    await dialog.getByLabel('Format').selectOption('text');
    await dialog.getByLabel('Zitierstil').selectOption('iso690-author-date-de');
    const preview = dialog.locator('pre.export-preview');
    await expect.poll(() => preview.textContent()).toContain('Altman wirbt in Asien um Partner');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Herunterladen' }).click()]);
    const content = fs.readFileSync(await download.path(), 'utf8');
    expect(content).toMatch(/JIN, Hyunjoo/i);
    expect(content).toMatch(/KIM/i);
    expect(content).toContain('2025');
    expect(content).toContain('Altman wirbt in Asien um Partner');
    expect(content).toBe(await preview.textContent());
    await screenshot(page, 'citations-export.png');
    expect(await axeOn(page, '.export-dialog')).toEqual([]);

    // A file that is no CSL style is refused with a clear message.
    const notCsl = `${app.dataDir}/kein-stil.csl`;
    fs.writeFileSync(notCsl, '<html><body>kein Stil</body></html>');
    await dialog.locator('input[type=file]').setInputFiles(notCsl);
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('Der Stil wurde nicht übernommen: kein-stil.csl: Das ist kein CSL-Zitierstil');
    await screenshot(page, 'citations-export-style-error.png');

    // HTML output is shown as its source, never rendered.
    await dialog.getByLabel('Format').selectOption('html');
    await expect.poll(() => preview.textContent()).toContain('<');
    expect(await preview.locator('*').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Schließen' }).click();

    // Reset the title: the derived one applies again.
    await titleFact.getByRole('button', { name: 'Titel zurücksetzen' }).click();
    await expect.poll(() => titleFact.locator('dd').textContent()).toContain('Bei Blitz-Besuchen');
    expect(await titleFact.locator('.badge-edited').count()).toBe(0);

    // Settings: the default style and language of "Quellenangabe kopieren".
    await page.getByRole('button', { name: 'Einstellungen' }).click();
    const settings = page.getByRole('dialog', { name: 'Einstellungen' });
    const styleSelect = settings.getByLabel('Zitierstil für „Quellenangabe kopieren“');
    await expect.poll(() => styleSelect.inputValue()).toBe('iso690-author-date-de');
    await styleSelect.selectOption('agency');
    const savedSettings = `fetch('/api/settings.get', { method: 'POST', headers: { Authorization: 'Bearer ' + sessionStorage.getItem('fundstelle.token'), 'Content-Type': 'application/json' }, body: '{}' }).then((r) => r.json())`;
    await expect.poll(() => page.evaluate<unknown>(savedSettings)).toMatchObject({ value: { citationStyle: 'agency' } });
    await screenshot(page, 'citations-settings.png');
    expect(await axeOn(page, '.settings-dialog')).toEqual([]);
  });
});
