/**
 * Word lists of the proposal rules, German and English. Lower case. Kept apart from the rules so a
 * newsroom can see (and extend) exactly which words trigger what.
 */
import type { ProposalLang } from './types.js';

/** A speech or source cue and the particle that must close the clause for it to count ("teilte … mit"). */
export interface SpeechVerb {
  particle?: string;
}

/** German speech verbs (finite forms and participles). A particle verb only counts with its particle. */
export const DE_SPEECH_VERBS: ReadonlyMap<string, SpeechVerb> = new Map<string, SpeechVerb>([
  ...['sagte', 'sagten', 'sagt', 'sagen', 'gesagt', 'erklärte', 'erklärten', 'erklärt', 'betonte', 'betonten', 'betont',
    'meinte', 'meinten', 'warnte', 'warnten', 'gewarnt', 'forderte', 'forderten', 'gefordert', 'kritisierte', 'kritisierten', 'kritisiert',
    'bestätigte', 'bestätigten', 'bestätigt', 'dementierte', 'dementierten', 'dementiert', 'versicherte', 'versicherten', 'versichert',
    'unterstrich', 'unterstrichen', 'ergänzte', 'ergänzten', 'ergänzt', 'signalisierte', 'signalisierten', 'signalisiert',
    'berichtete', 'berichteten', 'berichtet', 'schrieb', 'schrieben', 'geschrieben', 'argumentierte', 'argumentiert',
    'verkündete', 'verkündeten', 'verkündet', 'räumte', 'äußerte', 'äußerten', 'geäußert', 'bezeichnet', 'bezeichnete', 'bezeichneten',
    'versprach', 'versprachen', 'kommentierte', 'beklagte', 'beklagten', 'mahnte', 'mahnten', 'bekräftigte', 'bekräftigten',
    'zitiert', 'zitierte', 'mitgeteilt', 'angekündigt', 'eingeräumt', 'hinzugefügt', 'bekanntgegeben', 'bekannt gegeben']
    .map((w): [string, SpeechVerb] => [w, {}]),
  ['teilte', { particle: 'mit' }],
  ['teilten', { particle: 'mit' }],
  ['teilt', { particle: 'mit' }],
  ['kündigte', { particle: 'an' }],
  ['kündigten', { particle: 'an' }],
  ['kündigt', { particle: 'an' }],
  ['gab', { particle: 'bekannt' }],
  ['gaben', { particle: 'bekannt' }],
  ['gibt', { particle: 'bekannt' }],
  ['fügte', { particle: 'hinzu' }],
  ['fügten', { particle: 'hinzu' }],
  ['wies', { particle: 'hin' }],
]);

/** "räumte … ein" and "bezeichnete … als" need a second word; checked by the rules. */
export const DE_VERB_COMPANIONS: ReadonlyMap<string, string> = new Map([
  ['räumte', 'ein'],
  ['bezeichnete', 'als'],
  ['bezeichneten', 'als'],
  ['bezeichnet', 'als'],
]);

/** English speech verbs. */
export const EN_SPEECH_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'stated', 'states', 'explained', 'noted', 'stressed', 'warned', 'announced',
  'confirmed', 'denied', 'argued', 'insisted', 'wrote', 'commented', 'emphasised', 'emphasized', 'acknowledged', 'claimed',
  'signalled', 'signaled', 'described', 'reported', 'predicted', 'estimated', 'cautioned', 'conceded', 'asserted', 'maintained',
]);

/** Words that end an attribution phrase ("zufolge", "laut", "according to"), handled apart from verbs. */
export const DE_SOURCE_PREPOSITIONS = new Set(['laut', 'zufolge']);

/** Heads of role nouns; a word ending in one of them is a role ("Softbank-Chef", "Ministerpräsident"). */
const DE_ROLE_HEADS = [
  'chef', 'chefin', 'sprecher', 'sprecherin', 'minister', 'ministerin', 'präsident', 'präsidentin', 'kanzler', 'kanzlerin',
  'bürgermeister', 'bürgermeisterin', 'direktor', 'direktorin', 'leiter', 'leiterin', 'vorsitzende', 'vorsitzender', 'vorsitzenden',
  'geschäftsführer', 'geschäftsführerin', 'gründer', 'gründerin', 'analyst', 'analystin', 'ökonom', 'ökonomin', 'experte', 'expertin',
  'anwalt', 'anwältin', 'richter', 'richterin', 'abgeordnete', 'abgeordneter', 'botschafter', 'botschafterin', 'berater', 'beraterin',
  'manager', 'managerin', 'vorstand', 'ceo', 'cfo', 'cto', 'sekretär', 'sekretärin', 'kommissar', 'kommissarin', 'professor', 'professorin',
  'forscher', 'forscherin', 'gouverneur', 'gouverneurin', 'senator', 'senatorin', 'staatssekretär', 'staatssekretärin', 'referent',
  'referentin', 'beauftragte', 'beauftragter', 'vertreter', 'vertreterin', 'aktivist', 'aktivistin', 'ermittler', 'ermittlerin',
  'strategin', 'stratege', 'volkswirt', 'volkswirtin', 'ökonomen', 'koordinator', 'koordinatorin', 'generalsekretär', 'generalsekretärin',
];

/** English role words (single tokens; "chief executive" is two). */
const EN_ROLE_WORDS = new Set([
  'ceo', 'cfo', 'cto', 'chief', 'executive', 'spokesperson', 'spokesman', 'spokeswoman', 'president', 'minister', 'chairman', 'chairwoman',
  'chair', 'director', 'head', 'analyst', 'economist', 'founder', 'co-founder', 'secretary', 'governor', 'senator', 'official', 'lawyer',
  'professor', 'researcher', 'manager', 'strategist', 'adviser', 'advisor', 'officer', 'mayor', 'chancellor', 'commissioner', 'ambassador',
  'representative', 'leader', 'partner', 'editor', 'investor', 'prosecutor', 'judge', 'attorney',
]);

// One anchored alternation per list instead of a loop of endsWith calls: the rules ask about
// every token several times, so this is the hot path. The group captures the head.
const DE_ROLE_RE = new RegExp(`(${[...DE_ROLE_HEADS].sort((a, b) => b.length - a.length).join('|')})$`, 'u');

/** Memoises a word classifier; the cache is dropped when it grows large (hostile input with many distinct words). */
function memo<T>(fn: (word: string, lang: ProposalLang) => T): (word: string, lang: ProposalLang) => T {
  const caches = { de: new Map<string, T>(), en: new Map<string, T>() };
  return (word, lang) => {
    const cache = caches[lang];
    const hit = cache.get(word);
    if (hit !== undefined || cache.has(word)) return hit as T;
    if (cache.size > 50_000) cache.clear();
    const v = fn(word, lang);
    cache.set(word, v);
    return v;
  };
}

/** True for a role noun: "Chef", "Softbank-Chef", "Ministerpräsident"; English "CEO", "spokesperson". */
export const isRoleWord = memo((word: string, lang: ProposalLang): boolean => {
  const w = word.toLowerCase();
  if (lang === 'en') return EN_ROLE_WORDS.has(w) || EN_ROLE_WORDS.has(w.split('-').pop() ?? '');
  const last = w.split('-').pop() ?? w;
  const m = DE_ROLE_RE.exec(last);
  return !!m?.[1] && (last === m[1] || last.length - m[1].length >= 3);
});

/** Heads of nouns that denote an organisation ("Konzern", "Elektronik-Herstellers", "Softbank-Beteiligung"). */
const DE_ORG_HEADS = [
  'konzern', 'hersteller', 'unternehmen', 'firma', 'firmen', 'investor', 'designer', 'entwickler', 'betreiber', 'beteiligung', 'rivale',
  'rivalen', 'tochter', 'bank', 'gruppe', 'holding', 'behörde', 'ministerium', 'partei', 'verband', 'agentur', 'sender', 'zeitung',
  'anbieter', 'zulieferer', 'fluggesellschaft', 'autobauer', 'institut', 'organisation', 'gewerkschaft', 'startup', 'start-up',
  'versicherer', 'händler', 'dienstleister', 'plattform', 'netzwerk', 'gesellschaft', 'fonds', 'riese', 'riesen', 'marktführer',
  'wettbewerber', 'konkurrent', 'konkurrenten', 'geldhaus', 'finanzinvestor', 'chipdesigner', 'branchenprimus', 'mutter', 'mutterkonzern',
];

/** English organisation nouns ("the company", "the carmaker"). */
const EN_ORG_WORDS = new Set([
  'company', 'firm', 'group', 'maker', 'carmaker', 'automaker', 'chipmaker', 'bank', 'lender', 'insurer', 'retailer', 'startup',
  'start-up', 'operator', 'developer', 'manufacturer', 'giant', 'conglomerate', 'agency', 'ministry', 'regulator', 'party', 'union',
  'rival', 'investor', 'fund', 'airline', 'broadcaster', 'newspaper', 'platform', 'provider', 'supplier', 'subsidiary', 'unit', 'business',
  'organisation', 'organization', 'association', 'government', 'department', 'corporation', 'conglomerate', 'designer',
]);

/**
 * The organisation head of a word, or null: "Elektronik-Herstellers" → "hersteller",
 * "Elektronik-Konzern" → "konzern". Genitive and plural endings are allowed.
 */
export const orgHead = memo((word: string, lang: ProposalLang): string | null => {
  const w = word.toLowerCase();
  if (lang === 'en') {
    const last = w.split('-').pop() ?? w;
    const sing = last.endsWith('s') && !EN_ORG_WORDS.has(last) ? last.slice(0, -1) : last;
    return EN_ORG_WORDS.has(last) || EN_ORG_WORDS.has(sing) ? sing : null;
  }
  const last = w.split('-').pop() ?? w;
  const m = DE_ORG_RE.exec(last);
  const h = m?.[1];
  if (!m || !h) return null;
  // The whole word, or a compound with at least three letters before the head ("Lokalrivalen").
  return last.length === m[0].length || last.length - m[0].length >= 3 ? h : null;
});

const DE_ORG_RE = new RegExp(`(${[...DE_ORG_HEADS].sort((a, b) => b.length - a.length).join('|')})(?:s|es|en|n)?$`, 'u');

/** The descriptor part before the head of a compound ("Elektronik-Konzern" → "elektronik"), or null. */
export function compoundModifier(word: string): string | null {
  const parts = word.toLowerCase().split('-');
  return parts.length > 1 ? (parts[0] ?? null) : null;
}

/** Legal forms that mark the capitalised words before them as an organisation. */
export const LEGAL_FORMS = new Set(['ag', 'gmbh', 'se', 'kg', 'kgaa', 'inc', 'corp', 'ltd', 'plc', 'llc', 'co', 'sa', 'nv', 'bv', 'spa', 'ab', 'asa']);

/**
 * Groups that stand for anonymous sources when nothing names them: "Insidern zufolge",
 * "Experten zufolge", "aus Regierungskreisen". Value: the label used in the registry.
 */
export const DE_ANONYMOUS_GROUPS: ReadonlyMap<string, string> = new Map([
  ['insider', 'Insider'],
  ['insidern', 'Insider'],
  ['experten', 'Experten'],
  ['expertinnen', 'Experten'],
  ['fachleuten', 'Experten'],
  ['fachleute', 'Experten'],
  ['beobachtern', 'Beobachter'],
  ['beobachter', 'Beobachter'],
  ['analysten', 'Analysten'],
  ['branchenkennern', 'Branchenkenner'],
  ['branchenkenner', 'Branchenkenner'],
  ['diplomaten', 'Diplomaten'],
  ['informanten', 'Informanten'],
  ['eingeweihten', 'Eingeweihte'],
  ['eingeweihte', 'Eingeweihte'],
  ['vertrauten', 'Vertraute'],
  ['ermittlern', 'Ermittler'],
  ['quellen', 'Quellen'],
  ['kreisen', 'Kreise'],
  ['kreise', 'Kreise'],
  ['personen', 'Personen'],
]);

/** English anonymous groups ("sources said", "according to people familiar with the matter"). */
export const EN_ANONYMOUS_GROUPS: ReadonlyMap<string, string> = new Map([
  ['sources', 'sources'],
  ['source', 'source'],
  ['insiders', 'insiders'],
  ['insider', 'insider'],
  ['people', 'people familiar with the matter'],
  ['persons', 'people familiar with the matter'],
  ['person', 'person familiar with the matter'],
  ['officials', 'officials'],
  ['analysts', 'analysts'],
  ['experts', 'experts'],
  ['diplomats', 'diplomats'],
  ['executives', 'executives'],
]);

/** Capitalised words that begin sentences or clauses and are never names (German). */
export const DE_NOT_NAMES = new Set([
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einer', 'eines', 'einem', 'einen', 'er', 'sie', 'es', 'wir', 'ich', 'ihr',
  'in', 'im', 'am', 'an', 'auf', 'mit', 'bei', 'nach', 'von', 'vom', 'vor', 'laut', 'auch', 'aber', 'und', 'oder', 'doch', 'so', 'zum',
  'zur', 'als', 'wie', 'wenn', 'dass', 'daneben', 'außerdem', 'gleichzeitig', 'zudem', 'dabei', 'damit', 'dann', 'denn', 'deshalb',
  'dies', 'diese', 'dieser', 'dieses', 'diesen', 'jetzt', 'nun', 'noch', 'nur', 'seine', 'seiner', 'sein', 'ihre', 'ihrer', 'man', 'es',
  'ob', 'für', 'über', 'unter', 'zu', 'aus', 'um', 'bis', 'seit', 'während', 'wegen', 'trotz', 'gegen', 'ohne', 'durch', 'hier', 'dort',
  'heute', 'gestern', 'morgen', 'zuvor', 'bereits', 'allerdings', 'jedoch', 'zunächst', 'schließlich', 'inzwischen', 'bislang', 'bisher',
  'ende', 'anfang', 'mitte', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag', 'kein', 'keine', 'alle',
  'viele', 'einige', 'mehrere', 'beide', 'beiden', 'was', 'wer', 'wo', 'warum', 'welche', 'welcher', 'unklar', 'zuletzt', 'insgesamt',
  'chef', 'chefin', 'sprecher', 'sprecherin', 'regierung', 'insidern', 'experten', 'ein', 'januar', 'februar', 'märz', 'april', 'mai',
  'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember', 'prozent', 'milliarden', 'millionen', 'dollar', 'euro',
]);

/** Capitalised words that are never names (English). */
export const EN_NOT_NAMES = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'in', 'on', 'at', 'and', 'or', 'but', 'so', 'as', 'if', 'when', 'while', 'after',
  'before', 'since', 'for', 'of', 'to', 'by', 'with', 'from', 'that', 'this', 'these', 'those', 'there', 'his', 'her', 'their', 'its',
  'according', 'however', 'meanwhile', 'also', 'still', 'last', 'next', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
  'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'mr', 'mrs', 'ms', 'dr', 'chief', 'executive', 'president', 'minister', 'prime', 'spokesperson', 'spokesman', 'spokeswoman',
  'reuters', 'people', 'sources', 'officials', 'analysts', 'experts', 'no', 'not', 'some', 'many', 'several', 'all', 'both', 'each',
  'we', 'you', 'our', 'what', 'who', 'why', 'how', 'where', 'which', 'one', 'two', 'three',
]);

/** German personal pronouns that can stand for the last person named. */
export const DE_PRONOUNS = new Set(['er', 'sie']);
/** English personal pronouns that can stand for the last person named. */
export const EN_PRONOUNS = new Set(['he', 'she']);

/** Endings of German common nouns; a capitalised word ending so is not taken for a name. */
export const DE_NOUN_ENDINGS = ['ung', 'heit', 'keit', 'schaft', 'tion', 'ismus', 'tät', 'ment', 'nis', 'chen', 'lich', 'ungen', 'ische', 'ischen', 'ischer'];
