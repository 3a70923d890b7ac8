import type { Database } from 'better-sqlite3';
import type { Block } from '../../shared/article.js';
import { AppError, type Lang } from '../../shared/errors.js';
import type { RouteCandidate, RouteExplanation, RouteResult } from '../../shared/inquiry.js';
import { emailKey } from '../../shared/inquiry.js';

/**
 * Routing of a Rückfrage to the desk whose beat fits: deterministic and explainable.
 *
 * The rule:
 * 1. Candidates are the desks the article names in its footer, in their order. Only when the
 *    article names none, the address book's contacts of the article's agency (organisation contains
 *    the agency name or vice versa) are candidates. No other address is ever used.
 * 2. A candidate's beat ("Politik und Konjunktur") maps word by word to categories (politics,
 *    economy). Each category has German and English cue words (German stems also match inside
 *    compounds: "Technologiefirmen", "Regierungskreisen") with weight 2 for unambiguous cues
 *    ("Regierung", "staatlich", "Aktie") and 1 for common ones ("Firma", "Beteiligung"). Company
 *    names found in the article ("des Elektronik-Herstellers Samsung", "OpenAI-Chef",
 *    "Kooperation mit Kakao", "Siemens AG") count for companies wherever they are mentioned.
 * 3. The levels are tried in order: the asked passage, the question's own words, the passage's
 *    paragraph, the whole article. The first level on which one candidate scores highest decides.
 *    A tie on a level is broken by the whole article: the beat the article names less wins, since
 *    the passage singles it out ("Beteiligung seiner Firma am staatlichen Rechenzentrum" in a story
 *    about companies is the politics desk's question); a tie that remains goes to the next level.
 * 4. Nothing matches: the first desk named ("erster genannter Ansprechpartner").
 */

/** Topic categories a beat can cover. */
export type BeatCategory = 'politics' | 'economy' | 'companies' | 'markets' | 'sports' | 'culture' | 'science' | 'justice' | 'panorama';

/** Words of a beat name → categories. Matched as word beginnings, so "Märkte" and "Marktberichte" both hit. */
const BEAT_WORDS: [RegExp, BeatCategory[]][] = [
  [/^(politik|politics|political|inland|ausland|world|national|government|regierung)/, ['politics']],
  [/^(konjunktur|volkswirtschaft|economy|economics|macro|makro|finanzpolitik|geldpolitik)/, ['economy']],
  [/^(wirtschaft|business)/, ['economy', 'companies', 'markets']],
  [/^(unternehmen|firmen|companies|company|corporate|industrie|industry|tech)/, ['companies']],
  [/^(märkte|markt|maerkte|markets|market|börse|boerse|finanzen|finanz|finance|financial|geld|money)/, ['markets']],
  [/^(sport)/, ['sports']],
  [/^(kultur|feuilleton|culture|arts|art|entertainment|unterhaltung|medien|media|literatur)/, ['culture']],
  [/^(wissenschaft|wissen|forschung|science|technologie|technology|digital|netzwelt|gesundheit|health)/, ['science']],
  [/^(recht|justiz|gericht|legal|law|courts)/, ['justice']],
  [/^(panorama|vermischtes|gesellschaft|society|lifestyle|general|allgemein)/, ['panorama']],
];

/** Categories of a beat name by its words: "Politik und Konjunktur" → politics, economy. */
export function beatCategories(beat: string | null): BeatCategory[] {
  if (!beat) return [];
  const out = new Set<BeatCategory>();
  for (const word of beat.toLocaleLowerCase('de').match(/[\p{L}]+/gu) ?? []) {
    for (const [re, cats] of BEAT_WORDS) if (re.test(word)) cats.forEach((c) => out.add(c));
  }
  return [...out];
}

/**
 * A cue. German stems (`s` + one of the endings `e`) also match as the head of a compound
 * (`head`, "Bundesregierung") or its first part (`mod`, "Regierungskreisen", at least 4 letters
 * after it, so "gesetzt" is not "Gesetz"). `not` lists words that merely contain the stem.
 */
interface Cue {
  s: string;
  e?: readonly string[];
  w?: 1 | 2;
  head?: boolean;
  mod?: boolean;
  not?: readonly string[];
}

const N = ['', 'e', 'en', 'es', 'n', 's', 'er', 'ern'] as const;
const ADJ = ['', 'e', 'en', 'er', 'es', 'em'] as const;
/** English words: exact forms only. */
const en = (s: string, e: readonly string[] = ['', 's'], w: 1 | 2 = 2): Cue => ({ s, e, w, head: false, mod: false });

const CUES: Record<BeatCategory, Cue[]> = {
  companies: [
    { s: 'unternehmen', w: 1 },
    { s: 'konzern', w: 2 },
    { s: 'firma', w: 1 },
    { s: 'firmen', w: 1, not: ['firmenich'] },
    { s: 'hersteller', w: 2 },
    { s: 'investor', w: 2, e: ['', 'en', 's', 'in', 'innen'] },
    { s: 'beteiligung', w: 1 },
    { s: 'chip', w: 1, head: false },
    { s: 'manager', w: 1 },
    { s: 'vorstand', w: 2, e: ['', 'e', 's', 'es'] },
    { s: 'aufsichtsrat', w: 2 },
    { s: 'übernahme', w: 2 },
    { s: 'fusion', w: 2 },
    { s: 'kooperation', w: 1 },
    { s: 'betreiber', w: 1 },
    { s: 'zulieferer', w: 2 },
    { s: 'konkurrent', w: 1 },
    { s: 'rivale', w: 1 },
    { s: 'chef', w: 1, head: false, mod: false },
    { s: 'gründer', w: 1, not: ['gründerzeit'] },
    { s: 'startup', w: 2 },
    { s: 'tochterfirma', w: 2 },
    { s: 'tochtergesellschaft', w: 2 },
    { s: 'gemeinschaftsunternehmen', w: 2 },
    { s: 'entwickler', w: 1 },
    { s: 'anbieter', w: 1 },
    en('compan', ['y', 'ies']),
    en('firm', ['', 's'], 1),
    en('corporation'),
    en('manufacturer'),
    en('maker'),
    en('chipmaker'),
    en('carmaker'),
    en('investor'),
    en('stake', ['', 's'], 1),
    en('executive', ['', 's'], 1),
    en('ceo'),
    en('subsidiar', ['y', 'ies']),
    en('merger'),
    en('acquisition'),
    en('takeover'),
    en('supplier'),
    en('startup'),
    en('rival', ['', 's'], 1),
  ],
  markets: [
    { s: 'aktie', e: ['', 'n'], w: 2 },
    { s: 'börse', e: ['', 'n'], w: 2 },
    { s: 'markt', e: ['', 'e', 'es', 's'], w: 1, not: ['marktplatz'] },
    { s: 'märkte', e: ['', 'n'], w: 1 },
    { s: 'anleger', w: 2 },
    { s: 'kurs', e: ['', 'e', 'es', 'en'], w: 1, mod: false, not: ['diskurs', 'konkurs', 'exkurs', 'sprachkurs', 'kochkurs'] },
    { s: 'dax', e: [''], w: 2, head: false, mod: false },
    { s: 'umsatz', e: ['', 'es'], w: 2 },
    { s: 'umsätze', e: ['', 'n'], w: 2 },
    { s: 'gewinn', e: ['', 'e', 'es', 's'], w: 2, not: ['gewinnen', 'gewinner', 'gewinnspiel'] },
    { s: 'verlust', e: ['', 'e', 'es', 'en'], w: 1 },
    { s: 'bewertung', w: 1 },
    { s: 'bewertet', e: [''], w: 1, head: false, mod: false },
    { s: 'rendite', w: 2 },
    { s: 'dividende', w: 2 },
    { s: 'anleihe', w: 2 },
    { s: 'finanz', e: [''], w: 1, head: false },
    { s: 'investition', w: 1 },
    en('share', ['s'], 1),
    en('stock', ['', 's']),
    en('market', ['', 's'], 1),
    en('revenue', ['', 's']),
    en('profit', ['', 's']),
    en('earnings'),
    en('valuation', ['', 's']),
    en('valued', [''], 1),
    en('dividend'),
    en('bond', ['', 's'], 1),
  ],
  politics: [
    { s: 'regierung', w: 2 },
    { s: 'minister', e: ['', 'in', 'n', 's', 'innen'], w: 2 },
    { s: 'ministerium', e: ['', 's'], w: 2 },
    { s: 'ministerien', e: [''], w: 2 },
    { s: 'präsident', e: ['', 'en', 'in'], w: 1 },
    { s: 'parlament', w: 2 },
    { s: 'bundestag', w: 2 },
    { s: 'landtag', w: 2 },
    { s: 'abgeordnete', w: 2 },
    { s: 'staatlich', e: ADJ, w: 2 },
    { s: 'staat', e: ['', 'es', 's', 'en'], w: 1, not: ['staatsanwalt'] },
    { s: 'wahl', e: ['', 'en'], w: 2, not: ['auswahl', 'wahlweise', 'qualwahl'] },
    { s: 'wähler', w: 2 },
    { s: 'gesetz', e: ['', 'e', 'es', 'en'], w: 2 },
    { s: 'partei', e: ['', 'en'], w: 2, not: ['vertragspartei'] },
    { s: 'koalition', w: 2 },
    { s: 'kanzler', e: ['', 'in', 's'], w: 2 },
    { s: 'opposition', w: 2 },
    { s: 'politik', w: 2 },
    { s: 'politisch', e: ADJ, w: 2 },
    { s: 'politiker', w: 2 },
    { s: 'behörde', w: 1 },
    { s: 'sanktion', w: 2 },
    { s: 'diplomat', w: 2 },
    { s: 'verfassung', w: 2 },
    { s: 'subvention', w: 1 },
    { s: 'förderprogramm', w: 1 },
    en('government', ['', 's']),
    en('minister', ['', 's']),
    en('ministry', ['']),
    en('parliament', ['', 's']),
    en('lawmaker', ['', 's']),
    en('election', ['', 's']),
    en('law', ['', 's'], 1),
    en('legislation', ['']),
    en('president', ['', 's'], 1),
    en('party', ['', 'ies'], 1),
    en('senate', ['']),
    en('state-run', ['']),
    en('state-owned', ['']),
    en('sanction', ['', 's']),
    en('diplomat', ['', 's', 'ic']),
  ],
  economy: [
    { s: 'konjunktur', w: 2 },
    { s: 'zentralbank', w: 2 },
    { s: 'notenbank', w: 2 },
    { s: 'ezb', e: [''], w: 2, head: false, mod: false },
    { s: 'bundesbank', w: 2 },
    { s: 'inflation', w: 2 },
    { s: 'teuerung', w: 2 },
    { s: 'zins', e: ['', 'en', 'es'], w: 2 },
    { s: 'wachstum', e: ['', 's'], w: 1 },
    { s: 'bip', e: [''], w: 2, head: false, mod: false },
    { s: 'bruttoinlandsprodukt', w: 2 },
    { s: 'rezession', w: 2 },
    { s: 'arbeitslos', e: ['', 'e', 'en', 'igkeit', 'enquote'], w: 2 },
    { s: 'arbeitsmarkt', w: 2 },
    { s: 'export', w: 1 },
    { s: 'zoll', w: 2 },
    { s: 'zölle', e: ['', 'n'], w: 2 },
    { s: 'handelsstreit', w: 2 },
    { s: 'haushalt', w: 1 },
    { s: 'verschuldung', w: 1 },
    { s: 'wirtschaft', w: 1 },
    { s: 'ökonom', w: 1 },
    en('economy', ['', 'ies']),
    en('economic', ['', 's']),
    en('inflation', ['']),
    en('recession', ['', 's']),
    en('gdp', ['']),
    en('unemployment', ['']),
    en('tariff', ['', 's']),
    en('growth', [''], 1),
  ],
  sports: [
    { s: 'sport', w: 2 },
    { s: 'sportler', w: 2 },
    { s: 'fußball', w: 2 },
    { s: 'fussball', w: 2 },
    { s: 'spiel', e: ['', 'e', 'en', 's', 'es'], w: 1, not: ['beispiel', 'spielraum', 'schauspiel', 'gewinnspiel'] },
    { s: 'tor', e: ['', 'e', 'en'], w: 1, head: false, mod: false },
    { s: 'trainer', w: 2 },
    { s: 'mannschaft', w: 2 },
    { s: 'liga', e: ['', 's'], w: 2 },
    { s: 'meister', w: 1, not: ['bürgermeister', 'baumeister', 'hausmeister'] },
    { s: 'olympia', w: 2 },
    { s: 'olympisch', e: ADJ, w: 2 },
    { s: 'turnier', w: 2 },
    { s: 'tennis', e: [''], w: 2 },
    { s: 'handball', w: 2 },
    { s: 'eishockey', e: [''], w: 2 },
    { s: 'athlet', w: 2 },
    { s: 'stadion', w: 1 },
    en('match', ['', 'es'], 1),
    en('goal', ['', 's'], 1),
    en('coach', ['', 'es']),
    en('league', ['', 's']),
    en('championship', ['', 's']),
    en('tournament', ['', 's']),
    en('football', ['']),
    en('soccer', ['']),
    en('olympic', ['', 's']),
  ],
  culture: [
    { s: 'kultur', w: 2 },
    { s: 'film', w: 2 },
    { s: 'kino', w: 2 },
    { s: 'musik', w: 2 },
    { s: 'theater', w: 2 },
    { s: 'oper', e: ['', 'n'], w: 2, mod: false },
    { s: 'konzert', w: 2 },
    { s: 'ausstellung', w: 2 },
    { s: 'museum', e: ['', 's'], w: 2 },
    { s: 'museen', e: [''], w: 2 },
    { s: 'literatur', w: 2 },
    { s: 'roman', e: ['', 'e', 'en'], w: 1, head: false, mod: false },
    { s: 'kunst', w: 2, not: ['kunststoff'] },
    { s: 'künstler', w: 2 },
    { s: 'festival', w: 2 },
    { s: 'schauspiel', w: 2 },
    { s: 'regisseur', w: 2 },
    en('film', ['', 's']),
    en('movie', ['', 's']),
    en('music', ['']),
    en('theatre', ['', 's']),
    en('theater', ['', 's']),
    en('opera', ['', 's']),
    en('concert', ['', 's']),
    en('exhibition', ['', 's']),
    en('museum', ['', 's']),
    en('novel', ['', 's'], 1),
    en('festival', ['', 's']),
    en('artist', ['', 's']),
  ],
  science: [
    { s: 'forschung', w: 2 },
    { s: 'forscher', w: 2 },
    { s: 'wissenschaft', w: 2 },
    { s: 'studie', w: 1 },
    { s: 'technologie', w: 1 },
    { s: 'software', e: [''], w: 1 },
    en('research', ['', 'ers']),
    en('scientist', ['', 's']),
    en('study', ['', 'ies'], 1),
    en('technology', ['', 'ies'], 1),
  ],
  justice: [
    { s: 'gericht', w: 2 },
    { s: 'urteil', w: 2 },
    { s: 'richter', w: 2 },
    { s: 'anklage', w: 2 },
    { s: 'staatsanwalt', w: 2 },
    { s: 'klage', w: 1, not: ['anklage'] },
    en('court', ['', 's']),
    en('judge', ['', 's']),
    en('trial', ['', 's'], 1),
    en('prosecutor', ['', 's']),
    en('lawsuit', ['', 's']),
  ],
  panorama: [
    { s: 'polizei', e: [''], w: 2 },
    { s: 'unfall', w: 2 },
    { s: 'unwetter', w: 2 },
    { s: 'feuerwehr', w: 2 },
    en('police', ['']),
    en('accident', ['', 's']),
  ],
};

const MIN_MOD_REST = 4;
const MIN_HEAD_REST = 3;
const LINKS = ['', 's', 'es', 'n', 'en', 'e'] as const;

/** Whether a lower-case word matches a cue (see {@link Cue}). */
export function cueMatches(word: string, cue: Cue): boolean {
  if (cue.not?.some((n) => word.startsWith(n) || word.endsWith(n))) return false;
  const endings = cue.e ?? N;
  if (endings.some((e) => word === cue.s + e)) return true;
  if (cue.head !== false && word.length > cue.s.length + MIN_HEAD_REST) {
    for (const e of endings) {
      const form = cue.s + e;
      if (word.endsWith(form) && word.length - form.length >= MIN_HEAD_REST) return true;
    }
  }
  if (cue.mod !== false && word.startsWith(cue.s)) {
    for (const l of LINKS) if (word.startsWith(cue.s + l) && word.length - cue.s.length - l.length >= MIN_MOD_REST) return true;
  }
  return false;
}

/** One cue hit: where, how much, and the word as written. */
export interface CueHit {
  start: number;
  weight: number;
  term: string;
  /** True for a company name (listed first in reasons). */
  name: boolean;
}

// Words often capitalised after a role noun that are no company ("des Unternehmens in …" is lower case, but sentence starts are not).
const NOT_NAMES = new Set([
  'Der', 'Die', 'Das', 'Den', 'Dem', 'Des', 'Ein', 'Eine', 'Einen', 'In', 'Im', 'Am', 'An', 'Auf', 'Aus', 'Mit', 'Und', 'Oder', 'Für', 'Von',
  'Vom', 'Zu', 'Zum', 'Zur', 'Bei', 'Nach', 'Über', 'Unter', 'Wie', 'Als', 'Auch', 'Es', 'Er', 'Sie', 'Wir', 'The', 'A', 'An', 'On', 'Of', 'And',
  'For', 'With', 'At', 'By', 'In', 'It', 'Deutschland', 'Deutschlands', 'Europa', 'Europas', 'USA', 'US', 'EU', 'China', 'Chinas', 'Japan',
  'Japans', 'Südkorea', 'Südkoreas', 'Indien', 'Indiens', 'Frankreich', 'Frankreichs', 'Russland', 'Russlands', 'Amerika', 'Amerikas',
  'Asien', 'Asiens', 'Germany', 'Europe', 'America', 'Korea', 'India', 'France', 'Russia', 'Britain', 'KI', 'AI', 'IT',
  // Common nouns that may follow a role noun.
  'Teil', 'Anteil', 'Anteile', 'Ende', 'Anfang', 'Zugang', 'Millionen', 'Milliarden', 'Prozent', 'Euro', 'Dollar', 'Mitarbeiter',
  'Kunden', 'Jahr', 'Jahre', 'Monat', 'Woche', 'Tag', 'Angaben', 'Zahlen', 'Daten', 'Plan', 'Pläne', 'Interesse', 'Geld',
]);

// All-caps abbreviations that head political or public bodies ("SPD-Chef", "EZB-Chef"): never companies.
const INSTITUTIONS = new Set(['SPD', 'CDU', 'CSU', 'FDP', 'AFD', 'BSW', 'EZB', 'IWF', 'UNO', 'NATO', 'WHO', 'OECD', 'BIP', 'DGB', 'IMF', 'ECB', 'FED', 'DAX', 'TU', 'KI']);

const NAME = String.raw`(\p{Lu}[\p{L}\p{N}&]*[\p{L}\p{N}])`;
/** A role word written either way it appears in German text (compound head lower case, noun upper case). */
const ci = (w: string): string => `[${w.charAt(0).toUpperCase()}${w.charAt(0)}]${w.slice(1)}`;
// Singular role nouns (a plural "die Firmen Teil von …" is followed by anything but a name).
const ROLES_DE = [
  'herstellers?', 'investors?', 'designers?', 'konzerns?', 'rivalen', 'konkurrenten', 'anbieters?', 'betreibers?', 'zulieferers?',
  'autobauers?', 'versicherers?', 'unternehmens?', 'firma', 'entwicklers?',
];
const ROLES_EN = ['chipmaker', 'company', 'firm', 'group', 'maker', 'rival', 'giant', 'carmaker', 'insurer', 'lender', 'retailer', 'supplier'];
const COMPANY_PATTERNS: RegExp[] = [
  // "des Elektronik-Herstellers Samsung", "dem Lokalrivalen Naver", "chipmaker Nvidia"
  new RegExp(String.raw`(?:${[...ROLES_DE, ...ROLES_EN].map(ci).join('|')})\s+${NAME}`, 'gu'),
  // "Kooperation mit Kakao", "partnership with Kakao"
  new RegExp(String.raw`(?:[Kk]ooperation|[Zz]usammenarbeit|[Pp]artnerschaft|[Jj]oint [Vv]enture|partnership|deal) (?:mit|with) ${NAME}`, 'gu'),
  // "Siemens AG", "Apple Inc."
  new RegExp(String.raw`${NAME}\s+(?:AG|SE|GmbH|KGaA|Inc|Corp|Ltd|plc|LLC|Holdings?)(?![\p{L}])`, 'gu'),
  // "Nvidia's chief executive", "Nvidia shares"
  new RegExp(String.raw`${NAME}(?:'s|’s)?\s+(?:chief executive|CEO|shares|stock)(?![\p{L}])`, 'gu'),
  // "Daimler-Aktie"
  new RegExp(String.raw`${NAME}-Aktien?(?![\p{L}])`, 'gu'),
];
// "OpenAI-Chef": person roles after a brand-like name only (CamelCase or an all-caps word), since
// "Partei-Chef" or "Regierungs-Sprecher" are no companies.
const BRAND_ROLE = new RegExp(String.raw`${NAME}-(?:Chef|Chefin|Gründer|Mitgründer|Manager|Vorstand|Sprecher|Sprecherin|Konzern|Tochter|Beteiligung|Gruppe)(?![\p{L}])`, 'gu');

function brandLike(name: string): boolean {
  if (INSTITUTIONS.has(name.toUpperCase())) return false;
  if (/^\p{Lu}{3,}$/u.test(name)) return true;
  return /^\p{Lu}.*\p{Lu}/u.test(name) || /\p{N}/u.test(name);
}

/** True when a word is a cue of any category ("Gewinne" after a role noun is no name). */
function isCueWord(word: string): boolean {
  const w = word.toLocaleLowerCase('de');
  return Object.values(CUES).some((cues) => cues.some((c) => cueMatches(w, c)));
}

/** Company names an article's text names as such, in order of first appearance. */
export function detectCompanies(text: string): string[] {
  const found = new Map<string, number>();
  const add = (name: string | undefined, at: number): void => {
    if (!name || NOT_NAMES.has(name) || INSTITUTIONS.has(name.toUpperCase()) || name.length < 2 || isCueWord(name)) return;
    if (!found.has(name) || found.get(name)! > at) found.set(name, at);
  };
  for (const re of COMPANY_PATTERNS) for (const m of text.matchAll(re)) add(m[1], m.index + m[0].indexOf(m[1] ?? ''));
  for (const m of text.matchAll(BRAND_ROLE)) if (m[1] && brandLike(m[1])) add(m[1], m.index);
  return [...found.entries()].sort((a, b) => a[1] - b[1]).map(([n]) => n);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Cue hits per category in a text; company names (from {@link detectCompanies}) count for companies. */
export function scoreText(text: string, companies: readonly string[]): Map<BeatCategory, CueHit[]> {
  const out = new Map<BeatCategory, CueHit[]>();
  const words = [...text.matchAll(/[\p{L}\p{N}]+(?:-(?:run|owned))?/gu)];
  for (const [cat, cues] of Object.entries(CUES) as [BeatCategory, Cue[]][]) {
    const hits: CueHit[] = [];
    for (const m of words) {
      const w = m[0].toLocaleLowerCase('de');
      let best = 0;
      for (const cue of cues) if (cueMatches(w, cue)) best = Math.max(best, cue.w ?? 1);
      if (best > 0) hits.push({ start: m.index, weight: best, term: m[0], name: false });
    }
    out.set(cat, hits);
  }
  const companyHits = out.get('companies')!;
  for (const name of companies) {
    const re = new RegExp(String.raw`(?<![\p{L}\p{N}])${escapeRegExp(name)}(?![\p{L}\p{N}])`, 'gu');
    for (const m of text.matchAll(re)) companyHits.push({ start: m.index, weight: 1, term: name, name: true });
  }
  return out;
}

/** A candidate before scoring. */
export interface CandidateInput {
  email: string;
  name: string;
  beat: string | null;
  source: 'article' | 'addressBook';
}

/** What routing looks at: the article's text and blocks, the asked range (none: whole article) and the question. */
export interface RouteInput {
  text: string;
  blocks: readonly Block[];
  title?: string;
  start?: number | undefined;
  end?: number | undefined;
  question?: string | undefined;
  candidates: readonly CandidateInput[];
}

type Level = 'passage' | 'question' | 'paragraph' | 'article';
const LEVELS: readonly Level[] = ['passage', 'question', 'paragraph', 'article'];

/** Hits of a candidate's beat: union over its categories, one per word (the highest weight). */
function candidateHits(hits: Map<BeatCategory, CueHit[]>, cats: readonly BeatCategory[]): CueHit[] {
  const byPos = new Map<string, CueHit>();
  for (const c of cats) {
    for (const h of hits.get(c) ?? []) {
      const key = `${h.start}:${h.name ? 'n' : 'w'}`;
      const cur = byPos.get(key);
      if (!cur || cur.weight < h.weight) byPos.set(key, h);
    }
  }
  return [...byPos.values()].sort((a, b) => a.start - b.start);
}

const sum = (hits: readonly CueHit[]): number => hits.reduce((n, h) => n + h.weight, 0);

/** What the reason names: company names first, then cue words, each once, at most five. */
function termsOf(hits: readonly CueHit[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const h of [...hits.filter((x) => x.name), ...hits.filter((x) => !x.name)]) {
    const k = h.term.toLocaleLowerCase('de');
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(h.term);
  }
  return out.slice(0, 5);
}

/** The paragraph (block) range around [start, end), or null. */
function enclosingBlocks(blocks: readonly Block[], start: number, end: number): { start: number; end: number } | null {
  const touched = blocks.filter((b) => b.kind !== 'nonpublic' && b.start < Math.max(end, start + 1) && b.end > start);
  const first = touched[0];
  const last = touched[touched.length - 1];
  return first && last ? { start: first.start, end: last.end } : null;
}

/** The reason for a routing decision in the UI language. */
export function routeReason(r: RouteExplanation, lang: Lang): string {
  const terms = r.terms.join(', ');
  if (lang === 'en') {
    switch (r.basis) {
      case 'passage':
      case 'question':
        return `Beat matches: ${r.beat ?? ''} — mentioned: ${terms}`;
      case 'paragraph':
        return `Beat matches: ${r.beat ?? ''} — mentioned in the paragraph: ${terms}`;
      case 'article':
        return `Beat matches: ${r.beat ?? ''} — mentioned in the article: ${terms}`;
      case 'fallback':
        return 'first contact named';
      case 'manual':
        return 'chosen by you';
      case 'none':
        return 'no contact known: the article names no desk and the address book has no contact of its agency';
    }
  }
  switch (r.basis) {
    case 'passage':
    case 'question':
      return `Ressort passt: ${r.beat ?? ''} — genannt: ${terms}`;
    case 'paragraph':
      return `Ressort passt: ${r.beat ?? ''} — im Absatz genannt: ${terms}`;
    case 'article':
      return `Ressort passt: ${r.beat ?? ''} — im Artikel genannt: ${terms}`;
    case 'fallback':
      return 'erster genannter Ansprechpartner';
    case 'manual':
      return 'von Ihnen gewählt';
    case 'none':
      return 'kein Ansprechpartner bekannt: Der Artikel nennt keine Redaktion, und das Adressbuch hat keinen Kontakt der Agentur';
  }
}

/** Routes a question among candidates (pure). See the rule at the top of this file. */
export function routeQuestion(input: RouteInput, lang: Lang = 'de'): RouteResult {
  const { text, blocks } = input;
  const publicArticle = [input.title ?? '', ...blocks.filter((b) => b.kind === 'paragraph' || b.kind === 'heading').map((b) => text.slice(b.start, b.end))].join('\n\n');
  const companies = detectCompanies(publicArticle);
  const hasRange = input.start !== undefined && input.end !== undefined && input.end > input.start;
  const para = hasRange ? enclosingBlocks(blocks, input.start!, input.end!) : null;
  const levelText: Record<Level, string> = {
    passage: hasRange ? text.slice(input.start, input.end) : '',
    question: input.question ?? '',
    paragraph: para ? text.slice(para.start, para.end) : '',
    article: publicArticle,
  };
  const levelHits = Object.fromEntries(LEVELS.map((l) => [l, scoreText(levelText[l], companies)])) as Record<Level, Map<BeatCategory, CueHit[]>>;
  const scored = input.candidates.map((c) => {
    const cats = beatCategories(c.beat);
    const hits = Object.fromEntries(LEVELS.map((l) => [l, candidateHits(levelHits[l], cats)])) as Record<Level, CueHit[]>;
    return { c, hits, score: Object.fromEntries(LEVELS.map((l) => [l, sum(hits[l])])) as Record<Level, number> };
  });
  const candidates: RouteCandidate[] = scored.map(({ c, score }) => ({ email: c.email, name: c.name, beat: c.beat, source: c.source, scores: score }));
  const decide = (pool: typeof scored): RouteResult | null => {
    for (const level of LEVELS) {
      const best = Math.max(0, ...pool.map((s) => s.score[level]));
      if (best === 0) continue;
      let top = pool.filter((s) => s.score[level] === best);
      if (top.length > 1 && level !== 'article') {
        // Tie: the beat the rest of the article names less is the one the passage singles out.
        const least = Math.min(...top.map((s) => s.score.article));
        top = top.filter((s) => s.score.article === least);
      }
      const winner = top[0];
      if (!winner || (top.length > 1 && level !== 'article')) continue;
      // Candidates with the same beat tie on every level: the one named first wins.
      const explanation: RouteExplanation = { basis: level, beat: winner.c.beat, terms: termsOf(winner.hits[level]) };
      return { ...explanation, contactEmail: winner.c.email, reason: routeReason(explanation, lang), candidates };
    }
    return null;
  };
  const desks = scored.filter((s) => s.c.source === 'article');
  const book = scored.filter((s) => s.c.source === 'addressBook');
  const decided = desks.length > 0 ? decide(desks) : decide(book);
  if (decided) return decided;
  const first = desks[0] ?? book[0];
  const explanation: RouteExplanation = first ? { basis: 'fallback', beat: first.c.beat, terms: [] } : { basis: 'none', beat: null, terms: [] };
  return { ...explanation, contactEmail: first?.c.email ?? null, reason: routeReason(explanation, lang), candidates };
}

/**
 * The candidates for an article: its desks in footer order (beat from the footer, else the address
 * book's first beat), or, when it names none, the address book's contacts of its agency.
 */
export function routingCandidates(db: Database, articleId: number): CandidateInput[] {
  const article = db.prepare('SELECT agency FROM articles WHERE id = ?').get(articleId) as { agency: string | null } | undefined;
  if (!article) throw new AppError('ARTICLE_NOT_FOUND', { id: articleId });
  const desks = db.prepare('SELECT email, scope FROM article_desk_contacts WHERE article_id = ? ORDER BY position').all(articleId) as {
    email: string;
    scope: string | null;
  }[];
  const contacts = db.prepare('SELECT email, email_key, name, organisation, beats FROM contacts ORDER BY id').all() as {
    email: string;
    email_key: string;
    name: string;
    organisation: string;
    beats: string;
  }[];
  const byKey = new Map(contacts.map((c) => [c.email_key, c]));
  const out: CandidateInput[] = [];
  const seen = new Set<string>();
  for (const d of desks) {
    const key = emailKey(d.email);
    if (seen.has(key)) continue;
    seen.add(key);
    const c = byKey.get(key);
    out.push({ email: c?.email ?? d.email, name: c?.name ?? '', beat: d.scope ?? (c ? ((JSON.parse(c.beats) as string[])[0] ?? null) : null), source: 'article' });
  }
  if (out.length > 0 || !article.agency) return out;
  const agency = article.agency.toLocaleLowerCase('de');
  for (const c of contacts) {
    const org = c.organisation.toLocaleLowerCase('de');
    if (!org || !(org.includes(agency) || agency.includes(org))) continue;
    const beats = JSON.parse(c.beats) as string[];
    // A contact with several beats competes once per beat, so each can match.
    for (const beat of beats.length ? beats : [null]) out.push({ email: c.email, name: c.name, beat, source: 'addressBook' });
  }
  return out;
}

/** Routes a question on an article (range or whole article) among its candidates. */
export function routeForArticle(
  db: Database,
  articleId: number,
  opts: { start?: number | undefined; end?: number | undefined; question?: string | undefined },
  lang: Lang = 'de',
): RouteResult {
  const row = db.prepare('SELECT title, text, blocks FROM articles WHERE id = ?').get(articleId) as { title: string; text: string; blocks: string } | undefined;
  if (!row) throw new AppError('ARTICLE_NOT_FOUND', { id: articleId });
  return routeQuestion(
    { text: row.text, blocks: JSON.parse(row.blocks) as Block[], title: row.title, start: opts.start, end: opts.end, question: opts.question, candidates: routingCandidates(db, articleId) },
    lang,
  );
}

