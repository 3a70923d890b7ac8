import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertArticle } from '../../../main/core/articles.js';
import { deleteSource, getRecord, listSources, resetRecord, saveSource, updateRecord } from '../../../main/core/citations/record.js';
import type { Database } from '../../../main/db/open.js';
import { AppError } from '../../../shared/errors.js';
import { tempDb } from '../../helpers/db.js';
import { add, NOTE, WEB_PAGE, WIRE_DE, WIRE_EN } from './fixtures.js';

let db: Database;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = tempDb()));
afterEach(() => cleanup());

describe('derived record', () => {
  it('makes a wire story an article-newspaper with reporters and writer as authors, editors, date precision and dateline', () => {
    const id = add(db, WIRE_DE);
    const { derived, effective, overrides } = getRecord(db, id);
    expect(derived).toEqual({
      id: `fundstelle-${id}`,
      type: 'article-newspaper',
      title: 'Werft Möwe baut Elektrofähren für den Bodensee',
      author: [
        { given: 'Anna', family: 'Beispiel' },
        { given: 'Jörg', family: 'Meer', 'non-dropping-particle': 'van der' },
        { given: 'Omar', family: 'al-Farsi' },
      ],
      editor: [{ given: 'Bernd W.', family: 'Muster' }],
      'container-title': 'Reuters',
      publisher: 'Reuters',
      issued: { 'date-parts': [[2026, 3]] },
      'publisher-place': 'Lindau',
      accessed: { 'date-parts': [[2026, 3, 10]] },
      language: 'de',
      'citation-key': 'beispiel2026werft',
    });
    // The Reuters header link is the agency's terms page, not where the article is.
    expect(derived.URL).toBeUndefined();
    expect(overrides).toEqual({});
    expect(effective).toEqual(derived);
  });

  it('types web pages, press texts and other documents', () => {
    const web = getRecord(db, add(db, WEB_PAGE, 'html', 'seite.html')).derived;
    expect(web).toMatchObject({ type: 'webpage', URL: 'https://stadt.example.org/faehre?x=1&y=2', issued: { 'date-parts': [[2024, 11, 5]] } });
    expect(getRecord(db, add(db, WIRE_EN, 'text', 'afp.txt')).derived).toMatchObject({ type: 'article-newspaper', 'container-title': 'AFP' });
    const note = getRecord(db, add(db, NOTE, 'markdown', 'notiz.md')).derived;
    expect(note.type).toBe('document');
    expect(note.issued).toBeUndefined();
    expect(note.author).toBeUndefined();
  });
});

describe('edits', () => {
  it('apply over the derived record, remove fields with null, and reset per field or entirely', () => {
    const id = add(db, WIRE_DE);
    const rec = updateRecord(db, id, { title: 'Möwe-Werft: Aufträge für E-Fähren', editor: null, URL: 'https://example.org/moewe' });
    expect(rec.effective.title).toBe('Möwe-Werft: Aufträge für E-Fähren');
    expect(rec.effective.editor).toBeUndefined();
    expect(rec.effective.URL).toBe('https://example.org/moewe');
    expect(rec.derived.title).toBe('Werft Möwe baut Elektrofähren für den Bodensee');
    expect(rec.overrides).toEqual({ title: 'Möwe-Werft: Aufträge für E-Fähren', editor: null, URL: 'https://example.org/moewe' });
    expect(rec.updatedAt).not.toBeNull();

    const second = updateRecord(db, id, { issued: { 'date-parts': [[2026, 3, 4]] } });
    expect(second.effective.title).toBe('Möwe-Werft: Aufträge für E-Fähren');
    expect(second.effective.issued).toEqual({ 'date-parts': [[2026, 3, 4]] });
    expect(second.effective.id).toBe(`fundstelle-${id}`);

    const partly = resetRecord(db, id, ['title']);
    expect(partly.effective.title).toBe('Werft Möwe baut Elektrofähren für den Bodensee');
    expect(partly.effective.URL).toBe('https://example.org/moewe');
    const none = resetRecord(db, id);
    expect(none.overrides).toEqual({});
    expect(none.effective).toEqual(none.derived);
  });

  it('survive re-importing the same article (duplicate) and still apply', () => {
    const id = add(db, WIRE_DE);
    updateRecord(db, id, { author: [{ family: 'Beispiel', given: 'Anna' }, { literal: 'Reuters-Redaktion' }] });
    const again = insertArticle(db, WIRE_DE, { file: '/tmp/kopie.txt', format: 'wire', encoding: 'utf-8', importedAt: '2026-04-01T00:00:00.000Z' });
    expect(again).toEqual({ id, duplicate: true });
    expect(getRecord(db, id).effective.author).toEqual([{ family: 'Beispiel', given: 'Anna' }, { literal: 'Reuters-Redaktion' }]);
  });

  it('refuse unknown fields, an id change and malformed names or dates', () => {
    const id = add(db, WIRE_DE);
    for (const bad of [{ id: 'x' }, { foo: 'bar' }, { author: [{ given: 'Nur Vorname' }] }, { issued: { 'date-parts': [[2025, 13]] } }, { type: 'zeitung' }, { title: '' }, { URL: 'javascript:alert(1)' }, { URL: 'data:text/html,<script>x</script>' }, { URL: 'file:///etc/passwd' }]) {
      expect(() => updateRecord(db, id, bad)).toThrow(AppError);
      try {
        updateRecord(db, id, bad);
      } catch (e) {
        expect((e as AppError).code).toBe('CITATION_PATCH_INVALID');
      }
    }
    expect(getRecord(db, id).overrides).toEqual({});
    expect(updateRecord(db, id, { URL: 'https://example.org/bericht' }).effective.URL).toBe('https://example.org/bericht');
    expect(() => getRecord(db, 999)).toThrow(/999/);
  });
});

describe('manual sources', () => {
  it('add, update, list and delete web pages, documents, interviews and persons', () => {
    const web = saveSource(db, { kind: 'webpage', item: { title: 'Fahrplan 2026', URL: 'https://example.org/fahrplan', accessed: { 'date-parts': [[2026, 3, 1]] } } });
    expect(web.item).toMatchObject({ id: `fundstelle-source-${web.id}`, type: 'webpage', title: 'Fahrplan 2026' });
    const person = saveSource(db, { kind: 'person', item: { author: [{ family: 'Beispiel', given: 'Jan' }], issued: { 'date-parts': [[2026, 3, 2]] } } });
    expect(person.item.type).toBe('personal_communication');
    const interview = saveSource(db, { kind: 'interview', item: { title: 'Gespräch mit der Werft', author: [{ literal: 'Werft Möwe' }] } });
    const updated = saveSource(db, { id: interview.id, kind: 'interview', item: { title: 'Interview mit der Werft', author: [{ literal: 'Werft Möwe' }] } });
    expect(updated.item.title).toBe('Interview mit der Werft');
    expect(listSources(db).map((s) => s.id)).toEqual([interview.id, person.id, web.id]);
    expect(deleteSource(db, person.id)).toBe(true);
    expect(deleteSource(db, person.id)).toBe(false);
    expect(() => saveSource(db, { kind: 'document', item: { note: 'ohne Titel' } })).toThrow(AppError);
    expect(() => saveSource(db, { id: 999, kind: 'document', item: { title: 'x' } })).toThrow(/999/);
  });
});
