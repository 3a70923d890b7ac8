#!/usr/bin/env node
// The `fundstelle` command. Runs the TypeScript sources through tsx so the CLI is always the
// current code, with no build step between `npm install` and `npx fundstelle`.
import { register } from 'tsx/esm/api';

register();
// `fundstelle list | head`: when the reader stops reading, stop quietly as other command-line tools
// do, instead of ending with a stack trace about EPIPE.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { main } = await import('../main/cli.ts');
process.exitCode = await main(process.argv.slice(2));
