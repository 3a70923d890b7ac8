/**
 * Who is named in a sentence: people with their role ("Softbank-Chef Masayoshi Son", "Rene Haas,
 * Chef der Softbank-Beteiligung ARM"), organisations ("des Elektronik-Herstellers Samsung"),
 * anonymous groups ("Insidern"), pronouns and descriptions ("Der südkoreanische Elektronik-Konzern").
 * Every rule looks at a bounded number of tokens around a position, so a sentence is read in
 * linear time.
 */
import {
  compoundModifier,
  DE_ANONYMOUS_GROUPS,
  DE_NOT_NAMES,
  DE_NOUN_ENDINGS,
  DE_PRONOUNS,
  DE_SPEECH_VERBS,
  EN_ANONYMOUS_GROUPS,
  EN_NOT_NAMES,
  EN_PRONOUNS,
  EN_SPEECH_VERBS,
  isRoleWord,
  LEGAL_FORMS,
  orgHead,
} from './lexicon.js';
import type { Token } from './text.js';
import type { ProposalLang } from './types.js';
import type { SourceKind } from '../source.js';

/** A source named in a sentence; `ts`/`te` are token indices [ts, te) of the whole mention. */
export interface Mention {
  kind: SourceKind;
  name: string;
  role: string | null;
  organisation: string | null;
  wording: string | null;
  ts: number;
  te: number;
  start: number;
  end: number;
  /** True when a role follows the name between commas (the comma after it may precede the verb). */
  appositive: boolean;
  rule: string;
}

/** A description standing for an organisation ("Der Konzern", "the German carmaker") or a pronoun. */
export interface Reference {
  type: 'description' | 'pronoun';
  ts: number;
  te: number;
  text: string;
  /** Descriptor words, lower case, inflection trimmed ("elektronik", "konzern", "südkoreanisch"). */
  words: string[];
  role: string | null;
}

/** What the first pass learnt about the article: full names, surnames, organisations and how they were described. */
export interface Inventory {
  persons: Map<string, { name: string; role: string | null; organisation: string | null }>;
  surnames: Map<string, string | null>;
  orgs: Map<string, { name: string; descriptors: Set<string> }>;
  /** Counts changes: mentions found while it had its final count are still valid afterwards. */
  version: number;
}

/** An empty inventory. */
export function emptyInventory(): Inventory {
  return { persons: new Map(), surnames: new Map(), orgs: new Map(), version: 0 };
}

// Plain toLowerCase: the locale-aware variant goes through ICU on every call and dominated the profile.
const lower = (s: string): string => s.toLowerCase();

/** Strips German and English adjective endings so "südkoreanische" and "südkoreanischen" compare equal. */
export function stem(word: string): string {
  const w = lower(word).replace(/['’]s$/u, '');
  for (const e of ['ischen', 'ische', 'ischer', 'isches']) if (w.endsWith(e)) return w.slice(0, -e.length + 3);
  for (const e of ['en', 'er', 'es', 'e', 's']) if (w.length > e.length + 4 && w.endsWith(e)) return w.slice(0, -e.length);
  return w;
}

function isCap(t: Token | undefined): boolean {
  return !!t && t.cap;
}

function isSpeechWord(w: string, lang: ProposalLang): boolean {
  return lang === 'de' ? DE_SPEECH_VERBS.has(w) : EN_SPEECH_VERBS.has(w);
}

/** A capitalised word that can be part of a name; `strict` also refuses German common-noun endings. */
export function isNameToken(t: Token | undefined, lang: ProposalLang, strict: boolean): boolean {
  if (!t || !t.cap) return false;
  const cache = NAME_CACHE[lang][strict ? 1 : 0];
  let v = cache.get(t.text);
  if (v === undefined) {
    if (cache.size > 50_000) cache.clear();
    v = nameTokenUncached(t, lang, strict);
    cache.set(t.text, v);
  }
  return v;
}

const NAME_CACHE = { de: [new Map<string, boolean>(), new Map<string, boolean>()], en: [new Map<string, boolean>(), new Map<string, boolean>()] } as const;

function nameTokenUncached(t: Token, lang: ProposalLang, strict: boolean): boolean {
  const w = t.low;
  const stop = lang === 'de' ? DE_NOT_NAMES : EN_NOT_NAMES;
  if (stop.has(w) || isRoleWord(t.text, lang) || orgHead(t.text, lang) || isSpeechWord(w, lang)) return false;
  if (lang === 'de' && DE_ANONYMOUS_GROUPS.has(w)) return false;
  if (lang === 'en' && EN_ANONYMOUS_GROUPS.has(w)) return false;
  // Only mixed-case words are tested for noun endings: "ARM" and "OpenAI" are names whatever they end in.
  if (strict && lang === 'de' && /^\p{Lu}\p{Ll}+$/u.test(t.text) && DE_NOUN_ENDINGS.some((e) => w.endsWith(e) && w.length > e.length + 2)) return false;
  if (t.text.endsWith('-')) return false;
  return true;
}

/** End (exclusive) of the run of up to `max` name tokens starting at i. */
function nameRunEnd(tokens: readonly Token[], i: number, lang: ProposalLang, strict: boolean, blocked: readonly boolean[], max = 3): number {
  let j = i;
  while (j < tokens.length && j - i < max && !blocked[j] && isNameToken(tokens[j], lang, strict)) j++;
  return j;
}

function joinTokens(tokens: readonly Token[], from: number, to: number, text: string): string {
  const a = tokens[from];
  const b = tokens[to - 1];
  return a && b ? text.slice(a.start, b.end).replace(/\s+/gu, ' ') : '';
}

function nameOf(tokens: readonly Token[], from: number, to: number): string {
  return tokens
    .slice(from, to)
    .map((t) => t.text.replace(/['’]s$/u, ''))
    .join(' ');
}

const PREPOSITIONS_OF = new Set(['der', 'des', 'von', 'vom', 'bei', 'beim', 'of', 'at', 'for', 'the']);
const ARTICLES = new Set(['der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einer', 'eines', 'einem', 'einen', 'the', 'a', 'an']);
const COMPOUND_NOT_ORG = new Set(['us', 'eu', 'un', 'ex', 'vize', 'konzern', 'firmen', 'vorstands', 'regierungs', 'partei', 'fraktions', 'staats', 'landes', 'bundes', 'co', 'vice', 'deputy', 'interims']);

/** The organisation a compound role names ("Softbank-Chef" → "Softbank"), or null. */
function orgOfCompound(word: string): string | null {
  const i = word.lastIndexOf('-');
  if (i <= 0) return null;
  const prefix = word.slice(0, i);
  if (!/^\p{Lu}/u.test(prefix) || COMPOUND_NOT_ORG.has(lower(prefix)) || prefix.length < 2) return null;
  return prefix;
}

/** The trailing run of name tokens in tokens[from, to): the organisation an appositive names. */
function trailingName(tokens: readonly Token[], from: number, to: number, lang: ProposalLang): string | null {
  let j = to;
  while (j > from && to - j < 3 && isNameToken(tokens[j - 1], lang, false)) j--;
  return j < to ? nameOf(tokens, j, to) : null;
}

/** Records a person (and the surname that can stand for it later) and an organisation with its descriptors. */
function learn(inv: Inventory, m: Mention, descriptors: readonly string[]): void {
  if (m.kind === 'person') {
    const key = lower(m.name);
    const known = inv.persons.get(key);
    if (!known) {
      inv.persons.set(key, { name: m.name, role: m.role, organisation: m.organisation });
      inv.version++;
    } else if (!known.role && m.role) {
      known.role = m.role;
      inv.version++;
    }
    const parts = m.name.split(' ');
    if (parts.length > 1) {
      const surname = lower(parts[parts.length - 1] ?? '');
      const prev = inv.surnames.get(surname);
      // Two people with one surname: "Kim" alone no longer says which.
      const next = prev === undefined || prev === m.name ? m.name : null;
      if (next !== prev) {
        inv.surnames.set(surname, next);
        inv.version++;
      }
    }
    if (m.organisation) learnOrg(inv, m.organisation, []);
  } else if (m.kind === 'organisation') learnOrg(inv, m.name, descriptors);
}

function learnOrg(inv: Inventory, name: string, descriptors: readonly string[]): void {
  const key = lower(name);
  let o = inv.orgs.get(key);
  if (!o) {
    o = { name, descriptors: new Set() };
    inv.orgs.set(key, o);
    inv.version++;
  }
  for (const d of descriptors) {
    if (o.descriptors.has(d)) continue;
    o.descriptors.add(d);
    inv.version++;
  }
}

/** Descriptor words of an organisation noun with the adjectives before it. */
function descriptorWords(tokens: readonly Token[], from: number, to: number, lang: ProposalLang): string[] {
  const out: string[] = [];
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (!t || t.type !== 'word' || ARTICLES.has(t.low)) continue;
    const head = orgHead(t.text, lang);
    if (head) {
      out.push(head);
      const mod = compoundModifier(t.text);
      if (mod) out.push(stem(mod));
      else {
        // A closed compound ("Bahngesellschaft"): the part before the head describes too ("bahn").
        const w = t.low;
        const at = w.lastIndexOf(head);
        if (at >= 3) out.push(w.slice(0, at));
      }
    } else out.push(stem(t.text));
  }
  return out;
}

/** Options for {@link findMentions}. */
export interface MentionOptions {
  lang: ProposalLang;
  text: string;
  /** Tokens inside quotation marks: never a speaker. */
  blocked: readonly boolean[];
  inventory: Inventory;
  /** First pass: record what is found. */
  learning: boolean;
}

/**
 * Mentions of sources in a sentence's tokens, in text order, without overlaps. Rules:
 * role before name ("Softbank-Chef Masayoshi Son"), name with role between commas ("Rene Haas, Chef
 * der …, "), spokesperson of an organisation ("ein Sprecher von Samsung"), organisation noun before
 * a name ("des Elektronik-Herstellers Samsung", "chipmaker Arm"), legal form ("Acme AG"), a known
 * full name, surname or organisation, and anonymous groups ("Insidern", "people familiar with").
 */
export function findMentions(tokens: readonly Token[], opts: MentionOptions): Mention[] {
  const { lang, text, blocked, inventory: inv } = opts;
  const out: Mention[] = [];
  const taken: boolean[] = new Array<boolean>(tokens.length).fill(false);
  const push = (m: Mention, descriptors: readonly string[] = []): void => {
    for (let k = m.ts; k < m.te; k++) if (taken[k]) return;
    for (let k = m.ts; k < m.te; k++) taken[k] = true;
    out.push(m);
    // A bare run of capitalised words is a guess: reported, never learnt from.
    if (opts.learning && m.rule !== 'name') learn(inv, m, descriptors);
  };
  const span = (ts: number, te: number): { start: number; end: number } => ({ start: tokens[ts]?.start ?? 0, end: tokens[te - 1]?.end ?? 0 });
  const person = (ts: number, te: number, nameFrom: number, nameTo: number, role: string | null, organisation: string | null, appositive: boolean, rule: string): Mention => {
    const name = nameOf(tokens, nameFrom, nameTo);
    const known = inv.persons.get(lower(name));
    return { kind: 'person', name, role: role ?? known?.role ?? null, organisation: organisation ?? known?.organisation ?? null, wording: null, ts, te, ...span(ts, te), appositive, rule };
  };

  for (let i = 0; i < tokens.length; i++) {
    if (blocked[i] || taken[i]) continue;
    const t = tokens[i] as Token;
    if (t.type !== 'word') continue;
    const w = t.low;

    // Anonymous groups: "Insidern zufolge", "people familiar with the matter", "sources said".
    const anon = lang === 'de' ? DE_ANONYMOUS_GROUPS.get(w) ?? (w.endsWith('kreisen') || w.endsWith('kreise') ? 'kreise' : undefined) : EN_ANONYMOUS_GROUPS.get(w);
    if (anon) {
      let te = i + 1;
      let name = anon;
      if (anon === 'kreise') name = t.text.charAt(0).toUpperCase() + t.text.slice(1).replace(/n$/u, '');
      if (lang === 'en' && (w === 'people' || w === 'persons' || w === 'person' || w === 'sources' || w === 'source')) {
        // "people familiar with the matter", "a source close to the talks", "people with knowledge of …"
        const next = (tokens[i + 1]?.low ?? '');
        if (next === 'familiar' || next === 'close' || next === 'with' || next === 'briefed' || next === 'aware') {
          te = i + 2;
          while (te < tokens.length && te - i < 8 && tokens[te]?.type === 'word' && !isSpeechWord((tokens[te]?.low ?? ''), lang)) te++;
          name = joinTokens(tokens, i, te, text).toLowerCase();
        } else if (w === 'people' || w === 'persons' || w === 'person') continue;
      }
      // "mit der Sache vertraute Personen": only with the familiarity words before it.
      if (lang === 'de' && w === 'personen' && !/vertraut|informiert|eingeweiht/u.test((tokens[i - 1]?.low ?? ''))) continue;
      // A named group ("Experten der Bundesbank") is not anonymous: the name follows.
      if (lang === 'de' && PREPOSITIONS_OF.has((tokens[te]?.low ?? '')) && isNameToken(tokens[te + 1], lang, true)) continue;
      push({ kind: 'anonymous', name, role: null, organisation: null, wording: null, ts: i, te, ...span(i, te), appositive: false, rule: 'anonymous-group' });
      continue;
    }

    // Role before name: "Softbank-Chef Masayoshi Son", "Arm Chief Executive Rene Haas", "Ministerpräsident Narendra Modi".
    if (isRoleWord(t.text, lang) && (lang === 'en' || isCap(t))) {
      let r = i;
      while (r + 1 < tokens.length && r - i < 3 && isRoleWord(tokens[r + 1]?.text ?? '', lang) && !blocked[r + 1]) r++;
      let rs = i;
      let org: string | null = lang === 'de' ? orgOfCompound(t.text) : null;
      if (lang === 'en' && isNameToken(tokens[i - 1], lang, false) && !taken[i - 1] && !blocked[i - 1]) {
        rs = i - 1;
        org = nameOf(tokens, i - 1, i);
      }
      // "spokesperson for Samsung", "ein Sprecher des Konzerns": the role belongs to an organisation.
      const prep = (tokens[r + 1]?.low ?? '');
      if (['for', 'of', 'at', 'von', 'des', 'der', 'bei', 'vom', 'beim'].includes(prep)) {
        let k = r + 2;
        if (ARTICLES.has((tokens[k]?.low ?? '')) && lang === 'en') k++;
        const ne = nameRunEnd(tokens, k, lang, false, blocked);
        if (ne > k) {
          const role = joinTokens(tokens, rs, r + 1, text);
          const name = nameOf(tokens, k, ne);
          // "chief executive of Acme, Jane Doe": the person follows; otherwise the organisation speaks through its spokesperson.
          if (tokens[ne]?.text === ',' && nameRunEnd(tokens, ne + 1, lang, true, blocked) - (ne + 1) >= 2) {
            const pe = nameRunEnd(tokens, ne + 1, lang, true, blocked);
            push(person(rs, pe, ne + 1, pe, joinTokens(tokens, rs, ne, text), name, false, 'role-of-org-name'));
          } else {
            push({ kind: 'organisation', name, role, organisation: null, wording: null, ts: rs, te: ne, ...span(rs, ne), appositive: false, rule: 'spokesperson-of' }, []);
          }
          i = ne - 1;
          continue;
        }
      }
      const ns = r + 1;
      const ne = nameRunEnd(tokens, ns, lang, true, blocked);
      const after = tokens[ne];
      const n = ne - ns;
      // "mit dessen Chef Altman": the role belongs to someone else; the name is the clause's subject.
      const possessive = /^(dessen|deren|sein\w*|ihr\w*|his|her|their|its)$/u.test((tokens[rs - 1]?.low ?? ''));
      const single = n === 1 && !possessive && (inv.surnames.has((tokens[ns]?.low ?? '')) || !after || after.type === 'punct' || isSpeechWord(after.low, lang));
      if (n >= 2 || single) {
        const fullFromSurname = n === 1 ? inv.surnames.get((tokens[ns]?.low ?? '')) : null;
        const m = person(rs, ne, ns, ne, joinTokens(tokens, rs, r + 1, text), org, false, 'role-before-name');
        if (fullFromSurname) m.name = fullFromSurname;
        push(m);
        i = ne - 1;
        continue;
      }
    }

    // Organisation noun before a name: "des Elektronik-Herstellers Samsung", "chipmaker Arm", "dem Lokalrivalen Naver".
    const head = orgHead(t.text, lang);
    if (head) {
      const ne = nameRunEnd(tokens, i + 1, lang, false, blocked, 2);
      if (ne > i + 1) {
        // Lower-case words just before the noun describe it too ("südkoreanischen", "electronics").
        let ds = i;
        while (ds > 0 && i - ds < 2 && tokens[ds - 1]?.type === 'word' && !isCap(tokens[ds - 1]) && !ARTICLES.has((tokens[ds - 1]?.low ?? ''))) ds--;
        push({ kind: 'organisation', name: nameOf(tokens, i + 1, ne), role: null, organisation: null, wording: null, ts: i + 1, te: ne, ...span(i + 1, ne), appositive: false, rule: 'org-noun-name' }, descriptorWords(tokens, ds, i + 1, lang));
        i = ne - 1;
        continue;
      }
      // "Samsung-Konzern": the compound names the organisation itself.
      // Only for a known organisation: every German compound is capitalised ("Elektronik-Konzern").
      const prefix = orgOfCompound(t.text);
      if (prefix && lang === 'de' && inv.orgs.has(lower(prefix))) {
        push({ kind: 'organisation', name: prefix, role: null, organisation: null, wording: null, ts: i, te: i + 1, ...span(i, i + 1), appositive: false, rule: 'org-compound' }, [head]);
        continue;
      }
    }

    if (!isNameToken(t, lang, false)) continue;
    const strictEnd = nameRunEnd(tokens, i, lang, true, blocked);
    const looseEnd = nameRunEnd(tokens, i, lang, false, blocked);
    // "Nordwerk Chief Executive Jane Miller": the role rule at the next token takes the organisation along.
    if (lang === 'en' && looseEnd === i + 1 && isRoleWord(tokens[i + 1]?.text ?? '', lang) && /^\p{Lu}/u.test(tokens[i + 1]?.text ?? '')) continue;

    // Legal form: "Acme Robotics Inc", "Muster AG".
    if (LEGAL_FORMS.has((tokens[looseEnd - 1]?.low ?? '').replace(/\.$/u, '')) && looseEnd - i >= 2) {
      push({ kind: 'organisation', name: nameOf(tokens, i, looseEnd), role: null, organisation: null, wording: null, ts: i, te: looseEnd, ...span(i, looseEnd), appositive: false, rule: 'legal-form' }, []);
      i = looseEnd - 1;
      continue;
    }

    // Name with role between commas: "Rene Haas, Chef der Softbank-Beteiligung ARM, sagte".
    const n = strictEnd - i;
    const knownFull = n >= 2 ? inv.persons.get(lower(nameOf(tokens, i, strictEnd))) : undefined;
    if ((n >= 2 || inv.surnames.get(w)) && tokens[strictEnd]?.text === ',') {
      let k = strictEnd + 1;
      if (ARTICLES.has((tokens[k]?.low ?? ''))) k++;
      if (isRoleWord(tokens[k]?.text ?? '', lang)) {
        let e = k;
        while (e < tokens.length && e - strictEnd < 16 && !blocked[e] && !/^[,.;:!?()]$/u.test(tokens[e]?.text ?? '')) e++;
        const role = joinTokens(tokens, strictEnd + 1, e, text);
        const org = trailingName(tokens, k + 1, e, lang) ?? (lang === 'de' ? orgOfCompound(tokens[k]?.text ?? '') : null);
        const m = person(i, e, i, strictEnd, role, org, true, 'name-comma-role');
        if (n === 1) m.name = inv.surnames.get(w) ?? m.name;
        push(m);
        i = e - 1;
        continue;
      }
    }

    // A name the article or the registry already knows: full name, surname, organisation.
    if (knownFull) {
      push(person(i, strictEnd, i, strictEnd, null, null, false, 'known-name'));
      i = strictEnd - 1;
      continue;
    }
    const org2 = looseEnd - i >= 2 ? inv.orgs.get(lower(nameOf(tokens, i, i + 2))) : undefined;
    if (org2) {
      push({ kind: 'organisation', name: org2.name, role: null, organisation: null, wording: null, ts: i, te: i + 2, ...span(i, i + 2), appositive: false, rule: 'known-org' });
      i += 1;
      continue;
    }
    const bare = t.text.replace(/['’]s$/u, '');
    const org1 = inv.orgs.get(lower(bare));
    if (org1) {
      push({ kind: 'organisation', name: org1.name, role: null, organisation: null, wording: null, ts: i, te: i + 1, ...span(i, i + 1), appositive: false, rule: 'known-org' });
      continue;
    }
    const full = inv.surnames.get(lower(bare));
    if (full) {
      const p = inv.persons.get(lower(full));
      push({ kind: 'person', name: full, role: p?.role ?? null, organisation: p?.organisation ?? null, wording: null, ts: i, te: i + 1, ...span(i, i + 1), appositive: false, rule: 'known-surname' });
      continue;
    }
    const kp = inv.persons.get(lower(bare));
    if (kp) {
      push({ kind: 'person', name: kp.name, role: kp.role, organisation: kp.organisation, wording: null, ts: i, te: i + 1, ...span(i, i + 1), appositive: false, rule: 'known-name' });
      continue;
    }
    // An unknown run of two or three names ("Jane Miller said"): a person, unconfirmed by a role.
    if (n >= 2) {
      push(person(i, strictEnd, i, strictEnd, null, null, false, 'name'));
      i = strictEnd - 1;
    }
  }
  return out.sort((a, b) => a.ts - b.ts);
}

/**
 * A reference that needs resolving, starting at token `i`: a personal pronoun ("er", "she"), or a
 * description of an organisation ("Der südkoreanische Elektronik-Konzern", "the company") up to
 * four tokens long. Returns null when the tokens there are neither.
 */
export function referenceAt(tokens: readonly Token[], i: number, lang: ProposalLang): Reference | null {
  const t = tokens[i];
  if (!t || t.type !== 'word') return null;
  const w = t.low;
  if ((lang === 'de' ? DE_PRONOUNS : EN_PRONOUNS).has(w)) return { type: 'pronoun', ts: i, te: i + 1, text: t.text, words: [], role: null };
  if (!ARTICLES.has(w) && !['dessen', 'deren', 'its', 'their'].includes(w)) return null;
  for (let k = i + 1; k < Math.min(tokens.length, i + 5); k++) {
    const tk = tokens[k] as Token;
    if (tk.type !== 'word') return null;
    if (orgHead(tk.text, lang)) {
      return { type: 'description', ts: i, te: k + 1, text: tokens.slice(i, k + 1).map((x) => x.text).join(' '), words: descriptorWords(tokens, i + 1, k + 1, lang), role: null };
    }
    // "Ein Sprecher des Konzerns", "a company spokesperson": the description behind the role.
    if (isRoleWord(tk.text, lang) && /sprecher|spokes|vertreter|official/u.test(tk.low)) {
      const inner = referenceAt(tokens, k + 1, lang) ?? (orgHead(tokens[k - 1]?.text ?? '', lang) ? { type: 'description' as const, ts: k - 1, te: k, text: tokens[k - 1]?.text ?? '', words: descriptorWords(tokens, k - 1, k, lang), role: null } : null);
      if (inner?.type === 'description') return { ...inner, ts: i, te: Math.max(k + 1, inner.te), role: tk.text };
      return null;
    }
    if (isCap(tk) && lang === 'en') return null;
  }
  return null;
}

/**
 * The organisation a description stands for: the organisation described with the most shared
 * words ("Elektronik-Konzern" ~ "Elektronik-Herstellers Samsung"), else the one named last before
 * it. Returns the name and the reason in words, or null.
 */
export function resolveDescription(ref: Reference, inv: Inventory, recentOrgs: readonly string[], lang: ProposalLang): { name: string; reason: string } | null {
  let best: { name: string; score: number; shared: string[] } | null = null;
  for (const o of inv.orgs.values()) {
    // A descriptor word inside the name counts too: "Die Bahngesellschaft" ~ "Nordbahn AG".
    const shared = ref.words.filter((w) => o.descriptors.has(w) || (w.length >= 4 && lower(o.name).includes(w)));
    // A shared head noun alone ("Konzern") says little; a shared modifier ("Elektronik") says which.
    const score = shared.length;
    if (score > 0 && (!best || score > best.score || (score === best.score && recentOrgs.lastIndexOf(o.name) > recentOrgs.lastIndexOf(best.name)))) best = { name: o.name, score, shared };
  }
  if (best) {
    return {
      name: best.name,
      reason:
        lang === 'de'
          ? `„${ref.text}“ → ${best.name}: gleiche Beschreibung (${best.shared.join(', ')}) wie bei der Nennung von ${best.name}`
          : `“${ref.text}” → ${best.name}: same description (${best.shared.join(', ')}) as where ${best.name} is named`,
    };
  }
  const last = recentOrgs[recentOrgs.length - 1];
  if (!last) return null;
  return {
    name: last,
    reason: lang === 'de' ? `„${ref.text}“ → ${last}: die zuletzt genannte Organisation` : `“${ref.text}” → ${last}: the organisation named last`,
  };
}
