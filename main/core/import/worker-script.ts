import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The script of a worker thread (`parse-worker`, `checkpoint-worker` of this folder; others name
 * the module they sit next to with `here`): from the sources through tsx (CLI, browser mode, tests:
 * `<name>-boot.mjs`), or the Electron bundle's sibling file (`<name>.js` next to main.js,
 * scripts/build-electron.mjs). Null when it is missing.
 */
export function workerScript(name: string, here: string = import.meta.url): URL | null {
  const url = here.endsWith('.ts') ? new URL(`./${name}-boot.mjs`, here) : new URL(`./${name}.js`, here);
  try {
    return fs.existsSync(fileURLToPath(url)) ? url : null;
  } catch {
    return null;
  }
}
