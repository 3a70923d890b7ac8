import { resolveDbPath } from '../core/paths.js';

/** `--db PATH` or `--db=PATH` from the command line, if given (the last one wins, as in most CLIs). */
export function parseDbArg(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--db' && i + 1 < argv.length) found = argv[++i];
    else if (arg?.startsWith('--db=')) found = arg.slice('--db='.length);
  }
  return found || undefined;
}

/**
 * The collection file for the app: `--db`, then `FUNDSTELLE_DB`, then `collection.sqlite` in the
 * user-data folder — the same rules as the CLI and browser mode (main/core/paths.ts).
 */
export function electronDbPath(argv: readonly string[], env: NodeJS.ProcessEnv, userData: string): string {
  return resolveDbPath(parseDbArg(argv), env, userData);
}
