/**
 * The long fuzz run: 10,000 cases per importer (FUZZ_CASES to change), reporting cases, crashes,
 * hangs, the slowest case and heap growth per importer. Exit status 1 on any crash or hang.
 * Run with `node --expose-gc --import tsx tests/stress/fuzz.ts` (or through tests/stress/run.ts);
 * FUZZ_ONLY=html,pdf limits it to some importers.
 */
import { FUZZ_TARGETS, runFuzzTarget, type FuzzResult } from './fuzz-targets.js';

/** Runs every target `cases` times and prints one line per importer. */
export async function runFuzz(cases: number, seed = 1, log: (s: string) => void = console.log, only?: string): Promise<FuzzResult[]> {
  const results: FuzzResult[] = [];
  // FUZZ_ONLY=html (any part of a name, case-insensitive; comma-separated) runs only those importers.
  const wanted = only?.toLowerCase().split(',').filter(Boolean);
  for (const target of FUZZ_TARGETS.filter((t) => !wanted || wanted.some((w) => t.name.toLowerCase().includes(w)))) {
    const started = performance.now();
    const r = await runFuzzTarget(target, cases, seed);
    results.push(r);
    log(
      `${r.name.padEnd(50)} ${String(r.cases).padStart(6)} cases  ${String(r.crashes.length).padStart(3)} crashes  ${String(r.hangs.length).padStart(3)} hangs  ` +
        `max ${r.maxMs} ms CPU / ${r.maxWallMs} ms wall  heap ${r.heapGrowthMb >= 0 ? '+' : ''}${r.heapGrowthMb} MB  (${Math.round((performance.now() - started) / 1000)} s)`,
    );
    for (const c of r.crashes.slice(0, 5)) log(`    crash: ${c.error}\n      input: ${c.input}`);
    for (const h of r.hangs.slice(0, 5)) log(`    hang ${h.ms} ms: ${h.input}`);
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await runFuzz(Number(process.env.FUZZ_CASES ?? 10_000), Number(process.env.FUZZ_SEED ?? 1), console.log, process.env.FUZZ_ONLY);
  process.exitCode = results.some((r) => r.crashes.length > 0 || r.hangs.length > 0) ? 1 : 0;
}
