import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Esbuild from 'esbuild';

/**
 * The script of a worker thread (`parse-worker`, `checkpoint-worker` of this folder; others name
 * the module they sit next to with `here`): the Electron bundle's sibling file (`<name>.js` next
 * to main.js, scripts/build-electron.mjs); from the sources (CLI, browser mode, tests) a bundle of
 * `<name>.ts` made now (see {@link bundleFromSources}), or `<name>-boot.mjs` through tsx where no
 * bundle can be made. Null when it is missing.
 */
export function workerScript(name: string, here: string = import.meta.url): URL | null {
  if (here.endsWith('.ts')) {
    const bundled = bundleFromSources(name, here);
    if (bundled) return bundled;
  }
  const url = here.endsWith('.ts') ? new URL(`./${name}-boot.mjs`, here) : new URL(`./${name}.js`, here);
  try {
    return fs.existsSync(fileURLToPath(url)) ? url : null;
  } catch {
    return null;
  }
}

/** Bundles made by this process, by entry file. */
const bundles = new Map<string, URL | null>();

/**
 * The worker `<name>.ts` next to `here` bundled into `dist/<name>-<hash>/` (dependencies stay
 * imports, resolved from the project's node_modules; what the worker imports only when needed, such
 * as pdf.js, is a chunk of its own), built with esbuild from the current sources once per process
 * and named by its content, so it is always the code being run. A worker started from the sources
 * through tsx spent 300 of its 350 ms start resolving and loading each module through tsx's loader,
 * while the folder import waited for its first files (`npm run bench`); building the bundle and
 * starting it takes about half (40–90 ms for the build). Null when esbuild or the folder is not
 * available: the caller uses tsx then.
 */
function bundleFromSources(name: string, here: string): URL | null {
  const entry = fileURLToPath(new URL(`./${name}.ts`, here));
  if (bundles.has(entry)) return bundles.get(entry) ?? null;
  let url: URL | null = null;
  try {
    const root = projectRoot(path.dirname(entry));
    const esbuild = createRequire(here)('esbuild') as typeof Esbuild;
    // Split: what is imported only when needed (pdf.js, the HTML parser) stays out of the start.
    const out = esbuild.buildSync({ entryPoints: { [name]: entry }, bundle: true, splitting: true, outdir: '/', write: false, format: 'esm', platform: 'node', packages: 'external', target: 'node20', logLevel: 'silent' });
    if (root && out.outputFiles.length > 0) {
      const hash = createHash('sha256');
      for (const f of out.outputFiles) hash.update(f.path).update(f.contents);
      // dist/<name>-<hash>/, two levels below the root as dist/electron is: paths relative to a module (package.json) hold.
      const dir = path.join(root, 'dist', `${name}-${hash.digest('hex').slice(0, 16)}`);
      if (!fs.existsSync(dir)) {
        const tmp = `${dir}.${process.pid}.tmp`;
        fs.mkdirSync(tmp, { recursive: true });
        for (const f of out.outputFiles) fs.writeFileSync(path.join(tmp, path.basename(f.path)), f.contents);
        try {
          fs.renameSync(tmp, dir);
        } catch {
          // Another process wrote the same bundle first.
          fs.rmSync(tmp, { recursive: true, force: true });
        }
        removeStaleBundles(path.dirname(dir), name, dir);
      }
      url = pathToFileURL(path.join(dir, `${name}.js`));
    }
  } catch {
    url = null;
  }
  bundles.set(entry, url);
  return url;
}

/**
 * Bundles of older sources (and folders left half-written by a process that ended) are removed
 * after a day: a process started from them may still load their lazy parts.
 */
const STALE_BUNDLE_MS = 24 * 60 * 60 * 1000;

export function removeStaleBundles(dist: string, name: string, keep: string): void {
  for (const entry of fs.readdirSync(dist)) {
    const dir = path.join(dist, entry);
    if (dir === keep || !new RegExp(`^${name}-[0-9a-f]{16}(\\.\\d+\\.tmp)?$`).test(entry)) continue;
    try {
      if (Date.now() - fs.statSync(dir).mtimeMs > STALE_BUNDLE_MS) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Removed meanwhile by another process.
    }
  }
}

/** The nearest folder from `dir` up that holds package.json. */
function projectRoot(dir: string): string | null {
  for (let d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'package.json'))) return d;
    if (path.dirname(d) === d) return null;
  }
}
