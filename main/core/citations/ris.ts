import { plugins } from '@citation-js/core';
import type { CslDate, CslItem, CslName } from '../../../shared/contract-citations.js';
import { citationJsFormat } from './engine.js';
import { invertedName } from './names.js';

/**
 * RIS export and import around citation-js' RIS plugin, which maps newspaper items (TY NEWS) to
 * a CSL `reporter` instead of `author` and writes only the year (PY): Zotero, Citavi and JabRef
 * would get a newspaper article without authors and without its month or day. Here every record
 * gets its authors as AU lines and its date as DA (with the known precision) plus PY, and reading
 * RIS maps NEWS records back the same way.
 */

type RisRecord = Record<string, string | string[]>;

/** RIS date `YYYY/MM/DD/` with the precision known: `2025/02//`, `2025///`. */
export function risDate(date: CslDate | undefined): string | null {
  const parts = date?.['date-parts']?.[0];
  const [year, month, day] = parts ?? [];
  if (year === undefined) return null;
  const pad = (n: number | undefined) => (n === undefined ? '' : String(n).padStart(2, '0'));
  return `${String(year).padStart(4, '0')}/${pad(month)}/${pad(day)}/`;
}

function risNames(names: readonly CslName[] | undefined): string[] {
  return (names ?? []).map(invertedName).filter(Boolean);
}

// RIS values are single lines; a line break inside one would end the tag.
function oneLine(v: string): string {
  return v.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Serialises RIS records: `TY` first, `ER` last, one `TAG  - value` line per value, no wrapping. */
function serialise(records: readonly RisRecord[]): string {
  return records
    .map((rec) => {
      const lines = [`TY  - ${String(rec.TY)}`];
      for (const [tag, value] of Object.entries(rec)) {
        if (tag === 'TY' || tag === 'ER') continue;
        for (const v of ([] as string[]).concat(value)) lines.push(`${tag}  - ${oneLine(String(v))}`);
      }
      lines.push('ER  - ');
      return lines.join('\r\n');
    })
    .join('\r\n\r\n')
    .concat('\r\n');
}

/** RIS for the items, with AU, DA and PY on every record that has authors and a date. */
export function toRis(items: readonly CslItem[]): string {
  const records = citationJsFormat('ris', items, { type: 'object' }) as RisRecord[];
  const fixed = records.map((rec, i) => {
    const item = items[i]!;
    const { TY, ...rest } = rec;
    delete rest.AU;
    delete rest.A1;
    delete rest.DA;
    delete rest.PY;
    const out: RisRecord = { TY: TY ?? 'GEN' };
    const authors = risNames(item.author);
    if (authors.length > 0) out.AU = authors;
    const da = risDate(item.issued);
    if (da) {
      out.DA = da;
      out.PY = da.slice(0, 4);
    }
    return { ...out, ...rest };
  });
  return serialise(fixed);
}

function withoutGraph(item: Record<string, unknown>): Record<string, unknown> {
  const { _graph: _ignored, ...rest } = item;
  return rest;
}

/**
 * Reads RIS with citation-js, mapping NEWS records like every other type: AU → author (not
 * `reporter`) and DA → issued with its full precision.
 */
export function parseRis(text: string): Record<string, unknown>[] {
  const raw = plugins.input.chainLink(text);
  const records = (Array.isArray(raw) ? raw : [raw]) as RisRecord[];
  return records.map((rec) => {
    const item = withoutGraph(plugins.input.chain(rec)[0] ?? {});
    if (rec.TY === 'NEWS') {
      // Read the same tags as a generic record, where citation-js maps AU and DA as it should.
      const generic = withoutGraph(plugins.input.chain({ ...rec, TY: 'GEN' })[0] ?? {});
      if (generic.author) item.author = generic.author;
      delete item.reporter;
      if (generic.issued) item.issued = generic.issued;
    }
    return item;
  });
}
