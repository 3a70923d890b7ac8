import { franc } from 'franc-min';

// franc answers ISO 639-3; the metadata uses ISO 639-1. Only languages franc-min knows need a code.
const ISO3_TO_1: Record<string, string> = {
  deu: 'de', eng: 'en', fra: 'fr', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', pol: 'pl', ces: 'cs', slk: 'sk',
  hun: 'hu', ron: 'ro', swe: 'sv', dan: 'da', nob: 'no', nno: 'no', fin: 'fi', tur: 'tr', rus: 'ru', ukr: 'uk',
  bul: 'bg', srp: 'sr', hrv: 'hr', bos: 'bs', slv: 'sl', ell: 'el', arb: 'ar', heb: 'he', pes: 'fa', hin: 'hi',
  ben: 'bn', urd: 'ur', cmn: 'zh', jpn: 'ja', kor: 'ko', vie: 'vi', tha: 'th', ind: 'id', zlm: 'ms', tgl: 'tl',
  swh: 'sw', lit: 'lt', lav: 'lv', est: 'et', cat: 'ca', glg: 'gl', eus: 'eu', bel: 'be', kaz: 'kk', uzn: 'uz',
  azj: 'az', amh: 'am', hau: 'ha', yor: 'yo', ibo: 'ig', zul: 'zu', xho: 'xh', som: 'so', tam: 'ta', tel: 'te',
  kan: 'kn', mal: 'ml', mar: 'mr', guj: 'gu', pan: 'pa', npi: 'ne', sin: 'si', mya: 'my', khm: 'km',
};

/** Detects the language of a text as ISO 639-1, or null when the text is too short or unknown. */
export function detectLanguage(text: string): string | null {
  // franc reads the first ~2,000 characters well enough and is linear in input length.
  const sample = text.slice(0, 4000);
  if (sample.replace(/\s+/g, '').length < 20) return null;
  const code = franc(sample, { minLength: 20 });
  return ISO3_TO_1[code] ?? null;
}
