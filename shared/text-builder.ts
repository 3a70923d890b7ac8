import type { Block, BlockKind } from './article.js';

/**
 * Builds canonical text from blocks: each block's text trimmed, blocks joined by a blank line,
 * offsets recorded as they are appended. Every importer uses this so that all canonical texts
 * have the same shape.
 */
export class CanonicalTextBuilder {
  private parts: string[] = [];
  private length = 0;
  readonly blocks: Block[] = [];

  /** Appends a block; whitespace inside is normalised (runs of spaces/tabs to one space, no CR). Empty text is skipped. */
  add(kind: BlockKind, raw: string): Block | null {
    const t = normaliseBlockText(raw);
    if (!t) return null;
    if (this.parts.length > 0) {
      this.parts.push('\n\n');
      this.length += 2;
    }
    const block: Block = { kind, start: this.length, end: this.length + t.length };
    this.parts.push(t);
    this.length += t.length;
    this.blocks.push(block);
    return block;
  }

  get text(): string {
    return this.parts.join('');
  }

  get isEmpty(): boolean {
    return this.blocks.length === 0;
  }
}

/** What {@link normaliseBlockText} changes inside a block (its ends are checked by trim). */
const NOT_NORMAL = /[\r\n\u00a0\t\f\v]| {2}/;

/** Normalises the whitespace of one block: CRLF/CR to LF, tabs and runs of spaces to one space, trims lines, no blank lines inside. */
export function normaliseBlockText(raw: string): string {
  // Most blocks are normal already (a wire parser's units are): one test instead of every pass.
  if (!NOT_NORMAL.test(raw) && raw.length === raw.trim().length) return raw;
  return normaliseEveryPass(raw);
}

/** {@link normaliseBlockText} by every pass, whatever the text: its definition. */
export function normaliseEveryPass(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    // Two linear passes that touch only what needs changing: most text has single spaces only.
    .replace(/[\u00a0\t\f\v]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join('\n')
    .trim();
}
