import { AppError } from './errors.js';

/**
 * The search syntax, parsed into a tree (pure: the UI can check a query as it is typed; the core
 * turns the tree into a safe FTS5 expression, never passing user text to FTS5 directly).
 *
 * - words: `Kakao Preis` (all must occur; implicit AND)
 * - phrases: `"Lindau und Bregenz"`; a prefix phrase: `"Bank of Eng"*`
 * - prefixes: `Kakao*` (at least two characters before the star)
 * - boolean: `AND`, `OR`, `NOT` (upper case; NOT binds to the term after it and needs a term
 *   before it: `Kakao NOT Preis`), parentheses; AND binds tighter than OR
 * - fields: `title:Kakao`, `text:"Ernte fällt"`, `title:(Kakao OR Kaffee)`;
 *   filters `agency:dpa`, `lang:de` (only combined with AND at the top level)
 *
 * Field names have German aliases (`titel:`, `agentur:`, `sprache:`).
 */

/** A node of a parsed query. */
export type SearchNode =
  | { kind: 'term'; word: string; prefix: boolean }
  | { kind: 'phrase'; text: string; prefix: boolean }
  | { kind: 'field'; field: TextField; node: SearchNode }
  | { kind: 'and'; items: SearchNode[]; not: SearchNode[] }
  | { kind: 'or'; items: SearchNode[] };

/** Searchable text fields of an article. */
export type TextField = 'title' | 'text';
/** Fields that filter by metadata instead of text. */
export type FilterField = 'agency' | 'lang';

/** A parsed query: the text part (null when only filters were given) and the metadata filters. */
export interface ParsedQuery {
  node: SearchNode | null;
  agency: string[];
  lang: string[];
}

const FIELD_ALIASES: Record<string, TextField | FilterField> = {
  title: 'title',
  titel: 'title',
  text: 'text',
  agency: 'agency',
  agentur: 'agency',
  lang: 'lang',
  sprache: 'lang',
};

/** The field names users may type, for messages and help. */
export const QUERY_FIELDS = ['title:', 'text:', 'agency:', 'lang:'] as const;

type Token =
  | { t: '('; pos: number }
  | { t: ')'; pos: number }
  | { t: 'op'; op: 'AND' | 'OR' | 'NOT'; pos: number }
  | { t: 'word'; word: string; prefix: boolean; pos: number }
  | { t: 'phrase'; text: string; prefix: boolean; pos: number }
  | { t: 'field'; field: TextField | FilterField; name: string; pos: number };

function invalid(query: string, reason: string): AppError {
  return new AppError('SEARCH_QUERY_INVALID', { query, reason });
}

/** Splits a query into tokens; positions are 1-based character positions for messages. */
function lex(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    const c = query[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')') {
      tokens.push({ t: c, pos: i + 1 });
      i++;
      continue;
    }
    if (c === '"' || c === '„' || c === '“') {
      // German typographic quotes „…“ are what a German keyboard layout or a pasted quote gives.
      const close = query.slice(i + 1).search(/["“”]/);
      if (close < 0) throw invalid(query, `Das Anführungszeichen an Stelle ${i + 1} wird nicht geschlossen.`);
      const text = query.slice(i + 1, i + 1 + close);
      if (!/[\p{L}\p{N}]/u.test(text)) throw invalid(query, `Die Anführungszeichen an Stelle ${i + 1} umschließen keinen Suchbegriff.`);
      let end = i + 2 + close;
      const prefix = query[end] === '*';
      if (prefix) end++;
      tokens.push({ t: 'phrase', text, prefix, pos: i + 1 });
      i = end;
      continue;
    }
    let j = i;
    while (j < n && !/[\s()"„“”]/.test(query[j] as string)) j++;
    const raw = query.slice(i, j);
    const field = /^(\p{L}+):(.*)$/u.exec(raw);
    if (field) {
      const name = (field[1] as string).toLowerCase();
      const known = FIELD_ALIASES[name];
      if (!known) {
        throw invalid(
          query,
          `Das Feld „${field[1]}:“ an Stelle ${i + 1} gibt es nicht. Möglich sind ${QUERY_FIELDS.join(', ')}; für einen Doppelpunkt im Suchbegriff bitte Anführungszeichen setzen.`,
        );
      }
      tokens.push({ t: 'field', field: known, name: field[1] as string, pos: i + 1 });
      const rest = field[2] as string;
      if (rest === '') {
        i = j;
        continue;
      }
      i += (field[1] as string).length + 1; // lex the value as the next token
      continue;
    }
    if (raw === 'AND' || raw === 'OR' || raw === 'NOT') {
      tokens.push({ t: 'op', op: raw, pos: i + 1 });
      i = j;
      continue;
    }
    const prefix = raw.endsWith('*');
    const word = prefix ? raw.slice(0, -1) : raw;
    if (word.includes('*')) throw invalid(query, `Ein Stern (*) ist nur am Wortende erlaubt (Stelle ${i + 1 + word.indexOf('*')}), z. B. Kakao*.`);
    if (prefix && [...word.replace(/[^\p{L}\p{N}]/gu, '')].length < 2) {
      throw invalid(query, `Vor dem Stern an Stelle ${j} müssen mindestens zwei Buchstaben stehen, z. B. Ka*.`);
    }
    tokens.push({ t: 'word', word, prefix, pos: i + 1 });
    i = j;
  }
  return tokens;
}

class Parser {
  private i = 0;
  constructor(
    private readonly query: string,
    private readonly tokens: Token[],
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private fail(reason: string): never {
    throw invalid(this.query, reason);
  }

  /** Describes what stands at the current position, for "missing term" messages. */
  private missingAfter(op: Token & { t: 'op' }): never {
    const next = this.peek();
    if (!next) this.fail(`Nach „${op.op}“ an Stelle ${op.pos} fehlt ein Suchbegriff.`);
    if (next.t === 'op') this.fail(`Zwischen „${op.op}“ (Stelle ${op.pos}) und „${next.op}“ (Stelle ${next.pos}) fehlt ein Suchbegriff.`);
    this.fail(`Nach „${op.op}“ an Stelle ${op.pos} fehlt ein Suchbegriff vor „)“.`);
  }

  parseAll(): SearchNode | null {
    if (this.tokens.length === 0) return null;
    const node = this.parseOr();
    const rest = this.peek();
    if (rest?.t === ')') this.fail(`Zu der schließenden Klammer an Stelle ${rest.pos} fehlt die öffnende.`);
    return node;
  }

  private parseOr(): SearchNode {
    const items = [this.parseAnd()];
    for (let t = this.peek(); t?.t === 'op' && t.op === 'OR'; t = this.peek()) {
      this.i++;
      const next = this.peek();
      if (!next || next.t === ')' || (next.t === 'op' && next.op !== 'NOT')) this.missingAfter(t);
      items.push(this.parseAnd());
    }
    return items.length === 1 ? (items[0] as SearchNode) : { kind: 'or', items };
  }

  private parseAnd(): SearchNode {
    const items: SearchNode[] = [];
    const not: SearchNode[] = [];
    const first = this.peek();
    if (first?.t === 'op') {
      if (first.op === 'NOT') {
        this.fail(`„NOT“ an Stelle ${first.pos} braucht einen Suchbegriff davor (z. B. Kakao NOT Preis): nur auszuschließen ergibt keine Suche.`);
      }
      this.fail(`Vor „${first.op}“ an Stelle ${first.pos} fehlt ein Suchbegriff.`);
    }
    items.push(this.parseUnit());
    for (let t = this.peek(); t && t.t !== ')' && !(t.t === 'op' && t.op === 'OR'); t = this.peek()) {
      if (t.t === 'op') {
        this.i++;
        let negate = t.op === 'NOT';
        let op = t;
        const after = this.peek();
        if (t.op === 'AND' && after?.t === 'op' && after.op === 'NOT') {
          this.i++;
          negate = true;
          op = after;
        }
        const next = this.peek();
        if (!next || next.t === ')' || next.t === 'op') this.missingAfter(op);
        (negate ? not : items).push(this.parseUnit());
      } else {
        items.push(this.parseUnit());
      }
    }
    return items.length === 1 && not.length === 0 ? (items[0] as SearchNode) : { kind: 'and', items, not };
  }

  private parseUnit(insideField = false): SearchNode {
    const t = this.peek();
    if (!t) this.fail('Die Suchanfrage endet unerwartet.');
    this.i++;
    switch (t.t) {
      case '(': {
        const inner = this.peek();
        if (inner?.t === ')') this.fail(`Die Klammern an Stelle ${t.pos} sind leer.`);
        if (!inner) this.fail(`Die Klammer an Stelle ${t.pos} wird nicht geschlossen.`);
        const node = this.parseOr();
        const close = this.peek();
        if (close?.t !== ')') this.fail(`Die Klammer an Stelle ${t.pos} wird nicht geschlossen.`);
        this.i++;
        return node;
      }
      case ')':
        this.fail(`Zu der schließenden Klammer an Stelle ${t.pos} fehlt die öffnende.`);
        break;
      case 'word':
        return { kind: 'term', word: t.word, prefix: t.prefix };
      case 'phrase':
        return { kind: 'phrase', text: t.text, prefix: t.prefix };
      case 'field': {
        const value = this.peek();
        if (!value || value.t === ')' || value.t === 'op') this.fail(`Nach „${t.name}:“ an Stelle ${t.pos} fehlt ein Suchbegriff.`);
        if (value.t === 'field' || insideField) this.fail(`Felder lassen sich nicht verschachteln („${t.name}:“ an Stelle ${t.pos}).`);
        if (t.field === 'agency' || t.field === 'lang') {
          if (value.t !== 'word' && value.t !== 'phrase') this.fail(`Nach „${t.name}:“ an Stelle ${t.pos} muss ein Wert stehen, z. B. ${t.field === 'agency' ? 'agency:dpa' : 'lang:de'}.`);
          this.i++;
          const v = value.t === 'word' ? value.word : value.text;
          return { kind: 'field', field: t.field === 'agency' ? FILTER_AGENCY : FILTER_LANG, node: { kind: 'term', word: v.trim(), prefix: false } } as SearchNode;
        }
        return { kind: 'field', field: t.field, node: this.parseUnit(true) };
      }
      case 'op':
        this.fail(`Vor „${t.op}“ an Stelle ${t.pos} fehlt ein Suchbegriff.`);
    }
  }
}

// Filter fields travel through the parser as field nodes with these marker names and are lifted
// out of the tree afterwards; they never reach FTS5.
const FILTER_AGENCY = '\u0000agency' as TextField;
const FILTER_LANG = '\u0000lang' as TextField;

/** Lifts `agency:`/`lang:` filters out of the tree; they may only be top-level AND items. */
function liftFilters(query: string, node: SearchNode | null): ParsedQuery {
  const out: ParsedQuery = { node, agency: [], lang: [] };
  if (!node) return out;
  const isFilter = (n: SearchNode) => n.kind === 'field' && (n.field === FILTER_AGENCY || n.field === FILTER_LANG);
  const take = (n: SearchNode) => {
    if (n.kind !== 'field' || n.node.kind !== 'term') return;
    (n.field === FILTER_AGENCY ? out.agency : out.lang).push(n.node.word);
  };
  const misplaced = (n: SearchNode): boolean => {
    if (isFilter(n)) return true;
    if (n.kind === 'and') return [...n.items, ...n.not].some(misplaced);
    if (n.kind === 'or') return n.items.some(misplaced);
    if (n.kind === 'field') return misplaced(n.node);
    return false;
  };
  const fail = () => {
    throw invalid(query, 'agency: und lang: filtern die Artikel und lassen sich nur mit AND verbinden (nicht mit OR, NOT oder in Klammern).');
  };
  if (isFilter(node)) {
    take(node);
    out.node = null;
    return out;
  }
  if (node.kind === 'and') {
    const rest = node.items.filter((n) => {
      if (!isFilter(n)) return true;
      take(n);
      return false;
    });
    if (rest.some(misplaced) || node.not.some(misplaced)) fail();
    if (rest.length === 0 && node.not.length > 0) {
      throw invalid(query, 'NOT braucht einen Suchbegriff davor (z. B. Kakao NOT Preis): nur auszuschließen ergibt keine Suche.');
    }
    out.node = rest.length === 0 ? null : rest.length === 1 && node.not.length === 0 ? (rest[0] as SearchNode) : { kind: 'and', items: rest, not: node.not };
    return out;
  }
  if (misplaced(node)) fail();
  return out;
}

/**
 * Parses a query typed by the user. Throws SEARCH_QUERY_INVALID with a message naming the problem
 * and its position (unclosed quote or parenthesis, operator without a term, unknown field, …).
 */
export function parseSearchQuery(query: string): ParsedQuery {
  const tokens = lex(query);
  return liftFilters(query, new Parser(query, tokens).parseAll());
}

/**
 * The tolerant reading used while typing (library filter): the same syntax when it parses,
 * otherwise every word as a plain term, so a half-typed `"` or `(` never shows an error.
 */
export function parseSearchQueryLenient(query: string): ParsedQuery {
  try {
    return parseSearchQuery(query);
  } catch {
    const words = query
      .split(/[\s()"„“”*:]+/)
      .filter((w) => /[\p{L}\p{N}]/u.test(w) && w !== 'AND' && w !== 'OR' && w !== 'NOT');
    const items: SearchNode[] = words.map((word) => ({ kind: 'term', word, prefix: false }));
    if (items.length === 0) return { node: null, agency: [], lang: [] };
    return { node: items.length === 1 ? (items[0] as SearchNode) : { kind: 'and', items, not: [] }, agency: [], lang: [] };
  }
}
