import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportAnnotations } from '../../../main/core/annotation-export/index.js';
import { createAnnotation, getAnnotation } from '../../../main/core/annotations.js';
import { getArticle } from '../../../main/core/articles.js';
import { exportCitations } from '../../../main/core/citations/export.js';
import { createContact, getContact } from '../../../main/core/contacts.js';
import { importFile, importUpload } from '../../../main/core/import/pipeline.js';
import { createInquiry, getInquiry, setInquiryStatus } from '../../../main/core/inquiries.js';
import { createSource, getSource } from '../../../main/core/sources.js';
import type { Database } from '../../../main/db/open.js';
import { tempDb } from '../../helpers/db.js';

// Every hostile input through every import path and every place user text is stored: importers
// produce plain text (the HTML importer drops all markup, the others keep text verbatim as text),
// stored user text comes back byte for byte, and exports escape where their format needs it. The UI
// side (nothing runs when it is shown) is tests/e2e/hostile-input.test.ts.

const CORPUS = path.resolve(import.meta.dirname, '../../fixtures/hostile');
const files = fs.readdirSync(CORPUS).filter((f) => f !== 'README.md');
const MARKUP_ONLY = ['__pwned', 'onerror', 'onload', 'javascript:', 'evil.example', 'srcdoc', 'data:text/html', 'expression('];
const TAG = /<\/?[a-z][\w-]*(\s|>|\/)/i;

/** Strings a hostile user could type anywhere: notes, tags, names, answers. */
export const HOSTILE_STRINGS = [
  `<script>window.__pwned='note'</script>`,
  `<img src=x onerror="window.__pwned='img'">`,
  `[klick](javascript:window.__pwned='md')`,
  `<a href="javascript:alert(1)">x</a>`,
  `<svg onload=alert(1)>`,
  `"><iframe src=data:text/html,<script>alert(1)</script>>`,
  `=HYPERLINK("https://evil.example","x")`,
  `Quelle \u202Efdp.exe\u202C`,
  `{{constructor.constructor('alert(1)')()}}`,
  `\`\`\`html\n<script>alert(1)</script>\n\`\`\``,
];

let db: Database;
let cleanup: () => void;
beforeEach(() => {
  ({ db, cleanup } = tempDb());
});
afterEach(() => cleanup());

async function importAll(): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const f of files) {
    const r = await importFile(db, path.join(CORPUS, f));
    expect(r.ok, `${f}: ${r.ok ? '' : r.error.message}`).toBe(true);
    if (r.ok) ids.set(f, r.article.id);
  }
  return ids;
}

describe('hostile corpus through the importers', () => {
  it('HTML pages: no markup, no URL, no handler reaches the stored article', async () => {
    const ids = await importAll();
    for (const f of files.filter((x) => x.endsWith('.html'))) {
      const a = getArticle(db, ids.get(f)!);
      const stored = [a.title, a.text, a.url ?? '', ...a.credits.map((c) => c.name), a.agency ?? ''].join('\n');
      for (const word of MARKUP_ONLY) expect(stored, `${f} contains ${word}`).not.toContain(word);
      expect(a.title).not.toMatch(TAG);
      // The only tag-like text is the one the page shows as text (&lt;script&gt; in a paragraph).
      const tagLike = a.text.match(new RegExp(TAG.source, 'gi')) ?? [];
      expect(tagLike.every((t) => /^<\/?script>?$/i.test(t.trim()))).toBe(true);
      expect(a.source.file).toBe(f);
    }
  });

  it('Markdown: link targets, raw HTML and front-matter markup are dropped', async () => {
    const ids = await importAll();
    for (const f of files.filter((x) => x.endsWith('.md'))) {
      const a = getArticle(db, ids.get(f)!);
      expect(a.title).not.toMatch(TAG);
      expect(a.url).toBeNull(); // a javascript: URL is not a URL
      for (const word of ['javascript:', 'data:text/html', 'evil.example', '__pwned', 'onerror', 'onmouseover']) expect(a.text, `${f}: ${word}`).not.toContain(word);
      expect(a.credits.map((c) => c.name).join()).not.toMatch(/onerror|<img/);
    }
  });

  it('plain text keeps markup as literal text, the RTL override included', async () => {
    const ids = await importAll();
    const f = files.find((x) => x.endsWith('.txt'))!;
    const a = getArticle(db, ids.get(f)!);
    const raw = fs.readFileSync(path.join(CORPUS, f), 'utf8');
    expect(raw.split('\n')[0]).toBe(a.title);
    expect(a.title).toContain('\u202E');
    expect(a.text).toContain(`<img src=x onerror="window.__pwned='plain'">`);
  });

  it('hostile upload names never become paths', async () => {
    const names = ['../../etc/passwd.txt', '..\\..\\windows\\win.ini.txt', '/etc/shadow.txt', 'con.txt', 'nul', `rech\u202Etxt.exe.txt`, 'a\u0000b.txt', `${'ü'.repeat(300)}.txt`, '.hidden.txt', '..'];
    for (const [i, name] of names.entries()) {
      const r = await importUpload(db, name, new TextEncoder().encode(`Titel ${i}\n\nEin Absatz mit genug Text für eine Meldung Nummer ${i}.`));
      const file = r.ok ? r.article.source.file : r.file;
      expect(file, name).not.toMatch(/[/\\]/);
      expect(file).not.toBe('..');
    }
  });
});

describe('hostile user text is stored verbatim and exported escaped', () => {
  it('annotation notes and tags, source names, contact names, inquiry questions and answers', async () => {
    const ids = await importAll();
    const articleId = ids.get(files.find((x) => x.endsWith('.txt'))!)!;
    for (const [i, s] of HOSTILE_STRINGS.entries()) {
      const note = createAnnotation(db, { articleId, start: 0, end: 11, type: 'note', note: s, tags: [s.slice(0, 40)] });
      expect(getAnnotation(db, note.id).note).toBe(s.trim());
      expect(getAnnotation(db, note.id).tags).toContain(s.slice(0, 40).replace(/\s+/g, ' ').trim());
      const source = createSource(db, { kind: 'person', name: `${s} ${i}`, note: s });
      expect(getSource(db, source.id).name).toBe(`${s} ${i}`.trim().replace(/\s+/g, ' '));
      const contact = createContact(db, { name: s, email: `person${i}@example.org`, notes: s });
      expect(getContact(db, contact.id).name).toBe(s.trim());
      const inquiry = createInquiry(db, { articleId, question: s, contactEmail: `person${i}@example.org` });
      expect(getInquiry(db, inquiry.id).question).toBe(s.trim());
      const answered = setInquiryStatus(db, inquiry.id, { status: 'beantwortet', answer: s });
      expect(answered.answer).toBe(s.trim());
    }
    // Exports: HTML escapes, Markdown escapes link syntax, CSV defuses formulas.
    const html = exportCitations(db, { articleIds: [...ids.values()] }, { format: 'html' }).content;
    // Hostile strings may appear as escaped text, never as markup or a live link.
    expect(html).not.toMatch(/<script|<img|<iframe|<svg|<a\s|href=|onerror=/i);
    expect(html).toMatch(/&(lt|#60);script&(gt|#62);/);
    const md = exportAnnotations(db, 'markdown').content;
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/); // an escaped \] is a literal bracket, not a link
    expect(md).not.toMatch(/<script>window/);
    const csv = exportAnnotations(db, 'csv').content;
    expect(csv).not.toMatch(/(^|[,;\n])"?=HYPERLINK/);
    expect(csv).toContain(`'=HYPERLINK`);
    const w3c = JSON.parse(exportAnnotations(db, 'w3c').content) as unknown;
    expect(JSON.stringify(w3c)).toContain(JSON.stringify(HOSTILE_STRINGS[0]).slice(1, -1)); // JSON: text, not markup
  });
});
