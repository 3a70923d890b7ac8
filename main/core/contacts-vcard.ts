import type { Contact, ContactInput } from '../../shared/inquiry.js';

/**
 * vCard for the address book: writes vCard 4.0 (RFC 6350) and reads 3.0 (RFC 2426) and 4.0.
 * Pure string code. Beats travel as CATEGORIES, which mail programs show as groups; the origin as
 * X-FUNDSTELLE-ORIGIN so a round trip keeps it.
 */

/** A contact as read from a file, with the line its vCard began on (for messages). */
export interface ParsedContact extends ContactInput {
  line: number;
  origin?: 'manual' | 'article' | undefined;
}

/** Input that is not a readable vCard: the message names the line. */
export class VCardSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'VCardSyntaxError';
  }
}

/** Escapes a TEXT value (RFC 6350 §3.4): backslash, comma, semicolon and line breaks. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r\n|\r|\n/g, '\\n');
}

/** Undoes {@link escapeText}; `\N` counts as a line break too (vCard 3.0). */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\,;nN:])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Splits a value at separators not escaped by a backslash (CATEGORIES at ",", ORG at ";"). */
function splitUnescaped(value: string, sep: ',' | ';'): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    if (c === '\\' && i + 1 < value.length) {
      cur += c + value.charAt(i + 1);
      i++;
    } else if (c === sep) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

const encoder = new TextEncoder();

/**
 * Folds a content line at 75 octets (RFC 6350 §3.2): continuation lines start with one space,
 * which counts toward their 75. A UTF-8 sequence is never split (umlauts stay intact).
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (bytes + n > limit) {
      out.push(cur);
      cur = '';
      bytes = 0;
      limit = 74;
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

/** The address book as vCard 4.0: one card per contact, CRLF line ends, folded lines, UTF-8. */
export function contactsToVCard(contacts: readonly Contact[]): string {
  const lines: string[] = [];
  for (const c of contacts) {
    const fn = c.name || c.organisation || c.email;
    lines.push('BEGIN:VCARD', 'VERSION:4.0', `FN:${escapeText(fn)}`);
    if (c.organisation) lines.push(`ORG:${escapeText(c.organisation)}`);
    lines.push(`EMAIL;TYPE=work:${escapeText(c.email)}`);
    if (c.phone) lines.push(`TEL;VALUE=text;TYPE=work:${escapeText(c.phone)}`);
    if (c.beats.length) lines.push(`CATEGORIES:${c.beats.map(escapeText).join(',')}`);
    if (c.notes) lines.push(`NOTE:${escapeText(c.notes)}`);
    lines.push(`X-FUNDSTELLE-ORIGIN:${c.origin}`, 'END:VCARD');
  }
  return lines.map(foldLine).join('\r\n') + (lines.length ? '\r\n' : '');
}

interface ContentLine {
  name: string;
  params: Record<string, string[]>;
  value: string;
  line: number;
}

/** Parses `group.NAME;PARAM=a,b;PARAM2="x:y":value` (quotes may hide colons and semicolons). */
function parseContentLine(raw: string, line: number): ContentLine {
  let i = 0;
  let inQuote = false;
  for (; i < raw.length; i++) {
    const c = raw.charAt(i);
    if (c === '"') inQuote = !inQuote;
    else if (c === ':' && !inQuote) break;
  }
  if (i >= raw.length) throw new VCardSyntaxError(line, `kein „:“ in der Zeile „${raw.slice(0, 40)}“`);
  const head = raw.slice(0, i);
  const value = raw.slice(i + 1);
  const parts: string[] = [];
  let cur = '';
  inQuote = false;
  for (const c of head) {
    if (c === '"') inQuote = !inQuote;
    if (c === ';' && !inQuote) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  const nameWithGroup = parts.shift() ?? '';
  const name = (nameWithGroup.includes('.') ? nameWithGroup.slice(nameWithGroup.lastIndexOf('.') + 1) : nameWithGroup).toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name)) throw new VCardSyntaxError(line, `ungültiger Eigenschaftsname „${nameWithGroup.slice(0, 40)}“`);
  const params: Record<string, string[]> = {};
  for (const p of parts) {
    const eq = p.indexOf('=');
    // vCard 2.1/3.0 bare parameters ("TEL;WORK:…") are types.
    const key = (eq < 0 ? 'TYPE' : p.slice(0, eq)).toUpperCase();
    const vals = (eq < 0 ? p : p.slice(eq + 1)).split(',').map((v) => v.replace(/^"|"$/g, '').toLowerCase());
    params[key] = [...(params[key] ?? []), ...vals];
  }
  return { name, params, value, line };
}

/** Decodes a quoted-printable value (vCard 3.0 exports of older mail programs still use it). */
function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else for (const b of encoder.encode(c)) bytes.push(b);
  }
  return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
}

/**
 * Reads every card of a vCard 3.0 or 4.0 file. Lines are unfolded first (CRLF or LF followed by a
 * space or tab). Throws {@link VCardSyntaxError} naming the line for anything malformed.
 */
export function parseVCards(content: string): ParsedContact[] {
  const text = content.replace(/^\uFEFF/, '');
  const physical = text.split(/\r\n|\r|\n/);
  // Unfold, remembering where each logical line began.
  const logical: { text: string; line: number }[] = [];
  physical.forEach((l, i) => {
    const last = logical[logical.length - 1];
    if ((l.startsWith(' ') || l.startsWith('\t')) && last) last.text += l.slice(1);
    else logical.push({ text: l, line: i + 1 });
  });
  const out: ParsedContact[] = [];
  let card: { begin: number; version: string | null; props: ContentLine[] } | null = null;
  for (const { text: raw, line } of logical) {
    if (raw.trim() === '') continue;
    const cl = parseContentLine(raw, line);
    if (cl.name === 'BEGIN') {
      if (cl.value.trim().toUpperCase() !== 'VCARD') throw new VCardSyntaxError(line, `unerwartetes BEGIN:${cl.value}`);
      if (card) throw new VCardSyntaxError(line, `BEGIN:VCARD ohne END:VCARD für die Karte ab Zeile ${card.begin}`);
      card = { begin: line, version: null, props: [] };
      continue;
    }
    if (!card) throw new VCardSyntaxError(line, 'Eigenschaft außerhalb von BEGIN:VCARD … END:VCARD');
    if (cl.name === 'END') {
      if (!card.version) throw new VCardSyntaxError(card.begin, 'VERSION fehlt');
      out.push(toContact(card.props, card.begin));
      card = null;
      continue;
    }
    if (cl.name === 'VERSION') {
      const v = cl.value.trim();
      if (v !== '3.0' && v !== '4.0') throw new VCardSyntaxError(line, `vCard-Version ${v} wird nicht unterstützt (nur 3.0 und 4.0)`);
      card.version = v;
      continue;
    }
    card.props.push(cl);
  }
  if (card) throw new VCardSyntaxError(card.begin, 'END:VCARD fehlt');
  if (out.length === 0) throw new VCardSyntaxError(1, 'keine vCard (BEGIN:VCARD) gefunden');
  return out;
}

function textValue(cl: ContentLine): string {
  const raw = (cl.params.ENCODING ?? []).includes('quoted-printable') ? decodeQuotedPrintable(cl.value) : cl.value;
  return raw;
}

function isPreferred(cl: ContentLine): boolean {
  return (cl.params.TYPE ?? []).includes('pref') || (cl.params.PREF ?? []).includes('1');
}

function toContact(props: ContentLine[], line: number): ParsedContact {
  const first = (name: string): ContentLine | undefined => props.find((p) => p.name === name);
  const emails = props.filter((p) => p.name === 'EMAIL');
  const email = emails.find(isPreferred) ?? emails[0];
  const tels = props.filter((p) => p.name === 'TEL');
  const tel = tels.find(isPreferred) ?? tels[0];
  const fn = first('FN');
  const n = first('N');
  let name = fn ? unescapeText(textValue(fn)).trim() : '';
  if (!name && n) {
    // N is family;given;additional;prefix;suffix.
    const [family = '', given = ''] = splitUnescaped(textValue(n), ';').map((s) => unescapeText(s).trim());
    name = [given, family].filter(Boolean).join(' ');
  }
  const org = first('ORG');
  const beats = props
    .filter((p) => p.name === 'CATEGORIES' || p.name === 'X-FUNDSTELLE-BEAT')
    .flatMap((p) => splitUnescaped(textValue(p), ','))
    .map((s) => unescapeText(s).trim())
    .filter(Boolean);
  const notes = props
    .filter((p) => p.name === 'NOTE')
    .map((p) => unescapeText(textValue(p)))
    .join('\n');
  const origin = first('X-FUNDSTELLE-ORIGIN')?.value.trim();
  let phone = tel ? unescapeText(textValue(tel)).trim() : '';
  if (/^tel:/i.test(phone)) phone = decodeURIComponent(phone.slice(4));
  const mail = email ? unescapeText(textValue(email)).trim().replace(/^mailto:/i, '') : '';
  return {
    line,
    name,
    organisation: org
      ? splitUnescaped(textValue(org), ';')
          .map((s) => unescapeText(s).trim())
          .filter(Boolean)
          .join(', ')
      : '',
    beats,
    email: mail,
    phone,
    notes,
    origin: origin === 'article' || origin === 'manual' ? origin : undefined,
  };
}
