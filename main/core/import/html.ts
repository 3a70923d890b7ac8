/**
 * Saved web pages: Readability finds the article, then its DOM is walked into plain text blocks.
 * No HTML survives: the result is text and metadata strings only, so nothing imported can ever be
 * rendered as markup (Readability's own output keeps `onerror=` and the like).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { BlockKind, Credit, ParsedArticle } from '../../../shared/article.js';
import { AppError } from '../../../shared/errors.js';
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

// The project type-checks main/ without the DOM lib; these are the few DOM members used here.
interface DomNode {
  nodeType: number;
  nodeName: string;
  childNodes: ArrayLike<DomNode>;
  textContent: string | null;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}
interface DomDocument {
  documentElement: DomElement | null;
  body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const CDATA_NODE = 4;

// Never text: code, embedded content, forms and their controls. Their content is dropped entirely.
const SKIP = new Set([
  'script', 'style', 'iframe', 'object', 'embed', 'form', 'svg', 'noscript', 'template', 'math', 'canvas',
  'video', 'audio', 'picture', 'source', 'track', 'img', 'input', 'button', 'select', 'textarea', 'option',
  'head', 'link', 'meta', 'title', 'base', 'applet', 'frame', 'frameset', 'map', 'area', 'dialog', 'nav',
]);
// Page furniture skipped only when Readability found no article and the whole body is walked
// (inside an article, an aside or footer can be part of the story; navigation never is).
const SKIP_IN_FALLBACK = new Set(['aside', 'footer']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'header', 'hgroup', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr',
  'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

interface RawBlock {
  kind: BlockKind;
  text: string;
}

/** Parses a saved web page into canonical text and metadata; throws FILE_NO_TEXT when the page holds no text. */
export function parseHtml(html: string, fileName: string): ParsedArticle {
  const { blocks, meta } = extract(html, fileName);
  if (blocks.length === 0) throw new AppError('FILE_NO_TEXT', { file: fileName, reason: 'keine Textabsätze in der HTML-Seite' });
  const builder = new CanonicalTextBuilder();
  for (const b of blocks) builder.add(b.kind, b.text);
  return { ...articleFromBuilder(builder), ...meta };
}

/** The page's article text as plain text (blocks joined by blank lines, title not included), for trying the wire parser on it. */
export function htmlToText(html: string): string {
  const builder = new CanonicalTextBuilder();
  for (const b of extract(html).blocks) builder.add(b.kind, b.text);
  return builder.text;
}

type HtmlMeta = Pick<ParsedArticle, 'title' | 'language' | 'published' | 'credits' | 'agency' | 'url' | 'copyright'>;

/**
 * Deeper nesting than this is refused: Readability's run time grows with the square of the depth
 * (8,000 nested <div>s took 38 s) and the block walk recurses per level. Real article pages stay far
 * below (found by tests/stress/fuzz-targets.ts).
 */
export const MAX_HTML_DEPTH = 256;

/** Stands in for a `<` that cannot open a tag while the page is parsed (a private-use character). */
const STRAY_LT = '\uE000';

/**
 * A `<` that cannot open a tag (not followed by a letter, `/`, `!` or `?`) is text in HTML, but the
 * parser (htmlparser2 under linkedom) hands each one over as a text node of its own, and so does
 * it for each `&lt;`: 57,000 of them ("<<<<…", found by tests/stress/fuzz.ts) took over a second
 * and tens of MB. Parsed as a private-use character they stay one text node; restoreStrayLessThan
 * turns them back into `<` in everything extracted. A private-use character already in the page
 * becomes U+FFFD first, so nothing else turns into `<`.
 */
function escapeStrayLessThan(html: string): string {
  return html.replace(/\uE000/g, '\uFFFD').replace(/<(?![a-zA-Z/!?])/g, STRAY_LT);
}

/** Puts the stray `<` back into every string of an extraction result. */
function restoreStrayLessThan<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll(STRAY_LT, '<') as T;
  if (Array.isArray(value)) return value.map(restoreStrayLessThan) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restoreStrayLessThan(v)])) as T;
  return value;
}

/** linkedom builds no <html> element for input without tags ("just text"): such input is wrapped in a page. */
function parseDocument(html: string): DomDocument {
  const document = (parseHTML(html) as unknown as { document: DomDocument }).document;
  if (document.documentElement) return document;
  return (parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`) as unknown as { document: DomDocument }).document;
}

/** The deepest element nesting below `root`, counted without recursion (stops early past `limit`). */
function nestingDepth(root: DomNode, limit: number): number {
  let max = 0;
  const stack: [DomNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [DomNode, number];
    if (depth > max) max = depth;
    if (max > limit) return max;
    for (const child of Array.from(node.childNodes)) if (child.nodeType === ELEMENT_NODE) stack.push([child, depth + 1]);
  }
  return max;
}

function extract(raw: string, fileName = 'HTML'): { blocks: RawBlock[]; meta: HtmlMeta } {
  const html = escapeStrayLessThan(raw);
  return restoreStrayLessThan(extractParsed(html, fileName));
}

function extractParsed(html: string, fileName: string): { blocks: RawBlock[]; meta: HtmlMeta } {
  const document = parseDocument(html);
  if (document.documentElement && nestingDepth(document.documentElement as unknown as DomNode, MAX_HTML_DEPTH) > MAX_HTML_DEPTH) {
    throw new AppError('FILE_PARSE_FAILED', { file: fileName, reason: `HTML mehr als ${MAX_HTML_DEPTH} Ebenen tief verschachtelt` });
  }
  // Metadata first: Readability mutates the document it parses.
  const pageMeta = readPageMetadata(document);

  let article: ReturnType<Readability<DomElement>['parse']> = null;
  // A "page" that is one run of text (no markup inside <body>) has nothing for Readability to
  // choose between, and Readability needs seconds on 60 KB of such text ("<<<<…", "-->-->…": found
  // by tests/stress/fuzz-targets.ts): the block walk below reads it directly.
  const body = document.body as unknown as DomNode | null;
  const hasMarkup = body !== null && Array.from(body.childNodes).some((c) => c.nodeType === ELEMENT_NODE);
  if (hasMarkup) {
    try {
      // The serializer hands back Readability's content element itself: walked below, never serialised to HTML.
      article = new Readability<DomElement>(document as never, { serializer: (node) => node as unknown as DomElement }).parse();
    } catch {
      // Readability can trip over unusual markup; the body walk below still yields the text.
      article = null;
    }
  }

  let blocks: RawBlock[] = [];
  if (article?.content) blocks = walkBlocks(article.content, false);
  if (blocks.length === 0) {
    // Readability mutated `document`; when it did not run, the parsed page is still intact.
    const fallback = { document: hasMarkup ? parseDocument(html) : document };
    const body = fallback.document.body ?? fallback.document.documentElement;
    if (body) blocks = walkBlocks(body, true);
  }

  const agency = pageMeta.agency ?? cleanMetaText(article?.siteName, 200);
  const title = cleanTitle(cleanMetaText(article?.title) ?? pageMeta.title, [agency, pageMeta.host]);
  const bylineCredits = splitAuthors(article?.byline);
  const credits = pageMeta.credits.length > 0 ? pageMeta.credits : bylineCredits;
  blocks = markLeadingMatter(blocks, title, article?.byline ?? null, credits);

  return {
    blocks,
    meta: {
      title,
      language: pageMeta.language ?? normaliseLanguage(article?.lang),
      published: pageMeta.published ?? normaliseDate(article?.publishedTime),
      credits,
      agency,
      url: pageMeta.url,
      copyright: pageMeta.copyright,
    },
  };
}

/**
 * The first blocks often repeat the headline, hold the byline ("Von Anna Beispiel") or the date line
 * ("25.02.2025, 08:30 Uhr"): a repeated headline is dropped; a byline becomes a credits block and a
 * date line a notice, so both stay in the text but are not counted or searched as article text.
 */
function markLeadingMatter(blocks: RawBlock[], title: string | null, byline: string | null, credits: Credit[]): RawBlock[] {
  const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const names = credits.map((c) => c.name.toLowerCase());
  return blocks.flatMap((b, i) => {
    if (i >= 3) return [b];
    const t = norm(b.text);
    if (title && b.kind === 'heading' && t === norm(title)) return [];
    const isByline =
      (byline !== null && t === norm(byline)) ||
      (t.length <= 150 && /^(von|by)\s/i.test(t) && (names.length === 0 || names.some((n) => t.includes(n))));
    if (b.kind !== 'paragraph') return [b];
    if (isByline) return [{ ...b, kind: 'credits' as const }];
    if (isDateLine(t)) return [{ ...b, kind: 'notice' as const }];
    return [b];
  });
}

const MONTHS = 'januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|january|february|march|may|june|july|october|december';
const DATE_WORDS = new RegExp(`\\b(?:${MONTHS}|uhr|am|um|stand|aktualisiert|veröffentlicht|updated|published|mez|mesz|cet|cest|utc)\\b`, 'giu');

/** A short line that holds nothing but a date and time ("25.02.2025, 08:30 Uhr", "Aktualisiert am 25. Februar 2025"). */
function isDateLine(t: string): boolean {
  if (t.length > 80 || !/\d{4}|\d{1,2}:\d{2}/.test(t)) return false;
  return t.replace(DATE_WORDS, '').replace(/[\d\s.,:\-–/|]+/g, '') === '';
}

// ---------------------------------------------------------------------------------------------
// DOM → blocks

function isHidden(el: DomElement): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = (el.getAttribute('style') ?? '').toLowerCase();
  return /display\s*:\s*none|visibility\s*:\s*hidden/.test(style);
}

/** Walks an element tree into heading and paragraph blocks; inline content is gathered until the next block boundary. */
function walkBlocks(root: DomNode, fallback: boolean): RawBlock[] {
  const out: RawBlock[] = [];
  let buffer = '';
  const flush = (kind: BlockKind): void => {
    const text = buffer.replace(/[ \t]*\n[ \t]*/g, '\n').trim();
    if (text) out.push({ kind, text });
    buffer = '';
  };
  const visit = (node: DomNode, kind: BlockKind, pre: boolean): void => {
    const children = Array.from(node.childNodes);
    for (const child of children) {
      if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_NODE) {
        const data = child.textContent ?? '';
        buffer += pre ? data : data.replace(/\s+/g, ' ');
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const el = child as DomElement;
      const tag = el.nodeName.toLowerCase();
      if (SKIP.has(tag) || (fallback && SKIP_IN_FALLBACK.has(tag)) || isHidden(el)) continue;
      if (tag === 'br') {
        buffer += '\n';
      } else if (BLOCK.has(tag)) {
        flush(kind);
        const inner: BlockKind = HEADINGS.has(tag) ? 'heading' : 'paragraph';
        visit(el, inner, pre || tag === 'pre');
        flush(inner);
      } else {
        visit(el, kind, pre || tag === 'pre');
      }
    }
  };
  const rootTag = root.nodeName.toLowerCase();
  const rootKind: BlockKind = HEADINGS.has(rootTag) ? 'heading' : 'paragraph';
  visit(root, rootKind, rootTag === 'pre');
  flush(rootKind);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Metadata of the original page

interface PageMeta {
  title: string | null;
  language: string | null;
  published: string | null;
  credits: Credit[];
  agency: string | null;
  url: string | null;
  copyright: string | null;
  /** Host of the page's URL, to recognise "Headline - example.de" title suffixes. */
  host: string | null;
}

type JsonObject = Record<string, unknown>;

function readPageMetadata(doc: DomDocument): PageMeta {
  const meta = new Map<string, string>();
  for (const m of Array.from(doc.querySelectorAll('meta'))) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? m.getAttribute('http-equiv') ?? '')
      .trim()
      .toLowerCase();
    const content = m.getAttribute('content');
    if (key && content && content.trim() && !meta.has(key)) meta.set(key, content);
  }
  const metaOf = (...keys: string[]): string | undefined => {
    for (const k of keys) {
      const v = meta.get(k);
      if (v !== undefined) return v;
    }
    return undefined;
  };
  const ld = readJsonLd(doc);

  const canonical = Array.from(doc.querySelectorAll('link')).find((l) =>
    (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  );
  const url =
    normaliseHttpUrl(canonical?.getAttribute('href')) ?? normaliseHttpUrl(metaOf('og:url')) ?? normaliseHttpUrl(ldString(ld?.['url']));

  const timeEl =
    doc.querySelector('time[itemprop="datePublished"]') ?? doc.querySelector('time[pubdate]') ?? doc.querySelector('article time[datetime]') ?? doc.querySelector('time[datetime]');
  const published =
    normaliseDate(metaOf('article:published_time')) ??
    normaliseDate(ldString(ld?.['datePublished'])) ??
    normaliseDate(metaOf('datepublished', 'date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'pubdate', 'publish-date', 'publication_date')) ??
    normaliseDate(timeEl?.getAttribute('datetime'));

  const ldAuthors = ldNames(ld?.['author']).flatMap((a) => splitAuthors(a));
  const metaAuthor = [metaOf('author'), metaOf('article:author'), metaOf('dc.creator'), metaOf('byl')].find(
    (a) => a !== undefined && normaliseHttpUrl(a) === null && !/^\s*\//.test(a),
  );
  const credits = uniqueCredits(ldAuthors.length > 0 ? ldAuthors : splitAuthors(metaAuthor));

  const language =
    normaliseLanguage(doc.documentElement?.getAttribute('lang')) ??
    normaliseLanguage(doc.documentElement?.getAttribute('xml:lang')) ??
    normaliseLanguage(metaOf('og:locale')) ??
    normaliseLanguage(metaOf('content-language', 'language', 'dc.language')) ??
    normaliseLanguage(ldString(ld?.['inLanguage']));

  const titleEl = doc.querySelector('title');
  const h1 = doc.querySelector('h1');
  const title =
    cleanMetaText(metaOf('og:title', 'twitter:title')) ??
    cleanMetaText(ldString(ld?.['headline'])) ??
    cleanMetaText(titleEl?.textContent) ??
    cleanMetaText(h1?.textContent);

  let host: string | null = null;
  if (url) host = new URL(url).hostname.replace(/^www\./, '');

  return {
    title,
    language,
    published,
    credits,
    agency: cleanMetaText(metaOf('og:site_name'), 200) ?? cleanMetaText(ldNames(ld?.['publisher'])[0], 200) ?? cleanMetaText(metaOf('application-name'), 200),
    url,
    copyright: cleanMetaText(metaOf('copyright', 'dcterms.rights', 'dc.rights'), 300),
    host,
  };
}

/** The article object of the page's JSON-LD (NewsArticle, Article, ...), or null. Read as data only. */
function readJsonLd(doc: DomDocument): JsonObject | null {
  const candidates: JsonObject[] = [];
  const collect = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') {
      const o = v as JsonObject;
      candidates.push(o);
      if (o['@graph']) collect(o['@graph']);
    }
  };
  for (const s of Array.from(doc.querySelectorAll('script'))) {
    if ((s.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    try {
      collect(JSON.parse(s.textContent ?? ''));
    } catch {
      // Broken JSON-LD is common; the other metadata sources remain.
    }
  }
  const types = (o: JsonObject): string[] => {
    const t = o['@type'];
    return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
  };
  return (
    candidates.find((o) => types(o).some((t) => /Article|BlogPosting|Report/i.test(t))) ??
    candidates.find((o) => 'datePublished' in o || 'headline' in o) ??
    null
  );
}

function ldString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return ldString(v[0]);
  return undefined;
}

/** Names from a JSON-LD person/organisation value: a string, `{name}`, or a list of either. */
function ldNames(v: unknown): string[] {
  if (typeof v === 'string') return normaliseHttpUrl(v) === null ? [v] : [];
  if (Array.isArray(v)) return v.flatMap(ldNames);
  if (v && typeof v === 'object') {
    const name = (v as JsonObject)['name'];
    return typeof name === 'string' ? [name] : [];
  }
  return [];
}

const TITLE_SEPARATORS = [' | ', ' – ', ' — ', ' - ', ' :: ', ' · ', ' » ', ' / '];

/**
 * Removes a site-name suffix or prefix ("… | Tagblatt", "tagblatt.de - …"). Dashes are only cut when
 * the part names the site: German headlines use dashes ("Streik – Pendler verärgert").
 */
export function cleanTitle(title: string | null, sites: (string | null)[]): string | null {
  if (!title) return null;
  const letters = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const siteKeys = sites.filter((s): s is string => !!s).map(letters).filter((s) => s.length >= 3);
  const namesSite = (part: string): boolean => {
    const p = letters(part);
    return p.length > 0 && siteKeys.some((k) => p === k || p.includes(k) || (k.includes(p) && p.length >= 4));
  };
  let t = title;
  for (let changed = true; changed; ) {
    changed = false;
    for (const sep of TITLE_SEPARATORS) {
      const last = t.lastIndexOf(sep);
      if (last > 0 && namesSite(t.slice(last + sep.length))) {
        t = t.slice(0, last).trim();
        changed = true;
      }
      const firstSep = t.indexOf(sep);
      if (firstSep > 0 && namesSite(t.slice(0, firstSep))) {
        t = t.slice(firstSep + sep.length).trim();
        changed = true;
      }
    }
  }
  // "Headline | Ressort | Site" without a known site name: pipes rarely occur in headlines, keep the longest part.
  if (t.includes(' | ')) {
    const parts = t.split(' | ').map((p) => p.trim());
    t = parts.reduce((best, p) => (p.split(/\s+/).length > best.split(/\s+/).length ? p : best), parts[0] ?? t);
  }
  return t || title;
}
