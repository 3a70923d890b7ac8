import { datePartsOf, formatAgencyDate } from '../../../shared/agency-line.js';
import { ANNOTATION_TYPE_LABELS, ANNOTATION_TYPES } from '../../../shared/annotation.js';
import type { Lang } from '../../../shared/errors.js';
import type { ExportArticle, ExportItem } from './export-items.js';

/**
 * The Markdown dossier: per article its citation line, then the annotations grouped by type (in the
 * order Zitat, Behauptung, Zahl, Notiz, Rückfrage) with the quoted passage, the note and the tags;
 * orphans last, with the passage as first marked.
 */

const WORDS = {
  de: { title: 'Annotationen', made: 'Erstellt', count: 'Annotationen', orphans: 'Nicht mehr im aktuellen Text gefunden', tags: 'Tags', withheld: '[Textstelle nicht zur Veröffentlichung bestimmt]', fuzzy: 'Text wurde geändert; bitte prüfen' },
  en: { title: 'Annotations', made: 'Created', count: 'annotations', orphans: 'No longer found in the current text', tags: 'Tags', withheld: '[passage not meant for publication]', fuzzy: 'text was changed; please check' },
} as const;

/** Markdown with its syntax characters escaped, so article text never turns into links, HTML or emphasis. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>#|~]/g, '\\$&');
}

/** The citation line of an article: `Reuters, Februar 2025: „Titel“` (de) / `Reuters, February 2025: “Title”` (en). */
export function citationLine(a: ExportArticle, lang: Lang): string {
  const parts = datePartsOf(a.published);
  const who = [a.agency, parts ? formatAgencyDate(parts, lang) : null].filter(Boolean).join(', ');
  const title = lang === 'de' ? `„${a.title}“` : `“${a.title}”`;
  return who ? `${who}: ${title}` : title;
}

function quoted(text: string, lang: Lang): string {
  const q = text.replace(/\s+/g, ' ').trim();
  return lang === 'de' ? `„${q}“` : `“${q}”`;
}

function entry(item: ExportItem, lang: Lang, orphan: boolean): string[] {
  const a = item.annotation;
  const w = WORDS[lang];
  const lines: string[] = [];
  const passage = orphan ? a.originalQuote : a.selectors.quote.exact;
  lines.push(item.quotable ? `> ${escapeMarkdown(quoted(passage, lang))}` : `> ${w.withheld}`);
  if (!orphan && a.anchor?.method === 'fuzzy') lines.push(`> *(${w.fuzzy})*`);
  lines.push('');
  if (orphan) lines.push(`**${ANNOTATION_TYPE_LABELS[a.type][lang]}**`, '');
  if (a.note) {
    for (const para of a.note.split(/\n{2,}/)) lines.push(escapeMarkdown(para).replace(/\n/g, '  \n'), '');
  }
  if (a.tags.length) lines.push(`${w.tags}: ${a.tags.map((t) => `\\#${escapeMarkdown(t)}`).join(', ')}`, '');
  return lines;
}

/** The dossier for annotations already in article and text order. */
export function toMarkdown(items: readonly ExportItem[], lang: Lang, now: string): string {
  const w = WORDS[lang];
  const out: string[] = [`# ${w.title}`, '', `${w.made}: ${now.slice(0, 10)} · ${items.length} ${w.count}`, ''];
  const byArticle = new Map<number, ExportItem[]>();
  for (const item of items) {
    const list = byArticle.get(item.article.id) ?? [];
    list.push(item);
    byArticle.set(item.article.id, list);
  }
  for (const list of byArticle.values()) {
    const article = list[0]!.article;
    out.push(`## ${escapeMarkdown(citationLine(article, lang))}`, '');
    for (const type of ANNOTATION_TYPES) {
      const ofType = list.filter((i) => i.annotation.type === type && i.annotation.anchor !== null);
      if (ofType.length === 0) continue;
      out.push(`### ${ANNOTATION_TYPE_LABELS[type][lang]}`, '');
      for (const item of ofType) out.push(...entry(item, lang, false));
    }
    const orphans = list.filter((i) => i.annotation.anchor === null);
    if (orphans.length) {
      out.push(`### ${w.orphans}`, '');
      for (const item of orphans) out.push(...entry(item, lang, true));
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
