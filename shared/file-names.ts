/**
 * File names derived from user text (article titles, contact names) for exports. Whatever the title
 * holds, the name stays one harmless file name on Windows, macOS and Linux: no folder separators or
 * `..` (cannot leave the chosen folder), no device names (CON, NUL, COM1, …, which Windows opens as
 * devices whatever the extension), no control, bidi-override or zero-width characters (an RTL
 * override makes `cod.exe` look like `exe.doc`), no trailing dot or space (Windows strips them,
 * so two names could collide), and at most {@link MAX_NAME_BYTES} bytes in UTF-8 (ext4 and APFS
 * allow 255 bytes per name; the rest is headroom for a `-2` suffix).
 */

/** Upper bound of a generated name in UTF-8 bytes, extension included. */
export const MAX_NAME_BYTES = 200;

// C0/C1 controls, DEL, bidi embeddings/overrides/isolates and marks, zero-width characters, BOM,
// line/paragraph separators, the Unicode replacement and "object" characters.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffc]/g;
// Characters Windows forbids in names, plus both slashes everywhere.
const FORBIDDEN = /[<>:"/\\|?*]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)$/i;

/** UTF-8 byte length, computed from code points (shared/ has neither TextEncoder nor Buffer). */
function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Cuts `s` to at most `maxBytes` UTF-8 bytes without splitting a character. */
export function truncateUtf8(s: string, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of s) {
    const n = utf8Length(ch);
    if (bytes + n > maxBytes) break;
    out += ch;
    bytes += n;
  }
  return out;
}

/** True for names Windows reserves for devices (the part before the first dot decides: `con.tar.gz`). */
export function isReservedName(name: string): boolean {
  const stem = name.split('.')[0]?.trim() ?? '';
  return RESERVED.test(stem);
}

/**
 * A safe file name for an export: `title` cleaned as described above plus `.ext` (letters and
 * digits only). Falls back to `fallback` when nothing of the title is left.
 */
export function safeExportFileName(title: string, ext: string, fallback = 'export'): string {
  const cleanExt = ext.replace(/^\.+/, '').toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 10);
  const suffix = cleanExt ? `.${cleanExt}` : '';
  const clean = (s: string) =>
    s
      .normalize('NFC')
      .replace(/[\t\n\v\f\r\u0085\u2028\u2029]+/g, ' ')
      .replace(INVISIBLE, '')
      .replace(FORBIDDEN, '-')
      .replace(/\s+/g, ' ')
      .replace(/^[\s.-]+/, '')
      .replace(/[\s.]+$/, '');
  let base = clean(title);
  base = clean(truncateUtf8(base, MAX_NAME_BYTES - utf8Length(suffix)));
  if (!base || /^-+$/.test(base)) base = clean(fallback) || 'export';
  if (isReservedName(base)) base = `_${base}`;
  return `${base}${suffix}`;
}
