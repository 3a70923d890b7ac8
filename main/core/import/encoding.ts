/**
 * Character encoding detection for imported text files. Newsroom files come as UTF-8 (with or
 * without BOM), UTF-16 from Windows tools, and Windows-1252/ISO-8859-1 from older systems and
 * agency feeds; nothing else is guessed.
 */

/** Raised when a file declares an encoding by its BOM but its bytes are not valid in it. */
export class EncodingError extends Error {
  constructor(
    readonly encoding: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'EncodingError';
  }
}

/** Which byte-order mark the bytes start with, if any. */
export function detectBom(bytes: Uint8Array): 'utf-8-bom' | 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function strictDecode(label: string, bytes: Uint8Array, encoding: string): string {
  try {
    // ignoreBOM: the BOM is already sliced off; a second U+FEFF is content and stays.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new EncodingError(encoding, `ungültige Bytefolge für ${encoding.toUpperCase()}`);
  }
}

/** Decodes file bytes: BOM (UTF-8, UTF-16 LE/BE), else strict UTF-8, else Windows-1252; throws EncodingError for a BOM with invalid content. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  const bom = detectBom(bytes);
  if (bom === 'utf-8-bom') return { text: strictDecode('utf-8', bytes.subarray(3), bom), encoding: bom };
  if (bom === 'utf-16le' || bom === 'utf-16be') {
    const body = bytes.subarray(2);
    if (body.length % 2 !== 0) throw new EncodingError(bom, `ungerade Byteanzahl für ${bom.toUpperCase()}`);
    return { text: strictDecode(bom, body, bom), encoding: bom };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8. Every byte sequence is valid Windows-1252, and for printable text it is a superset
    // of ISO-8859-1, so this never fails.
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

// WHATWG windows-1252 for 0x80–0x9F; the five undefined bytes stay C1 controls, as in the standard.
const CP1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/**
 * Decodes Windows-1252 by table. Not `new TextDecoder('windows-1252')`: Node 20's fast path decodes
 * that label as ISO-8859-1 and turns €, „ and “ (0x80, 0x84, 0x93) into C1 control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? b) : b));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}
