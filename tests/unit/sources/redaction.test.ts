import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSource, protectedTerms, redactProtected, setSourceProtected, updateSource } from '../../../main/core/sources.js';
import type { Database } from '../../../main/db/open.js';
import { containsTerm, redactTerms } from '../../../shared/protected.js';
import { tempDb } from '../../helpers/db.js';
import { addProtectedSource, leakedProtectedTerms, PROTECTED_PERSON } from '../../helpers/protected.js';

describe('redactTerms (pure)', () => {
  const terms = ['Rolf Brandt', 'Brandt', 'der Mann aus dem Ministerium'];

  it('replaces names and aliases case-insensitively, longest first', () => {
    expect(redactTerms('Rolf Brandt sagte, BRANDT wisse es; rolf brandt auch.', terms)).toBe('vertrauliche Quelle sagte, vertrauliche Quelle wisse es; vertrauliche Quelle auch.');
    expect(redactTerms('Laut Der Mann aus dem Ministerium …', terms)).toBe('Laut vertrauliche Quelle …');
    expect(redactTerms('Rolf Brandt said so.', terms, 'en')).toBe('confidential source said so.');
  });

  it('matches whole words only and damages no other word', () => {
    const text = 'Brandtschutz, Brandts, Flächenbrandt, Brandt-Straße und Brand bleiben; Brandt nicht.';
    // "Brandts" is the genitive of the name and goes; "Brandt-Straße" names the person too.
    expect(redactTerms(text, terms)).toBe('Brandtschutz, vertrauliche Quelle, Flächenbrandt, vertrauliche Quelle-Straße und Brand bleiben; vertrauliche Quelle nicht.');
  });

  it('handles line breaks inside a name, umlauts, decomposed letters and possessives', () => {
    expect(redactTerms('Rolf\nBrandt kam.', terms)).toBe('vertrauliche Quelle kam.');
    expect(redactTerms('Jörg Öztürk und JÖRG ÖZTÜRK', ['Jörg Öztürk'])).toBe('vertrauliche Quelle und vertrauliche Quelle');
    expect(redactTerms('Jo\u0308rg O\u0308ztu\u0308rk', ['Jörg Öztürk'])).toBe('vertrauliche Quelle');
    expect(redactTerms("Brandt's view and Brandt’s plan", terms, 'en')).toBe("confidential source's view and confidential source’s plan");
    expect(redactTerms("Haas' Aussage", ['Haas'])).toBe('vertrauliche Quelle Aussage');
  });

  it('treats regex characters in names literally and leaves text alone without terms', () => {
    expect(redactTerms('A+B (Quelle) und AxB', ['A+B (Quelle)'])).toBe('vertrauliche Quelle und AxB');
    expect(redactTerms('nichts zu tun', [])).toBe('nichts zu tun');
    expect(containsTerm('Ein brandt-neuer Satz', ['Brandt'])).toBe(true);
    expect(containsTerm('Brandtschutz', ['Brandt'])).toBe(false);
  });
});

describe('redactProtected (registry)', () => {
  let db: Database;
  let cleanup: () => void;
  beforeEach(() => ({ db, cleanup } = tempDb()));
  afterEach(() => cleanup());

  it('redacts every protected source: name, aliases and the surname alone', () => {
    createSource(db, { kind: 'person', name: 'Karla Vogt' });
    const p = addProtectedSource(db);
    expect(p.terms).toEqual(expect.arrayContaining([PROTECTED_PERSON.name, ...PROTECTED_PERSON.aliases, PROTECTED_PERSON.surname]));
    const text = `Henrike Quellenbach (${PROTECTED_PERSON.role}) traf Karla Vogt. QUELLENBACH bestätigte; Die Hinweisgeberin aus dem Bauamt schwieg.`;
    const out = redactProtected(db, text);
    expect(out).toBe(`vertrauliche Quelle (${PROTECTED_PERSON.role}) traf Karla Vogt. vertrauliche Quelle bestätigte; vertrauliche Quelle schwieg.`);
    expect(leakedProtectedTerms(out, db)).toEqual([]);
    expect(leakedProtectedTerms(text, db).length).toBeGreaterThan(0);
    expect(redactProtected(db, 'Quellenbach met the mayor.', 'en')).toBe('confidential source met the mayor.');
  });

  it('follows changes: new aliases are redacted, lifted protection is not', () => {
    const s = createSource(db, { kind: 'organisation', name: 'Bauamt Lindenau', protected: true });
    expect(redactProtected(db, 'Das Bauamt Lindenau schwieg.')).toBe('Das vertrauliche Quelle schwieg.');
    updateSource(db, s.id, { aliases: ['Amt 61'] });
    expect(redactProtected(db, 'Amt 61 schwieg.')).toBe('vertrauliche Quelle schwieg.');
    setSourceProtected(db, s.id, false);
    expect(protectedTerms(db)).toEqual([]);
    expect(redactProtected(db, 'Amt 61 schwieg.')).toBe('Amt 61 schwieg.');
  });
});
