// Bundles the Electron main process and preload with esbuild:
//   main/electron/main.ts    -> dist/electron/main.js     (ESM, Node; dependencies stay external)
//   main/electron/preload.ts -> dist/electron/preload.cjs (CommonJS: sandboxed preloads cannot be ESM)
//   main/core/import/parse-worker.ts -> dist/electron/parse-worker.js (the folder import's parse
//     worker thread, found next to main.js by main/core/import/worker-script.ts)
//   main/core/import/checkpoint-worker.ts -> dist/electron/checkpoint-worker.js (the folder
//     import's WAL checkpoint thread, main/core/import/wal-checkpoints.ts)
//   main/db/upgrade-worker.ts -> dist/electron/upgrade-worker.js (brings an older collection up
//     to date while the app's upgrade window shows the progress, main/db/upgrade.ts)
// Then checks the preload bundle: it may require nothing but `electron` and must not contain zod,
// because a sandboxed preload only gets a tiny `require` and every byte of it runs in the renderer.
// Run `npm run build:renderer` first for dist/renderer; `npm run rebuild:electron` rebuilds
// better-sqlite3 for Electron's ABI (at packaging time only, see ../shared/docs/stack.md).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const outDir = path.join(root, 'dist', 'electron');

// Every runtime dependency stays in node_modules (electron-builder packs them; native modules such
// as better-sqlite3 are unpacked from the asar), so bundling never touches native or worker code.
const external = ['electron', ...Object.keys(pkg.dependencies ?? {})];

const common = {
  absWorkingDir: root,
  bundle: true,
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

const nodeEsm = {
  platform: 'node',
  format: 'esm',
  target: 'node22',
  external,
  // ESM output: give bundled code that still calls require() (CommonJS interop) a real one.
  banner: { js: "import { createRequire as __fundstelleCreateRequire } from 'node:module';\nconst require = __fundstelleCreateRequire(import.meta.url);" },
};

// The workers in one build, split: code they share and what they import only when needed (pdf.js
// and the HTML parser, for a PDF or a web page) are chunks of their own next to them, so a worker
// starts without loading them (parse worker: 370 → 100 ms). Chunks stay in dist/electron, at the
// depth of the modules they come from, so paths relative to a module still hold.
await build({
  ...common,
  ...nodeEsm,
  entryPoints: { 'parse-worker': 'main/core/import/parse-worker.ts', 'checkpoint-worker': 'main/core/import/checkpoint-worker.ts', 'upgrade-worker': 'main/db/upgrade-worker.ts' },
  outdir: outDir,
  splitting: true,
});

await build({
  ...common,
  entryPoints: ['main/electron/main.ts'],
  outfile: path.join(outDir, 'main.js'),
  ...nodeEsm,
});

const preload = await build({
  ...common,
  entryPoints: ['main/electron/preload.ts'],
  outfile: path.join(outDir, 'preload.cjs'),
  platform: 'node',
  format: 'cjs',
  target: 'chrome140',
  external: ['electron'],
});

// Guard the preload's promises: only `electron` required, only our two zod-free shared modules inside.
const preloadCode = readFileSync(path.join(outDir, 'preload.cjs'), 'utf8');
const required = [...preloadCode.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
const inputs = Object.keys(preload.metafile.inputs);
const allowedInputs = new Set(['main/electron/preload.ts', 'shared/channels.ts', 'shared/bridge.ts']);
const problems = [
  ...required.filter((r) => r !== 'electron').map((r) => `preload requires "${r}"`),
  ...inputs.filter((i) => !allowedInputs.has(i)).map((i) => `preload bundles ${i}`),
];
if (problems.length > 0) {
  console.error(`build-electron: the sandboxed preload must only use electron and shared/channels.ts:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`build-electron: dist/electron/main.js, parse-worker.js, checkpoint-worker.js, upgrade-worker.js and preload.cjs (${inputs.length} preload inputs, requires: ${[...new Set(required)].join(', ')})`);
