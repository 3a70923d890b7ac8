import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { test as base, expect } from 'vitest';
import { launchChromium, screenshot, startServerProcess, type AppFixture, type ServerProcess } from './harness.js';

/**
 * End-to-end fixture: every test gets its own data folder, its own browser-mode server process
 * and its own Chromium. The page may talk to that server only: any other request, any console
 * error and any uncaught page error fails the test.
 */

export * from './harness.js';

/** The test function with an `app` fixture. */
export const test = base.extend<{ app: AppFixture }>({
  app: async ({ task }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundstelle-e2e-'));
    const dbPath = path.join(dataDir, 'collection.sqlite');
    let server: ServerProcess | null = null;
    let browser: Browser | null = null;
    try {
      [server, browser] = await Promise.all([startServerProcess(dbPath), launchChromium()]);
      const origin = new URL(server.url).origin;
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE', reducedMotion: 'reduce' });
      const problems: string[] = [];
      // Nothing may leave the machine: refuse and record every request to another origin.
      await context.route(
        (url) => url.origin !== origin && url.protocol !== 'data:',
        async (route) => {
          problems.push(`request to a foreign origin: ${route.request().url()}`);
          await route.abort('blockedbyclient');
        },
      );
      const page = await context.newPage();
      // FUNDSTELLE_E2E_CPU_THROTTLE=4 slows the page's CPU, to shake out races that a loaded machine would hit.
      const throttle = Number(process.env.FUNDSTELLE_E2E_CPU_THROTTLE ?? 1);
      if (throttle > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: throttle });
      page.on('request', (r) => {
        const u = new URL(r.url());
        if (u.protocol !== 'data:' && u.origin !== origin) problems.push(`request to a foreign origin: ${r.url()}`);
      });
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      const url = server.url;
      await use({
        page,
        context,
        url,
        origin,
        dataDir,
        dbPath,
        problems,
        open: async () => {
          await page.goto(url);
          await page.locator('.app').waitFor();
        },
      });
      // A failed test leaves a picture of the page as it was then (test-results/failed-<test>.png).
      if (task.result?.state === 'fail' || (task.result?.errors?.length ?? 0) > 0) {
        await screenshot(page, `failed-${task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)}.png`).catch(() => undefined);
      }
      await context.close();
      expect(problems, 'the page made foreign requests or logged errors').toEqual([]);
    } finally {
      await browser?.close();
      await server?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };
