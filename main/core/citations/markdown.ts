/**
 * Turns citeproc's HTML output (a small, known set of inline tags) into Markdown without any HTML:
 * italics → *…*, bold → **…**, everything else (small caps, blocks, links) → its text. Text is
 * escaped so that nothing in a title or name becomes Markdown or HTML markup.
 */

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references citeproc writes (`&#38;`, `&amp;`, `&#x2013;`, …). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/**
 * Escapes text for Markdown (CommonMark): punctuation that could start emphasis, code, links or
 * headings gets a backslash; `<` before a letter becomes `&lt;` so no tag can form; `&` that
 * would read as a character reference is escaped.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    .replace(/<(?=[a-z/!?])/gi, '&lt;')
    .replace(/^(\s*)([#>+-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

interface Frame {
  tag: string;
  marker: string;
  parts: string[];
}

/** Converts one citeproc HTML fragment to a single line of Markdown. */
export function htmlToMarkdown(html: string): string {
  const root: Frame = { tag: '', marker: '', parts: [] };
  const stack: Frame[] = [root];
  const top = (): Frame => stack[stack.length - 1]!;
  const close = (): void => {
    const frame = stack.pop()!;
    const content = frame.parts.join('');
    let rendered = content;
    if (frame.marker && content.trim()) {
      // Emphasis markers must hug their text: spaces move outside the markers.
      const lead = /^\s*/.exec(content)![0];
      const trail = /\s*$/.exec(content)![0];
      rendered = `${lead}${frame.marker}${content.trim()}${frame.marker}${trail}`;
    }
    top().parts.push(rendered, frame.tag === 'div' || frame.tag === 'p' ? ' ' : '');
  };
  const re = /<(\/?)([a-z][a-z0-9]*)\b([^>]*)>|([^<]+)|</gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html)) !== null) {
    if (m[4] !== undefined) {
      top().parts.push(escapeMarkdown(decodeEntities(m[4]).replace(/\s+/g, ' ')));
    } else if (m[2] === undefined) {
      top().parts.push('&lt;');
    } else {
      const tag = m[2].toLowerCase();
      const attrs = m[3] ?? '';
      if (tag === 'br') {
        top().parts.push(' ');
      } else if (m[1] !== '/') {
        let marker = '';
        if (tag === 'i' || tag === 'em' || /font-style:\s*italic/i.test(attrs)) marker = '*';
        else if (tag === 'b' || tag === 'strong' || /font-weight:\s*bold/i.test(attrs)) marker = '**';
        stack.push({ tag, marker, parts: [] });
      } else if (stack.some((f, i) => i > 0 && f.tag === tag)) {
        // Close up to the matching open tag (citeproc's output is well nested; this is defensive).
        while (stack.length > 1 && top().tag !== tag) close();
        close();
      }
    }
  }
  while (stack.length > 1) close();
  return root.parts.join('').replace(/\s+/g, (w) => (w.includes('\u00a0') ? '\u00a0' : ' ')).trim();
}
