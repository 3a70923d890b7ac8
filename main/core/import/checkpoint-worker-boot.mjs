// Starts the checkpoint worker (wal-checkpoints.ts) from the TypeScript sources, as the CLI, browser
// mode and the tests run them: tsx is registered in this thread first. The Electron build bundles
// checkpoint-worker.ts to dist/electron/checkpoint-worker.js instead and does not use this file.
import { register } from 'tsx/esm/api';

register();
await import('./checkpoint-worker.ts');
