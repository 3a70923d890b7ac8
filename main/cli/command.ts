import type { ParseArgsConfig } from 'node:util';
import type { Lang } from '../../shared/errors.js';
import type { Database } from '../db/open.js';

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
  /** True when stderr is a terminal (progress lines are shown only then). */
  isTty: boolean;
}

/** What a command gets: the open collection, its arguments and where to write. */
export interface CliContext {
  db: Database;
  dbPath: string;
  positionals: string[];
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  lang: Lang;
  io: CliIo;
}

/** A wrong call: printed with the command's usage hint, exit status 2. */
export class UsageError extends Error {}

/**
 * A `fundstelle` subcommand contributed by a feature (annotations, sources, …). The common options
 * `--db`, `--json`, `--lang` and `--help` are added by the CLI.
 */
export interface CliCommand {
  name: string;
  /** One line for `fundstelle --help`. */
  summary: Record<Lang, string>;
  /** Full text for `fundstelle NAME --help`, starting with the usage line. */
  help: Record<Lang, string>;
  options: NonNullable<ParseArgsConfig['options']>;
  run(ctx: CliContext): Promise<number> | number;
  /**
   * When set, the CLI calls this instead of `run` without opening (or migrating) the collection:
   * for commands that must work on a damaged file or replace it (`check`, `restore`).
   */
  runWithoutDatabase?(ctx: Omit<CliContext, 'db'>): Promise<number> | number;
}

/**
 * Runs the sub-subcommand named by the first positional (`fundstelle contacts list`, …) from a
 * table; a missing or unknown one is a usage error with `needSub` (the command's own message).
 */
export function runSubcommand(ctx: CliContext, table: Record<string, (ctx: CliContext) => Promise<number> | number>, needSub: string): Promise<number> | number {
  const sub = ctx.positionals[0];
  const handler = sub !== undefined && Object.hasOwn(table, sub) ? table[sub] : undefined;
  if (!handler) throw new UsageError(needSub);
  return handler(ctx);
}

/** Reads a string option (the last one when repeated). */
export function stringOpt(values: CliContext['values'], name: string): string | undefined {
  const v = values[name];
  if (Array.isArray(v)) return typeof v[v.length - 1] === 'string' ? (v[v.length - 1] as string) : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** Reads a repeatable string option as a list. */
export function stringList(values: CliContext['values'], name: string): string[] {
  const v = values[name];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' ? [v] : [];
}
