import { describe, expect, it } from 'vitest';
import { decodeText, EncodingError } from '../../../main/core/import/encoding.js';

const SAMPLE = 'Südwestbahn: Größere Züge für Fahrgäste, Ärger-freie Fahrt – „Straßenbahn“ kostet 5 € …';

// Windows-1252 bytes of the characters above 0x7F that Latin-1 does not have.
const CP1252_EXTRA: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };

/** Encodes text as Windows-1252 by hand, byte by byte. */
export function cp1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => {
    const extra = CP1252_EXTRA[ch];
    if (extra !== undefined) return extra;
    const cp = ch.codePointAt(0) ?? 0;
    if (cp > 0xff || (cp >= 0x80 && cp <= 0x9f)) throw new Error(`not in cp1252: ${ch}`);
    return cp;
  }));
}

function utf16be(text: string): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1] ?? 0;
    be[i + 1] = le[i] ?? 0;
  }
  return be;
}

describe('decodeText', () => {
  it('decodes UTF-8 without BOM', () => {
    expect(decodeText(new TextEncoder().encode(SAMPLE))).toEqual({ text: SAMPLE, encoding: 'utf-8' });
  });

  it('decodes UTF-8 with BOM and strips the BOM', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SAMPLE)]);
    expect(decodeText(bytes)).toEqual({ text: SAMPLE, encoding: 'utf-8-bom' });
  });

  it('decodes UTF-16 LE and BE with BOM', () => {
    expect(decodeText(Buffer.from('\ufeff' + SAMPLE, 'utf16le'))).toEqual({ text: SAMPLE, encoding: 'utf-16le' });
    expect(decodeText(utf16be('\ufeff' + SAMPLE))).toEqual({ text: SAMPLE, encoding: 'utf-16be' });
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8 (€, „“, umlauts)', () => {
    const bytes = cp1252(SAMPLE);
    expect(bytes).toContain(0xe4); // ä
    expect(bytes).toContain(0x80); // €
    expect(bytes).toContain(0x84); // „
    expect(bytes).toContain(0x93); // “
    expect(decodeText(bytes)).toEqual({ text: SAMPLE, encoding: 'windows-1252' });
  });

  it('reads ISO-8859-1 text as Windows-1252 with the same result', () => {
    const latin1 = 'Größe der Südwestbahn: 12° kälter, § 5 gilt, «Ärger» für Müller & Söhne';
    expect(decodeText(Buffer.from(latin1, 'latin1'))).toEqual({ text: latin1, encoding: 'windows-1252' });
  });

  it('decodes every Windows-1252 special character of 0x80–0x9F', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    const text = decodeText(bytes).text;
    expect(text).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
  });

  it('keeps plain ASCII as UTF-8', () => {
    expect(decodeText(new TextEncoder().encode('Hallo Welt'))).toEqual({ text: 'Hallo Welt', encoding: 'utf-8' });
  });

  it('refuses a UTF-8 BOM followed by invalid UTF-8 and UTF-16 with an odd byte count', () => {
    expect(() => decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x47, 0xe4, 0x20]))).toThrow(EncodingError);
    expect(() => decodeText(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42]))).toThrow(EncodingError);
  });
});
