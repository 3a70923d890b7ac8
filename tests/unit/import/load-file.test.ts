import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs, { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError, type ErrorCode } from '../../../shared/errors.js';
import { loadBytes, loadFile, loadFileSync } from '../../../main/core/import/load-file.js';
import { MAX_IMPORT_BYTES, type LoadedFile } from '../../../main/core/import/types.js';

const STORY = 'Südwestbahn stoppt Ausbau\n\nDie Südwestbahn hat den Ausbau der Strecke gestoppt. Die Kosten seien um 40 Prozent gestiegen, sagte ein Sprecher in Stuttgart – „zu teuer“, hieß es. 5 € mehr pro Fahrt für Fahrgäste aus Oberschwaben.\n';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundstelle-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

async function refused(promise: Promise<unknown>, code: ErrorCode, file: string): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  const appErr = err as AppError;
  expect(appErr.code).toBe(code);
  expect(appErr.details.file).toBe(file);
  return appErr;
}

const CP1252: Record<string, number> = { '€': 0x80, '„': 0x84, '“': 0x93, '–': 0x96 };
const cp1252 = (s: string): Uint8Array => Uint8Array.from([...s].map((c) => CP1252[c] ?? c.charCodeAt(0)));

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) {
    const a = le[i] ?? 0;
    le[i] = le[i + 1] ?? 0;
    le[i + 1] = a;
  }
  return le;
}

/** Deterministic pseudo-random bytes (xorshift), with NULs sprinkled in. */
function noise(n: number, seed = 42): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = i % 17 === 0 ? 0 : x & 0xff;
  }
  return out;
}

describe('loadFile: encodings', () => {
  const cases: [string, string | Uint8Array, string][] = [
    ['utf8.txt', STORY, 'utf-8'],
    ['utf8-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(STORY, 'utf8')]), 'utf-8-bom'],
    ['utf16le.txt', Buffer.from('\ufeff' + STORY, 'utf16le'), 'utf-16le'],
    ['utf16be.txt', utf16be('\ufeff' + STORY), 'utf-16be'],
    ['cp1252.txt', cp1252(STORY), 'windows-1252'],
  ];
  for (const [name, content, encoding] of cases) {
    it(`decodes ${encoding}`, async () => {
      const loaded = await loadFile(write(name, content));
      expect(loaded.text).toBe(STORY);
      expect(loaded.encoding).toBe(encoding);
      expect(loaded.format).toBe('text');
      expect(loaded.name).toBe(name);
      expect(path.isAbsolute(loaded.path)).toBe(true);
    });
  }

  it('writes the Windows-1252 bytes it claims (ä 0xE4, € 0x80, „ 0x84, “ 0x93)', () => {
    const bytes = cp1252(STORY);
    for (const b of [0xe4, 0x80, 0x84, 0x93, 0xdf]) expect(bytes).toContain(b);
  });

  it('decodes ISO-8859-1', async () => {
    const text = 'Größe: 12° kälter in Überlingen, § 5 gilt für «Müller & Söhne».\n';
    const loaded = await loadFile(write('latin1.txt', Buffer.from(text, 'latin1')));
    expect(loaded.text).toBe(text);
    expect(loaded.encoding).toBe('windows-1252');
  });

  it('refuses a UTF-8 BOM followed by invalid bytes as FILE_ENCODING', async () => {
    const file = write('kaputt.txt', Uint8Array.from([0xef, 0xbb, 0xbf, 0x47, 0x72, 0xf6, 0xdf, 0x65]));
    await refused(loadFile(file), 'FILE_ENCODING', 'kaputt.txt');
  });
});

describe('loadFile: formats', () => {
  it('detects formats by extension', async () => {
    expect((await loadFile(write('seite.html', '<p>Südwestbahn</p>'))).format).toBe('html');
    expect((await loadFile(write('seite.HTM', '<p>Südwestbahn</p>'))).format).toBe('html');
    expect((await loadFile(write('seite.xhtml', '<p>Südwestbahn</p>'))).format).toBe('html');
    expect((await loadFile(write('notiz.md', '# Südwestbahn'))).format).toBe('markdown');
    expect((await loadFile(write('notiz.markdown', '# Südwestbahn'))).format).toBe('markdown');
    expect((await loadFile(write('meldung.wire', STORY))).format).toBe('text');
    expect((await loadFile(write('meldung.text', STORY))).format).toBe('text');
    expect((await loadFile(write('MELDUNG', STORY))).format).toBe('text');
  });

  it('detects HTML by content, after BOM and whitespace', async () => {
    const html = '\ufeff\n  <!DOCTYPE html><html><body><p>Südwestbahn</p></body></html>';
    expect((await loadFile(write('gespeichert.txt', html))).format).toBe('html');
    expect((await loadFile(write('ohne-endung', '<html lang="de"><body>x</body></html>'))).format).toBe('html');
    expect((await loadFile(write('text.txt', 'Ein <html>-Tag im Satz'))).format).toBe('text');
  });

  it('treats unknown extensions with valid text as text', async () => {
    const loaded = await loadFile(write('protokoll.log', STORY));
    expect(loaded.format).toBe('text');
    expect(loaded.text).toBe(STORY);
  });

  it('detects PDF by magic bytes, whatever the extension', async () => {
    const loaded = await loadFile(write('scan.dat', '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'));
    expect(loaded.format).toBe('pdf');
    expect(loaded.text).toBeNull();
    expect(loaded.encoding).toBeNull();
    expect(loaded.bytes.length).toBeGreaterThan(0);
  });

  it('does not take a text that mentions %PDF- for a PDF', async () => {
    expect((await loadFile(write('notiz.txt', 'PDF-Dateien beginnen mit %PDF-1.7, sagt die Technik.'))).format).toBe('text');
  });

  it('refuses a .pdf without PDF header as FILE_PARSE_FAILED', async () => {
    await refused(loadFile(write('bericht.pdf', 'Das ist kein PDF.')), 'FILE_PARSE_FAILED', 'bericht.pdf');
  });

  it('does not mistake UTF-16 text (full of NUL bytes) for binary', async () => {
    const loaded = await loadFile(write('notiz.md', Buffer.from('\ufeff# Südwestbahn\n\nText.', 'utf16le')));
    expect(loaded.format).toBe('markdown');
    expect(loaded.text).toBe('# Südwestbahn\n\nText.');
  });

  it('loads uploaded bytes the same way (loadBytes)', () => {
    const loaded = loadBytes('upload.md', new TextEncoder().encode('# Südwestbahn'));
    expect(loaded).toMatchObject({ name: 'upload.md', format: 'markdown', encoding: 'utf-8', text: '# Südwestbahn' });
    expect(() => loadBytes('leer.txt', new Uint8Array(0))).toThrow(AppError);
  });
});

describe('loadFile: refused input', () => {
  it('refuses an empty file', async () => {
    await refused(loadFile(write('leer.txt', '')), 'FILE_EMPTY', 'leer.txt');
  });

  it('refuses a whitespace-only file and a BOM-only file', async () => {
    await refused(loadFile(write('leer2.txt', ' \n\t\r\n  \n')), 'FILE_EMPTY', 'leer2.txt');
    await refused(loadFile(write('bom.txt', Uint8Array.from([0xef, 0xbb, 0xbf, 0x0a, 0x20]))), 'FILE_EMPTY', 'bom.txt');
    await refused(loadFile(write('bom16.txt', Buffer.from('\ufeff  \n', 'utf16le'))), 'FILE_EMPTY', 'bom16.txt');
  });

  it('refuses random bytes with NULs as FILE_BINARY', async () => {
    await refused(loadFile(write('daten.txt', noise(4096))), 'FILE_BINARY', 'daten.txt');
    await refused(loadFile(write('daten.bin', noise(4096, 7))), 'FILE_BINARY', 'daten.bin');
  });

  it('refuses text full of control characters as FILE_BINARY', async () => {
    const bytes = Uint8Array.from({ length: 2000 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x61));
    await refused(loadFile(write('steuer.txt', bytes)), 'FILE_BINARY', 'steuer.txt');
  });

  it('refuses a PNG as FILE_UNSUPPORTED, by signature even with a text extension', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...noise(200)]);
    const e1 = await refused(loadFile(write('foto.png', png)), 'FILE_UNSUPPORTED', 'foto.png');
    expect(e1.details.type).toBe('PNG');
    const e2 = await refused(loadFile(write('foto.txt', png)), 'FILE_UNSUPPORTED', 'foto.txt');
    expect(e2.details.type).toBe('PNG');
  });

  it('refuses a .docx (ZIP container) as FILE_UNSUPPORTED naming the type', async () => {
    const zip = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]),
      Buffer.from(noise(20)),
      Buffer.from('word/document.xml'),
      Buffer.from(noise(300)),
    ]);
    const e = await refused(loadFile(write('Bericht Südwestbahn.docx', zip)), 'FILE_UNSUPPORTED', 'Bericht Südwestbahn.docx');
    expect(e.details.type).toBe('DOCX');
    expect(e.message).toContain('DOCX');
  });

  it('refuses executables and databases by signature', async () => {
    const elf = Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...noise(100)]);
    expect((await refused(loadFile(write('programm', elf)), 'FILE_UNSUPPORTED', 'programm')).details.type).toBe('ELF');
    const sqlite = Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.from(noise(100))]);
    expect((await refused(loadFile(write('sammlung.dat', sqlite)), 'FILE_UNSUPPORTED', 'sammlung.dat')).details.type).toBe('SQLite');
  });

  it('refuses RTF by extension although it is text', async () => {
    await refused(loadFile(write('brief.rtf', '{\\rtf1\\ansi Südwestbahn}')), 'FILE_UNSUPPORTED', 'brief.rtf');
  });

  it('refuses a file over the limit before reading it', async () => {
    const file = path.join(dir, 'riesig.txt');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, MAX_IMPORT_BYTES + 1); // sparse: no disk space, instant
    const open = vi.spyOn(fsp, 'open');
    const readFile = vi.spyOn(fsp, 'readFile');
    const e = await refused(loadFile(file), 'FILE_TOO_LARGE', 'riesig.txt');
    expect(open).not.toHaveBeenCalled();
    expect(readFile).not.toHaveBeenCalled();
    expect(e.details.size).toBe('50,0 MB');
    expect(e.details.limit).toBe('50,0 MB');
  });

  it('reads a file under the limit through one file handle', async () => {
    const file = write('klein.txt', STORY);
    const open = vi.spyOn(fsp, 'open');
    await loadFile(file);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('reports a missing path as FILE_NOT_FOUND', async () => {
    await refused(loadFile(path.join(dir, 'gibt-es-nicht.txt')), 'FILE_NOT_FOUND', 'gibt-es-nicht.txt');
  });

  it('refuses a directory as FILE_UNREADABLE', async () => {
    fs.mkdirSync(path.join(dir, 'mappe'));
    const e = await refused(loadFile(path.join(dir, 'mappe')), 'FILE_UNREADABLE', 'mappe');
    expect(String(e.details.reason)).toMatch(/Ordner/);
  });

  it('refuses a path through a file (ENOTDIR) as FILE_UNREADABLE', async () => {
    const file = write('datei.txt', STORY);
    const e = await refused(loadFile(path.join(file, 'kind.txt')), 'FILE_UNREADABLE', 'kind.txt');
    expect(String(e.details.reason)).toContain('ENOTDIR');
  });

  it.skipIf(process.getuid?.() === 0)('refuses a file without read permission as FILE_UNREADABLE', async () => {
    const file = write('geheim.txt', STORY);
    fs.chmodSync(file, 0o000);
    const e = await refused(loadFile(file), 'FILE_UNREADABLE', 'geheim.txt');
    expect(String(e.details.reason)).toContain('EACCES');
  });
});

describe('loadFileSync (parse workers)', () => {
  it('loads and refuses exactly as loadFile does', async () => {
    const big = path.join(dir, 'riesig.txt');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, MAX_IMPORT_BYTES + 1);
    fs.mkdirSync(path.join(dir, 'mappe'));
    const cases = [
      write('meldung.txt', STORY),
      write('latin1.txt', cp1252('Die Kosten – „zu teuer“ – 5 € mehr.\n')),
      write('utf16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(STORY)])),
      write('seite.html', `<html><body><p>${STORY}</p></body></html>`),
      write('leer.txt', ''),
      write('rauschen.txt', noise(4096)),
      write('brief.rtf', '{\\rtf1 x}'),
      write('gross.txt', 'x'.repeat(3 << 20)), // several read chunks
      big,
      path.join(dir, 'mappe'),
      path.join(dir, 'gibt-es-nicht.txt'),
    ];
    // A FIFO without a writer: refused by its type before it is opened (opening it would wait for a writer).
    const fifo = path.join(dir, 'rohr');
    try {
      execFileSync('mkfifo', [fifo]);
      cases.push(fifo);
    } catch {
      // no mkfifo here
    }
    // Bytes compared by hash: a deep comparison of megabytes of Uint8Array takes seconds.
    const summary = (l: LoadedFile) => ({ ...l, bytes: createHash('sha256').update(l.bytes).digest('hex') });
    const outcome = (f: () => LoadedFile) => {
      try {
        return { ok: summary(f()) };
      } catch (e) {
        return { code: (e as AppError).code, details: (e as AppError).details };
      }
    };
    for (const file of cases) {
      const expected = await loadFile(file).then(
        (ok) => ({ ok: summary(ok) }),
        (e: AppError) => ({ code: e.code, details: e.details }),
      );
      expect(outcome(() => loadFileSync(file)), file).toEqual(expected);
    }
  });
});
