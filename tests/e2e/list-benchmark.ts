import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startWebServer } from '../../main/web/server.js';
import { ROOT, launchChromium } from './harness.js';
import { seedCollection } from './seed.js';

/**
 * Benchmark, not a test: the library list with a large collection (default 100,000 articles) in
 * real Chromium. Reports the time to the first rows and the longest main-thread task while the
 * list is scrolled through (goal: no long task over 50 ms).
 *
 *   npm run build:renderer && node --import tsx tests/e2e/list-benchmark.ts [COUNT]
 *
 * Seeding 100,000 articles takes most of a minute; set BENCH_DB=/some/file.sqlite to seed once
 * and reuse that collection on later runs. BENCH_FILTER: the word typed into the list's filter
 * (default "Haushalt", in every seeded story); the time from its last letter until the list shows
 * the matches is reported.
 */
const count = Number(process.argv[2] ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundstelle-bench-'));
const dbPath = process.env.BENCH_DB ?? path.join(dir, 'collection.sqlite');

let t = performance.now();
if (!fs.existsSync(dbPath)) {
  seedCollection(dbPath, count);
  console.log(`seeded ${count} articles in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

const server = await startWebServer({ dbPath, staticDir: path.join(ROOT, 'dist', 'renderer') });
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(`
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  `);
  t = performance.now();
  await page.goto(server.url);
  await page.locator('#article-option-0 .row-title').waitFor();
  console.log(`first rows after ${Math.round(performance.now() - t)} ms (navigation included)`);
  await page.evaluate('window.__longTasks.length = 0');

  // Scroll like a user: 200 wheel steps, then jumps through the whole list with the keyboard.
  const list = page.getByRole('listbox');
  const phase = async (name: string, run: () => Promise<void>): Promise<number[]> => {
    await page.evaluate('window.__longTasks.length = 0');
    await run();
    await page.waitForTimeout(300);
    const tasks = await page.evaluate<number[]>('window.__longTasks');
    console.log(`${name}: ${tasks.length} long tasks${tasks.length ? `, longest ${Math.round(Math.max(...tasks))} ms` : ''}`);
    return tasks;
  };
  const all: number[] = [];
  await list.hover();
  all.push(
    ...(await phase('200 wheel steps', async () => {
      for (let i = 0; i < 200; i++) {
        await page.mouse.wheel(0, 400);
        await page.waitForTimeout(8);
      }
    })),
  );
  await list.focus();
  all.push(
    ...(await phase('40 × Page Down', async () => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('PageDown');
        await page.waitForTimeout(8);
      }
    })),
  );
  all.push(
    ...(await phase('End, Home', async () => {
      await page.keyboard.press('End');
      await page.locator(`#article-option-${count - 1} .row-title`).waitFor();
      await page.keyboard.press('Home');
      await page.locator('#article-option-0 .row-title').waitFor();
    })),
  );
  const filterWord = process.env.BENCH_FILTER ?? 'Haushalt';
  all.push(
    ...(await phase(`filter "${filterWord}" typed`, async () => {
      await page.getByRole('searchbox').pressSequentially(filterWord, { delay: 40 });
      const typed = performance.now();
      // The count line names the filter once its matches are shown ("… Treffer für „Wort“").
      await page.locator('.pane-count', { hasText: `„${filterWord}“` }).waitFor();
      console.log(`filter "${filterWord}": matches shown ${Math.round(performance.now() - typed)} ms after the last letter (${await page.locator('.pane-count').textContent()})`);
      await page.waitForTimeout(500);
    })),
  );
  const rendered = await list.getByRole('option').count();
  console.log(`overall: ${all.length} long tasks, longest ${Math.round(Math.max(0, ...all))} ms; ${rendered} rows in the DOM`);
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
