import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * What the end-to-end tests and the list benchmark share: the browser-mode server process, the
 * system Chromium, screenshots, axe. No vitest import here, so scripts outside vitest can use it.
 */

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SAMPLES = path.resolve(ROOT, '..', 'shared', 'samples', 'articles');
export const REUTERS_SAMPLE = path.join(SAMPLES, 'reuters-de_altman-asien-stargate.txt');
export const DPA_SAMPLE = path.join(SAMPLES, 'de_dpa_korr-bericht_deepseek-schock_digitalwires.txt');
export const RESULTS_DIR = path.join(ROOT, 'test-results');

/** The samples are third-party texts kept outside the project; tests that need them skip without them. */
export const samplesPresent = fs.existsSync(REUTERS_SAMPLE) && fs.existsSync(DPA_SAMPLE);

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const URL_LINE = /(?:Fundstelle läuft auf|Fundstelle is running at) (http:\/\/\S+)/;

export interface AppFixture {
  page: Page;
  context: BrowserContext;
  /** The URL with the token, as printed by the server. */
  url: string;
  origin: string;
  dataDir: string;
  dbPath: string;
  /** Things that went wrong in the page; checked after every test. */
  problems: string[];
  /** Opens the app (the printed URL) and waits until it has rendered. */
  open(): Promise<void>;
}

export interface ServerProcess {
  url: string;
  stop(): Promise<void>;
}

/** Starts `fundstelle web` (or the stand-in script) on a free port and waits for its URL line. */
export function startServerProcess(dbPath: string): Promise<ServerProcess> {
  const cli = path.join(ROOT, 'bin', 'fundstelle.js');
  const args = fs.existsSync(cli)
    ? [cli, 'web', '--db', dbPath, '--port', '0']
    : ['--import', 'tsx', path.join(ROOT, 'tests', 'e2e', 'start-web.ts'), '--db', dbPath, '--port', '0'];
  const env = { ...process.env };
  delete env.FUNDSTELLE_DB;
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`server did not print its URL within 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const m = URL_LINE.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ url: m[1], stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before printing its URL:\n${output}`));
    });
  });
}

/** Launches the system Chromium (playwright cannot download browsers on these machines). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

/** Writes a screenshot under test-results/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, name);
  await page.screenshot({ path: file });
  return file;
}

/** Runs axe on the page and returns its violations in a readable form (empty when clean). */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact ?? '?'}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n  ')}`);
}

/** Imports files through the file input and waits until the report says the batch is done. */
export async function importThroughInput(page: Page, files: string[]): Promise<void> {
  await page.locator('input.file-input-files').setInputFiles(files);
  await page.locator('.import-report h2', { hasText: /Import abgeschlossen|Import finished/ }).waitFor({ timeout: 30_000 });
}
