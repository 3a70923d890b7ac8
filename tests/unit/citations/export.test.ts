import fs from 'node:fs';
import path from 'node:path';
import { Cite } from '@citation-js/core';
import { Ajv } from 'ajv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStyle, removeStyle, xmlProblem } from '../../../main/core/citations/custom-styles.js';
import { listStyles } from '../../../main/core/citations/engine.js';
import { exportCitations } from '../../../main/core/citations/export.js';
import { parseRis } from '../../../main/core/citations/ris.js';
import { saveSource, updateRecord } from '../../../main/core/citations/record.js';
import type { Database } from '../../../main/db/open.js';
import { BUILTIN_STYLE_IDS, CSL_LOCALES, RENDER_FORMATS, type CslName } from '../../../shared/contract-citations.js';
import { AppError } from '../../../shared/errors.js';
import { tempDb } from '../../helpers/db.js';
import { add, NOTE, WEB_PAGE, WIRE_DE, WIRE_EN, WIRE_NONPUBLIC } from './fixtures.js';

const SCHEMA = path.resolve(import.meta.dirname, '../../../../shared/conformance/csl/schemas/input/csl-data.json');

let db: Database;
let cleanup: () => void;
let ids: number[];
beforeEach(() => {
  ({ db, cleanup } = tempDb());
  ids = [add(db, WIRE_DE), add(db, WIRE_EN, 'wire', 'afp.txt'), add(db, WIRE_NONPUBLIC, 'wire', 'dpa.txt'), add(db, WEB_PAGE, 'html', 'seite.html'), add(db, NOTE, 'markdown', 'notiz.md')];
});
afterEach(() => cleanup());

/** "van der Meer, Jörg"-style comparison key, whatever way a parser splits particles. */
function nameKey(n: CslName | Record<string, unknown>): string {
  const r = n as Record<string, string | undefined>;
  if (r.literal) return r.literal;
  return [[r['dropping-particle'], r['non-dropping-particle'], r.family].filter(Boolean).join(' '), r.given].filter(Boolean).join(', ');
}

function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

const newsIds = () => ids.slice(0, 3);

describe('CSL-JSON', () => {
  it('validates against csl-data.json for every kind of record, with edits and manual sources', () => {
    if (!fs.existsSync(SCHEMA)) return;
    updateRecord(db, ids[0]!, { note: 'geprüft', issued: { 'date-parts': [[2026, 3, 4]] } });
    const src = saveSource(db, { kind: 'interview', item: { title: 'Gespräch', author: [{ family: 'Beispiel', given: 'Jan' }] } });
    const out = exportCitations(db, { articleIds: ids, sourceIds: [src.id] }, { format: 'csl-json' });
    expect(out.mimeType).toBe('application/vnd.citationstyles.csl+json');
    const data = JSON.parse(out.content) as unknown[];
    expect(data).toHaveLength(6);
    const validate = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')) as object);
    expect(validate.errors ?? []).toEqual([]);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it('exports everything with all: true and refuses an empty selection', () => {
    saveSource(db, { kind: 'document', item: { title: 'Pressemappe' } });
    expect(JSON.parse(exportCitations(db, { articleIds: [], all: true }, { format: 'csl-json' }).content)).toHaveLength(6);
    expect(appError(() => exportCitations(db, { articleIds: [] }, { format: 'csl-json' })).code).toBe('CITATION_NOTHING_SELECTED');
  });
});

describe('BibTeX and BibLaTeX', () => {
  it.each(['bibtex', 'biblatex'] as const)('%s parses back to the same authors, title, year/month and container', (format) => {
    const out = exportCitations(db, { articleIds: newsIds() }, { format });
    expect(out.fileName).toMatch(/\.bib$/);
    const original = JSON.parse(exportCitations(db, { articleIds: newsIds() }, { format: 'csl-json' }).content) as Record<string, unknown>[];
    const back = new Cite(out.content).data;
    expect(back).toHaveLength(3);
    original.forEach((o, i) => {
      const b = back[i]!;
      expect(b['citation-key']).toBe(o['citation-key']);
      expect((b.author as CslName[]).map(nameKey)).toEqual((o.author as CslName[]).map(nameKey));
      expect(b.title).toBe(o.title);
      expect(b['container-title']).toBe(o['container-title']);
      const want = (o.issued as { 'date-parts': number[][] })['date-parts'][0]!;
      const got = (b.issued as { 'date-parts': number[][] })['date-parts'][0]!;
      expect(got.slice(0, Math.min(2, want.length))).toEqual(want.slice(0, 2));
    });
  });

  it('gives unique citation keys within one export', () => {
    const again = add(db, { ...WIRE_DE, text: `${WIRE_DE.text} `.repeat(2) });
    const back = new Cite(exportCitations(db, { articleIds: [ids[0]!, again] }, { format: 'bibtex' }).content).data;
    expect(back.map((b) => b['citation-key'])).toEqual(['beispiel2026werft', 'beispiel2026werfta']);
  });
});

describe('RIS', () => {
  it('has AU, DA and PY lines for newspaper items (citation-js alone drops them)', () => {
    const stock = String(new Cite(JSON.parse(exportCitations(db, { articleIds: [ids[0]!] }, { format: 'csl-json' }).content)).format('ris'));
    expect(stock).not.toMatch(/^AU {2}- /m); // the bug this export works around
    const ris = exportCitations(db, { articleIds: [ids[0]!] }, { format: 'ris' }).content;
    expect(ris).toMatch(/^TY {2}- NEWS\r?$/m);
    expect(ris.match(/^AU {2}- .*$/gm)?.map((l) => l.trim())).toEqual(['AU  - Beispiel, Anna', 'AU  - van der Meer, Jörg', 'AU  - al-Farsi, Omar']);
    expect(ris).toMatch(/^DA {2}- 2026\/03\/\/\r?$/m);
    expect(ris).toMatch(/^PY {2}- 2026\r?$/m);
    expect(ris).toMatch(/^ER {2}- ?\r?$/m);
  });

  it('parses back through citation-js to the same authors, date (with precision), title and container', () => {
    const original = JSON.parse(exportCitations(db, { articleIds: ids }, { format: 'csl-json' }).content) as Record<string, unknown>[];
    const back = parseRis(exportCitations(db, { articleIds: ids }, { format: 'ris' }).content);
    expect(back).toHaveLength(ids.length);
    original.forEach((o, i) => {
      const b = back[i]!;
      expect(b.type).toBe(o.type);
      expect(b.title).toBe(o.title);
      expect(((b.author as CslName[] | undefined) ?? []).map(nameKey)).toEqual(((o.author as CslName[] | undefined) ?? []).map(nameKey));
      expect(b.issued).toEqual(o.issued);
      if (o.type === 'article-newspaper') expect(b['container-title']).toBe(o['container-title']);
    });
  });
});

describe('formatted bibliography', () => {
  it.each(BUILTIN_STYLE_IDS.flatMap((s) => CSL_LOCALES.map((l) => [s, l] as const)))('%s in %s renders text, HTML and Markdown', (style, locale) => {
    for (const format of RENDER_FORMATS) {
      const out = exportCitations(db, { articleIds: ids }, { format, style, locale });
      expect(out.content.trim().length).toBeGreaterThan(50);
      expect(out.content).toMatch(/Beispiel/i);
      expect(out.content).toContain('2026');
      if (format === 'text') expect(out.content.trim().split('\n')).toHaveLength(ids.length);
      if (format === 'html') expect(out.content).toMatch(/<div class="csl-bib-body">[\s\S]*csl-entry/);
      if (format === 'markdown') {
        expect(out.content).not.toMatch(/<\/?[a-z][^>]*>/i);
        expect(out.content).not.toMatch(/&#\d+;|&amp;/);
        expect(out.content.trim().split('\n\n')).toHaveLength(ids.length);
      }
    }
  });

  it('uses the locale: month names and terms follow it', () => {
    const de = exportCitations(db, { articleIds: [ids[0]!] }, { format: 'text', style: 'apa', locale: 'de-DE' }).content;
    const en = exportCitations(db, { articleIds: [ids[0]!] }, { format: 'text', style: 'apa', locale: 'en-US' }).content;
    expect(de).toContain('März');
    expect(en).toContain('March');
  });

  it('escapes markup from titles in HTML and Markdown', () => {
    updateRecord(db, ids[0]!, { title: 'Kurs <script>alert(1)</script> & *Sterne* [Link](x) _unter_' });
    const html = exportCitations(db, { articleIds: [ids[0]!] }, { format: 'html', style: 'apa' }).content;
    expect(html).not.toContain('<script>');
    const md = exportCitations(db, { articleIds: [ids[0]!] }, { format: 'markdown', style: 'apa' }).content;
    expect(md).not.toMatch(/<\/?[a-z][^>]*>/i);
    expect(md).toContain('\\*Sterne\\*');
    expect(md).toContain('\\[Link\\](x)');
    expect(md).toContain('\\_unter\\_');
  });

  it('refuses an unknown style with the list of available ones', () => {
    const e = appError(() => exportCitations(db, { articleIds: ids }, { format: 'text', style: 'harvard1' }));
    expect(e.code).toBe('CITATION_STYLE_UNKNOWN');
    expect(String(e.details.available)).toContain('iso690-author-date-de');
    expect(String(e.details.available)).toContain('chicago-author-date');
  });
});

describe('agency lines', () => {
  it('one line per item with the precision known, in German or English', () => {
    expect(exportCitations(db, { articleIds: ids }, { format: 'agency' }).content).toBe(
      ['Quelle: Reuters, März 2026', 'Quelle: AFP, 29.08.2014', 'Quelle: dpa, 2025', 'Quelle: seite.html, 05.11.2024', 'Quelle: notiz.md'].join('\n') + '\n',
    );
    expect(exportCitations(db, { articleIds: ids.slice(0, 2) }, { format: 'agency', locale: 'en-US' }).content).toBe('Source: Reuters, March 2026\nSource: AFP, 29 Aug 2014\n');
  });

  it('follow the user\'s edits', () => {
    updateRecord(db, ids[0]!, { 'container-title': 'Reuters Deutschland', issued: { 'date-parts': [[2026, 3, 4]] } });
    expect(exportCitations(db, { articleIds: [ids[0]!] }, { format: 'agency' }).content).toBe('Quelle: Reuters Deutschland, 04.03.2026\n');
  });
});

const CUSTOM = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info>
    <title>Redaktion Kurzbeleg</title>
    <id>http://example.org/styles/redaktion-kurzbeleg</id>
    <updated>2026-01-01T00:00:00+00:00</updated>
  </info>
  <citation><layout prefix="[" suffix="]" delimiter="; "><names variable="author"><name form="short"/></names><date variable="issued" prefix=" "><date-part name="year"/></date></layout></citation>
  <bibliography><layout><text variable="container-title" suffix=": "/><text variable="title"/></layout></bibliography>
</style>`;

describe('custom styles', () => {
  it('are accepted, listed, used and removed', () => {
    expect(addStyle(db, 'kurz.csl', CUSTOM)).toEqual({ id: 'redaktion-kurzbeleg', title: 'Redaktion Kurzbeleg', custom: true });
    expect(listStyles(db).map((s) => s.id)).toEqual([...BUILTIN_STYLE_IDS, 'redaktion-kurzbeleg']);
    expect(exportCitations(db, { articleIds: [ids[0]!] }, { format: 'text', style: 'redaktion-kurzbeleg' }).content).toBe('Reuters: Werft Möwe baut Elektrofähren für den Bodensee\n');
    // Replacing the style takes effect at once (no stale engine).
    addStyle(db, 'kurz.csl', CUSTOM.replace('suffix=": "', 'suffix=" – "'));
    expect(exportCitations(db, { articleIds: [ids[0]!] }, { format: 'text', style: 'redaktion-kurzbeleg' }).content).toBe('Reuters – Werft Möwe baut Elektrofähren für den Bodensee\n');
    expect(removeStyle(db, 'redaktion-kurzbeleg')).toBe(true);
    expect(appError(() => exportCitations(db, { articleIds: [ids[0]!] }, { format: 'text', style: 'redaktion-kurzbeleg' })).code).toBe('CITATION_STYLE_UNKNOWN');
  });

  it.each([
    ['not XML', 'Das ist kein XML', 'CITATION_STYLE_NOT_XML'],
    ['unclosed tags', '<style xmlns="http://purl.org/net/xbiblio/csl"><info>', 'CITATION_STYLE_NOT_XML'],
    ['a DOCTYPE', '<!DOCTYPE style [<!ENTITY x "y">]><style xmlns="http://purl.org/net/xbiblio/csl"/>', 'CITATION_STYLE_NOT_XML'],
    ['an HTML page', '<html><body><p>Stil</p></body></html>', 'CITATION_STYLE_NOT_CSL'],
    ['another namespace', CUSTOM.replace('http://purl.org/net/xbiblio/csl', 'http://example.org/ns'), 'CITATION_STYLE_NOT_CSL'],
    ['no id', CUSTOM.replace(/<id>.*<\/id>/, ''), 'CITATION_STYLE_NO_ID'],
    ['no title', CUSTOM.replace(/<title>.*<\/title>/, ''), 'CITATION_STYLE_NO_ID'],
    [
      'a dependent style',
      '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><info><title>Abh</title><id>http://example.org/abh</id><link href="http://www.zotero.org/styles/apa" rel="independent-parent"/></info></style>',
      'CITATION_STYLE_DEPENDENT',
    ],
    ['a shipped id', CUSTOM.replace('redaktion-kurzbeleg', 'apa'), 'CITATION_STYLE_BUILTIN'],
    ['a style citeproc cannot use', CUSTOM.replace('<text variable="title"/>', '<date variable="issued" form="bogus"/>'), 'CITATION_STYLE_BROKEN'],
    ['a style that prints nothing', CUSTOM.replace(/<bibliography>.*<\/bibliography>/, '').replace(/<layout [^>]*>.*<\/layout>/, '<layout><text variable="fehlt"/></layout>'), 'CITATION_STYLE_BROKEN'],
  ])('are refused when they are %s', (_what, xml, code) => {
    const e = appError(() => addStyle(db, 'stil.csl', xml));
    expect(e.code).toBe(code);
    expect(e.message.length).toBeGreaterThan(20);
    expect(listStyles(db).filter((s) => s.custom)).toEqual([]);
  });

  it('checks well-formedness', () => {
    expect(xmlProblem('<a><b/></a>')).toBeNull();
    expect(xmlProblem('<a><b></a>')).toMatch(/closes/);
    expect(xmlProblem('<a/><b/>')).toMatch(/root/);
  });

  it('the shipped ones cannot be removed', () => {
    expect(appError(() => removeStyle(db, 'apa')).code).toBe('CITATION_STYLE_BUILTIN');
  });
});
