import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The script of a worker thread of this folder (`parse-worker`, `checkpoint-worker`): from the
 * sources through tsx (CLI, browser mode, tests: `<name>-boot.mjs`), or the Electron bundle's
 * sibling file (`<name>.js` next to main.js, scripts/build-electron.mjs). Null when it is missing.
 */
export function workerScript(name: string): URL | null {
  const here = import.meta.url;
  const url = here.endsWith('.ts') ? new URL(`./${name}-boot.mjs`, here) : new URL(`./${name}.js`, here);
  try {
    return fs.existsSync(fileURLToPath(url)) ? url : null;
  } catch {
    return null;
  }
}
