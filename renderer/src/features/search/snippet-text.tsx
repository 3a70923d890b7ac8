import type { ReactNode } from 'react';

/** Start and end of a hit in a snippet from the core. */
const HIT_START = '\u0002';
const HIT_END = '\u0003';

/** Splits a snippet into plain text and hits; a missing end marker closes the hit at the end. */
export function splitSnippet(snippet: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const start = rest.indexOf(HIT_START);
    if (start < 0) {
      parts.push({ text: rest.replaceAll(HIT_END, ''), hit: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start).replaceAll(HIT_END, ''), hit: false });
    const after = rest.slice(start + 1);
    const end = after.indexOf(HIT_END);
    const hit = (end < 0 ? after : after.slice(0, end)).replaceAll(HIT_START, '');
    if (hit) parts.push({ text: hit, hit: true });
    rest = end < 0 ? '' : after.slice(end + 1);
  }
  return parts;
}

/** The distinct words marked as hits in a snippet (what to look for in the article text). */
export function hitTerms(snippet: string): string[] {
  const terms = splitSnippet(snippet)
    .filter((p) => p.hit)
    .map((p) => p.text.trim())
    .filter((t) => t.length > 0);
  return [...new Set(terms)];
}

/** A snippet as React elements: hits become `<mark>` elements, everything else is a text node. */
export function SnippetText({ snippet }: { snippet: string }): ReactNode {
  return splitSnippet(snippet).map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>));
}
