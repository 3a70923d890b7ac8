import os from 'node:os';
import path from 'node:path';

/** The platform's user-data folder for Fundstelle (what Electron calls userData for this app). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'fundstelle');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'fundstelle');
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'fundstelle');
}

/**
 * The collection file: `--db PATH` wins, then `FUNDSTELLE_DB`, then `collection.sqlite` in the data folder.
 */
export function resolveDbPath(cliDb: string | undefined, env: NodeJS.ProcessEnv = process.env, dataDir?: string): string {
  if (cliDb) return path.resolve(cliDb);
  if (env.FUNDSTELLE_DB) return path.resolve(env.FUNDSTELLE_DB);
  return path.join(dataDir ?? defaultDataDir(env), 'collection.sqlite');
}
