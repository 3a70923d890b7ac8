import fs from 'node:fs';
import path from 'node:path';
import { describe } from 'vitest';
import { ROOT, expect, importThroughInput, test } from './fixtures.js';

// The hostile-input corpus (tests/fixtures/hostile, see its README) imported through the UI's file
// input, plus files with hostile names; every article is opened. Nothing may run (the sentinel
// window.__pwned stays undefined), nothing may even try (no CSP violation report), the page may
// not navigate, and — checked by the fixture — no request may leave the server's origin and no
// console error may appear.
const CORPUS = path.join(ROOT, 'tests', 'fixtures', 'hostile');

describe('hostile input in the UI', () => {
  test('imported and opened, nothing runs, nothing loads, nothing navigates', async ({ app }) => {
    const { page, context } = app;
    await context.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const files = fs
      .readdirSync(CORPUS)
      .filter((f) => f !== 'README.md')
      .map((f) => path.join(CORPUS, f));
    // Hostile file names (those a file system allows): a device name, an RTL override, a very long name.
    const named = path.join(app.dataDir, 'names');
    fs.mkdirSync(named);
    const body = (i: number) => `Ratsnotiz ${i}\n\nDer Rat tagte am Dienstag <script>window.__pwned='name${i}'</script> und vertagte sich.\n`;
    for (const [i, name] of ['con.txt', `rechnung\u202Etxt.exe.txt`, `${'lang-'.repeat(40)}.txt`, `<img src=x onerror=window.__pwned=1>.txt`].entries()) {
      const file = path.join(named, name);
      fs.writeFileSync(file, body(i));
      files.push(file);
    }

    await app.open();
    const startUrl = page.url();
    let navigations = 0;
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) navigations++;
    });
    await importThroughInput(page, files);
    const options = page.getByRole('listbox', { name: 'Artikel der Sammlung' }).getByRole('option');
    await expect.poll(() => options.count()).toBe(files.length);
    for (let i = 0; i < files.length; i++) {
      await options.nth(i).click();
      await page.locator('article.reader').waitFor();
      // Give anything that could fire (onerror of a broken image, autofocus, timers) a moment.
      await page.waitForTimeout(150);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), `article ${i}`).toBeUndefined();
    }
    // The hostile text is shown as text.
    await options.filter({ hasText: 'Ratsnotiz 0' }).click();
    await expect.poll(() => page.locator('article.reader').textContent()).toContain("<script>window.__pwned='name0'</script>");

    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(navigations).toBe(0);
    expect(page.url()).toBe(startUrl);
    expect(await page.locator('iframe, embed, object, form[action], svg script, script:not([src])').count()).toBe(0);
    console.log(`hostile e2e: ${files.length} hostile files imported and opened; executions 0; CSP violations 0; navigations ${navigations}; foreign requests ${app.problems.filter((p) => p.includes('foreign')).length}`);
  });
});
