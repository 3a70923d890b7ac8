import { afterAll, describe, expect, it } from 'vitest';
import { runKillTest } from '../../stress/kill.js';
import { tempDir } from '../../helpers/db.js';

// A short kill test for every `npm test`; `npm run test:stress` runs 1,000 kills (tests/stress/run.ts).
const { dir, cleanup } = tempDir('fundstelle-kill-');
afterAll(() => cleanup());

describe('kill test', () => {
  it('SIGKILLed importer and annotation writer lose no acknowledged write and leave nothing half-written', async () => {
    // A power cut every second round: at least one in the ~4 rounds that 15 kills take, so an unclean end is always among them.
    const stats = await runKillTest({ kills: 15, dir, seed: 11, writers: 2, powerCutEvery: 2 });
    console.log(`kill test: ${JSON.stringify(stats)}`);
    expect(stats.problems).toEqual([]);
    expect(stats.kills).toBeGreaterThanOrEqual(15);
    expect(stats.ackedImports).toBeGreaterThan(0);
    expect(stats.ackedAnnotations).toBeGreaterThan(0);
    expect(stats.rowsLost).toBe(0);
    expect(stats.halfWritten).toBe(0);
    expect(stats.uncleanEnds).toBeGreaterThan(0);
  }, 120_000);
});
