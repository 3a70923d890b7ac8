import fs from 'node:fs';
import path from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { anchor, describe, type Selectors } from '../../../shared/anchoring.js';

// Golden re-anchoring cases: see tests/fixtures/anchoring/README.md for the format and how to add one.

const DIR = path.resolve(import.meta.dirname, '../../fixtures/anchoring');

interface Fixture {
  description: string;
  original: string;
  edited: string;
  annotation: { quote: string; occurrence?: number };
  selectors: Selectors | null;
  expected: { method: 'position' | 'exact' | 'fuzzy'; quote: string; occurrence?: number } | null;
}

/** Start offset of the n-th (0-based) occurrence of `needle`. */
function nth(text: string, needle: string, n = 0): number {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${n + 1} times`);
  }
  return at;
}

const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

suite('anchoring golden fixtures', () => {
  it('exist', () => expect(files.length).toBeGreaterThanOrEqual(10));

  it.each(files)('%s', (file) => {
    const full = path.join(DIR, file);
    const fx = JSON.parse(fs.readFileSync(full, 'utf8')) as Fixture;
    const start = nth(fx.original, fx.annotation.quote, fx.annotation.occurrence);
    const described = describe(fx.original, start, start + fx.annotation.quote.length);
    if (fx.selectors === null && process.env.UPDATE_ANCHORING_FIXTURES) {
      fs.writeFileSync(full, `${JSON.stringify({ ...fx, selectors: described }, null, 2)}\n`);
      fx.selectors = described;
    }
    expect(fx.selectors, 'selectors missing: see README how to fill them').not.toBeNull();
    expect(described).toEqual(fx.selectors);

    const found = anchor(fx.edited, fx.selectors!);
    if (fx.expected === null) {
      expect(found, fx.description).toBeNull();
      return;
    }
    expect(found, fx.description).not.toBeNull();
    const at = nth(fx.edited, fx.expected.quote, fx.expected.occurrence);
    expect({ method: found!.method, start: found!.start, end: found!.end }, fx.description).toEqual({
      method: fx.expected.method,
      start: at,
      end: at + fx.expected.quote.length,
    });
    expect(found!.score).toBeGreaterThan(0);
    expect(found!.score).toBeLessThanOrEqual(1);
  });
});
