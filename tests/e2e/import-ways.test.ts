import fs from 'node:fs';
import path from 'node:path';
import { describe } from 'vitest';
import { IMPORT_UPLOADS_MAX } from '../../shared/import-limits.js';
import { ROOT, axeViolations, expect, importThroughInput, screenshot, test } from './fixtures.js';

const NOTE = 'Gesprächsnotiz Stadtwerke\n\nDie Stadtwerke Kleinmarschen wollen die Fernwärme bis 2030 ausbauen, sagte der Geschäftsführer im Gespräch.\n\nDie Kosten nannte er nicht.';
const MARKDOWN = '# Ratssitzung vom Dienstag\n\nDer Rat vertagte die Entscheidung über das neue Hallenbad.\n\n## Nächste Schritte\n\nEin Gutachten soll bis Herbst vorliegen.';

describe('ways to import', () => {
  test('a folder through the folder picker, hidden files skipped', async ({ app }) => {
    const { page } = app;
    const folder = path.join(app.dataDir, 'recherche');
    fs.mkdirSync(path.join(folder, 'rat'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'notiz.txt'), NOTE);
    fs.writeFileSync(path.join(folder, 'rat', 'sitzung.md'), MARKDOWN);
    fs.writeFileSync(path.join(folder, '.DS_Store'), Buffer.from([0, 0, 0, 1, 66, 117, 100, 49]));
    await app.open();
    await page.locator('input.file-input-folder').setInputFiles(folder);
    await page.locator('.import-report h2', { hasText: 'Import abgeschlossen' }).waitFor();
    expect(await page.locator('.import-progress-text').first().textContent()).toBe('2 von 2');
    expect(await page.locator('.outcome-imported .outcome-file').allTextContents()).toEqual(['notiz.txt', 'sitzung.md']);
    const list = page.getByRole('listbox', { name: 'Artikel der Sammlung' });
    await expect.poll(() => list.getByRole('option').count()).toBe(2);
  });

  test('a folder of many files goes in a few calls, one transaction each; a bad file among them fails alone', async ({ app }) => {
    const { page } = app;
    const folder = path.join(app.dataDir, 'meldungen');
    fs.mkdirSync(folder);
    const count = IMPORT_UPLOADS_MAX + 10;
    for (let i = 0; i < count; i++) {
      const n = String(i).padStart(3, '0');
      fs.writeFileSync(path.join(folder, `meldung-${n}.txt`), `Stadtrat Kleinmarschen, Sitzung ${n}\n\nDer Stadtrat beriet in seiner Sitzung Nummer ${n} über den Haushalt und das Hallenbad.`);
    }
    fs.writeFileSync(path.join(folder, 'meldung-025.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const calls: string[] = [];
    page.on('request', (r) => {
      const m = /\/api\/(import\.[a-z]+)$/.exec(new URL(r.url()).pathname);
      if (m) calls.push(m[1] as string);
    });
    await app.open();
    await page.locator('input.file-input-folder').setInputFiles(folder);
    await page.locator('.import-report h2', { hasText: 'Import abgeschlossen' }).waitFor();
    expect(await page.locator('.import-progress-text').first().textContent()).toBe(`${count} von ${count}`);
    expect(calls).toEqual(['import.uploads', 'import.uploads']);
    expect(await page.locator('.import-current').textContent()).toBe(`${count - 1} importiert · 0 bereits vorhanden · 1 fehlgeschlagen`);
    expect(await page.locator('.outcome-failed .outcome-item').textContent()).toContain('meldung-025.txt');
    const list = page.getByRole('listbox', { name: 'Artikel der Sammlung' });
    await expect.poll(() => list.getByRole('option').count()).toBeGreaterThan(0);
    await screenshot(page, 'import-folder-batched.png');
  });

  test('files dropped on the window, and the same file again as a duplicate', async ({ app }) => {
    const { page } = app;
    await app.open();
    await page.locator('.empty-state').waitFor();
    const drop = async () => {
      // A synthetic drag with a file, as the browser delivers one from the desktop.
      await page.evaluate(`(() => {
        const dt = new DataTransfer();
        dt.items.add(new File([${JSON.stringify(NOTE)}], 'notiz.txt', { type: 'text/plain' }));
        for (const type of ['dragenter', 'dragover', 'drop']) {
          window.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
        }
      })()`);
    };
    await drop();
    await page.locator('.import-report h2', { hasText: 'Import abgeschlossen' }).waitFor();
    expect(await page.locator('.outcome-imported .outcome-title').textContent()).toBe('Gesprächsnotiz Stadtwerke');
    await drop();
    await page.locator('.outcome-duplicates .outcome-item').waitFor();
    expect(await page.locator('.import-current').textContent()).toBe('0 importiert · 1 bereits vorhanden · 0 fehlgeschlagen');
    // The overlay is gone once the drop is handled.
    expect(await page.locator('.drop-overlay').count()).toBe(0);
  });

  test('a block not for publication is set apart in the reading view', async ({ app }) => {
    const { page } = app;
    const fixture = path.join(ROOT, 'tests', 'fixtures', 'wire', 'dpa.txt');
    await app.open();
    await importThroughInput(page, [fixture]);
    await page.getByRole('listbox').getByRole('option').first().click();
    const box = page.locator('article.reader .block-nonpublic');
    await box.waitFor();
    expect(await box.locator('.nonpublic-label').textContent()).toContain('Nicht zur Veröffentlichung');
    expect(await box.locator('.nonpublic-hint').isVisible()).toBe(true);
    expect(await box.textContent()).toContain('Maren Tollefsen');
    expect(await box.evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).borderTopStyle)).toBe('dashed');
    await box.scrollIntoViewIfNeeded();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reading-view-nonpublic.png');
  });
});
