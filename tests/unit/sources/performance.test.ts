import { describe, expect, it } from 'vitest';
import { proposeForText } from '../../../shared/proposals/analyse.js';
import { redactTerms } from '../../../shared/protected.js';
import type { Block } from '../../../shared/article.js';
import { build, DE_STORY, EN_STORY } from './fixtures.js';

// Hang guards, not speed targets (those are in `npm run bench`): a backtracking regex would take
// minutes on these inputs, linear code well under the generous limits even on a loaded machine.
const MB = 200_000;

/**
 * Best CPU time (user + system, ms) of up to three runs. CPU rather than wall time: the test
 * machine is shared by several test runs, and waiting for a core is not the code's cost.
 */
function timed(text: string, lang: 'de' | 'en', blocks: Block[] = [{ kind: 'paragraph', start: 0, end: text.length }]): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const c0 = process.cpuUsage();
    proposeForText(text, blocks, { lang });
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000);
    if (best < 300) break;
  }
  return best;
}

describe('proposals on large and hostile input', () => {
  // A megabyte of real-looking text must stay well under a second; hostile shapes (one endless
  // "sentence", nothing but quotes or numbers) must stay linear: a few seconds at worst on a
  // loaded machine, never the minutes a backtracking regex would take.
  const HOSTILE_LIMIT = 5000;

  it.each([
    ['German', DE_STORY, 'de'],
    ['English', EN_STORY, 'en'],
  ] as const)('a realistic megabyte of %s wire text without a pathological slowdown', (_name, story, lang) => {
    const { text } = build(story.filter(([k]) => k === 'paragraph'));
    const big = `${text}\n\n`.repeat(Math.ceil(MB / text.length)).slice(0, MB);
    const { text: t, blocks } = build(big.split('\n\n').map((p) => ['paragraph', p] as ['paragraph', string]));
    expect(proposeForText(t, blocks, { lang }).length).toBeGreaterThan(1000);
    expect(timed(t, lang, blocks)).toBeLessThan(HOSTILE_LIMIT);
  });

  it.each([
    ['digits', '1'.repeat(MB)],
    ['separated digits', '1.000,'.repeat(MB / 6)],
    ['straight quotes', '"'.repeat(MB)],
    ['openers without closers', '„a '.repeat(MB / 3)],
    ['capitalised words', 'Der Chef Rene Haas, Chef der Firma ARM, '.repeat(MB / 40)],
    ['speech verbs', 'sagte sagte teilte '.repeat(MB / 19)],
    ['one endless sentence', 'und die Firma wollte sich nicht '.repeat(MB / 32)],
    ['number words and units', 'drei Milliarden drei Prozent bis zu '.repeat(MB / 36)],
    ['full stops', 'A. '.repeat(MB / 3)],
  ])('%s (200 kB)', (_name, text) => {
    expect(timed(text, 'de')).toBeLessThan(HOSTILE_LIMIT);
  });

  it('English hostile input', () => {
    expect(timed('according to people familiar with the matter said '.repeat(MB / 50), 'en')).toBeLessThan(HOSTILE_LIMIT);
    expect(timed('$1,000,000,000 '.repeat(MB / 15), 'en')).toBeLessThan(HOSTILE_LIMIT);
  });

  it('redaction of a megabyte stays linear', () => {
    const text = 'Rolf Brandt traf Brandtschutz und Rolf '.repeat(MB / 38);
    const c0 = process.cpuUsage();
    const out = redactTerms(text, ['Rolf Brandt', 'Brandt', 'Rolf Brandt Junior']);
    expect(process.cpuUsage(c0).user / 1000).toBeLessThan(HOSTILE_LIMIT);
    expect(out).not.toMatch(/Brandt /);
  });
});
