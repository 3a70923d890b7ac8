/**
 * Shared helpers of the non-wire importers: an empty `ParsedArticle` and the normalisers that turn
 * loosely formatted metadata (dates, language tags, URLs, author lines) into the shapes the store expects.
 * Pure functions, no Node, no DOM.
 */
import type { Credit, ParsedArticle } from '../../../shared/article.js';
import type { CanonicalTextBuilder } from '../../../shared/text-builder.js';

/** A `ParsedArticle` with the builder's text and blocks and every metadata field empty. */
export function articleFromBuilder(builder: CanonicalTextBuilder): ParsedArticle {
  return {
    text: builder.text,
    blocks: [...builder.blocks],
    title: null,
    titleDerived: false,
    language: null,
    agency: null,
    copyright: null,
    url: null,
    published: null,
    dateline: null,
    datelineText: null,
    credits: [],
    deskContacts: [],
    versionMarkers: [],
    kicker: null,
  };
}

/** Collapses whitespace, drops anything tag-like and control characters; null when nothing is left. */
export function cleanMetaText(value: unknown, maxLength = 500): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const s = String(value)
    // Metadata is shown as text; a tag inside an attribute value is someone's markup, not content.
    .replace(/<\/?[a-zA-Z!][^>]*>?/g, ' ')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!s) return null;
  return s.length > maxLength ? s.slice(0, maxLength).trimEnd() : s;
}

// ISO 639-2 codes and language names that turn up in `lang` attributes and front matter.
const LANGUAGE_ALIASES: Record<string, string> = {
  deu: 'de', ger: 'de', german: 'de', deutsch: 'de',
  eng: 'en', english: 'en', englisch: 'en',
  fra: 'fr', fre: 'fr', french: 'fr', französisch: 'fr', francais: 'fr', français: 'fr',
  spa: 'es', spanish: 'es', spanisch: 'es', español: 'es',
  ita: 'it', italian: 'it', italienisch: 'it',
  nld: 'nl', dut: 'nl', dutch: 'nl', niederländisch: 'nl',
  pol: 'pl', polish: 'pl', polnisch: 'pl',
  por: 'pt', portuguese: 'pt',
  rus: 'ru', russian: 'ru', russisch: 'ru',
  tur: 'tr', turkish: 'tr', türkisch: 'tr',
  ukr: 'uk', ukrainian: 'uk', ukrainisch: 'uk',
  ara: 'ar', zho: 'zh', chi: 'zh', jpn: 'ja', kor: 'ko',
};

/** A language tag or name as ISO 639-1 lower case ("de-DE", "de_AT", "deu", "Deutsch" → "de"); null if unknown. */
export function normaliseLanguage(value: unknown): string | null {
  const s = cleanMetaText(value, 50)?.toLowerCase();
  if (!s) return null;
  const primary = s.split(/[-_\s]/)[0] ?? '';
  if (/^[a-z]{2}$/.test(primary)) return primary;
  return LANGUAGE_ALIASES[primary] ?? LANGUAGE_ALIASES[s] ?? null;
}

/** An absolute http(s) URL, normalised; anything else (javascript:, data:, relative, garbage) is null. */
export function normaliseHttpUrl(value: unknown): string | null {
  const s = cleanMetaText(value, 2000);
  if (!s) return null;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * A date in any common form as ISO 8601 with the precision the source gives: `2025`, `2025-02`,
 * `2025-02-25`, or a full timestamp (offset kept as given). Null if it is not a plausible date.
 */
export function normaliseDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  const s = cleanMetaText(value, 100);
  if (!s) return null;
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (m) {
    const [, y, mo, d] = m;
    if (mo && !validYmd(Number(y), Number(mo), d ? Number(d) : 1)) return null;
    return s;
  }
  // Full timestamp: keep seconds, fractions and offset exactly as given; a space separator becomes "T".
  m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(s);
  if (m) {
    const [, y, mo, d, hh, mi, ss, frac, tz] = m;
    if (!validYmd(Number(y), Number(mo), Number(d)) || Number(hh) > 23 || Number(mi) > 59) return null;
    let out = `${y}-${mo}-${d}T${hh}:${mi}`;
    if (ss) out += `:${ss}${frac ?? ''}`;
    if (tz) out += tz.toUpperCase() === 'Z' ? 'Z' : tz.includes(':') ? tz : `${tz.slice(0, 3)}:${tz.slice(3)}`;
    return out;
  }
  // German day-first dates: 25.02.2025, 25.2.2025
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) {
    const [, d, mo, y] = m;
    if (!validYmd(Number(y), Number(mo), Number(d))) return null;
    return `${y}-${pad2(Number(mo))}-${pad2(Number(d))}`;
  }
  // RFC 2822 and other forms Date understands, but only when they carry a time zone, so the
  // conversion to UTC does not silently move a local time.
  if (/[a-z]{3},?\s+\d{1,2}\s+[a-z]{3}\s+\d{4}\s+\d{2}:\d{2}/i.test(s) || /\b(GMT|UTC|[+-]\d{4})\b/.test(s)) {
    const t = Date.parse(s);
    if (!Number.isNaN(t)) return new Date(t).toISOString();
  }
  return null;
}

// Agency abbreviations that trail bylines ("Von Anna Beispiel, dpa"): credits of the agency, not persons.
const AGENCY_TOKENS = new Set(['dpa', 'afp', 'ap', 'apa', 'reuters', 'kna', 'epd', 'sid', 'dts', 'ddp', 'ots', 'dpa-afx']);

/** Splits an author line ("Von A und B", "A, B & C") into author credits; agency tokens and URLs are dropped. */
export function splitAuthors(value: unknown): Credit[] {
  const s = cleanMetaText(value, 1000);
  if (!s) return [];
  const names = s
    .replace(/^(?:von|by|text|autor(?:in)?|author)\s*:?\s+/i, '')
    .split(/\s*(?:,|;|&|\/|\bund\b|\band\b|\bsowie\b)\s*/i)
    .map((n) => n.replace(/^(?:von|by)\s+/i, '').trim())
    .filter((n) => n.length > 1 && n.length <= 100 && !AGENCY_TOKENS.has(n.toLowerCase()) && !/^[a-z]+:\/\//i.test(n) && /\p{L}/u.test(n));
  return uniqueCredits(names.map((name) => ({ role: 'author' as const, name })));
}

/** Drops repeated credits (same role and name, case-insensitive), keeping the first. */
export function uniqueCredits(credits: Credit[]): Credit[] {
  const seen = new Set<string>();
  return credits.filter((c) => {
    const key = `${c.role}\u0000${c.name.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
