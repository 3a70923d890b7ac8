import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blockText, headingsOf, publicText, type ParsedArticle } from '../../../shared/article.js';
import { AppError } from '../../../shared/errors.js';
import { cleanTitle, htmlToText, parseHtml } from '../../../main/core/import/html.js';
import { loadFile } from '../../../main/core/import/load-file.js';

const FIXTURE = path.join(import.meta.dirname, '../../fixtures/import/tagblatt-suedwestbahn.html');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundstelle-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Loads the fixture through loadFile from a fresh temp dir, as the pipeline would. */
async function loadPage(): Promise<ParsedArticle> {
  const file = path.join(dir, 'Südwestbahn stoppt Ausbau.html');
  fs.copyFileSync(FIXTURE, file);
  const loaded = await loadFile(file);
  expect(loaded.format).toBe('html');
  return parseHtml(loaded.text ?? '', loaded.name);
}

const paragraphs = (a: ParsedArticle): string[] => a.blocks.filter((b) => b.kind === 'paragraph').map((b) => blockText(a.text, b));

describe('parseHtml: an article page', () => {
  it('reads the metadata', async () => {
    const a = await loadPage();
    expect(a.title).toBe('Südwestbahn stoppt Ausbau der Bodenseestrecke');
    expect(a.published).toBe('2025-02-25T08:30:00+01:00');
    expect(a.language).toBe('de');
    expect(a.credits).toEqual([
      { role: 'author', name: 'Anna Beispiel' },
      { role: 'author', name: 'Ben Muster' },
    ]);
    expect(a.agency).toBe('Tagblatt Muster');
    expect(a.url).toBe('https://www.tagblatt-muster.example/wirtschaft/suedwestbahn-stoppt-ausbau-123');
  });

  it('yields the article paragraphs in order, the subhead as heading, byline and date line outside the public text', async () => {
    const a = await loadPage();
    const ps = paragraphs(a);
    expect(ps).toHaveLength(4);
    expect(ps[0]).toMatch(/^Die Südwestbahn hat den geplanten Ausbau .* gestiegen, hieß es zur Begründung\.$/);
    expect(ps[1]).toMatch(/^Betroffen sind /);
    expect(ps[2]).toBe('Der Vorstand will nun prüfen, ob die Trasse an anderer Stelle verlegt werden kann. Ein Sprecher sagte, man sei „offen für Gespräche“ mit dem Land und den Kommunen am Bodensee.');
    expect(ps[3]).toMatch(/^Bis zum Sommer soll ein Gutachten vorliegen/);
    expect(headingsOf(a.text, a.blocks)).toEqual(['Größere Pläne für die Zukunft']);
    expect(a.blocks.find((b) => b.kind === 'credits') && blockText(a.text, a.blocks.find((b) => b.kind === 'credits')!)).toBe('Von Anna Beispiel und Ben Muster');
    expect(publicText(a.text, a.blocks)).not.toContain('Von Anna Beispiel');
    expect(publicText(a.text, a.blocks)).not.toContain('08:30 Uhr');
    // The headline is metadata, not repeated in the text.
    expect(a.text).not.toContain('Südwestbahn stoppt Ausbau der Bodenseestrecke');
  });

  it('leaves out navigation, ads, asides, footer, forms, iframes and SVG', async () => {
    const a = await loadPage();
    for (const s of ['Politik', 'Sport', 'WERBUNG-BANNER', 'Mehr zum Thema', 'Impressum', 'FORMULAR-WERT', 'Abonnieren', 'Newsletter', 'IFRAME', 'SVG-TEXT', 'NOSCRIPT']) {
      expect(a.text).not.toContain(s);
    }
  });

  it('keeps no HTML, handler, javascript: URL, script or style content anywhere in text or metadata', async () => {
    const a = await loadPage();
    const everything = JSON.stringify(a);
    expect(everything).not.toMatch(/<\/?[a-z][^>]*>/i);
    expect(a.text).not.toContain('<');
    for (const s of ['onerror', 'javascript:', 'alert', 'SKRIPT', 'STYLE-INHALT', 'eingeschleust', 'tracker', 'ONERROR-XSS', 'JS-LINK']) {
      expect(everything).not.toContain(s);
    }
  });

  it('builds text and blocks consistently (blocks joined by one blank line)', async () => {
    const a = await loadPage();
    expect(a.blocks.map((b) => blockText(a.text, b)).join('\n\n')).toBe(a.text);
  });
});

describe('parseHtml: metadata sources and hostile metadata', () => {
  it('falls back to <title> (site suffix removed), <time datetime>, og:locale, byline and og:url', () => {
    const html = `<html><head><title>Streik bei der Südwestbahn – Pendler verärgert - tagblatt-muster.example</title>
      <meta property="og:locale" content="de_AT"><meta property="og:url" content="https://tagblatt-muster.example/streik">
      </head><body><article><p class="byline">Von Clara Probe, dpa</p><time datetime="2025-03-01">1. März 2025</time>
      <p>Die Gewerkschaft hat die Beschäftigten der Südwestbahn zu einem ganztägigen Warnstreik aufgerufen. Betroffen sind alle Linien zwischen Ulm, Friedrichshafen und Lindau.</p>
      <p>Pendler müssen sich auf erhebliche Einschränkungen einstellen, teilte das Unternehmen mit. Ein Notfahrplan soll am Abend veröffentlicht werden.</p></article></body></html>`;
    const a = parseHtml(html, 'streik.html');
    expect(a.title).toBe('Streik bei der Südwestbahn – Pendler verärgert');
    expect(a.published).toBe('2025-03-01');
    expect(a.language).toBe('de');
    expect(a.url).toBe('https://tagblatt-muster.example/streik');
    expect(a.credits).toEqual([{ role: 'author', name: 'Clara Probe' }]);
  });

  it('reads JSON-LD (author list, publisher, date) and rejects non-http URLs and tags in attributes', () => {
    const html = `<html lang="xx-invalid-"><head>
      <meta property="og:title" content="Südwestbahn &lt;img src=x onerror=alert(1)&gt; spart">
      <link rel="canonical" href="javascript:alert(1)">
      <meta name="author" content="<script>alert(2)</script>">
      <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"X"},{"@type":"NewsArticle","datePublished":"2025-02-25",
        "author":[{"name":"Anna Beispiel"},"Ben Muster"],"publisher":{"name":"Südkurier Probe"}}]}</script>
      <script type="application/ld+json">{kaputt</script>
      </head><body><p>Ein kurzer Text über die Südwestbahn, die sparen muss.</p></body></html>`;
    const a = parseHtml(html, 'x.html');
    expect(a.published).toBe('2025-02-25');
    expect(a.credits.map((c) => c.name)).toEqual(['Anna Beispiel', 'Ben Muster']);
    expect(a.agency).toBe('Südkurier Probe');
    expect(a.url).toBeNull();
    expect(a.title).not.toMatch(/<|onerror/);
    expect(JSON.stringify(a)).not.toMatch(/onerror|<script|javascript:/);
  });

  it('strips site names from titles only when they name the site', () => {
    expect(cleanTitle('Südwestbahn stoppt Ausbau | Tagblatt Muster', ['Tagblatt Muster'])).toBe('Südwestbahn stoppt Ausbau');
    expect(cleanTitle('Tagblatt Muster - Südwestbahn stoppt Ausbau', ['Tagblatt Muster'])).toBe('Südwestbahn stoppt Ausbau');
    expect(cleanTitle('Streik – Pendler verärgert', ['Tagblatt Muster'])).toBe('Streik – Pendler verärgert');
    expect(cleanTitle('Südwestbahn stoppt Ausbau | Wirtschaft | TM', [null])).toBe('Südwestbahn stoppt Ausbau');
  });
});

describe('parseHtml: pages that are not articles', () => {
  it('falls back to the body text blocks', () => {
    const html = '<html><body><nav><a href="/">Start</a></nav><h2>Fahrplan</h2><p>Ulm ab 08:15</p><table><tr><td>Zug 1</td><td>pünktlich</td></tr></table><footer>Fußzeile</footer></body></html>';
    const a = parseHtml(html, 'fahrplan.html');
    expect(a.blocks.map((b) => blockText(a.text, b))).toEqual(['Fahrplan', 'Ulm ab 08:15', 'Zug 1', 'pünktlich']);
    expect(a.text).not.toContain('Start');
  });

  it('keeps <br> line breaks and <pre> lines', () => {
    const a = parseHtml('<html><body><p>Zeile eins<br>Zeile zwei</p><pre>a\n  b</pre></body></html>', 'x.html');
    expect(a.blocks.map((b) => blockText(a.text, b))).toEqual(['Zeile eins\nZeile zwei', 'a\nb']);
  });

  it('throws FILE_NO_TEXT for a page without text', () => {
    let err: unknown;
    try {
      parseHtml('<html><body><script>alert(1)</script><img src=x></body></html>', 'leer.html');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('FILE_NO_TEXT');
    expect((err as AppError).details.file).toBe('leer.html');
  });
});

describe('htmlToText', () => {
  it('returns the article blocks joined by blank lines, for the wire parser', async () => {
    const html = fs.readFileSync(FIXTURE, 'utf8');
    const text = htmlToText(html);
    expect(text).toBe((await loadPage()).text);
    expect(text.split('\n\n').length).toBeGreaterThanOrEqual(6);
    expect(text).not.toContain('<');
  });

  it('returns an empty string for a page without text', () => {
    expect(htmlToText('<html><body><script>x</script></body></html>')).toBe('');
  });
});

describe('parseHtml: a "<" that opens no tag', () => {
  it('stays "<" in the text and the title, in runs too, and a private-use character never becomes one', () => {
    const page = `<!DOCTYPE html><html lang="de"><head><title>Zinsen <3 Prozent</title></head><body><article>
      <p>Die Inflation lag bei <2 Prozent, die Zinsen bei < 3 Prozent; Pfeile <<< und <- bleiben stehen.</p>
      <p>Ein Zeichen aus dem privaten Bereich \uE000 bleibt kein Kleiner-als-Zeichen, wie der Bericht zeigt.</p>
    </article></body></html>`;
    const a = parseHtml(page, 'zinsen.html');
    const text = publicText(a.text, a.blocks);
    expect(text).toContain('bei <2 Prozent, die Zinsen bei < 3 Prozent; Pfeile <<< und <- bleiben stehen.');
    expect(text).toContain('privaten Bereich \uFFFD bleibt');
    expect(text).not.toContain('\uE000');
    expect(a.title).toBe('Zinsen <3 Prozent');
  });

  it('reads a long run of them as one piece of text', () => {
    const a = parseHtml(`${'<'.repeat(60_000)} Ende des Laufs, danach ein ganzer Satz mit genug Wörtern für einen Absatz.`, 'lauf.html');
    expect(a.text.startsWith('<'.repeat(100))).toBe(true);
    expect(a.text).toContain('Ende des Laufs');
  });
});
