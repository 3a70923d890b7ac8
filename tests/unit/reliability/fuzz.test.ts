import { describe, expect, it } from 'vitest';
import { FUZZ_TARGETS, runFuzzTarget } from '../../stress/fuzz-targets.js';

// A few hundred cases per importer on every `npm test` (a new seed each day, so the corpus moves
// while a failure stays reproducible for the day); tests/stress/fuzz.ts runs 10,000 each.
const seed = Number(new Date().toISOString().slice(0, 10).replace(/-/g, ''));

describe('fuzzing the importers', () => {
  it.each(FUZZ_TARGETS.map((t) => [t.name, t] as const))('%s: no crash, no hang', async (_name, target) => {
    const r = await runFuzzTarget(target, target.quick, seed);
    expect(r.crashes, `seed ${seed}`).toEqual([]);
    expect(r.hangs, `seed ${seed}`).toEqual([]);
    expect(r.cases).toBe(target.quick);
    expect(r.heapGrowthMb).toBeLessThan(300);
  }, 60_000);
});
