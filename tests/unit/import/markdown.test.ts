import { describe, expect, it } from 'vitest';
import { blockText, headingsOf } from '../../../shared/article.js';
import { parseMarkdown } from '../../../main/core/import/markdown.js';

const texts = (a: { text: string; blocks: { kind: 'heading' | 'paragraph' | 'credits' | 'notice' | 'nonpublic'; start: number; end: number }[] }): string[] =>
  a.blocks.map((b) => blockText(a.text, b));

describe('parseMarkdown: front matter', () => {
  it('reads title, date, authors, language, source URL and agency', () => {
    const a = parseMarkdown(`---
title: "Südwestbahn: Die Chronik"
date: 2025-02-25
authors:
  - Anna Beispiel
  - "Ben Muster"
lang: de-DE
source: https://www.tagblatt-muster.example/chronik
agency: Tagblatt Muster # Kommentar
---

Die Südwestbahn hat den Ausbau gestoppt.
`);
    expect(a.title).toBe('Südwestbahn: Die Chronik');
    expect(a.published).toBe('2025-02-25');
    expect(a.credits).toEqual([
      { role: 'author', name: 'Anna Beispiel' },
      { role: 'author', name: 'Ben Muster' },
    ]);
    expect(a.language).toBe('de');
    expect(a.url).toBe('https://www.tagblatt-muster.example/chronik');
    expect(a.agency).toBe('Tagblatt Muster');
    expect(a.text).toBe('Die Südwestbahn hat den Ausbau gestoppt.');
  });

  it('reads flow lists, "published", "language", a full timestamp and a single author line', () => {
    const a = parseMarkdown(`---
published: 2025-02-25T08:30:00+01:00
language: en
author: Anna Beispiel und Ben Muster
url: javascript:alert(1)
---
Text.`);
    expect(a.published).toBe('2025-02-25T08:30:00+01:00');
    expect(a.language).toBe('en');
    expect(a.credits.map((c) => c.name)).toEqual(['Anna Beispiel', 'Ben Muster']);
    expect(a.url).toBeNull();
    const b = parseMarkdown('---\nauthors: [Anna Beispiel, "Ben Muster"]\ndate: 2025-02\n---\nText.');
    expect(b.credits.map((c) => c.name)).toEqual(['Anna Beispiel', 'Ben Muster']);
    expect(b.published).toBe('2025-02');
  });

  it('treats a file without closing delimiter as having no front matter', () => {
    const a = parseMarkdown('---\ntitle: offen\n\nText ohne Ende.');
    expect(a.title).toBeNull();
    expect(a.text).toContain('Text ohne Ende.');
  });
});

describe('parseMarkdown: structure', () => {
  const doc = `# Südwestbahn stoppt Ausbau

Die **Südwestbahn** hat _heute_ den Ausbau der *Bodenseestrecke* gestoppt,
die Kosten sind um ~~30~~ 40 Prozent gestiegen.

## Reaktionen

Der Landkreis reagiert mit \`Unverständnis\`.

Zeitleiste
----------

- Januar: Planung abgeschlossen
- Februar: Kosten steigen
  um 40 Prozent
1. Erster Schritt
2. Zweiter Schritt

> Wir sind offen für Gespräche.
> Mit Land und Kommunen.

\`\`\`
Fahrplan: Ulm 08:15 – Friedrichshafen 09:52
\`\`\`

***

Schluss mit snake_case_namen und 5 * 3 * 2.
`;

  it('takes the first # heading as title and keeps the other headings as heading blocks', () => {
    const a = parseMarkdown(doc);
    expect(a.title).toBe('Südwestbahn stoppt Ausbau');
    expect(headingsOf(a.text, a.blocks)).toEqual(['Reaktionen', 'Zeitleiste']);
  });

  it('strips emphasis and code markers, joins soft line breaks, keeps list items and quotes as paragraphs in order', () => {
    const a = parseMarkdown(doc);
    expect(texts(a)).toEqual([
      'Die Südwestbahn hat heute den Ausbau der Bodenseestrecke gestoppt, die Kosten sind um 30 40 Prozent gestiegen.',
      'Reaktionen',
      'Der Landkreis reagiert mit Unverständnis.',
      'Zeitleiste',
      'Januar: Planung abgeschlossen',
      'Februar: Kosten steigen um 40 Prozent',
      '1. Erster Schritt',
      '2. Zweiter Schritt',
      'Wir sind offen für Gespräche. Mit Land und Kommunen.',
      'Fahrplan: Ulm 08:15 – Friedrichshafen 09:52',
      'Schluss mit snake_case_namen und 5 * 3 * 2.',
    ]);
  });

  it('uses a front-matter title over the heading and drops a heading that repeats it', () => {
    const a = parseMarkdown('---\ntitle: Südwestbahn stoppt Ausbau\n---\n# Südwestbahn stoppt Ausbau\n\nText.');
    expect(a.title).toBe('Südwestbahn stoppt Ausbau');
    expect(texts(a)).toEqual(['Text.']);
    const b = parseMarkdown('---\ntitle: Anderer Titel\n---\n# Kapitel eins\n\nText.');
    expect(b.title).toBe('Anderer Titel');
    expect(headingsOf(b.text, b.blocks)).toEqual(['Kapitel eins']);
  });

  it('has no title without front matter or # heading', () => {
    const a = parseMarkdown('## Nur Unterüberschrift\n\nText.');
    expect(a.title).toBeNull();
    expect(headingsOf(a.text, a.blocks)).toEqual(['Nur Unterüberschrift']);
  });
});

describe('parseMarkdown: links, images and HTML are text only', () => {
  it('keeps link text and drops URLs, images become their alt text', () => {
    const a = parseMarkdown('Laut [Pressemitteilung](https://suedwestbahn.example/presse "Presse") und [Gutachten][g] steigen die Kosten. ![Karte der Strecke](karte.png)\n\n[g]: https://example.org/gutachten.pdf');
    expect(a.text).toBe('Laut Pressemitteilung und Gutachten steigen die Kosten. Karte der Strecke');
    expect(a.text).not.toContain('http');
  });

  it('makes hostile link schemes vanish', () => {
    const a = parseMarkdown(
      'Klicken Sie [hier](javascript:alert(document.cookie)) oder [dort](data:text/html;base64,PHNjcmlwdD4=) oder <javascript:alert(1)> oder [da](vbscript:msgbox(1)). ![x](javascript:alert(2))',
    );
    expect(a.text).toBe('Klicken Sie hier oder dort oder oder da. x');
    expect(a.text).not.toMatch(/javascript|data:|vbscript|alert/i);
  });

  it('keeps visible http(s) autolinks as text', () => {
    expect(parseMarkdown('Mehr unter <https://suedwestbahn.example/fahrplan>.').text).toBe('Mehr unter https://suedwestbahn.example/fahrplan.');
  });

  it('strips inline HTML to its text and never interprets it', () => {
    const a = parseMarkdown(
      [
        'Die <b>Südwestbahn</b> <img src=x onerror="alert(1)"> baut <span style="color:red" onclick=\'x()\'>weiter</span>.',
        '',
        '<script>',
        'alert("block");',
        '</script>',
        '',
        'Inline <script>alert("inline")</script>Ende<style>p{}</style> <iframe src="https://ads.example"></iframe> und <svg onload=alert(3)/>gut.',
        '',
        '<!-- versteckter Kommentar -->',
        '',
        'Ein &lt;b&gt; ist kein Tag, &amp; Umlaute: &auml;&szlig;.',
      ].join('\n'),
    );
    expect(a.text).toBe('Die Südwestbahn baut weiter.\n\nInline Ende und gut.\n\nEin <b> ist kein Tag, & Umlaute: äß.');
    expect(a.text).not.toMatch(/onerror|onclick|alert|script|iframe|Kommentar/);
  });

  it('keeps fenced code literally', () => {
    const a = parseMarkdown('```html\n<p>Beispiel</p>\n```');
    expect(a.text).toBe('<p>Beispiel</p>');
  });
});
