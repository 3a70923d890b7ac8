import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportAnnotations } from '../../../main/core/annotation-export/index.js';
import { csvField } from '../../../main/core/annotation-export/csv.js';
import { createAnnotation } from '../../../main/core/annotations.js';
import { insertArticle } from '../../../main/core/articles.js';
import type { Database } from '../../../main/db/open.js';
import { parsed, tempDb } from '../../helpers/db.js';

const PROV = { file: 'a.txt', format: 'wire' as const, encoding: 'utf-8', importedAt: '2025-02-25T10:00:00.000Z' };

let db: Database;
let cleanup: () => void;
let first: number;
let second: number;
beforeEach(() => {
  ({ db, cleanup } = tempDb());
  const a = parsed(
    [['paragraph', 'Seoul (Reuters) - Samsung sei ein „großartiger Partner“, sagte Son. Insidern zufolge fließen jährlich drei Milliarden Dollar, <b>sagte</b> ein *Sprecher*.']],
    { agency: 'Reuters', title: 'Altman in Asien', published: '2025-02' },
  );
  const b = parsed([['paragraph', 'Berlin (dpa) - Die Regierung plant, Ausgaben, "Zitate" und =Formeln.']], { agency: 'dpa', title: 'Haushalt', published: '2025-03-14' });
  first = insertArticle(db, a, PROV).id;
  second = insertArticle(db, b, { ...PROV, file: 'b.txt' }).id;
  const mark = (id: number, text: string, passage: string, type: 'quote' | 'claim' | 'figure' | 'note' | 'question', note?: string, tags?: string[], at = '2025-03-01T08:00:00.000Z') => {
    const start = text.indexOf(passage);
    return createAnnotation(db, { articleId: id, start, end: start + passage.length, type, note, tags }, at);
  };
  mark(first, a.text, '„großartiger Partner“', 'quote', 'Son über Samsung', ['Samsung']);
  mark(first, a.text, 'jährlich drei Milliarden Dollar', 'figure', 'Quelle?\nJahresbericht', ['Zahl prüfen', 'KI']);
  mark(first, a.text, 'Insidern zufolge', 'claim');
  mark(first, a.text, '<b>sagte</b> ein *Sprecher*', 'note');
  mark(second, b.text, 'Die Regierung plant, Ausgaben, "Zitate" und =Formeln.', 'question', '=SUMME(A1:A9)', ['-intern', '@team', '+x']);
});
afterEach(() => cleanup());

describe('Markdown dossier', () => {
  it('has a citation line per article and annotations grouped by type with passage, note and tags', () => {
    const md = exportAnnotations(db, 'markdown', { now: '2025-03-05T10:00:00.000Z' }).content;
    expect(md).toContain('## Reuters, Februar 2025: „Altman in Asien“');
    expect(md).toContain('## dpa, 14.03.2025: „Haushalt“');
    const body = md.slice(md.indexOf('## Reuters'), md.indexOf('## dpa'));
    // Types in the fixed order Zitat, Behauptung, Zahl, Notiz.
    const order = ['### Zitat', '### Behauptung', '### Zahl', '### Notiz'].map((h) => body.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(body).toContain('> „„großartiger Partner““');
    expect(body).toContain('> „jährlich drei Milliarden Dollar“\n\nQuelle?  \nJahresbericht\n\nTags: \\#KI, \\#Zahl prüfen');
    // Article text cannot turn into HTML or emphasis.
    expect(body).toContain('> „\\<b\\>sagte\\</b\\> ein \\*Sprecher\\*“');
    expect(md).toMatch(/^# Annotationen\n\nErstellt: 2025-03-05 · 5 Annotationen\n/);
    expect(exportAnnotations(db, 'markdown', { articleIds: [second], lang: 'en' }).content).toContain('## dpa, 14 Mar 2025: “Haushalt”\n\n### Question');
  });
});

describe('CSV', () => {
  it('is UTF-8 with BOM, one row per annotation, RFC 4180 quoting and no formulas', () => {
    const file = exportAnnotations(db, 'csv', { now: '2025-03-05T10:00:00.000Z' });
    expect(file).toMatchObject({ fileName: 'annotationen-2025-03-05.csv', mimeType: 'text/csv; charset=utf-8', count: 5 });
    expect(file.content.startsWith('\uFEFFID,Artikel-ID,Artikel,Agentur,Datum,Typ,Textstelle,Notiz,Tags,Von,Bis,Status,Erstellt,Geändert\r\n')).toBe(true);
    expect(file.content.endsWith('\r\n')).toBe(true);
    const lines = file.content.slice(1).split('\r\n');
    // 1 header + 5 rows + trailing empty; the note with a line break stays inside its quoted field.
    expect(lines).toHaveLength(7);
    expect(file.content).toContain(',Zahl,jährlich drei Milliarden Dollar,"Quelle?\nJahresbericht","KI, Zahl prüfen",');
    expect(file.content).toContain(',"Die Regierung plant, Ausgaben, ""Zitate"" und =Formeln.",\'=SUMME(A1:A9),"\'+x, -intern, @team",');
    expect(file.content).toContain(',Rückfrage,');
  });

  it('quotes and defuses single fields', () => {
    expect(csvField('einfach')).toBe('einfach');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('sagte "ja"')).toBe('"sagte ""ja"""');
    expect(csvField('zwei\r\nZeilen')).toBe('"zwei\r\nZeilen"');
    for (const bad of ['=1+1', '+49 170', '-3', '@SUM(A1)', '\tx']) expect(csvField(bad).replace(/^"/, '')).toMatch(/^'/);
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField(42)).toBe('42');
    expect(csvField(null)).toBe('');
  });
});
