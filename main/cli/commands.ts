import type { CliCommand } from './command.js';

/**
 * Feature commands beyond import/list/show/search/web. Each feature adds its command module here
 * (one line), so the CLI's core stays unchanged.
 */
export const FEATURE_COMMANDS: CliCommand[] = [];
