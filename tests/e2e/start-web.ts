import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startWebServer } from '../../main/web/server.js';

/**
 * Starts browser mode without the CLI: `node --import tsx tests/e2e/start-web.ts --db X --port 0`.
 * The e2e fixture uses `bin/fundstelle.js web` when it exists and falls back to this; both print
 * the same line.
 */
const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' } } });
if (!values.db) {
  process.stderr.write('--db is required\n');
  process.exit(2);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const server = await startWebServer({ dbPath: path.resolve(values.db), port: Number(values.port ?? 0), staticDir: path.join(root, 'dist', 'renderer') });
process.stdout.write(`Fundstelle läuft auf ${server.url}\n`);
const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
