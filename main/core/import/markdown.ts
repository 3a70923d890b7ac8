/**
 * Markdown notes and articles: front matter for metadata, a line-based block parser for the
 * structure, and inline markup reduced to plain text. Nothing is ever rendered: HTML in Markdown is
 * stripped to its text, link targets are dropped, so hostile URLs and handlers cannot survive.
 */
import type { BlockKind, Credit, ParsedArticle } from '../../../shared/article.js';
import { CanonicalTextBuilder } from '../../../shared/text-builder.js';
import {
  articleFromBuilder,
  cleanMetaText,
  normaliseDate,
  normaliseHttpUrl,
  normaliseLanguage,
  splitAuthors,
  uniqueCredits,
} from './import-meta.js';

type FrontMatter = Record<string, string | string[]>;

interface MdBlock {
  kind: BlockKind;
  text: string;
  /** Heading level (1–6) for headings. */
  level?: number;
  /** True for blocks inside quotes or lists: never the document title. */
  nested?: boolean;
}

/** Parses Markdown into canonical text and metadata (front matter, first `#` heading as title). */
export function parseMarkdown(text: string): ParsedArticle {
  const src = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const { data, body } = splitFrontMatter(src);
  const blocks: MdBlock[] = [];
  parseBlocks(body.split('\n'), blocks, false);

  const fmTitle = cleanMetaText(first(data, 'title', 'headline'));
  let title = fmTitle;
  const firstH1 = blocks.findIndex((b) => b.kind === 'heading' && b.level === 1 && !b.nested);
  const h1 = blocks[firstH1];
  if (h1 && (title === null || sameText(h1.text, title))) {
    // The title is metadata; keeping it as a block too would list it among the subheads.
    title ??= cleanMetaText(h1.text);
    blocks.splice(firstH1, 1);
  }

  const builder = new CanonicalTextBuilder();
  for (const b of blocks) builder.add(b.kind, b.text);

  const sourceValue = first(data, 'source', 'url', 'link', 'canonical');
  const url = normaliseHttpUrl(first(data, 'url', 'canonical', 'link')) ?? normaliseHttpUrl(sourceValue);
  // "source: dpa" names the outlet rather than a URL.
  const sourceAsAgency = sourceValue !== undefined && normaliseHttpUrl(sourceValue) === null ? cleanMetaText(sourceValue, 200) : null;
  const credits: Credit[] = uniqueCredits(all(data, 'author', 'authors', 'autor', 'autoren').flatMap((a) => splitAuthors(a)));

  return {
    ...articleFromBuilder(builder),
    title,
    language: normaliseLanguage(first(data, 'lang', 'language', 'sprache')),
    published: normaliseDate(first(data, 'date', 'published', 'datum', 'pubdate')),
    agency: cleanMetaText(first(data, 'agency', 'publisher', 'outlet', 'agentur'), 200) ?? sourceAsAgency,
    copyright: cleanMetaText(first(data, 'copyright', 'rights'), 300),
    url,
    credits,
  };
}

function sameText(a: string, b: string): boolean {
  return stripInline(a).replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();
}

function first(data: FrontMatter, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const v = data[k];
    const s = Array.isArray(v) ? v[0] : v;
    if (s !== undefined && s.trim() !== '') return s;
  }
  return undefined;
}

function all(data: FrontMatter, ...keys: string[]): string[] {
  return keys.flatMap((k) => {
    const v = data[k];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  });
}

// ---------------------------------------------------------------------------------------------
// Front matter: a deliberately small YAML subset (scalars, quoted strings, flow and block lists).
// A full YAML parser would bring tags, anchors and type coercion for no benefit here.

/** Splits a leading `---` … `---` (or `...`) block off and reads it as `key: value` pairs and simple lists. */
export function splitFrontMatter(src: string): { data: FrontMatter; body: string } {
  const open = /^---[ \t]*\n/.exec(src);
  if (!open) return { data: {}, body: src };
  const rest = src.slice(open[0].length);
  const close = /^(?:---|\.\.\.)[ \t]*$/m.exec(rest);
  if (!close) return { data: {}, body: src };
  const yaml = rest.slice(0, close.index);
  const body = rest.slice(close.index + close[0].length).replace(/^\n/, '');
  return { data: parseSimpleYaml(yaml), body };
}

function parseSimpleYaml(yaml: string): FrontMatter {
  const data: FrontMatter = {};
  let listKey: string | null = null;
  let blockKey: string | null = null;
  let blockLines: string[] = [];
  const endBlock = (): void => {
    if (blockKey !== null) data[blockKey] = blockLines.join(' ').trim();
    blockKey = null;
    blockLines = [];
  };
  for (const raw of yaml.split('\n')) {
    if (/^\s*#/.test(raw) || raw.trim() === '') continue;
    if (blockKey !== null && /^\s+\S/.test(raw)) {
      blockLines.push(raw.trim());
      continue;
    }
    endBlock();
    const item = /^\s*-\s+(.*)$/.exec(raw);
    if (item && listKey !== null) {
      // "- name: Anna Beispiel" (a list of objects): the name is what matters.
      const named = /^(?:name|title)\s*:\s*(.*)$/i.exec(item[1] ?? '');
      const v = scalar(named ? (named[1] ?? '') : (item[1] ?? ''));
      const list = data[listKey];
      if (v) data[listKey] = Array.isArray(list) ? [...list, v] : [v];
      continue;
    }
    const nestedName = /^\s+(?:name)\s*:\s*(.*)$/i.exec(raw);
    if (nestedName && listKey !== null) {
      // author:\n  name: Anna Beispiel (a single object)
      const v = scalar(nestedName[1] ?? '');
      if (v) data[listKey] = v;
      continue;
    }
    const kv = /^([A-Za-z_][\w.-]*)\s*:(?:\s+(.*))?\s*$/.exec(raw);
    if (!kv || /^\s/.test(raw)) continue;
    const key = (kv[1] ?? '').toLowerCase();
    const value = (kv[2] ?? '').trim();
    listKey = null;
    if (value === '') {
      listKey = key;
    } else if (value === '|' || value === '>' || /^[|>][+-]?$/.test(value)) {
      blockKey = key;
    } else if (value.startsWith('[') && value.endsWith(']')) {
      data[key] = splitFlowList(value.slice(1, -1)).map(scalar).filter((v) => v !== '');
    } else {
      data[key] = scalar(value);
    }
  }
  endBlock();
  return data;
}

function splitFlowList(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  for (const ch of s) {
    if (quote) {
      cur += ch;
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      cur += ch;
    } else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim());
}

function scalar(raw: string): string {
  const s = raw.trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) {
    return s.slice(1, -1).replace(/\\(["\\])/g, '$1').replace(/\\n/g, ' ');
  }
  if (s.length >= 2 && s.startsWith("'") && s.endsWith("'")) return s.slice(1, -1).replace(/''/g, "'");
  // An unquoted value ends before a " #" comment.
  return s.replace(/\s+#.*$/, '').trim();
}

// ---------------------------------------------------------------------------------------------
// Blocks

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const THEMATIC = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;
const QUOTE = /^ {0,3}>[ ]?(.*)$/;
const REF_DEF = /^ {0,3}\[[^\]]+\]:\s*\S+.*$/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
// Raw HTML whose content is code, not text: skipped up to the closing tag (CommonMark HTML block type 1).
const RAW_HTML_BLOCK = /^ {0,3}<(script|style|iframe|object|embed|template|noscript|svg|textarea|math|select)\b/i;

// Quotes nest by recursion; past this depth further ">" markers are plain text (a hostile file of
// 30,000 nested quotes overflowed the stack: found by tests/stress/fuzz-targets.ts).
const MAX_QUOTE_DEPTH = 32;

function parseBlocks(lines: string[], out: MdBlock[], nested: boolean, depth = 0): void {
  let para: string[] = [];
  const flush = (): void => {
    if (para.length > 0) pushText(out, 'paragraph', para, nested);
    para = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      flush();
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      flush();
      const marker = fence[1] ?? '```';
      const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
      const code: string[] = [];
      for (i++; i < lines.length && !closing.test(lines[i] ?? ''); i++) code.push(lines[i] ?? '');
      // Code is kept literally: no inline stripping, its markup is the content.
      const codeText = code.join('\n');
      if (codeText.trim()) out.push({ kind: 'paragraph', text: codeText, nested });
      continue;
    }
    const rawHtml = RAW_HTML_BLOCK.exec(line);
    if (rawHtml) {
      flush();
      const end = new RegExp(`</${rawHtml[1]}\\s*>`, 'i');
      while (i < lines.length && !end.test(lines[i] ?? '')) i++;
      continue;
    }
    if (/^ {0,3}<!--/.test(line)) {
      flush();
      while (i < lines.length && !(lines[i] ?? '').includes('-->')) i++;
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      flush();
      out.push({ kind: 'heading', text: stripInline(atx[2] ?? ''), level: (atx[1] ?? '#').length, nested });
      continue;
    }
    // Setext headings: a paragraph line underlined with === (level 1) or --- (level 2).
    if (para.length > 0 && /^ {0,3}(=+|-+)[ \t]*$/.test(line)) {
      out.push({ kind: 'heading', text: stripInline(para.join(' ')), level: line.trim().startsWith('=') ? 1 : 2, nested });
      para = [];
      continue;
    }
    if (THEMATIC.test(line)) {
      flush();
      continue;
    }
    if (REF_DEF.test(line)) {
      flush();
      continue;
    }
    if (para.length > 0 && TABLE_DELIMITER.test(line) && (para[para.length - 1] ?? '').includes('|')) continue;
    const quote = QUOTE.exec(line);
    if (quote && depth >= MAX_QUOTE_DEPTH) {
      para.push(line.replace(/^(?: {0,3}>[ ]?)+/, ''));
      continue;
    }
    if (quote) {
      flush();
      const inner: string[] = [];
      for (; i < lines.length; i++) {
        const q = QUOTE.exec(lines[i] ?? '');
        if (!q) break;
        inner.push(q[1] ?? '');
      }
      i--;
      parseBlocks(inner, out, true, depth + 1);
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item && (item[3] !== undefined || para.length === 0)) {
      flush();
      const marker = item[2] ?? '-';
      // Ordered items keep their number ("1."): the order can be part of the meaning.
      const itemLines = [(/\d/.test(marker) ? `${marker} ` : '') + (item[3] ?? '')];
      for (i++; i < lines.length; i++) {
        const next = lines[i] ?? '';
        if (next.trim() === '' || LIST_ITEM.test(next) || FENCE.test(next) || ATX.test(next) || QUOTE.test(next)) break;
        itemLines.push(next);
      }
      i--;
      pushText(out, 'paragraph', itemLines, true);
      continue;
    }
    para.push(line);
  }
  flush();
}

function pushText(out: MdBlock[], kind: BlockKind, lines: string[], nested: boolean): void {
  // Soft line breaks are spaces in Markdown; only a hard break (two spaces or "\\" at the end) or a
  // table row keeps its own line.
  let text = '';
  lines.forEach((l, i) => {
    const row = /^\s*\|.*\|\s*$/.test(l);
    const hard = /(?: {2,}|\\)$/.test(l);
    const stripped = stripInline(row ? tableRow(l) : l.replace(/(?: {2,}|\\)$/, ''));
    const next = lines[i + 1];
    text += stripped;
    if (next !== undefined) text += hard || row || /^\s*\|.*\|\s*$/.test(next) ? '\n' : ' ';
  });
  if (text.trim()) out.push({ kind, text, nested });
}

function tableRow(line: string): string {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0)
    .join(' | ');
}

// ---------------------------------------------------------------------------------------------
// Inline markup

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', euro: '€',
  ndash: '–', mdash: '—', bdquo: '„', ldquo: '“', rdquo: '”', sbquo: '‚', lsquo: '‘', rsquo: '’',
  laquo: '«', raquo: '»', hellip: '…', copy: '©', reg: '®', deg: '°', eacute: 'é', egrave: 'è',
};

/** Decodes the HTML entities that appear in hand-written Markdown; unknown ones stay as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, ent: string) => {
    if (ent.startsWith('#')) {
      const cp = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      // No NUL, controls or surrogates from entities.
      if (cp > 0x1f && cp !== 0x7f && (cp < 0xd800 || cp > 0xdfff) && cp <= 0x10ffff) return String.fromCodePoint(cp);
      return '';
    }
    return NAMED_ENTITIES[ent] ?? whole;
  });
}

const LINK_DEST = String.raw`<[^<>\n]*>|(?:[^()\s]|\([^()\s]*\))*`;
const LINK_TITLE = String.raw`(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?`;
const IMAGE = new RegExp(String.raw`!\[([^\]]*)\]\(\s*(?:${LINK_DEST})${LINK_TITLE}\s*\)`, 'g');
const LINK = new RegExp(String.raw`\[([^\]]*)\]\(\s*(?:${LINK_DEST})${LINK_TITLE}\s*\)`, 'g');
// An HTML tag with a proper attribute grammar, so a ">" inside a quoted value cannot end it early.
const TAG = /<\/?[a-zA-Z][\w:-]*(?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g;
const CODE_ELEMENTS = '(script|style|iframe|object|embed|template|noscript|svg|textarea|math|select)';

/** Reduces one line of inline Markdown to plain text: no emphasis markers, links as their text, no HTML, no URLs but visible http(s) autolinks. */
export function stripInline(s: string): string {
  const kept: string[] = [];
  const keep = (value: string): string => `\ue000${kept.push(value) - 1}\ue001`;
  let t = s.replace(/[\ue000\ue001]/g, '');
  // Code spans first: their content is literal.
  t = t.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_w, _ticks: string, code: string) => keep(code.trim()));
  t = t.replace(/\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])/g, (_w, ch: string) => keep(ch));
  t = t.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  t = t.replace(new RegExp(String.raw`<${CODE_ELEMENTS}\b[^>]*\/>`, 'gi'), '');
  t = t.replace(new RegExp(String.raw`<${CODE_ELEMENTS}\b[\s\S]*?<\/\1\s*>`, 'gi'), '');
  for (let n = 0; n < 3; n++) {
    const before = t;
    t = t.replace(IMAGE, '$1').replace(LINK, '$1');
    if (t === before) break;
  }
  t = t.replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, '$1');
  // Autolinks: a visible http(s) or mail address stays as text, any other scheme vanishes.
  t = t.replace(/<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\s]*)>/g, (_w, uri: string) => {
    if (/^https?:\/\//i.test(uri)) return uri;
    if (/^mailto:/i.test(uri)) return uri.slice(7);
    return '';
  });
  t = t.replace(/<([^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)>/g, '$1');
  t = t.replace(/<br\s*\/?>/gi, '\n').replace(TAG, '');
  for (let n = 0; n < 2; n++) {
    t = t
      .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, (w, m: string, inner: string) => (m === '__' && /\w__\w/.test(w) ? w : inner))
      .replace(/(?<![*\\])\*(?=[^\s*])([^*]*?[^\s*])\*(?!\*)/g, '$1')
      .replace(/(?<![\p{L}\p{N}_])_(?=[^\s_])([^_]*?[^\s_])_(?![\p{L}\p{N}_])/gu, '$1')
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1');
  }
  t = decodeEntities(t);
  return t.replace(/\ue000(\d+)\ue001/g, (_w, i: string) => kept[Number(i)] ?? '');
}
