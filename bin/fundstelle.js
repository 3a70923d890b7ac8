#!/usr/bin/env node
// The `fundstelle` command. Runs the TypeScript sources through tsx so the CLI is always the
// current code, with no build step between `npm install` and `npx fundstelle`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main/cli.ts');
process.exitCode = await main(process.argv.slice(2));
