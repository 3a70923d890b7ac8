// Starts the upgrade worker (upgrade.ts) from the TypeScript sources, as the tests run it: tsx is
// registered in this thread first. The Electron build bundles upgrade-worker.ts to
// dist/electron/upgrade-worker.js instead and does not use this file.
import { register } from 'tsx/esm/api';

register();
await import('./upgrade-worker.ts');
