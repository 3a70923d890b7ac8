import type { Block } from './article.js';

const MAX_TITLE = 120;

/**
 * A headline derived from the lead for deliveries without one: the first sentence of the first
 * paragraph, without its dateline, shortened at a word boundary. Returns null when there is no paragraph.
 */
export function deriveTitle(text: string, blocks: readonly Block[], datelineText: string | null): string | null {
  const lead = blocks.find((b) => b.kind === 'paragraph');
  if (!lead) return null;
  let s = text.slice(lead.start, lead.end).replace(/\s+/g, ' ').trim();
  if (datelineText) {
    const idx = s.indexOf(datelineText.trim());
    // The dateline may sit after a teaser sentence (APA); only strip it when it opens the lead.
    if (idx === 0) s = s.slice(datelineText.trim().length).trim();
  }
  const sentence = firstSentence(s);
  return shorten(sentence, MAX_TITLE) || null;
}

/** The first sentence: up to a . ! or ? followed by a space and an upper-case letter or quote, not after a number or a one-letter abbreviation. */
function firstSentence(s: string): string {
  const re = /[.!?](?=\s+["„»“‚']?\p{Lu})/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    const before = s.slice(Math.max(0, m.index - 3), m.index);
    // "z.B.", "Dr.", "Nr.", "W." (initial), "3." (ordinal): not a sentence end.
    if (/(?:^|\s)(?:\p{L}|Dr|Nr|St|Mr|Ms|vs|ca|bzw|etc|Prof)$/u.test(before) || /\d$/.test(before)) continue;
    return s.slice(0, m.index + 1).trim();
  }
  return s;
}

function shorten(s: string, max: number): string {
  const t = s.replace(/[.]$/, '');
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:\s]+$/, '')}…`;
}
