// Starts a parse worker (parse-pool.ts) from the TypeScript sources, as the CLI, browser mode and
// the tests run them: tsx is registered in this thread first. The Electron build bundles
// parse-worker.ts to dist/electron/parse-worker.js instead and does not use this file.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
