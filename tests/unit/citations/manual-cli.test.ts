import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/open.js';
import { runCli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/db.js';

// `fundstelle sources add-manual` and `fundstelle cite --source` as real processes.

let db: string;
let cleanup: () => void;
beforeAll(() => {
  let dir: string;
  ({ dir, cleanup } = tempDir());
  db = path.join(dir, 'collection.sqlite');
  openDatabase(db).close();
});
afterAll(() => cleanup());

describe('manual sources on the command line', () => {
  it('adds an interview and exports it with cite --source', () => {
    const added = runCli(['sources', 'add-manual', '--kind', 'interview', '--title', 'Gespräch über Stargate', '--author', 'Beispiel, Anna', '--date', '2025-02-03', '--json', '--db', db]);
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    const source = JSON.parse(added.stdout) as { id: number; item: { type: string; issued: unknown } };
    expect(source.item).toMatchObject({ type: 'interview', issued: { 'date-parts': [[2025, 2, 3]] } });

    const cited = runCli(['cite', '--source', String(source.id), '--format', 'csl-json', '--db', db]);
    expect(cited.stderr).toBe('');
    expect(cited.status).toBe(0);
    expect(cited.stdout).toContain('Gespräch über Stargate');
    expect(JSON.parse(cited.stdout)).toMatchObject([{ type: 'interview', author: [{ family: 'Beispiel', given: 'Anna' }] }]);
  });
});
