import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { CitationStyleInfo } from '../../../shared/contract-citations.js';
import { AppError } from '../../../shared/errors.js';
import { decodeEntities } from './markdown.js';
import { bibliographyEntries, isBuiltinStyle, registerXml, renderCitation } from './engine.js';

const CSL_NS = 'http://purl.org/net/xbiblio/csl';

/**
 * Checks that `xml` is well-formed enough to trust: tags nest and close, attributes are quoted,
 * there is exactly one root element, and no DOCTYPE (a style needs none, and entity declarations
 * are a classic XML attack). Returns the reason when it is not.
 */
export function xmlProblem(xml: string): string | null {
  if (/<!DOCTYPE/i.test(xml)) return 'DOCTYPE is not allowed';
  const body = xml.replace(/^\uFEFF/, '');
  const stack: string[] = [];
  let roots = 0;
  const re = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) {
    const whole = m[0];
    if (whole.startsWith('<!--') || whole.startsWith('<![CDATA[') || whole.startsWith('<?')) continue;
    if (m[5] !== undefined) {
      if (stack.length === 0 && m[5].trim()) return 'text outside the root element';
      continue;
    }
    if (m[2] === undefined) return `malformed tag at offset ${m.index}`;
    const name = m[2];
    if (m[1] === '/') {
      if (m[3] || m[4]) return `malformed closing tag </${name}>`;
      const open = stack.pop();
      if (open !== name) return open ? `</${name}> closes <${open}>` : `</${name}> without an opening tag`;
      continue;
    }
    if (stack.length === 0) roots++;
    if (roots > 1) return 'more than one root element';
    if (!m[4]) stack.push(name);
  }
  if (stack.length > 0) return `<${stack[stack.length - 1]}> is not closed`;
  if (roots === 0) return 'no root element';
  return null;
}

function firstElementText(xml: string, tag: string): string | null {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml);
  const text = m?.[1] !== undefined ? decodeEntities(m[1]).trim() : '';
  return text || null;
}

/** A style id from the CSL `<id>` (its last path segment) or the file name: lower-case, `a-z0-9-`. */
function styleIdOf(cslId: string, fileName: string): string {
  const fromId = cslId.replace(/[?#].*$/, '').split('/').filter(Boolean).pop() ?? '';
  const base = fromId || path.basename(fileName).replace(/\.(csl|xml)$/i, '');
  return base
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/** What a valid style file gives: its id, title and XML. */
export interface ValidatedStyle {
  id: string;
  title: string;
  xml: string;
}

// A small record every usable style must be able to format.
const PROBE = {
  id: 'probe',
  type: 'article-newspaper' as const,
  title: 'Probe',
  author: [{ family: 'Muster', given: 'Erika' }],
  'container-title': 'Agentur',
  issued: { 'date-parts': [[2025, 2] as [number, number]] },
};

/**
 * Validates a user's .csl file: well-formed XML, a `<style>` root in the CSL namespace, an
 * `<info>` with `<id>` and `<title>`, not a dependent style, and citeproc can format with it.
 * Each failure is refused with its own clear error.
 */
export function validateStyle(fileName: string, xml: string): ValidatedStyle {
  const name = path.basename(fileName);
  const problem = xmlProblem(xml);
  if (problem) throw new AppError('CITATION_STYLE_NOT_XML', { name, reason: problem });
  const root = /^(?:\uFEFF)?(?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->))*\s*<([A-Za-z_][\w.:-]*)([^>]*)>/.exec(xml);
  const ns = root?.[2] ? /\sxmlns\s*=\s*["']([^"']*)["']/.exec(root[2])?.[1] : undefined;
  if (!root || root[1] !== 'style' || ns !== CSL_NS) throw new AppError('CITATION_STYLE_NOT_CSL', { name });
  const info = firstElementText(xml, 'info');
  if (!info) throw new AppError('CITATION_STYLE_NO_ID', { name, missing: '<info>' });
  const cslId = firstElementText(info, 'id');
  if (!cslId) throw new AppError('CITATION_STYLE_NO_ID', { name, missing: '<id>' });
  const title = firstElementText(info, 'title');
  if (!title) throw new AppError('CITATION_STYLE_NO_ID', { name, missing: '<title>' });
  const parent = /<link\b[^>]*\brel\s*=\s*["']independent-parent["'][^>]*>/.exec(info)?.[0];
  if (parent || !/<citation\b/.test(xml)) {
    const href = parent ? (/\bhref\s*=\s*["']([^"']*)["']/.exec(parent)?.[1] ?? '?') : '?';
    throw new AppError('CITATION_STYLE_DEPENDENT', { name, parent: href });
  }
  const id = styleIdOf(cslId, name);
  if (!id) throw new AppError('CITATION_STYLE_NO_ID', { name, missing: '<id>' });
  if (isBuiltinStyle(id)) throw new AppError('CITATION_STYLE_BUILTIN', { id });
  try {
    const key = registerXml(id, xml);
    const outputs = [renderCitation(key, id, [PROBE], 'de-DE', 'text')];
    if (/<bibliography\b/.test(xml)) outputs.push(bibliographyEntries(key, id, [PROBE], 'de-DE', 'text').join(''));
    // Each part must print something of the probe record, not nothing or an error placeholder.
    for (const out of outputs) {
      if (!/Muster|Probe|Agentur|2025/.test(out)) throw new Error('the style prints nothing for a newspaper article');
    }
  } catch (e) {
    const reason = e instanceof AppError ? String(e.details.reason ?? e.message) : e instanceof Error ? e.message : String(e);
    throw new AppError('CITATION_STYLE_BROKEN', { name, reason: reason.slice(0, 300) });
  }
  return { id, title, xml };
}

/** Adds a custom style (replacing one with the same id) after validating it. */
export function addStyle(db: Database, fileName: string, xml: string, now: string = new Date().toISOString()): CitationStyleInfo {
  const style = validateStyle(fileName, xml);
  db.prepare(
    `INSERT INTO citation_styles (id, title, file_name, xml, added_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, file_name = excluded.file_name, xml = excluded.xml, added_at = excluded.added_at`,
  ).run(style.id, style.title, path.basename(fileName), style.xml, now);
  return { id: style.id, title: style.title, custom: true };
}

/** Removes a custom style; shipped styles cannot be removed. */
export function removeStyle(db: Database, id: string): boolean {
  if (isBuiltinStyle(id)) throw new AppError('CITATION_STYLE_BUILTIN', { id });
  return db.prepare('DELETE FROM citation_styles WHERE id = ?').run(id).changes > 0;
}
