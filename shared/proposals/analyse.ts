/**
 * Attribution and figure proposals for one canonical text: direct quotes, speech and source cues
 * with their speaker, anonymous sources, declined comment, unattributed reported speech, figures.
 * Rule-based and explainable: every proposal names the words that triggered it. Only public
 * blocks (headings and paragraphs) are read; credits, notices and non-public blocks never.
 */
import type { Block } from '../article.js';
import { resolveDescription, emptyInventory, findMentions, referenceAt, type Inventory, type Mention, type Reference } from './entities.js';
import { findFigures } from './figures.js';
import { DE_SPEECH_VERBS, DE_VERB_COMPANIONS, EN_SPEECH_VERBS } from './lexicon.js';
import { findQuotes, fnv1a, splitSentences, tokenize, type QuoteSpan, type Token } from './text.js';
import { PROPOSAL_ANNOTATION_TYPE, type Cue, type KnownName, type Proposal, type ProposalKind, type ProposalLang, type ProposedSpeaker, type Span } from './types.js';

/** Options of {@link proposeForText}. */
export interface ProposeOptions {
  /** The article's language; other values fall back to a guess from the text. */
  lang?: string | null;
  /** Names the registry knows, so "sagte Haas" is recognised in a later article too. */
  known?: readonly KnownName[];
}

/** The proposal key: kind, span and a hash of the text (plus a counter when one span carries two proposals). */
export function proposalKey(kind: ProposalKind, start: number, end: number, text: string, n = 1): string {
  return `${kind}:${start}-${end}:${fnv1a(text)}${n > 1 ? `:${n}` : ''}`;
}

/** German or English, by a count of frequent short words; German when unsure. */
export function guessLang(text: string): ProposalLang {
  const sample = text.slice(0, 20_000).toLowerCase();
  const count = (re: RegExp): number => (sample.match(re) ?? []).length;
  const de = count(/\b(?:der|die|und|das|nicht|mit|sich|ist|zu)\b/g);
  const en = count(/\b(?:the|and|of|to|is|that|with|said|for)\b/g);
  return en > de ? 'en' : 'de';
}

/** Longest sentence read as one, in tokens. */
const MAX_SENTENCE_TOKENS = 200;
/** Most registry names used as hints. */
const MAX_KNOWN = 20_000;

interface Sentence extends Span {
  tokens: Token[];
  /** Per token: inside quotation marks (reported words, never a speaker or a cue). */
  blocked: boolean[];
  quotes: QuoteSpan[];
  heading: boolean;
}

// Plain toLowerCase: the locale-aware variant goes through ICU on every call and dominated the profile.
const lower = (s: string): string => s.toLowerCase();

function sentencesOf(text: string, blocks: readonly Block[]): Sentence[] {
  const out: Sentence[] = [];
  for (const b of blocks) {
    if (b.kind !== 'paragraph' && b.kind !== 'heading') continue;
    const quotes = findQuotes(text, b.start, b.end);
    let qi = 0;
    for (const s of splitSentences(text, b.start, b.end, quotes)) {
      const all = tokenize(text, s.start, s.end);
      // A "sentence" of thousands of tokens is no sentence (a table, a hostile input): read it in
      // pieces so the per-sentence rules stay bounded.
      for (let from = 0; from < all.length; from += MAX_SENTENCE_TOKENS) {
        const tokens = all.slice(from, from + MAX_SENTENCE_TOKENS);
        const start = from === 0 ? s.start : (tokens[0]?.start ?? s.start);
        const end = from + MAX_SENTENCE_TOKENS >= all.length ? s.end : (tokens[tokens.length - 1]?.end ?? s.end);
        const inside: QuoteSpan[] = [];
        while (qi < quotes.length && (quotes[qi] as QuoteSpan).close <= end) {
          const q = quotes[qi] as QuoteSpan;
          if (q.open >= start) inside.push(q);
          qi++;
        }
        const blocked: boolean[] = [];
        let q = 0;
        for (const t of tokens) {
          while (q < inside.length && (inside[q] as QuoteSpan).close <= t.start) q++;
          const cur = inside[q];
          blocked.push(!!cur && cur.open < t.start && t.end < cur.close);
        }
        out.push({ start, end, tokens, blocked, quotes: inside, heading: b.kind === 'heading' });
      }
    }
  }
  return out;
}

/** A cue found in a sentence, before its speaker is known. */
interface RawCue {
  k: number;
  /** Token index after the cue's last word. */
  ke: number;
  text: string;
  rule: string;
  /** Where to look for the speaker. */
  look: 'verb' | 'verb-final' | 'before' | 'after' | 'own' | 'anonymous-or-none';
  start: number;
  end: number;
}

const DE_PARTICIPLES = new Set([
  'gesagt', 'erklärt', 'betont', 'gewarnt', 'gefordert', 'kritisiert', 'bestätigt', 'dementiert', 'versichert', 'unterstrichen', 'ergänzt',
  'signalisiert', 'berichtet', 'geschrieben', 'argumentiert', 'verkündet', 'geäußert', 'bezeichnet', 'zitiert', 'mitgeteilt', 'angekündigt',
  'eingeräumt', 'hinzugefügt', 'bekanntgegeben',
]);
const DE_AUX = new Set(['hat', 'hatte', 'hatten', 'haben', 'habe', 'hätte', 'hätten', 'ist', 'war', 'waren', 'sind', 'wurde', 'wurden', 'wird']);
const EN_AUX = new Set(['has', 'had', 'have', 'was', 'were', 'is', 'are']);

const isPunct = (t: Token | undefined): boolean => !t || t.type === 'punct';
const isClauseEnd = (t: Token | undefined): boolean => !t || /^[,.;:!?)]$/u.test(t.text);

/** Speech and source cues of a sentence (outside quotations). */
function findCues(s: Sentence, lang: ProposalLang): RawCue[] {
  const out: RawCue[] = [];
  const { tokens, blocked } = s;
  const cue = (k: number, ke: number, text: string, rule: string, look: RawCue['look']): RawCue => ({
    k,
    ke,
    text,
    rule,
    look,
    start: tokens[k]?.start ?? 0,
    end: tokens[ke - 1]?.end ?? 0,
  });
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (blocked[k] || t.type !== 'word') continue;
    const w = t.low;
    if (lang === 'de') {
      const verb = DE_SPEECH_VERBS.get(w);
      if (verb && /^\p{Ll}/u.test(t.text)) {
        const need = verb.particle ?? DE_VERB_COMPANIONS.get(w);
        if (need) {
          // The particle closes the clause ("teilte … mit."); "als" may stand anywhere after ("bezeichnete … als").
          let found = -1;
          for (let j = k + 1; j < tokens.length && j - k < 40; j++) {
            if (blocked[j] || (tokens[j]?.low ?? '') !== need) continue;
            if (need === 'als' || isClauseEnd(tokens[j + 1])) {
              found = j;
              break;
            }
          }
          if (found < 0) continue;
          out.push({ ...cue(k, k + 1, `${t.text} … ${tokens[found]?.text}`, 'speech-verb', 'verb') });
          continue;
        }
        // "is said to" style hearsay does not exist in German; a participle at the clause end is verb-final.
        const final = DE_PARTICIPLES.has(w) && isClauseEnd(tokens[k + 1]) && tokens.slice(0, k).some((x) => DE_AUX.has(x.low));
        out.push(cue(k, k + 1, t.text, 'speech-verb', final ? 'verb-final' : 'verb'));
        continue;
      }
      if (w === 'zufolge') out.push(cue(Math.max(0, k - 1), k + 1, `${tokens[k - 1]?.text ?? ''} zufolge`.trim(), 'source-zufolge', 'before'));
      else if (w === 'laut' && !isPunct(tokens[k + 1])) out.push(cue(k, k + 1, t.text, 'source-laut', 'after'));
      else if (w === 'angaben' && (tokens[k - 1]?.low ?? '') === 'nach') out.push(cue(k - 1, k + 1, 'nach Angaben', 'source-angaben', 'after'));
      else if (w === 'eigenen' && (tokens[k - 1]?.low ?? '') === 'nach' && (tokens[k + 1]?.low ?? '') === 'angaben') {
        out.push(cue(k - 1, k + 2, 'nach eigenen Angaben', 'source-angaben', 'own'));
        k++;
      } else if (w === 'so' && tokens[k - 1]?.text === ',' && /^\p{Lu}/u.test(tokens[k + 1]?.text ?? '')) out.push(cue(k, k + 1, 'so', 'source-so', 'after'));
      else if ((w === 'hieß' || w === 'heißt') && (tokens[k + 1]?.low ?? '') === 'es') out.push(cue(k, k + 2, `${t.text} es`, 'source-hiess-es', 'anonymous-or-none'));
      else if (w === 'verlautete') out.push(cue(k, k + 1, t.text, 'source-verlautete', 'anonymous-or-none'));
    } else {
      if (EN_SPEECH_VERBS.has(w)) {
        // "is said to", "was reported to": hearsay without a speaker, handled as unattributed.
        if (EN_AUX.has((tokens[k - 1]?.low ?? '')) && (tokens[k + 1]?.low ?? '') === 'to') continue;
        out.push(cue(k, k + 1, t.text, 'speech-verb', 'verb'));
      } else if (w === 'according' && (tokens[k + 1]?.low ?? '') === 'to') {
        out.push(cue(k, k + 2, 'according to', 'source-according-to', 'after'));
        k++;
      }
    }
  }
  return out;
}

/** A "declined to comment" cue and the verb whose subject declined. */
interface DeclinedCue {
  k: number;
  text: string;
  start: number;
  end: number;
}

/** "wollte sich nicht … äußern", "lehnte eine Stellungnahme ab", "declined to comment", "did not respond to a request for comment". */
function findDeclined(s: Sentence, lang: ProposalLang): DeclinedCue[] {
  const out: DeclinedCue[] = [];
  const { tokens, blocked } = s;
  const w = (j: number): string => (tokens[j]?.low ?? '');
  const scan = (k: number, max: number, targets: readonly string[], needNeg: boolean): number => {
    let neg = !needNeg;
    for (let j = k + 1; j < tokens.length && j - k <= max; j++) {
      if (blocked[j]) return -1;
      const x = w(j);
      if (x === '.' || x === ';') return -1;
      if (x === 'nicht' || x === 'keine' || x === 'keinen' || x === 'not' || x === "n't" || x === 'no') neg = true;
      if (neg && targets.includes(x)) return j;
    }
    return -1;
  };
  for (let k = 0; k < tokens.length; k++) {
    if (blocked[k]) continue;
    const x = w(k);
    let end = -1;
    if (lang === 'de') {
      if (['wollte', 'wollten', 'will', 'wollen', 'möchte', 'mochte', 'mochten'].includes(x)) end = scan(k, 20, ['äußern', 'kommentieren', 'nehmen', 'bestätigen'], true);
      else if (['lehnte', 'lehnten', 'lehnt'].includes(x)) {
        const e = scan(k, 12, ['ab'], false);
        const between = e > 0 ? tokens.slice(k, e).map((t) => t.low) : [];
        if (between.some((b) => /stellungnahme|kommentar|äußerung|auskunft/u.test(b))) end = e;
      } else if (['äußerte', 'äußerten', 'äußert'].includes(x) && w(k + 1) === 'sich') end = scan(k + 1, 3, ['nicht'], false);
      else if (['war', 'waren', 'ist'].includes(x)) {
        const e = scan(k, 12, ['erreichen', 'erreichbar'], true);
        if (e > 0 && tokens.slice(k, e).some((t) => /stellungnahme|anfrage|kommentar/u.test(t.low))) end = e;
      } else if (['ließ', 'ließen', 'lässt'].includes(x)) {
        const e = scan(k, 10, ['unbeantwortet'], false);
        if (e > 0) end = e;
      } else if (['reagierte', 'reagierten'].includes(x)) {
        const e = scan(k, 10, ['anfrage', 'anfragen'], true);
        if (e > 0) end = e;
      }
    } else {
      if ((x === 'declined' || x === 'refused' || x === 'declining') && w(k + 1) === 'to' && ['comment', 'elaborate', 'discuss', 'respond'].includes(w(k + 2))) end = k + 2;
      else if (['did', 'could', 'would', 'does', 'has', 'have', 'had'].includes(x)) {
        const e = scan(k, 8, ['respond', 'comment', 'reached', 'return'], true);
        if (e > 0 && (w(e) !== 'reached' || tokens.slice(e, e + 3).some((t) => t.low === 'comment'))) end = w(e) === 'reached' ? e + 2 : e;
        if (e > 0 && w(e) === 'respond') end = Math.min(tokens.length - 1, e + 5);
        if (end > 0) while (end > e && !['comment', 'comments'].includes(w(end))) end--;
      }
    }
    if (end > k) {
      out.push({ k, text: tokens.slice(k, end + 1).length > 4 ? `${tokens[k]?.text} … ${tokens[end]?.text}` : tokens.slice(k, end + 1).map((t) => t.text).join(' '), start: tokens[k]?.start ?? 0, end: tokens[end]?.end ?? 0 });
      k = end;
    }
  }
  return out;
}

const DE_KONJUNKTIV = new Set(['sei', 'seien', 'habe', 'hätten', 'werde', 'würden', 'könne', 'müsse', 'solle', 'wolle', 'dürfe', 'gebe', 'liege', 'stehe', 'gehe', 'komme', 'plane', 'wisse', 'angeblich']);

/** Reported speech or hearsay with no cue: Konjunktiv I, "angeblich", "Berichten zufolge"; "reportedly", "is said to". */
function findHearsay(s: Sentence, lang: ProposalLang): { k: number; text: string; rule: string } | null {
  const { tokens, blocked } = s;
  for (let k = 0; k < tokens.length; k++) {
    if (blocked[k]) continue;
    const w = (tokens[k]?.low ?? '');
    if (lang === 'de') {
      if (DE_KONJUNKTIV.has(w) && !(w === 'habe' && (tokens[k - 1]?.low ?? '') === 'ich')) return { k, text: tokens[k]?.text ?? w, rule: w === 'angeblich' ? 'hearsay' : 'konjunktiv' };
      if (w === 'zufolge' && /berichten$/u.test((tokens[k - 1]?.low ?? ''))) return { k: k - 1, text: `${tokens[k - 1]?.text} zufolge`, rule: 'hearsay' };
    } else {
      if (w === 'reportedly' || w === 'allegedly' || w === 'purportedly') return { k, text: tokens[k]?.text ?? w, rule: 'hearsay' };
      if (['is', 'are', 'was', 'were'].includes(w) && ['said', 'reported', 'understood', 'believed', 'thought'].includes((tokens[k + 1]?.low ?? '')) && (tokens[k + 2]?.low ?? '') === 'to') {
        return { k, text: `${tokens[k]?.text} ${tokens[k + 1]?.text} to`, rule: 'hearsay' };
      }
    }
  }
  return null;
}

/** The state carried from sentence to sentence: who was named last. */
interface Discourse {
  lastPerson: Mention | null;
  recentOrgs: string[];
  lastSpeaker: ProposedSpeaker | null;
}

function speakerOf(m: Mention, resolution: string | null = null): ProposedSpeaker {
  return {
    kind: m.kind,
    name: m.name,
    role: m.role,
    organisation: m.organisation,
    wording: m.wording,
    span: { start: m.start, end: m.end },
    resolution,
  };
}

/** Finds the speaker of a cue; see the rule order in the comments. */
function resolveCue(c: RawCue, s: Sentence, mentions: readonly Mention[], d: Discourse, inv: Inventory, lang: ProposalLang): ProposedSpeaker | null {
  const { tokens } = s;
  const gapOk = (from: number, to: number, allowComma: boolean): boolean => {
    const gap = tokens.slice(from, to);
    if (gap.length === 0) return true;
    if (allowComma && gap.length === 1 && gap[0]?.text === ',') return true;
    return gap.length <= 2 && gap.every((t) => t.type === 'word' && /^\p{Ll}/u.test(t.text) && !DE_SPEECH_VERBS.has(t.low));
  };
  const before = (allowComma: boolean): Mention | undefined =>
    [...mentions].reverse().find((m) => m.te <= c.k && gapOk(m.te, c.k, allowComma && (m.appositive || tokens[m.ts - 1]?.text === ',')));
  const after = (): Mention | undefined => mentions.find((m) => m.ts >= c.ke && gapOk(c.ke, m.ts, false));
  const noCommaBetween = (a: number, b: number): boolean => !tokens.slice(a, b).some((t) => t.text === ',');
  const viaRef = (ref: Reference | null): ProposedSpeaker | null => {
    if (!ref) return null;
    if (ref.type === 'pronoun') {
      if (!d.lastPerson) return null;
      const why = lang === 'de' ? `Pronomen „${ref.text}“ → ${d.lastPerson.name}: die zuletzt genannte Person` : `pronoun “${ref.text}” → ${d.lastPerson.name}: the person named last`;
      return { ...speakerOf(d.lastPerson, why), span: null };
    }
    const r = resolveDescription(ref, inv, d.recentOrgs, lang);
    if (!r) return null;
    return { kind: 'organisation', name: r.name, role: ref.role, organisation: null, wording: null, span: null, resolution: r.reason };
  };

  switch (c.look) {
    case 'before': {
      const m = mentions.find((x) => x.te === c.k + 1 || x.te === c.k);
      // "Insidern zufolge": the cue's first token is the source itself.
      const own = mentions.find((x) => x.ts <= c.k && x.te > c.k);
      return own ? speakerOf(own) : m ? speakerOf(m) : null;
    }
    case 'after': {
      const m = mentions.find((x) => x.ts >= c.ke && x.ts - c.ke <= 2 && noCommaBetween(c.ke, x.ts));
      if (m) return speakerOf(m);
      return viaRef(referenceAt(tokens, c.ke, lang));
    }
    case 'own': {
      const m = mentions.find((x) => x.ts <= 1);
      return m ? speakerOf(m) : viaRef(referenceAt(tokens, 0, lang));
    }
    case 'anonymous-or-none': {
      const m = mentions.find((x) => x.kind === 'anonymous');
      return m ? speakerOf(m) : null;
    }
    default: {
      // Verb in second position: the subject stands right before it ("Haas sagte", "Rene Haas, Chef …, sagte")
      // or right after it ("sagte Haas", "gab Altman … bekannt"). A participle at the clause end is
      // preceded by objects, not the subject, so it skips the first rule.
      if (c.look === 'verb') {
        const b = before(false);
        if (b) return speakerOf(b);
      }
      const a = after();
      if (a) return speakerOf(a);
      if (c.look === 'verb') {
        const b = before(true);
        if (b) return speakerOf(b);
      }
      // "wie Altman am Montag sagte": the subject follows "wie"/"as".
      for (let j = c.k - 1; j >= 0 && c.k - j < 12; j--) {
        const w = (tokens[j]?.low ?? '');
        if (w === ',') break;
        if (w === 'wie' || w === 'as') {
          const m = mentions.find((x) => x.ts === j + 1);
          if (m) return speakerOf(m);
          const r = viaRef(referenceAt(tokens, j + 1, lang));
          if (r) return r;
        }
      }
      // "Zum Wochenauftakt hatte OpenAI … angekündigt": the subject follows the auxiliary.
      const aux = tokens.findIndex((t, j) => j < c.k && (lang === 'de' ? DE_AUX : EN_AUX).has(t.low));
      if (aux >= 0) {
        const m = mentions.find((x) => x.ts === aux + 1 && noCommaBetween(x.te, c.k));
        if (m) return speakerOf(m);
      }
      const first = mentions.find((x) => x.ts <= 1 && x.te <= c.k && noCommaBetween(x.appositive ? x.te + 1 : x.te, c.k));
      if (first) return speakerOf(first);
      if (c.look === 'verb') {
        const r = viaRef(referenceAt(tokens, c.ke, lang)) ?? (c.k > 0 ? viaRef(referenceAt(tokens, 0, lang)) : null);
        if (r) return r;
      }
      return c.k > 0 ? viaRef(referenceAt(tokens, 0, lang)) : null;
    }
  }
}

/** The subject of a "declined to comment" verb: before it, after it ("wollte sich Samsung nicht …"), or a description or pronoun. */
function resolveDeclined(c: DeclinedCue, s: Sentence, mentions: readonly Mention[], d: Discourse, inv: Inventory, lang: ProposalLang): ProposedSpeaker | null {
  const raw: RawCue = { k: c.k, ke: c.k + 1, text: c.text, rule: 'declined', look: 'verb', start: c.start, end: c.end };
  const direct = resolveCue(raw, s, mentions, d, inv, lang);
  if (direct) return direct;
  // "Der südkoreanische Elektronik-Konzern wollte …": look for a description anywhere before the verb.
  for (let j = 0; j < c.k; j++) {
    const ref = referenceAt(s.tokens, j, lang);
    if (ref && ref.type === 'description') {
      const r = resolveDescription(ref, inv, d.recentOrgs, lang);
      if (r) return { kind: 'organisation', name: r.name, role: ref.role, organisation: null, wording: null, span: null, resolution: r.reason };
    }
  }
  return null;
}

function describeSpeaker(sp: ProposedSpeaker | null, lang: ProposalLang): string {
  if (!sp) return lang === 'de' ? 'ohne erkennbare Quelle' : 'no source found';
  const role = sp.role ? ` (${sp.role})` : '';
  const res = sp.resolution ? `; ${sp.resolution}` : '';
  return `${sp.name}${role}${res}`;
}

function explain(kind: ProposalKind, cue: Cue, sp: ProposedSpeaker | null, lang: ProposalLang, extra = ''): string {
  const q = (s: string): string => (lang === 'de' ? `„${s}“` : `“${s}”`);
  const who = describeSpeaker(sp, lang);
  if (lang === 'de') {
    switch (kind) {
      case 'quote':
        return `Wörtliches Zitat in Anführungszeichen ${cue.text}${sp ? `, zugeschrieben: ${who}` : ''}.`;
      case 'attribution':
        return `Zuschreibung durch ${q(cue.text)}: ${who}.`;
      case 'anonymous':
        return `Anonyme Quelle: ${q(cue.text)}${sp ? ` (${sp.name})` : ''}.`;
      case 'declined':
        return `Keine Stellungnahme (${q(cue.text)}): ${who}.`;
      case 'unattributed':
        return `Indirekte Rede oder Hörensagen (${q(cue.text)}) ohne genannte Quelle.`;
      case 'figure':
        return `Zahlenangabe ${extra}: zu prüfen.`;
    }
  }
  switch (kind) {
    case 'quote':
      return `Direct quote in quotation marks ${cue.text}${sp ? `, attributed to ${who}` : ''}.`;
    case 'attribution':
      return `Attributed by ${q(cue.text)}: ${who}.`;
    case 'anonymous':
      return `Anonymous source: ${q(cue.text)}${sp ? ` (${sp.name})` : ''}.`;
    case 'declined':
      return `Declined to comment (${q(cue.text)}): ${who}.`;
    case 'unattributed':
      return `Reported speech or hearsay (${q(cue.text)}) with no source named.`;
    case 'figure':
      return `Figure ${extra}: to be checked.`;
  }
}

/** Trims white space and a trailing "(" etc. from a sentence span. */
function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text.charAt(s))) s++;
  while (e > s && /\s/u.test(text.charAt(e - 1))) e--;
  return { start: s, end: e };
}

/**
 * Every proposal for a canonical text and its blocks, in text order. Pure and deterministic: the
 * same text, blocks and known names give the same proposals with the same keys.
 */
export function proposeForText(text: string, blocks: readonly Block[], opts: ProposeOptions = {}): Proposal[] {
  const lang: ProposalLang = opts.lang === 'de' || opts.lang === 'en' ? opts.lang : guessLang(text);
  const sentences = sentencesOf(text, blocks);
  const inv = emptyInventory();
  for (const k of (opts.known ?? []).slice(0, MAX_KNOWN)) {
    for (const n of [k.name, ...(k.aliases ?? [])]) {
      if (k.kind === 'person') {
        inv.persons.set(lower(n), { name: k.name, role: k.role ?? null, organisation: null });
        const parts = n.split(/\s+/u);
        if (parts.length > 1) inv.surnames.set(lower(parts[parts.length - 1] ?? ''), k.name);
      } else if (k.kind === 'organisation') inv.orgs.set(lower(n), { name: k.name, descriptors: new Set() });
    }
  }
  // First pass: learn who is introduced with a role or description, so later bare surnames and
  // descriptions ("Der Konzern") can be resolved.
  const learnt = sentences.map((s) => {
    const mentions = findMentions(s.tokens, { lang, text, blocked: s.blocked, inventory: inv, learning: true });
    return { mentions, version: inv.version };
  });

  const out: Proposal[] = [];
  const seen = new Map<string, number>();
  const add = (kind: ProposalKind, span: Span, cue: Cue, speaker: ProposedSpeaker | null, extra: Partial<Proposal> = {}, explainExtra = ''): void => {
    const t = text.slice(span.start, span.end);
    const base = proposalKey(kind, span.start, span.end, t);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.push({
      key: n > 1 ? `${base}:${n}` : base,
      kind,
      start: span.start,
      end: span.end,
      text: t,
      cue,
      speaker,
      figure: null,
      annotationType: PROPOSAL_ANNOTATION_TYPE[kind],
      explanation: explain(kind, cue, speaker, lang, explainExtra),
      ...extra,
    });
  };

  // Quoted words used as names ("Stargate" three times) are titles, not quotes.
  const quotedCount = new Map<string, number>();
  for (const s of sentences) for (const q of s.quotes) quotedCount.set(text.slice(q.inner.start, q.inner.end), (quotedCount.get(text.slice(q.inner.start, q.inner.end)) ?? 0) + 1);

  const d: Discourse = { lastPerson: null, recentOrgs: [], lastSpeaker: null };
  let prevHadCue = false;
  sentences.forEach((s, si) => {
    const sentenceSpan = trimSpan(text, s.start, s.end);
    const cues = findCues(s, lang);
    const declined = findDeclined(s, lang);
    // Speakers are only looked for where a cue asks for one; elsewhere the first pass's mentions
    // keep track of who was named last (most sentences of a long text take this cheap path).
    // Mentions found once the inventory was complete are final; earlier ones are read again.
    const first = learnt[si];
    const stale = !first || (first.version !== inv.version && (cues.length > 0 || declined.length > 0));
    const mentions = stale ? findMentions(s.tokens, { lang, text, blocked: s.blocked, inventory: inv, learning: false }) : first.mentions;
    const resolved: { cue: RawCue; speaker: ProposedSpeaker | null }[] = cues.map((c) => ({ cue: c, speaker: resolveCue(c, s, mentions, d, inv, lang) }));

    // One proposal per speaker and sentence; the cues that point at the same speaker are listed together.
    const bySpeaker = new Map<string, { cues: RawCue[]; speaker: ProposedSpeaker | null }>();
    for (const r of resolved) {
      const key = r.speaker ? `${r.speaker.kind}:${lower(r.speaker.name)}` : '';
      const g = bySpeaker.get(key);
      if (g) g.cues.push(r.cue);
      else bySpeaker.set(key, { cues: [r.cue], speaker: r.speaker });
    }
    // A cue with no speaker is only worth a proposal when no other cue of the sentence found one.
    if (bySpeaker.size > 1) bySpeaker.delete('');
    for (const g of bySpeaker.values()) {
      const first = g.cues[0] as RawCue;
      const last = g.cues[g.cues.length - 1] as RawCue;
      const cue: Cue = { text: g.cues.map((c) => c.text).join(', '), start: first.start, end: last.end, rule: first.rule };
      add(g.speaker?.kind === 'anonymous' ? 'anonymous' : 'attribution', sentenceSpan, cue, g.speaker);
    }

    for (const c of declined) {
      const speaker = resolveDeclined(c, s, mentions, d, inv, lang);
      add('declined', sentenceSpan, { text: c.text, start: c.start, end: c.end, rule: 'declined-comment' }, speaker);
    }

    const named = resolved.find((r) => r.speaker && r.speaker.kind !== 'anonymous')?.speaker ?? resolved.find((r) => r.speaker)?.speaker ?? null;
    for (const q of s.quotes) {
      const inner = text.slice(q.inner.start, q.inner.end);
      const words = inner.split(/\s+/u).filter(Boolean).length;
      // "Stargate"-Projekt: a quoted word inside a compound is a name.
      if (/^[-‐]/u.test(text.charAt(q.close))) continue;
      if ((quotedCount.get(inner) ?? 0) > 1 && words < 4) continue;
      // Nearest cue to the quotation gives its speaker.
      let sp: ProposedSpeaker | null = null;
      let cueText = q.marks.split('').join('…');
      let best = Infinity;
      for (const r of resolved) {
        const dist = Math.abs(r.cue.start - q.open);
        if (r.speaker && dist < best) {
          best = dist;
          sp = r.speaker;
          cueText = `${q.marks.split('').join('…')} + ${r.cue.text}`;
        }
      }
      if (!sp && resolved.length === 0 && words < 4) continue;
      if (!sp && named) sp = named;
      // A sentence that is one quotation continues the speaker of the sentence before.
      if (!sp && q.open <= sentenceSpan.start && d.lastSpeaker && prevHadCue) {
        sp = { ...d.lastSpeaker, span: null, resolution: lang === 'de' ? 'Fortsetzung des Zitats aus dem Satz davor' : 'continues the quotation of the sentence before' };
      }
      add('quote', q.inner, { text: cueText, start: q.open, end: q.close, rule: 'quote-marks' }, sp);
    }

    if (cues.length === 0 && s.quotes.length === 0 && !s.heading) {
      const h = findHearsay(s, lang);
      // Konjunktiv right after a speech cue continues that speaker's indirect speech; "angeblich" never does.
      if (h && (h.rule === 'hearsay' || !prevHadCue)) {
        const t = s.tokens[h.k] as Token;
        add('unattributed', sentenceSpan, { text: h.text, start: t.start, end: t.start + h.text.length, rule: h.rule }, null);
      }
    }

    for (const f of findFigures(text, s.start, s.end, lang, s.tokens)) {
      const extra = lang === 'de' ? `„${f.figure.amount}“` : `“${f.figure.amount}”`;
      add('figure', f, { text: f.figure.amount, start: f.start, end: f.end, rule: `figure-${f.figure.unitKind}` }, named, { figure: f.figure }, extra);
    }

    for (const m of mentions) {
      if (m.kind === 'person') d.lastPerson = m;
      if (m.kind === 'organisation') d.recentOrgs.push(m.name);
      if (m.organisation) d.recentOrgs.push(m.organisation);
    }
    if (d.recentOrgs.length > 50) d.recentOrgs.splice(0, d.recentOrgs.length - 50);
    if (named) d.lastSpeaker = named;
    prevHadCue = cues.length > 0;
  });
  return out.sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind));
}
