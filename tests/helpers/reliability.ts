import crypto from 'node:crypto';
import fs from 'node:fs';
import { insertArticle } from '../../main/core/articles.js';
import { createAnnotation } from '../../main/core/annotations.js';
import type { Database } from '../../main/db/open.js';
import { parsed } from './db.js';

/** A small deterministic PRNG (mulberry32): corruptions and kill moments are reproducible from a seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'Hafen Werft Fähre Auftrag Millionen Euro Stadtrat Bregenz Lindau Gutachten Bürgermeisterin Haushalt Energie Netz Brücke Bahn'.split(' ');

/** The text of invented story `i`: unique (so never a duplicate), a few paragraphs long. */
export function storyText(i: number, paragraphs = 3): string[] {
  const r = prng(i + 1);
  return Array.from({ length: paragraphs }, (_, p) => {
    const words = Array.from({ length: 25 + Math.floor(r() * 40) }, () => WORDS[Math.floor(r() * WORDS.length)]);
    return `${p === 0 ? `Lindau (Reuters) - Meldung ${i}: ` : ''}${words.join(' ')} (${i}.${p}).`;
  });
}

/** Fills a collection with `n` invented articles (credits, index rows) and one annotation each. */
export function fillCollection(db: Database, n: number, from = 0): number[] {
  const ids: number[] = [];
  // One transaction for the lot: a test needs the rows, not n fsyncs.
  db.transaction(() => fill(db, n, from, ids))();
  return ids;
}

function fill(db: Database, n: number, from: number, ids: number[]): void {
  for (let i = from; i < from + n; i++) {
    const article = parsed(
      [...storyText(i).map((t) => ['paragraph', t] as ['paragraph', string]), ['credits', '(Bericht von Anna Beispiel)']],
      { title: `Meldung ${i} aus Lindau`, agency: 'Reuters', credits: [{ role: 'reporter', name: `Anna Beispiel ${i}` }] },
    );
    const { id } = insertArticle(db, article, { file: `meldung-${i}.txt`, format: 'wire', encoding: 'utf-8', importedAt: '2026-11-28T10:00:00.000Z' });
    createAnnotation(db, { articleId: id, start: 0, end: 12, type: 'quote', note: `Notiz ${i}`, tags: ['test'] });
    ids.push(id);
  }
}

/** SHA-256 of a file (to prove it was not changed). */
export function fileHash(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * Copies `src` to `dest` with bytes flipped in the middle of pages: for every `every`-th page after
 * the first, `run` bytes around the page's middle are XORed with 0xFF. Returns the pages hit.
 */
export function corruptCopy(src: string, dest: string, opts: { pageSize?: number; every?: number; run?: number; seed?: number } = {}): number[] {
  const pageSize = opts.pageSize ?? 4096;
  const every = opts.every ?? 3;
  const run = opts.run ?? 32;
  const r = prng(opts.seed ?? 1);
  const bytes = fs.readFileSync(src);
  const pages: number[] = [];
  const count = Math.floor(bytes.length / pageSize);
  for (let p = 1 + Math.floor(r() * every); p < count; p += every) {
    const middle = p * pageSize + Math.floor(pageSize / 2) + Math.floor((r() - 0.5) * (pageSize / 4));
    for (let i = middle; i < middle + run && i < bytes.length; i++) bytes[i] = (bytes[i] as number) ^ 0xff;
    pages.push(p + 1);
  }
  fs.writeFileSync(dest, bytes);
  return pages;
}

/** Flips bytes in the first page (the schema root), which SQLite reads on open. */
export function corruptSchemaPage(src: string, dest: string): void {
  const bytes = fs.readFileSync(src);
  for (let i = 100; i < 100 + 12; i++) bytes[i] = (bytes[i] as number) ^ 0xff;
  fs.writeFileSync(dest, bytes);
}
