import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
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

/**
 * Starts a worker thread on `script` (from {@link workerScript}) without the process's module
 * preloads. A worker inherits the process's `execArgv`, and a process run from the sources through
 * `node --import tsx` (browser mode, `npm run bench`) made every worker load and start tsx as well:
 * ~130 ms of CPU per worker on the cores an import runs on, and the first files of a folder import
 * waited for it. Its script needs none of that: a bundle imports only JavaScript, and a `-boot.mjs`
 * script registers tsx itself. Every other option of the process (profiling, warnings) is kept.
 */
export function startWorker(script: URL, options: WorkerOptions = {}): Worker {
  const execArgv = withoutPreloads(process.execArgv);
  if (execArgv.length === process.execArgv.length) return new Worker(script, options);
  try {
    return new Worker(script, { ...options, execArgv });
  } catch (e) {
    // Options a worker cannot be given (V8's, such as --max-old-space-size, hold for the whole
    // process anyway) are refused when named, and ignored when inherited: then it inherits them.
    if ((e as { code?: unknown }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw e;
    return new Worker(script, options);
  }
}

/** Node options that load a module before the program: with their value as the next argument or after `=`. */
const PRELOAD_OPTIONS = ['--import', '--require', '-r', '--loader', '--experimental-loader'];

/** `execArgv` without the options that preload modules or install loaders ({@link startWorker}). */
export function withoutPreloads(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i] as string;
    if (PRELOAD_OPTIONS.includes(arg)) i++;
    else if (!PRELOAD_OPTIONS.some((o) => arg.startsWith(`${o}=`))) kept.push(arg);
  }
  return kept;
}

/** Bundles made by this process, by entry file. */
const bundles = new Map<string, URL | null>();

/**
 * The worker `<name>.ts` next to `here` bundled into `dist/<name>-<hash>/` (dependencies other
 * than BUNDLED_PACKAGES stay imports, resolved from the project's node_modules; what the worker
 * imports only when needed, such as pdf.js, is a chunk of its own): built with esbuild from the
 * current sources, named by its content, and reused by later processes while every source it was
 * built from is unchanged, so it is always the code being run. A worker started from the sources through tsx spent 300 of its
 * 350 ms start resolving and loading each module through tsx's loader, while the folder import
 * waited for its first files (`npm run bench`); the bundle starts in 80–150 ms (a build, when
 * needed, adds 40–90 ms). Null when esbuild or the folder is not available: the caller uses tsx.
 */
function bundleFromSources(name: string, here: string): URL | null {
  const entry = fileURLToPath(new URL(`./${name}.ts`, here));
  if (bundles.has(entry)) return bundles.get(entry) ?? null;
  let url: URL | null = null;
  try {
    const root = projectRoot(path.dirname(entry));
    if (root) {
      const dist = path.join(root, 'dist');
      const dir = reusableBundle(dist, name) ?? buildBundle(name, entry, root, here);
      url = dir ? pathToFileURL(path.join(dir, `${name}.js`)) : null;
    }
  } catch {
    url = null;
  }
  bundles.set(entry, url);
  return url;
}

/** The sources a bundle was built from, with their modification time and size (`sources.json` in its folder). */
type BundleSources = Record<string, [mtimeMs: number, size: number]>;

/** A bundle folder's name: the worker's name and 16 hex digits; `.<pid>.tmp` while it is written. */
function bundleFolderPattern(name: string): RegExp {
  return new RegExp(`^${name}-[0-9a-f]{16}(\\.\\d+\\.tmp)?$`);
}

/**
 * A bundle built before (by this or another process) from sources that are unchanged: the newest
 * whose every source still has the time and size it was built from. Saves the build (40–90 ms,
 * most of it starting esbuild) for each process that imports.
 */
export function reusableBundle(dist: string, name: string): string | null {
  let dirs: string[];
  try {
    dirs = fs.readdirSync(dist).filter((e) => bundleFolderPattern(name).test(e) && !e.endsWith('.tmp'));
  } catch {
    return null;
  }
  const newestFirst = dirs.map((d) => ({ dir: path.join(dist, d), time: fs.statSync(path.join(dist, d)).mtimeMs })).sort((a, b) => b.time - a.time);
  for (const { dir } of newestFirst.slice(0, 3)) {
    try {
      const sources = JSON.parse(fs.readFileSync(path.join(dir, 'sources.json'), 'utf8')) as BundleSources;
      const unchanged = Object.entries(sources).every(([file, [mtimeMs, size]]) => {
        const st = fs.statSync(file);
        return st.mtimeMs === mtimeMs && st.size === size;
      });
      if (unchanged && Object.keys(sources).length > 0) return dir;
    } catch {
      // No list of sources, or a source is gone: not this one.
    }
  }
  return null;
}

/**
 * Packages bundled into a worker rather than imported from node_modules: what a parse worker loads
 * at its start. Imported, the Snowball stemmers (CommonJS, 6,000 lines) went through Node's lexer
 * for the exports of CommonJS modules in each worker, and optimizing that lexer took V8 ~100 ms
 * of compiling per isolate, on the two cores the import runs on (a worker's parse of 10,000 files,
 * in turn: 4.14–4.60 → 4.00–4.37 s). Bundled, their files are listed with the sources.
 */
const BUNDLED_PACKAGES = ['snowball-stemmer.jsx', 'franc-min'];

/** Every package of package.json except BUNDLED_PACKAGES, with its subpaths: imports that stay imports. */
function externalPackages(root: string): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
  const names = ['dependencies', 'devDependencies', 'optionalDependencies'].flatMap((k) => Object.keys(pkg[k] ?? {}));
  return names.filter((n) => !BUNDLED_PACKAGES.includes(n)).flatMap((n) => [n, `${n}/*`]);
}

/** Builds the bundle into `dist/<name>-<hash>/` with the list of its sources; returns the folder, or null. */
function buildBundle(name: string, entry: string, root: string, here: string): string | null {
  const esbuild = createRequire(here)('esbuild') as typeof Esbuild;
  // Split: what is imported only when needed (pdf.js, the HTML parser) stays out of the start.
  const out = esbuild.buildSync({
    entryPoints: { [name]: entry },
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    outdir: '/',
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'node',
    external: externalPackages(root),
    target: 'node20',
    logLevel: 'silent',
  });
  if (out.outputFiles.length === 0) return null;
  const sources: BundleSources = {};
  for (const input of Object.keys(out.metafile.inputs)) {
    const file = path.resolve(root, input);
    const st = fs.statSync(file);
    sources[file] = [st.mtimeMs, st.size];
  }
  const hash = createHash('sha256');
  for (const f of out.outputFiles) hash.update(f.path).update(f.contents);
  // dist/<name>-<hash>/, two levels below the root as dist/electron is: paths relative to a module (package.json) hold.
  const dist = path.join(root, 'dist');
  const dir = path.join(dist, `${name}-${hash.digest('hex').slice(0, 16)}`);
  if (fs.existsSync(dir)) {
    // The same code, from sources touched since: only the list of sources is new (replaced whole,
    // as a process may be reading the folder).
    const list = path.join(dir, `sources.json.${process.pid}.tmp`);
    fs.writeFileSync(list, JSON.stringify(sources));
    fs.renameSync(list, path.join(dir, 'sources.json'));
    return dir;
  }
  const tmp = `${dir}.${process.pid}.tmp`;
  fs.mkdirSync(tmp, { recursive: true });
  for (const f of out.outputFiles) fs.writeFileSync(path.join(tmp, path.basename(f.path)), f.contents);
  fs.writeFileSync(path.join(tmp, 'sources.json'), JSON.stringify(sources));
  try {
    fs.renameSync(tmp, dir);
  } catch {
    // Another process wrote the same bundle meanwhile.
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  removeStaleBundles(dist, name, dir);
  return dir;
}

/**
 * Bundles of older sources (and folders left half-written by a process that ended) are removed
 * after a day: a process started from them may still load their lazy parts.
 */
const STALE_BUNDLE_MS = 24 * 60 * 60 * 1000;

export function removeStaleBundles(dist: string, name: string, keep: string): void {
  for (const entry of fs.readdirSync(dist)) {
    const dir = path.join(dist, entry);
    if (dir === keep || !bundleFolderPattern(name).test(entry)) continue;
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
