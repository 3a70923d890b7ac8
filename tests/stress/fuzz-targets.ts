/**
 * Fuzzing every importer: property-based inputs built from the formats' own pieces, real fixtures
 * mutated at random, and random bytes. A case passes when the importer returns or throws one of
 * its documented errors (AppError with a code, or the parser's typed syntax error) within
 * {@link MAX_CASE_MS} of CPU time. Anything else — TypeError, RangeError, a stack overflow, a hang — is a crash.
 * `npm test` runs a few hundred cases per importer (tests/unit/reliability/fuzz.test.ts);
 * tests/stress/fuzz.ts runs 10,000 each.
 */
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import fs from 'node:fs';
import path from 'node:path';
import { exportAnnotations, importW3cAnnotations } from '../../main/core/annotation-export/index.js';
import { createAnnotation } from '../../main/core/annotations.js';
import { collectArchive } from '../../main/core/archive/export.js';
import { importArchive } from '../../main/core/archive/import.js';
import { insertArticle } from '../../main/core/articles.js';
import { validateStyle } from '../../main/core/citations/custom-styles.js';
import { CsvSyntaxError, parseContactsCsv } from '../../main/core/contacts-csv.js';
import { importContacts } from '../../main/core/contacts.js';
import { parseVCards, VCardSyntaxError } from '../../main/core/contacts-vcard.js';
import { parseHtml } from '../../main/core/import/html.js';
import { loadBytes } from '../../main/core/import/load-file.js';
import { parseMarkdown } from '../../main/core/import/markdown.js';
import { parsePdf } from '../../main/core/import/pdf.js';
import { completeArticle, parseLoaded } from '../../main/core/import/parse.js';
import { parsePlainText } from '../../main/core/import/plain-text.js';
import { parseWire } from '../../main/core/import/wire/index.js';
import { openDatabase, type Database } from '../../main/db/open.js';
import { AppError } from '../../shared/errors.js';
import { parsed } from '../helpers/db.js';

/** A case using more CPU time than this counts as a hang. */
export const MAX_CASE_MS = 1000;

const ROOT = path.resolve(import.meta.dirname, '../..');
const readDir = (dir: string, ext: RegExp) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => ext.test(f))
        .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    : [];

const WIRE_SEEDS = readDir(path.join(ROOT, 'tests/fixtures/wire'), /\.txt$/);
const HTML_SEEDS = readDir(path.join(ROOT, 'tests/fixtures/import'), /\.html?$/);
const HOSTILE_DIR = path.join(ROOT, 'tests/fixtures/hostile');
const HOSTILE_SEEDS = readDir(HOSTILE_DIR, /\.(txt|md|html?)$/);

const MD_SEEDS = [
  '---\ntitle: "Fähren für den See"\nauthor: Anna Beispiel; Bernd Muster\ndate: 2026-03-01\nlang: de\nurl: https://example.org/a\n---\n\n# Fähren für den See\n\nDie **Werft** hat einen [Auftrag](https://example.org) erhalten.\n\n## Zeitplan\n\n- eins\n- zwei\n\n> Zitat\n\n```\ncode\n```\n',
  '# Titel\n\nText mit <b>HTML</b> und ![Bild](x.png) und [link][1].\n\n[1]: javascript:alert(1)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
];

const WIRE_PIECES = [
  'Berlin (Reuters) - ', 'Frankfurt, 12. März (dpa) - ', 'PARIS (AFP) - ', 'WASHINGTON (AP) — ', 'Wien (APA) - ', '(Bericht von Anna Beispiel; Redigiert von Bernd Muster)',
  '(Reporting by Jane Doe; Editing by John Roe)', 'Berichtigung:', 'KORREKTUR', 'CORRECTED-', 'UPDATE 2-', '(Adds quote)', 'Neufassung', '(c) Copyright Thomson Reuters 2026',
  'Bei Rückfragen wenden Sie sich an desk@example.org (für Politik)', 'Die folgenden Informationen sind nicht zur Veröffentlichung bestimmt', 'ans/cha', 'dpa ab yyzz n1 xx', '© dpa-infocom',
  'ZWISCHENTITEL IN GROSSBUCHSTABEN', 'Mehr als 40 Millionen Euro', '12.3.2026', '2026-03-12T10:00:00Z', '\u00a0', '\t', '\r\n', '\n\n', '***', '###', '=', '--', '(', ')', ';', ',',
];

const HTML_PIECES = [
  '<html>', '</html>', '<head>', '<title>T</title>', '<meta name="author" content="A">', '<meta property="og:title" content="X">', '<meta name="date" content="2026-03-01">',
  '<body>', '<article>', '<p>', '</p>', '<h1>', '</h1>', '<h2>Zwischen</h2>', '<div>', '</div>', '<script>window.__pwned=1</script>', '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>', '<iframe src="data:text/html,<script>alert(1)</script>">', '<svg><script>alert(1)</script></svg>', '<style>p{}</style>', '<!--', '-->',
  '<![CDATA[', ']]>', '&amp;', '&#0;', '&#x110000;', '&nbsp;', '<table><tr><td>1</td></tr></table>', '<ul><li>a</li></ul>', '<br>', '<pre>x</pre>', '<template>', '<noscript>', '<math>',
  'Text mit Inhalt, der lang genug ist, um als Absatz zu gelten. ', '\u202e', '\0',
];

const VCARD_PIECES = [
  'BEGIN:VCARD', 'END:VCARD', 'VERSION:4.0', 'VERSION:3.0', 'VERSION:2.1', 'FN:Anna Beispiel', 'N:Beispiel;Anna;;;', 'EMAIL:anna@example.org', 'EMAIL;TYPE=work:desk@example.org',
  'ORG:Zeitung;Ressort', 'TEL;TYPE=cell:+49 170 0000000', 'NOTE:Zeile\\nzwei\\, drei', 'CATEGORIES:Politik,Wirtschaft', 'item1.EMAIL:x@example.org', 'PHOTO;ENCODING=b:AAAA',
  ' folded', '\t', 'X-CUSTOM;PARAM="a:b":v', 'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=84', ':', ';', '=', '\r\n', '\n',
];

const CSV_PIECES = ['name', 'email', 'organisation', 'Name', 'E-Mail', 'Organisation', 'Anna', 'anna@example.org', '"quoted, with comma"', '"a ""b"" c"', '"open', ',', ';', '\n', '\r\n', '\uFEFF', '=HYPERLINK("x")', ''];

/** Random edits of a seed text: deletions, duplications, insertions, replacements. */
function mutated(seeds: readonly string[], pieces: readonly string[]): fc.Arbitrary<string> {
  if (seeds.length === 0) return fc.constant('');
  const edit = fc.tuple(fc.nat(), fc.nat({ max: 400 }), fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 })), fc.nat({ max: 3 }));
  return fc.tuple(fc.constantFrom(...seeds), fc.array(edit, { maxLength: 12 })).map(([seed, edits]) => {
    let s = seed;
    for (const [pos, len, ins, kind] of edits) {
      const at = s.length ? pos % s.length : 0;
      if (kind === 0) s = s.slice(0, at) + s.slice(at + len);
      else if (kind === 1) s = s.slice(0, at) + s.slice(at, at + len) + s.slice(at);
      else if (kind === 2) s = s.slice(0, at) + ins + s.slice(at);
      else s = s.slice(0, at) + ins + s.slice(at + Math.min(len, ins.length));
    }
    return s;
  });
}

/** Texts built from a format's own pieces with random glue. */
function assembled(pieces: readonly string[], maxParts = 60): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...pieces) }, { weight: 2, arbitrary: fc.string({ maxLength: 30 }) }, { weight: 1, arbitrary: fc.constantFrom('\n', '\n\n', ' ', '\r') }), { maxLength: maxParts })
    .map((parts) => parts.join(''));
}

function textInputs(seeds: readonly string[], pieces: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: mutated([...seeds, ...HOSTILE_SEEDS], pieces) },
    { weight: 3, arbitrary: assembled(pieces) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 2000 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 2000 }) },
    // Pathological shapes: very long lines, deep repetition (regex back-tracking).
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...pieces, 'a', ' ', '(', '<', '*', '-'), fc.integer({ min: 1000, max: 60_000 })).map(([p, n]) => p.repeat(Math.ceil(n / Math.max(1, p.length)))) },
  );
}

/** Random bytes, and the bytes of random text in odd encodings. */
const byteInputs: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 4096 }),
  fc.string({ unit: 'binary', maxLength: 2000 }).map((s) => new TextEncoder().encode(s)),
  fc.tuple(fc.constantFrom(new Uint8Array([0xef, 0xbb, 0xbf]), new Uint8Array([0xff, 0xfe]), new Uint8Array([0xfe, 0xff]), new Uint8Array([0x25, 0x50, 0x44, 0x46])), fc.uint8Array({ maxLength: 2048 })).map(([a, b]) => {
    const out = new Uint8Array(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
  }),
);

const isAppError = (e: unknown) => e instanceof AppError;

/** One importer under fuzz. */
export interface FuzzTarget<T> {
  name: string;
  arbitrary: () => Promise<fc.Arbitrary<T>> | fc.Arbitrary<T>;
  run: (input: T) => unknown;
  /** The documented errors; anything else thrown is a crash. */
  allowed: (e: unknown) => boolean;
  /** Cases in `npm test`. */
  quick: number;
}

let memDb: Database | null = null;
let w3cSeed: string | null = null;
/** An in-memory collection with one article and one annotation: the target of W3C and contact imports. */
function db(): Database {
  if (!memDb) {
    memDb = openDatabase(':memory:');
    const { id } = insertArticle(memDb, parsed([['paragraph', 'Lindau (Reuters) - Die Werft hat einen Auftrag über 40 Millionen Euro erhalten.']]), {
      file: 'a.txt',
      format: 'wire',
      encoding: 'utf-8',
      importedAt: '2026-01-01T00:00:00.000Z',
    });
    createAnnotation(memDb, { articleId: id, start: 20, end: 30, type: 'claim', note: 'Notiz', tags: ['a'] });
    w3cSeed = exportAnnotations(memDb, 'w3c').content;
  }
  return memDb;
}

async function pdfSeeds(): Promise<Uint8Array[]> {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const out: Uint8Array[] = [];
  for (const [title, lines] of [
    ['Fähren für den See', ['Lindau (Reuters) - Die Werft hat einen Auftrag erhalten.', 'Die Fähren sollen ab 2027 pendeln.']],
    ['', ['Nur eine Zeile']],
    ['Zwei Seiten', ['Seite eins', '\f', 'Seite zwei mit mehr Text, der umbrochen wird und lang genug ist.']],
  ] as const) {
    const doc = await PDFDocument.create();
    if (title) doc.setTitle(title);
    doc.setAuthor('Anna Beispiel');
    const font = await doc.embedFont(StandardFonts.Helvetica);
    let page = doc.addPage([400, 300]);
    let y = 260;
    for (const line of lines) {
      if (line === '\f') {
        page = doc.addPage([400, 300]);
        y = 260;
        continue;
      }
      page.drawText(line.replace(/[^\x20-\x7e]/g, 'a'), { x: 20, y, size: 11, font });
      y -= 16;
    }
    out.push(await doc.save({ useObjectStreams: title !== '' }));
  }
  return out;
}

function mutatedBytes(seeds: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  const edit = fc.tuple(fc.nat(), fc.nat({ max: 64 }), fc.nat({ max: 255 }), fc.nat({ max: 3 }));
  return fc.tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 10 })).map(([seed, edits]) => {
    let b = Array.from(seed);
    for (const [pos, len, value, kind] of edits) {
      const at = pos % Math.max(1, b.length);
      if (kind === 0) b[at] = value; // flip
      else if (kind === 1) b.splice(at, len); // delete
      else if (kind === 2) b.splice(at, 0, ...b.slice(at, at + len)); // duplicate
      else b = b.slice(0, Math.max(8, at)); // truncate
    }
    return new Uint8Array(b);
  });
}

/**
 * A small complete CSL style: the fuzzing seed. The 90 KB APA style is not used: citeproc needs
 * 5–8 s and about 95 MB per distinct large style on this machine (reported, see tests/stress/README).
 */
const SMALL_CSL = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Fuzz</title><id>http://example.org/styles/fuzz</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <macro name="author"><names variable="author"><name name-as-sort-order="all" delimiter="; "/><substitute><text variable="container-title"/></substitute></names></macro>
  <citation><layout prefix="(" suffix=")" delimiter="; "><text macro="author"/><date variable="issued" prefix=", "><date-part name="year"/></date></layout></citation>
  <bibliography><layout suffix="."><text macro="author"/><text variable="title" prefix=": " quotes="true"/><text variable="container-title" prefix=". " font-style="italic"/><date variable="issued" prefix=", "><date-part name="day" suffix=". "/><date-part name="month" suffix=" "/><date-part name="year"/></date></layout></bibliography>
</style>
`;

/** The JSON entries of an archive of the fuzz collection (article, annotation, contacts), by entry name. */
function archiveSeedEntries(): Record<string, string> {
  const c = collectArchive(db());
  return {
    'manifest.json': JSON.stringify(c.manifest),
    'articles.json': JSON.stringify(c.articles),
    'annotations.json': JSON.stringify(c.annotations),
    'sources.json': JSON.stringify(c.sources),
    'contacts.json': JSON.stringify(c.contacts),
    'inquiries.json': JSON.stringify(c.inquiries),
    'citations.json': JSON.stringify(c.citations),
    'mappen.json': JSON.stringify(c.mappen),
  };
}

function zipEntries(entries: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, strToU8(v)])));
}

const JSON_PIECES = ['{', '}', '[', ']', '"', ':', ',', 'null', 'true', '1e999', '-1', '""', '"\\u0000"', '"../x"', '"<script>alert(1)</script>"', '"javascript:alert(1)"', '99999999999999999999'];

/** `.fundstelle` archives: valid zips with hostile JSON entries, mutated zip bytes, hostile entry names, random bytes. */
function archiveInputs(): fc.Arbitrary<Uint8Array> {
  const entries = archiveSeedEntries();
  const names = Object.keys(entries);
  const one = (name: string, value: string) => zipEntries({ ...entries, [name]: value });
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...names).chain((name) => mutated([entries[name] as string], JSON_PIECES).map((v) => one(name, v))) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...names), fc.jsonValue()).map(([name, v]) => one(name, JSON.stringify(v) ?? 'null')) },
    { weight: 2, arbitrary: mutatedBytes([zipEntries(entries)]) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('../evil.json', '/etc/passwd', 'C:\\x.json', 'a/../../b.json', 'articles.json/../x', 'nul\u0000.json'), fc.string({ maxLength: 50 }))
        .map(([name, v]) => zipEntries({ ...entries, [name]: v })),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }) },
  );
}

export const FUZZ_TARGETS: FuzzTarget<never>[] = [
  {
    name: 'wire (parseWire)',
    arbitrary: () => textInputs(WIRE_SEEDS, WIRE_PIECES),
    run: (s: string) => parseWire(s),
    allowed: () => false,
    quick: 200,
  },
  {
    name: 'plain text (parsePlainText)',
    arbitrary: () => textInputs(WIRE_SEEDS, WIRE_PIECES),
    run: (s: string) => completeArticle(parsePlainText(s), 'x.txt'),
    allowed: isAppError,
    quick: 150,
  },
  {
    name: 'Markdown (parseMarkdown)',
    arbitrary: () => textInputs(MD_SEEDS, ['#', '##', '**', '_', '`', '```', '---', '> ', '- ', '1. ', '[a](b)', '![x](javascript:alert(1))', '<script>', '&amp;', '\\', '|', ':', 'title: x', '\n']),
    run: (s: string) => completeArticle(parseMarkdown(s), 'x.md'),
    allowed: isAppError,
    quick: 150,
  },
  {
    name: 'HTML (parseHtml)',
    arbitrary: () => textInputs(HTML_SEEDS, HTML_PIECES),
    run: (s: string) => parseHtml(s, 'x.html'),
    allowed: isAppError,
    quick: 50,
  },
  {
    name: 'PDF (parsePdf)',
    arbitrary: async () => fc.oneof({ weight: 5, arbitrary: mutatedBytes(await pdfSeeds()) }, { weight: 1, arbitrary: byteInputs }),
    run: (b: Uint8Array) => parsePdf(b, 'x.pdf'),
    allowed: isAppError,
    quick: 50,
  },
  {
    name: 'file loading + pipeline (random bytes, any type)',
    arbitrary: async () => {
      // pdf.js starts its (fake) worker on the first PDF: about 2 s of CPU once, not the input's fault.
      await parsePdf(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]), 'warm-up.pdf').catch(() => undefined);
      return fc.tuple(fc.constantFrom('a.txt', 'b.md', 'c.html', 'd.pdf', 'e', 'f.wire', 'g.docx', 'h.htm'), byteInputs);
    },
    run: async ([name, bytes]: [string, Uint8Array]) => {
      const { article } = await parseLoaded(loadBytes(name, bytes));
      return completeArticle(article, name);
    },
    allowed: isAppError,
    quick: 120,
  },
  {
    name: 'W3C annotation JSON (importW3cAnnotations)',
    arbitrary: () => {
      db();
      const seed = w3cSeed as string;
      return fc.oneof(
        { weight: 3, arbitrary: mutated([seed], ['{', '}', '[', ']', '"', ':', ',', 'null', '"exact"', '"TextQuoteSelector"', '"urn:fundstelle:article:1"', '1e999', '-0', '"\\u0000"']) },
        { weight: 2, arbitrary: fc.json({ maxDepth: 5 }) },
        {
          weight: 2,
          arbitrary: fc.tuple(fc.jsonValue(), fc.constantFrom('body', 'target', 'selector', 'id', 'type', 'created', 'motivation', 'items', 'source', 'exact', 'start')).map(([v, key]) =>
            seed.replace(new RegExp(`"${key}":\\s*("[^"]*"|\\d+)`), `"${key}": ${JSON.stringify(v)}`),
          ),
        },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 1000 }) },
      );
    },
    run: (s: string) => importW3cAnnotations(db(), 'x.jsonld', s),
    allowed: isAppError,
    quick: 200,
  },
  {
    name: 'archive .fundstelle (importArchive)',
    arbitrary: archiveInputs,
    run: (bytes: Uint8Array) => importArchive(db(), 'fuzz.fundstelle', bytes, 'en'),
    allowed: isAppError,
    quick: 150,
  },
  {
    name: 'vCard (parseVCards + importContacts)',
    arbitrary: () => fc.oneof({ weight: 4, arbitrary: fc.array(fc.constantFrom(...VCARD_PIECES, 'BEGIN:VCARD\nFN:A\nEMAIL:a@example.org\nEND:VCARD'), { maxLength: 40 }).map((l) => l.join('\n')) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 1000 }) }),
    run: (s: string) => {
      try {
        parseVCards(s);
      } catch (e) {
        if (!(e instanceof VCardSyntaxError)) throw e;
      }
      return importContacts(db(), 'x.vcf', s);
    },
    allowed: isAppError,
    quick: 200,
  },
  {
    name: 'contacts CSV (parseContactsCsv + importContacts)',
    arbitrary: () => fc.oneof({ weight: 4, arbitrary: fc.array(fc.constantFrom(...CSV_PIECES), { maxLength: 60 }).map((l) => l.join('')) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 1000 }) }),
    run: (s: string) => {
      try {
        parseContactsCsv(s);
      } catch (e) {
        if (!(e instanceof CsvSyntaxError)) throw e;
      }
      return importContacts(db(), 'x.csv', s);
    },
    allowed: isAppError,
    quick: 200,
  },
  {
    name: 'CSL style (validateStyle)',
    arbitrary: () =>
      fc.oneof(
        { weight: 4, arbitrary: mutated([SMALL_CSL], ['<', '>', '</', '/>', '<!--', '-->', '<![CDATA[', '&', '&#0;', 'xmlns="http://purl.org/net/xbiblio/csl"', '<text variable="title"/>', '<macro name="x">', '<citation>', '<layout>', '"', "'", '<info>', '<id>', '<title>']) },
        { weight: 1, arbitrary: assembled(['<?xml version="1.0"?>', '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" class="in-text">', '<info>', '</info>', '<id>x</id>', '<title>T</title>', '<citation>', '<layout>', '<text variable="title"/>', '</layout>', '</citation>', '</style>', '<!--', '-->', '<']) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 1000 }) },
      ),
    run: (s: string) => validateStyle('fuzz.csl', s),
    allowed: isAppError,
    quick: 100,
  },
] as unknown as FuzzTarget<never>[];

/** What one fuzz run found. */
export interface FuzzResult {
  name: string;
  cases: number;
  crashes: { error: string; input: string }[];
  hangs: { ms: number; input: string }[];
  /** Slowest case in CPU milliseconds (what decides a hang). */
  maxMs: number;
  /** Slowest case in wall-clock milliseconds. */
  maxWallMs: number;
  /** Heap growth over the run in MB (after a GC when available). */
  heapGrowthMb: number;
}

function preview(input: unknown): string {
  const s = input instanceof Uint8Array ? `bytes(${input.length}): ${Buffer.from(input.slice(0, 60)).toString('hex')}` : JSON.stringify(input) ?? String(input);
  return s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s;
}

/** Runs `cases` inputs of one target (reproducible from `seed`), timing each. */
export async function runFuzzTarget(target: FuzzTarget<never>, cases: number, seed = 42): Promise<FuzzResult> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const arbitrary = await target.arbitrary();
  const result: FuzzResult = { name: target.name, cases: 0, crashes: [], hangs: [], maxMs: 0, maxWallMs: 0, heapGrowthMb: 0 };
  // One untimed call first: loading pdf.js, linkedom or citeproc is not the input's fault.
  try {
    await target.run(fc.sample(arbitrary, { numRuns: 1, seed })[0] as never);
  } catch {
    /* judged below with the timed cases */
  }
  // Generated in batches so a 10,000-case run never holds all inputs at once.
  for (let done = 0; done < cases; ) {
    const batch = fc.sample(arbitrary, { numRuns: Math.min(500, cases - done), seed: seed + done });
    for (const input of batch) {
      // Garbage of earlier cases is collected outside the timing: a major collection of a heap
      // grown over hundreds of HTML documents took over a second of CPU (all GC threads count) and
      // was charged to whichever input happened to trigger it. Needs --expose-gc (the scripts set it).
      if (result.cases % 200 === 0) gc?.();
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      try {
        await target.run(input);
      } catch (e) {
        if (!target.allowed(e)) result.crashes.push({ error: e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : String(e), input: preview(input) });
      }
      const wall = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      // CPU time decides: on a shared machine (load 13 on 2 cores while this was written) wall time
      // mostly measures the neighbours. Wall time is reported too.
      const ms = (cpu.user + cpu.system) / 1000;
      result.maxMs = Math.max(result.maxMs, ms);
      result.maxWallMs = Math.max(result.maxWallMs, wall);
      if (ms > MAX_CASE_MS) result.hangs.push({ ms: Math.round(ms), input: preview(input) });
      result.cases++;
    }
    done += batch.length;
  }
  gc?.();
  result.heapGrowthMb = Math.round(((process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024) * 10) / 10;
  result.maxMs = Math.round(result.maxMs);
  result.maxWallMs = Math.round(result.maxWallMs);
  return result;
}
