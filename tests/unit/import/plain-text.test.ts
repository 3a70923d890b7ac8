import { describe, expect, it } from 'vitest';
import { blockText } from '../../../shared/article.js';
import { parsePlainText } from '../../../main/core/import/plain-text.js';

const texts = (a: { text: string; blocks: { kind: string; start: number; end: number }[] }): string[] =>
  a.blocks.map((b) => blockText(a.text, b as never));

describe('parsePlainText', () => {
  it('takes a short first line followed by a blank line as the title', () => {
    const a = parsePlainText('Südwestbahn stoppt Ausbau\n\nDie Südwestbahn hat den Ausbau gestoppt.\n\nDer Landkreis Biberach ist verärgert.\n');
    expect(a.title).toBe('Südwestbahn stoppt Ausbau');
    expect(a.titleDerived).toBe(false);
    expect(texts(a)).toEqual(['Die Südwestbahn hat den Ausbau gestoppt.', 'Der Landkreis Biberach ist verärgert.']);
    expect(a.text).toBe('Die Südwestbahn hat den Ausbau gestoppt.\n\nDer Landkreis Biberach ist verärgert.');
    expect(a.blocks.every((b) => b.kind === 'paragraph')).toBe(true);
  });

  it('accepts a question as title but not a sentence ending in a period', () => {
    expect(parsePlainText('Wer zahlt für die Südwestbahn?\n\nText folgt hier.').title).toBe('Wer zahlt für die Südwestbahn?');
    const a = parsePlainText('Die Südwestbahn stoppt den Ausbau.\n\nText folgt hier.');
    expect(a.title).toBeNull();
    expect(a.blocks).toHaveLength(2);
  });

  it('has no title when the first line is long, part of a paragraph, or the only text', () => {
    const long = 'Ä'.repeat(151);
    expect(parsePlainText(`${long}\n\nText.`).title).toBeNull();
    expect(parsePlainText('Erste Zeile\nzweite Zeile im selben Absatz\n\nNoch ein Absatz.').title).toBeNull();
    const lone = parsePlainText('Nur eine Zeile über die Südwestbahn');
    expect(lone.title).toBeNull();
    expect(lone.text).toBe('Nur eine Zeile über die Südwestbahn');
  });

  it('splits on blank lines (also whitespace-only and CRLF), keeps lines inside a paragraph, normalises spaces', () => {
    const a = parsePlainText('Zeile eins\r\nZeile  zwei\r\n \t \r\nAbsatz\tzwei\r\n\r\n\r\n\r\nAbsatz drei');
    expect(a.title).toBeNull();
    expect(texts(a)).toEqual(['Zeile eins\nZeile zwei', 'Absatz zwei', 'Absatz drei']);
  });

  it('leaves all other metadata empty', () => {
    const a = parsePlainText('Titel\n\nText.');
    expect(a).toMatchObject({ language: null, agency: null, copyright: null, url: null, published: null, dateline: null, datelineText: null, kicker: null, credits: [], deskContacts: [], versionMarkers: [] });
  });
});
