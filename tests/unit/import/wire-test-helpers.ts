/** Shared helpers for the wire-parser tests (not a test file itself). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { blockText, type BlockKind, type ParsedArticle } from '../../../shared/article.js';
import { parseWire } from '../../../main/core/import/wire/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Folder of the project's own invented wire fixtures. */
export const FIXTURE_DIR = path.resolve(here, '../../fixtures/wire');

/** Text of one invented fixture. */
export function readFixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURE_DIR, name), 'utf8');
}

/** Parses a text that must be recognised as a wire story, and checks the structural invariants. */
export function parseOk(text: string): ParsedArticle {
  const a = parseWire(text);
  expect(a).not.toBeNull();
  if (!a) throw new Error('not recognised as a wire story');
  expectWellFormed(a);
  return a;
}

/** Parses a fixture that must be recognised as a wire story. */
export function parseFixture(name: string): ParsedArticle {
  return parseOk(readFixture(name));
}

/** Blocks ordered, non-overlapping, inside the text, each a trimmed non-empty span; caller-owned fields left alone. */
export function expectWellFormed(a: ParsedArticle): void {
  let prevEnd = -1;
  for (const b of a.blocks) {
    expect(b.start).toBeGreaterThan(prevEnd);
    expect(b.end).toBeGreaterThan(b.start);
    expect(b.end).toBeLessThanOrEqual(a.text.length);
    const t = a.text.slice(b.start, b.end);
    expect(t.length).toBeGreaterThan(0);
    expect(t).toBe(t.trim());
    prevEnd = b.end;
  }
  expect(a.language).toBeNull();
  expect(a.titleDerived).toBe(false);
  if (a.datelineText !== null) {
    // The dateline stays in the canonical text, opening a paragraph.
    const opening = a.blocks.filter((b) => b.kind === 'paragraph' && blockText(a.text, b).startsWith(a.datelineText ?? ''));
    expect(opening.length).toBeGreaterThanOrEqual(1);
  }
}

/** Kinds of the blocks, in order. */
export function kindsOf(a: ParsedArticle): BlockKind[] {
  return a.blocks.map((b) => b.kind);
}

/** Texts of the blocks of one kind, in order. */
export function textsOf(a: ParsedArticle, kind: BlockKind): string[] {
  return a.blocks.filter((b) => b.kind === kind).map((b) => blockText(a.text, b));
}
