import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../../main/core/import/pipeline.js';
import { listProposals } from '../../../main/core/proposals/index.js';
import type { Database } from '../../../main/db/open.js';
import type { ProposalView } from '../../../shared/contract-sources.js';
import { SAMPLES } from '../../helpers/cli.js';
import { tempDb } from '../../helpers/db.js';

// The real Reuters story (third-party text, local only) is read where it lies; skipped when absent.
const FILE = path.join(SAMPLES, 'reuters-de_altman-asien-stargate.txt');

describe.skipIf(!fs.existsSync(FILE))('proposals for the Reuters sample', () => {
  let db: Database;
  let cleanup: () => void;
  let all: ProposalView[] = [];
  beforeAll(async () => {
    ({ db, cleanup } = tempDb());
    const outcome = await importFile(db, FILE);
    if (!outcome.ok) throw new Error(outcome.error.message);
    all = listProposals(db, outcome.article.id).proposals;
  });
  afterAll(() => cleanup());

  it('names Masayoshi Son (Softbank-Chef) and Rene Haas (Chef der Softbank-Beteiligung ARM) as speakers', () => {
    const speakers = all.filter((p) => p.kind === 'attribution').map((p) => p.speaker);
    expect(speakers).toContainEqual(expect.objectContaining({ kind: 'person', name: 'Masayoshi Son', role: 'Softbank-Chef' }));
    expect(speakers).toContainEqual(expect.objectContaining({ kind: 'person', name: 'Rene Haas', role: 'Chef der Softbank-Beteiligung ARM' }));
  });

  it('proposes the quote „großartiger Partner“ attributed to Haas', () => {
    const q = all.find((p) => p.kind === 'quote' && p.text === 'großartiger Partner');
    expect(q?.speaker).toMatchObject({ name: 'Rene Haas' });
    expect(q?.annotationType).toBe('quote');
  });

  it('finds at least two anonymous attributions (Insider, Experten)', () => {
    const anon = all.filter((p) => p.kind === 'anonymous').map((p) => p.speaker?.name);
    expect(anon).toEqual(expect.arrayContaining(['Insider', 'Experten']));
  });

  it('has Samsung declining to comment, with the rule that resolved it', () => {
    const d = all.find((p) => p.kind === 'declined');
    expect(d?.speaker).toMatchObject({ kind: 'organisation', name: 'Samsung' });
    expect(d?.speaker?.resolution).toMatch(/Elektronik/i);
    expect(d?.cue.text).toBe('wollte … äußern');
  });

  it('lists the figures', () => {
    const figures = all.filter((p) => p.kind === 'figure').map((p) => p.figure?.amount);
    for (const f of ['500 Milliarden Dollar', '15 Milliarden Dollar', '1,5 Milliarden Euro', 'drei Milliarden Dollar', '25 Milliarden Dollar', '300 Milliarden Dollar']) expect(figures).toContain(f);
    expect(all.find((p) => p.figure?.amount === '1,5 Milliarden Euro')?.text).toBe('umgerechnet knapp 1,5 Milliarden Euro');
  });

  it('reads nothing from the credits', () => {
    expect(all.some((p) => /Hyunjoo|Stevenson|newsroom/.test(p.text))).toBe(false);
  });
});
