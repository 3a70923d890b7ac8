import type { Contact } from '../../shared/inquiry.js';
import type { ParsedContact } from './contacts-vcard.js';

/**
 * CSV for the address book (RFC 4180): UTF-8 with BOM so spreadsheet programs read umlauts,
 * comma-separated, CRLF, fields quoted when needed. Cells that a spreadsheet would run as a
 * formula (starting with = + - @ tab or CR) get a leading apostrophe, which the import removes again.
 */

/** Column headers as written; the import also accepts the English names. */
const HEADERS = ['Name', 'Organisation', 'Ressorts', 'E-Mail', 'Telefon', 'Notizen', 'Herkunft'] as const;

type Field = 'name' | 'organisation' | 'beats' | 'email' | 'phone' | 'notes' | 'origin';

const HEADER_FIELDS: Record<string, Field> = {
  name: 'name',
  'full name': 'name',
  organisation: 'organisation',
  organization: 'organisation',
  org: 'organisation',
  firma: 'organisation',
  ressorts: 'beats',
  ressort: 'beats',
  beats: 'beats',
  beat: 'beats',
  'e-mail': 'email',
  email: 'email',
  'e-mail-adresse': 'email',
  mail: 'email',
  telefon: 'phone',
  phone: 'phone',
  tel: 'phone',
  notizen: 'notes',
  notiz: 'notes',
  notes: 'notes',
  herkunft: 'origin',
  origin: 'origin',
};

/**
 * Separator of several beats inside one cell: a line break, which no beat contains (beats are
 * whitespace-folded) while "Unternehmen, Märkte; Börse" may contain anything else. Hand-made files
 * may separate them with semicolons instead.
 */
const BEAT_SEPARATOR = '\n';

/** Neutralises a cell a spreadsheet would evaluate (CSV formula injection). */
function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  const v = safeCell(value);
  return /[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The address book as CSV (with BOM). */
export function contactsToCsv(contacts: readonly Contact[]): string {
  const rows = [HEADERS.join(',')];
  for (const c of contacts) {
    rows.push([c.name, c.organisation, c.beats.join(BEAT_SEPARATOR), c.email, c.phone, c.notes, c.origin].map(quote).join(','));
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

/** A CSV that cannot be read: the message names the line. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'CsvSyntaxError';
  }
}

/** Records of a CSV text with the line each starts on. Quoted fields may hold separators and line breaks. */
export function parseCsvRecords(text: string, sep: ',' | ';' = ','): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let start = 1;
  let inQuotes = false;
  let quoteLine = 0;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (inQuotes) {
      if (c === '"') {
        if (text.charAt(i + 1) === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"') {
      if (cell.trim() !== '') throw new CsvSyntaxError(line, 'Anführungszeichen mitten im Feld');
      cell = '';
      inQuotes = true;
      wasQuoted = true;
      quoteLine = line;
    } else if (c === sep) {
      cells.push(cell);
      cell = '';
      wasQuoted = false;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text.charAt(i + 1) === '\n') i++;
      cells.push(cell);
      if (cells.some((x) => x !== '') || wasQuoted) out.push({ line: start, cells });
      cells = [];
      cell = '';
      wasQuoted = false;
      line++;
      start = line;
    } else {
      if (wasQuoted && c.trim() !== '') throw new CsvSyntaxError(line, 'Text nach dem schließenden Anführungszeichen');
      if (!wasQuoted) cell += c;
    }
  }
  if (inQuotes) throw new CsvSyntaxError(quoteLine, 'Anführungszeichen wird nicht geschlossen');
  cells.push(cell);
  if (cells.some((x) => x !== '') || wasQuoted) out.push({ line: start, cells });
  return out;
}

/** Undoes {@link safeCell}. */
function unsafeCell(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/**
 * Reads contacts from CSV: a header row names the columns (German or English, any order; an
 * `E-Mail` column is required). A header with semicolons and no commas is read as semicolon-separated
 * (spreadsheet exports in German locales).
 */
export function parseContactsCsv(content: string): ParsedContact[] {
  const text = content.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const sep = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  const records = parseCsvRecords(text, sep);
  const header = records.shift();
  if (!header) throw new CsvSyntaxError(1, 'die Datei ist leer');
  const fields = header.cells.map((h) => HEADER_FIELDS[h.trim().toLowerCase()] ?? null);
  if (!fields.includes('email')) throw new CsvSyntaxError(header.line, 'Spalte „E-Mail“ fehlt in der Kopfzeile');
  return records.map(({ line, cells }) => {
    if (cells.length > fields.length) throw new CsvSyntaxError(line, `${cells.length} Felder, die Kopfzeile hat ${fields.length}`);
    const get = (f: Field): string => {
      const i = fields.indexOf(f);
      return i < 0 ? '' : unsafeCell(cells[i] ?? '').trim();
    };
    const origin = get('origin');
    return {
      line,
      name: get('name'),
      organisation: get('organisation'),
      beats: get('beats')
        .split(get('beats').includes('\n') ? /\r?\n/ : /;/)
        .map((b) => b.trim())
        .filter(Boolean),
      email: get('email'),
      phone: get('phone'),
      notes: get('notes'),
      origin: origin === 'article' || origin === 'manual' ? origin : undefined,
    };
  });
}
