/**
 * Figures: amounts with currency, percentages, counts and measures, with digits or number words and
 * scale words ("500 Milliarden Dollar", "umgerechnet knapp 1,5 Milliarden Euro", "jährlich drei
 * Milliarden Dollar", "17 Prozent", "$57 million", "43.5 million euros", "107 Menschen").
 *
 * One regular expression finds the amount; qualifiers before and after ("bis zu", "jährlich",
 * "a year") are read from a short window around it. The expression starts only where no digit,
 * letter, dot or comma precedes (a lookbehind that fails in O(1) inside long digit runs) and every
 * repetition is bounded, so a hostile megabyte of digits stays linear.
 */
import { tokenize, type Token } from './text.js';
import type { ProposalLang, ProposedFigure, Span } from './types.js';

/** "drei" → "[Dd]rei": number words and units may open a sentence. */
function cap(word: string): string {
  const first = word.charAt(0);
  return first.toLowerCase() !== first.toUpperCase() ? `[${first.toUpperCase()}${first.toLowerCase()}]${word.slice(1)}` : word;
}

const NUMBER_WORDS: Record<string, number> = {
  ein: 1, eine: 1, einer: 1, einem: 1, einen: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10,
  elf: 11, zwölf: 12, zwanzig: 20, dreißig: 30, vierzig: 40, fünfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90,
  hundert: 100, tausend: 1000, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, thousand: 1000,
  a: 1,
};

const SCALES: Record<string, number> = {
  milliarden: 1e9, milliarde: 1e9, 'mrd.': 1e9, mrd: 1e9, millionen: 1e6, million: 1e6, 'mio.': 1e6, mio: 1e6, billionen: 1e12,
  billion: 1e9, tausend: 1e3, trillion: 1e12, thousand: 1e3, bn: 1e9, mn: 1e6, mln: 1e6, m: 1e6, k: 1e3,
};

const CURRENCIES = [
  'US-Dollar', 'Dollar', 'Euro', 'Franken', 'Pfund', 'Yen', 'Yuan', 'Won', 'Rupien', 'Rubel', 'Kronen', 'Lira', 'Renminbi',
  'dollars', 'euros', 'euro', 'pounds', 'yen', 'yuan', 'rupees', 'francs', 'roubles', 'rubles', 'USD', 'EUR', 'CHF', 'GBP', 'JPY', 'CNY', 'KRW',
];
const PERCENT = ['Prozentpunkten', 'Prozentpunkte', 'Prozent', '%', 'percentage points', 'percentage point', 'percent', 'per cent'];
const COUNTS = [
  'Menschen', 'Personen', 'Tote', 'Toten', 'Todesopfer', 'Verletzte', 'Verletzten', 'Mitarbeitende', 'Mitarbeiterinnen', 'Mitarbeiter',
  'Beschäftigte', 'Beschäftigten', 'Arbeitsplätze', 'Stellen', 'Jobs', 'Einwohner', 'Flüchtlinge', 'Soldaten', 'Kinder', 'Fahrzeuge',
  'Autos', 'Häuser', 'Wohnungen', 'Haushalte', 'Kunden', 'Nutzer', 'Passagiere', 'Stimmen', 'Besucher',
  'people', 'persons', 'employees', 'workers', 'jobs', 'deaths', 'dead', 'injured', 'residents', 'refugees', 'soldiers', 'children',
  'vehicles', 'cars', 'homes', 'households', 'customers', 'users', 'passengers', 'votes', 'visitors',
];
const MEASURES = [
  'Tonnen', 'Kilometer', 'Quadratkilometer', 'Quadratmeter', 'Meter', 'Kilogramm', 'Liter', 'Grad', 'Hektar', 'Megawatt', 'Gigawatt',
  'Barrel', 'tonnes', 'tons', 'kilometres', 'kilometers', 'square kilometres', 'miles', 'metres', 'meters', 'kilograms', 'litres',
  'liters', 'degrees', 'hectares', 'megawatts', 'gigawatts', 'barrels',
];

const alt = (words: readonly string[]): string =>
  [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, String.raw`\s`)).join('|');

const NUM = String.raw`\d{1,3}(?:[.,\u00a0\u202f]\d{3}){1,5}(?:[.,]\d{1,4})?|\d{1,15}(?:[.,]\d{1,4})?`;
const NUM_WORD = Object.keys(NUMBER_WORDS)
  .filter((w) => w !== 'a')
  .sort((a, b) => b.length - a.length)
  .map(cap)
  .join('|');
const LONG_SCALE = ['Milliarden', 'Milliarde', 'Millionen', 'Million', 'Mrd.', 'Mrd', 'Mio.', 'Mio', 'Billionen', 'Billion', 'Tausend', 'billion', 'million', 'trillion', 'thousand'];
const SHORT_SCALE = [...LONG_SCALE, 'bn', 'mn', 'mln', 'm', 'k'];
const CURRENCY_SIGN = String.raw`US\$|US-\$|\$|€|£|¥|EUR\s|USD\s|CHF\s|GBP\s`;
const UNIT = [alt(CURRENCIES), '€', String.raw`\$`, '£', '¥', alt(PERCENT), alt(COUNTS), alt(MEASURES)].join('|');

// Group 1-3: sign first ("$57 million"); 4-6: number, scale, unit ("1,5 Milliarden Euro", "17 Prozent").
const FIGURE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,$€£¥-])(?:(${CURRENCY_SIGN})\s?(${NUM})(?:\s?(${alt(SHORT_SCALE)}))?(?![\p{L}\p{N}])|(${NUM}|(?:${NUM_WORD}|an?)(?=\s))(?:\s(${alt(LONG_SCALE)}))?\s?(${UNIT})(?![\p{L}\p{N}-]))`,
  'gu',
);

const QUALIFIERS_BEFORE = [
  'umgerechnet', 'knapp', 'rund', 'etwa', 'ungefähr', 'fast', 'nahezu', 'beinahe', 'mehr als', 'über', 'weniger als', 'unter', 'bis zu',
  'mindestens', 'höchstens', 'maximal', 'gut', 'jährlich', 'monatlich', 'täglich', 'zusätzlich', 'weitere', 'weiteren', 'insgesamt',
  'zirka', 'circa', 'ca.', 'annähernd', 'lediglich', 'nur', 'about', 'around', 'nearly', 'almost', 'roughly', 'some', 'more than',
  'over', 'up to', 'at least', 'at most', 'less than', 'under', 'approximately', 'an estimated', 'annually', 'a further', 'another',
  'just', 'only', 'as much as', 'as many as',
];
const QUALIFIER_BEFORE_RE = new RegExp(String.raw`(?:^|[^\p{L}\p{N}])((?:(?:${alt(QUALIFIERS_BEFORE)})\s){1,3})$`, 'iu');
const QUALIFIERS_AFTER = ['pro Jahr', 'im Jahr', 'jährlich', 'pro Monat', 'im Monat', 'a year', 'per year', 'a month', 'per month', 'annually'];
const QUALIFIER_AFTER_RE = new RegExp(String.raw`^\s(${alt(QUALIFIERS_AFTER)})(?![\p{L}\p{N}])`, 'u');

/** A figure found in a text. */
export interface FigureMatch extends Span {
  text: string;
  figure: ProposedFigure;
}

/** Parses digits by the language's decimal mark: "1,5" and "1.500" in German, "1.5" and "1,500" in English. */
export function parseNumber(raw: string, lang: ProposalLang): number | null {
  const s = raw.replace(/[\u00a0\u202f]/g, lang === 'de' ? '.' : ',');
  const word = NUMBER_WORDS[s.toLowerCase()];
  if (word !== undefined) return word;
  const [thousands, decimal] = lang === 'de' ? ['.', ','] : [',', '.'];
  // A single separator followed by exactly three digits is a thousands separator in either language ("15.000", "15,000").
  const parts = s.split(thousands);
  const grouped = parts.length > 1 && parts.slice(1).every((p) => /^\d{3}(?:[.,]\d+)?$/.test(p));
  const plain = grouped ? parts.join('') : s.replace(/[.,](?=\d{3}(?:\D|$))/g, (m) => (m === thousands ? '' : m));
  const n = Number(plain.replace(decimal, '.'));
  return Number.isFinite(n) ? n : null;
}

function unitKind(unit: string): ProposedFigure['unitKind'] {
  const u = unit.toLowerCase().replace(/\s+/g, ' ');
  if (PERCENT.some((p) => p.toLowerCase() === u)) return 'percent';
  if (COUNTS.some((p) => p.toLowerCase() === u)) return 'count';
  if (MEASURES.some((p) => p.toLowerCase() === u)) return 'measure';
  return 'currency';
}

// The same expression anchored at a given offset: it is only tried where a token can start a figure.
const FIGURE_AT = new RegExp(FIGURE_RE.source, 'uy');
const CURRENCY_START = new Set(['$', '€', '£', '¥', 'us', 'eur', 'usd', 'chf', 'gbp']);
const NUMBER_WORD_SET = new Set(Object.keys(NUMBER_WORDS));

/** Where a figure can start: a number, a currency sign or code, a number word, "a"/"an". */
function candidateStarts(text: string, start: number, end: number, tokens: readonly Token[] | undefined): number[] {
  const toks = tokens ?? tokenize(text, start, end);
  const out: number[] = [];
  for (const t of toks) if (t.type === 'number' || CURRENCY_START.has(t.low) || NUMBER_WORD_SET.has(t.low) || t.low === 'an') out.push(t.start);
  return out;
}

/**
 * Figures in text[start, end), left to right, with qualifiers and a numeric value where possible.
 * `tokens` (of that range) saves tokenising again; the expression runs only at candidate tokens.
 */
export function findFigures(text: string, start: number, end: number, lang: ProposalLang, tokens?: readonly Token[]): FigureMatch[] {
  const out: FigureMatch[] = [];
  let after = start;
  for (const at of candidateStarts(text, start, end, tokens)) {
    if (at < after) continue;
    FIGURE_AT.lastIndex = at;
    const m = FIGURE_AT.exec(text);
    if (!m || at + m[0].length > end) continue;
    after = at + m[0].length;
    const sign = m[1];
    const num = (sign ? m[2] : m[4]) ?? '';
    const scale = (sign ? m[3] : m[5]) ?? null;
    const unit = (sign ? sign.trim() : m[6]) ?? '';
    // "a" and "an" only count with a scale word ("a billion dollars"), never as "a people".
    if (!sign && /^an?$/i.test(num) && !scale) continue;
    const base = parseNumber(num, lang);
    const mult = scale ? (SCALES[scale.toLowerCase()] ?? null) : 1;
    const value = base !== null && mult !== null ? base * mult : null;
    let s = at;
    let e = at + m[0].length;
    const qualifiers: string[] = [];
    const before = text.slice(Math.max(start, s - 48), s);
    const qb = QUALIFIER_BEFORE_RE.exec(before);
    if (qb?.[1]) {
      s -= qb[1].length;
      qualifiers.push(...qb[1].trim().split(/\s(?=\S)/u).reduce<string[]>((acc, w) => {
        // Re-join multi-word qualifiers ("bis zu", "more than") for display.
        const last = acc[acc.length - 1];
        if (last !== undefined && QUALIFIERS_BEFORE.includes(`${last} ${w}`.toLowerCase())) acc[acc.length - 1] = `${last} ${w}`;
        else acc.push(w);
        return acc;
      }, []));
    }
    const qa = QUALIFIER_AFTER_RE.exec(text.slice(e, Math.min(end, e + 24)));
    if (qa?.[1]) {
      e += qa[0].length;
      qualifiers.push(qa[1]);
    }
    out.push({
      start: s,
      end: e,
      text: text.slice(s, e),
      figure: { amount: m[0], value, unit, unitKind: sign ? 'currency' : unitKind(unit), qualifiers },
    });
  }
  return out;
}
