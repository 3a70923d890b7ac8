import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { freePathInside, resolveInside } from '../../../main/core/export-paths.js';
import { AppError } from '../../../shared/errors.js';
import { isReservedName, MAX_NAME_BYTES, safeExportFileName } from '../../../shared/file-names.js';
import { tempDir } from '../../helpers/db.js';

const { dir, cleanup } = tempDir('fundstelle-paths-');
afterAll(() => cleanup());
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('safeExportFileName', () => {
  it.each([
    ['Bodenseewerft erhält Großauftrag', 'md', 'Bodenseewerft erhält Großauftrag.md'],
    ['../../etc/passwd', 'txt', 'etc-passwd.txt'],
    ['..\\..\\Windows\\System32\\config', 'txt', 'Windows-System32-config.txt'],
    ['/absolute/path', 'csv', 'absolute-path.csv'],
    ['C:\\Users\\x', 'eml', 'C--Users-x.eml'],
    ['con', 'txt', '_con.txt'],
    ['CON', 'txt', '_CON.txt'],
    ['nul', 'md', '_nul.md'],
    ['Prn.tar', 'gz', '_Prn.tar.gz'],
    ['aux ', 'txt', '_aux.txt'],
    ['COM1', 'txt', '_COM1.txt'],
    ['lpt9', 'txt', '_lpt9.txt'],
    ['COM¹', 'txt', '_COM¹.txt'],
    ['console', 'txt', 'console.txt'],
    ['Bericht.', 'txt', 'Bericht.txt'],
    ['Bericht . . ', 'txt', 'Bericht.txt'],
    ['   ', 'txt', 'export.txt'],
    ['..', 'txt', 'export.txt'],
    ['.', 'md', 'export.md'],
    ['.bashrc', 'txt', 'bashrc.txt'],
    ['a\u0000b', 'txt', 'ab.txt'],
    ['Zeile1\nZeile2\r\tEnde', 'txt', 'Zeile1 Zeile2 Ende.txt'],
    ['Rechnung\u202Etxt.exe', 'pdf', 'Rechnungtxt.exe.pdf'],
    ['\u2066isolate\u2069 \u200Bzero\uFEFF', 'txt', 'isolate zero.txt'],
    ['Frage: Wer? "Wir" <sind> | *alle*', 'md', 'Frage- Wer- -Wir- -sind- - -alle-.md'],
    ['ok', '.MD', 'ok.md'],
    ['ok', '../../x', 'ok.x'],
    ['ok', '', 'ok'],
    ['-rf', 'txt', 'rf.txt'],
  ])('%j + %j → %j', (title, ext, expected) => {
    expect(safeExportFileName(title, ext)).toBe(expected);
  });

  it('limits the name to MAX_NAME_BYTES bytes of UTF-8 without splitting a character', () => {
    const name = safeExportFileName('Ü'.repeat(300) + '😀'.repeat(50), 'markdown');
    expect(bytes(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(name.endsWith('.markdown')).toBe(true);
    expect(name).not.toContain('\uFFFD');
    const emoji = safeExportFileName('😀'.repeat(100), 'txt');
    expect(bytes(emoji)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect([...emoji.replace('.txt', '')].every((c) => c === '😀')).toBe(true);
  });

  it('for any title: one plain, non-reserved name that stays inside the folder', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.constantFrom('md', 'txt', 'csv', 'eml', 'jsonld'), (title, ext) => {
        const name = safeExportFileName(title, ext);
        // eslint-disable-next-line no-control-regex -- the control characters are what is checked
        expect(name).not.toMatch(/[/\\<>:"|?*\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
        expect(name).not.toMatch(/^[.\s-]/);
        expect(isReservedName(name)).toBe(false);
        expect(bytes(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
        expect(path.dirname(resolveInside(dir, name))).toBe(path.resolve(dir));
      }),
      { numRuns: 300 },
    );
  });
});

describe('resolveInside', () => {
  it.each(['../x.txt', '..', '.', '', 'a/b.txt', 'a\\b.txt', '/etc/passwd', 'C:x.txt', 'con.txt', 'NUL', 'x\u0000.txt', 'trailing.', 'trailing '])('refuses %j', (name) => {
    expect(() => resolveInside(dir, name)).toThrow(AppError);
  });

  it('accepts a plain name and never overwrites with freePathInside', () => {
    expect(resolveInside(dir, 'Bericht.md')).toBe(path.join(path.resolve(dir), 'Bericht.md'));
    fs.writeFileSync(path.join(dir, 'Bericht.md'), 'x');
    expect(path.basename(freePathInside(dir, 'Bericht.md'))).toBe('Bericht-2.md');
  });
});
