import path from 'node:path';
import { describe } from 'vitest';
import { ROOT, expect, test } from './fixtures.js';

const FIXTURES = [path.join(ROOT, 'tests', 'fixtures', 'wire', 'dpa.txt'), path.join(ROOT, 'tests', 'fixtures', 'wire', 'reuters-de.txt')];

/**
 * A stand-in for the Electron preload, injected before the app loads: one method per channel that
 * answers with envelopes (here by forwarding to the browser-mode server), a native "open dialog"
 * that returns fixed paths, and `on` for menu events. It proves the renderer's Electron path:
 * `window.fundstelle` is used instead of HTTP, imports go by path, menu commands work.
 */
function fakePreload(paths: string[]): string {
  return `(() => {
    const token = new URL(location.href).searchParams.get('token');
    const calls = (window.__bridgeCalls = []);
    const listeners = (window.__menu = {});
    const http = (channel, args) =>
      fetch('/api/' + channel, {
        method: 'POST',
        headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
        body: JSON.stringify(args ?? {}),
      }).then((r) => r.json());
    const bridge = new Proxy({}, {
      get(_t, prop) {
        if (prop === 'on') return (event, cb) => { listeners[event] = cb; return () => { delete listeners[event]; }; };
        if (typeof prop !== 'string') return undefined;
        return async (args) => {
          calls.push(prop);
          if (prop === 'dialog.openImport') return { ok: true, value: { paths: ${JSON.stringify(paths)} } };
          const envelope = await http(prop, args);
          if (prop === 'app.info' && envelope.ok) envelope.value.transport = 'electron';
          return envelope;
        };
      },
    });
    Object.defineProperty(window, 'fundstelle', { value: bridge });
  })()`;
}

describe('Electron transport (preload stand-in)', () => {
  test('imports through the native dialog by path and reacts to menu commands', async ({ app }) => {
    const { page } = app;
    await page.addInitScript(fakePreload(FIXTURES));
    await app.open();
    await page.locator('.empty-state').waitFor();

    await page.locator('.app-header').getByRole('button', { name: 'Importieren', exact: true }).click();
    await page.locator('.import-report h2', { hasText: 'Import abgeschlossen' }).waitFor();
    expect(await page.locator('.outcome-imported .outcome-item').count()).toBe(2);
    const calls = await page.evaluate<string[]>('window.__bridgeCalls');
    expect(calls).toContain('dialog.openImport');
    expect(calls).toContain('import.expand');
    // Both files in one call: one transaction for the group (import.paths).
    expect(calls.filter((c) => c === 'import.paths')).toHaveLength(1);
    expect(calls).not.toContain('import.uploads');
    // With a preload present, api.ts leaves the browser-mode token alone (it never stores one).
    expect(await page.evaluate<string | null>("sessionStorage.getItem('fundstelle.token')")).toBeNull();

    // Datei → Einstellungen… from the application menu.
    await page.evaluate("window.__menu['menu.settings']()");
    await page.getByRole('dialog', { name: 'Einstellungen' }).waitFor();
  });
});
