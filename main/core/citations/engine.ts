import { createHash } from 'node:crypto';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { Database } from 'better-sqlite3';
import {
  BUILTIN_STYLE_IDS,
  type CitationStyleInfo,
  type CslItem,
  type CslLocale,
  type RenderFormat,
} from '../../../shared/contract-citations.js';
import { AppError } from '../../../shared/errors.js';
import localeDeDE from './locales/de-DE.js';
import localeEnUS from './locales/en-US.js';
import { htmlToMarkdown } from './markdown.js';
import styleApa from './styles/apa.js';
import styleChicagoDe from './styles/chicago-author-date-de.js';
import styleChicago from './styles/chicago-author-date.js';
import styleDin from './styles/din-1505-2.js';
import styleIso690De from './styles/iso690-author-date-de.js';

/** The styles shipped with the app, in the order the UI offers them. */
const BUILTIN_STYLES: Record<(typeof BUILTIN_STYLE_IDS)[number], { title: string; xml: string }> = {
  'iso690-author-date-de': { title: 'DIN ISO 690 (Autor-Jahr, Deutsch)', xml: styleIso690De },
  'din-1505-2': { title: 'DIN 1505-2 (Autor-Jahr, Deutsch)', xml: styleDin },
  apa: { title: 'APA 7th edition', xml: styleApa },
  'chicago-author-date': { title: 'Chicago Manual of Style (author-date)', xml: styleChicago },
  'chicago-author-date-de': { title: 'Chicago Manual of Style (Autor-Jahr, Deutsch)', xml: styleChicagoDe },
};

const LOCALES: Record<CslLocale, string> = { 'de-DE': localeDeDE, 'en-US': localeEnUS };

let registered = false;

/**
 * Registers the shipped styles and locales with citation-js once. Everything citeproc may ask for
 * is registered up front: styles are only ever used by a registered key (unknown ids are refused
 * before citation-js sees them), so nothing is looked up or fetched at render time.
 */
function registerBuiltins(): void {
  if (registered) return;
  const csl = plugins.config.get('@csl');
  for (const [id, s] of Object.entries(BUILTIN_STYLES)) csl.styles.add(id, s.xml);
  for (const [id, xml] of Object.entries(LOCALES)) csl.locales.add(id, xml);
  registered = true;
}

/** True for the ids of the shipped styles. */
export function isBuiltinStyle(id: string): id is (typeof BUILTIN_STYLE_IDS)[number] {
  return Object.prototype.hasOwnProperty.call(BUILTIN_STYLES, id);
}

interface CustomStyleRow {
  id: string;
  title: string;
  xml: string;
}

/** Every style the user can choose: the shipped ones, then the custom ones by title. */
export function listStyles(db: Database): CitationStyleInfo[] {
  const custom = db.prepare('SELECT id, title FROM citation_styles ORDER BY title COLLATE NOCASE, id').all() as { id: string; title: string }[];
  return [
    ...BUILTIN_STYLE_IDS.map((id) => ({ id, title: BUILTIN_STYLES[id].title, custom: false })),
    ...custom.map((c) => ({ id: c.id, title: c.title, custom: true })),
  ];
}

/**
 * The citation-js template key for a style id: shipped styles by id, custom ones by a key that
 * includes a hash of their XML. citation-js caches one engine per key, so a replaced custom style
 * gets a new key instead of a stale engine. Unknown ids are refused, listing the available ones.
 */
export function resolveStyle(db: Database, styleId: string): string {
  registerBuiltins();
  if (isBuiltinStyle(styleId)) return styleId;
  const row = db.prepare('SELECT id, title, xml FROM citation_styles WHERE id = ?').get(styleId) as CustomStyleRow | undefined;
  if (!row) {
    throw new AppError('CITATION_STYLE_UNKNOWN', { style: styleId, available: listStyles(db).map((s) => s.id).join(', ') });
  }
  return registerXml(row.id, row.xml);
}

/** Registers a custom style's XML under a content-addressed key and returns the key. */
export function registerXml(id: string, xml: string): string {
  registerBuiltins();
  const key = `fundstelle-custom:${id}:${createHash('sha256').update(xml).digest('hex').slice(0, 16)}`;
  const styles = plugins.config.get('@csl').styles;
  if (!styles.has(key)) styles.add(key, xml);
  return key;
}

// citeproc mutates and caches items it is given; each call gets its own copies.
function clone(items: readonly CslItem[]): CslItem[] {
  return items.map((i) => structuredClone(i));
}

function renderFailed(styleId: string, e: unknown): AppError {
  return new AppError('CITATION_RENDER_FAILED', { style: styleId, reason: e instanceof Error ? e.message : String(e) });
}

/** Entries of a bibliography in a style and locale: one string per item, in the style's order. */
export function bibliographyEntries(templateKey: string, styleId: string, items: readonly CslItem[], locale: CslLocale, format: 'text' | 'html'): string[] {
  registerBuiltins();
  if (items.length === 0) return [];
  try {
    const entries = plugins.output.format('bibliography', clone(items), { template: templateKey, lang: locale, format, asEntryArray: true }) as [string, string][];
    return entries.map(([, entry]) => (format === 'text' ? entry.replace(/\s*\n\s*/g, ' ').trim() : entry.trim()));
  } catch (e) {
    throw renderFailed(styleId, e);
  }
}

/** A formatted bibliography as plain text, an HTML fragment or Markdown (one entry per paragraph in Markdown). */
export function renderBibliography(templateKey: string, styleId: string, items: readonly CslItem[], locale: CslLocale, format: RenderFormat): string {
  if (format === 'text') return bibliographyEntries(templateKey, styleId, items, locale, 'text').join('\n');
  const html = bibliographyEntries(templateKey, styleId, items, locale, 'html');
  if (format === 'html') return `<div class="csl-bib-body">\n${html.map((e) => `  ${e}`).join('\n')}\n</div>`;
  return html.map((e) => htmlToMarkdown(e)).join('\n\n');
}

/** The in-text citation of the items together ("(Jin u. a., 2025)"). */
export function renderCitation(templateKey: string, styleId: string, items: readonly CslItem[], locale: CslLocale, format: RenderFormat): string {
  registerBuiltins();
  if (items.length === 0) return '';
  try {
    const out = plugins.output.format('citation', clone(items), {
      template: templateKey,
      lang: locale,
      format: format === 'text' ? 'text' : 'html',
      entry: items.map((i) => i.id),
    }) as string;
    return format === 'markdown' ? htmlToMarkdown(out) : out.trim();
  } catch (e) {
    throw renderFailed(styleId, e);
  }
}

/** Output of citation-js' own serialisers (`bibtex`, `biblatex`, `ris` objects). */
export function citationJsFormat(name: 'bibtex' | 'biblatex' | 'ris', items: readonly CslItem[], options: Record<string, unknown> = {}): unknown {
  registerBuiltins();
  return plugins.output.format(name, clone(items), options);
}
