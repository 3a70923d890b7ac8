/**
 * `npm run test:stress`: the long reliability runs — 1,000 SIGKILLs of the importer and the
 * annotation writer (KILLS to change), then 10,000 fuzz cases per importer (FUZZ_CASES) — with a
 * summary of the figures the issue asks for. Exit status 1 when anything was lost, half-written,
 * crashed or hung. Takes a while (about 20–40 minutes on two cores); run it before a release.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runFuzz } from './fuzz.js';
import { runKillTest } from './kill.js';

const kills = Number(process.env.KILLS ?? 1000);
const fuzzCases = Number(process.env.FUZZ_CASES ?? 10_000);
const only = process.env.ONLY; // "kill" or "fuzz"
let failed = false;

if (only !== 'fuzz' && kills > 0) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundstelle-kill-'));
  try {
    console.log(`Kill test: ${kills} SIGKILLs …`);
    const s = await runKillTest({ kills, dir, writers: 2, bundled: true, seed: Number(process.env.SEED ?? 7), log: (l) => process.stdout.write(`\r${l}   `) });
    console.log(
      `\nKill test: ${s.kills} kills in ${s.rounds} rounds (${Math.round(s.ms / 1000)} s); acknowledged: ${s.ackedImports} imports, ${s.ackedAnnotations} annotations; ` +
        `rows lost: ${s.rowsLost}; half-written: ${s.halfWritten}; unclean ends detected: ${s.uncleanEnds}; check problems: ${s.problems.length}`,
    );
    for (const p of s.problems.slice(0, 20)) console.log(`  ${p}`);
    if (s.rowsLost > 0 || s.halfWritten > 0 || s.problems.length > 0) failed = true;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (only !== 'kill' && fuzzCases > 0) {
  console.log(`Fuzzing: ${fuzzCases} cases per importer …`);
  const results = await runFuzz(fuzzCases, Number(process.env.FUZZ_SEED ?? 1), console.log, process.env.FUZZ_ONLY);
  if (results.some((r) => r.crashes.length > 0 || r.hangs.length > 0)) failed = true;
}

process.exitCode = failed ? 1 : 0;
