/**
 * Agency names as the parser reports them. Datelines and credits spell agencies in many ways
 * (`dpa/lno`, `REUTERS`, `Thomson Reuters`); the collection wants one spelling per agency.
 */

const AGENCY_BY_TOKEN: ReadonlyMap<string, string> = new Map([
  ['reuters', 'Reuters'],
  ['dpa', 'dpa'],
  ['dpa-afx', 'dpa-AFX'],
  ['afx', 'AFX'],
  ['afp', 'AFP'],
  ['ap', 'AP'],
  ['apa', 'APA'],
  ['kna', 'KNA'],
  ['epd', 'epd'],
  ['sid', 'SID'],
  ['ddp', 'ddp'],
  ['dts', 'dts'],
  ['sda', 'SDA'],
  ['ansa', 'ANSA'],
  ['efe', 'EFE'],
]);

/** Canonical name of an agency abbreviation (`AFP`, `dpa`, `Reuters`), or null when it is not a known agency. */
export function agencyFromToken(token: string): string | null {
  const t = token.trim().toLowerCase();
  if (t.length === 0 || t.length > 12) return null;
  return AGENCY_BY_TOKEN.get(t) ?? null;
}

/**
 * Agency of a dateline tag such as `dpa/lno`, `Reuters` or `AP`: the first slash-separated token
 * decides, because regional desks (`lno`, `lby`) are suffixes of the main agency.
 */
export function agencyFromTag(tag: string): string | null {
  const first = tag.split('/')[0];
  return first === undefined ? null : agencyFromToken(first);
}

/** Agency named in a copyright holder or credit text ("(c) Copyright Thomson Reuters 2025", "Copyright 2025, dpa"). */
export function agencyFromHolder(text: string): string | null {
  if (text.length > 500) return null;
  // Order matters: "dpa-AFX" before "dpa", "Associated Press" before bare "AP".
  if (/Reuters/i.test(text)) return 'Reuters';
  if (/\bdpa-AFX\b/i.test(text)) return 'dpa-AFX';
  if (/\bdpa\b/.test(text)) return 'dpa';
  if (/\bAFP\b|Agence France[- ]Presse/i.test(text)) return 'AFP';
  if (/Associated Press|\bAP\b/.test(text)) return 'AP';
  if (/\bAPA\b/.test(text)) return 'APA';
  if (/\bKNA\b/.test(text)) return 'KNA';
  if (/\bepd\b/.test(text)) return 'epd';
  if (/\bSID\b/.test(text)) return 'SID';
  return null;
}
