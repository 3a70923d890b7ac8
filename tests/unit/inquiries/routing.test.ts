import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getArticle } from '../../../main/core/articles.js';
import { createContact } from '../../../main/core/contacts.js';
import { importFile } from '../../../main/core/import/pipeline.js';
import { beatCategories, cueMatches, detectCompanies, routeForArticle, routeQuestion } from '../../../main/core/routing.js';
import type { Database } from '../../../main/db/open.js';
import { SAMPLES } from '../../helpers/cli.js';
import { parsed, tempDb } from '../../helpers/db.js';
import { insertStory, MAERKTE, POLITIK, rangeOf, SPORT } from './fixtures.js';

let t: ReturnType<typeof tempDb>;
let db: Database;
beforeEach(() => {
  t = tempDb();
  db = t.db;
});
afterEach(() => t.cleanup());

const REUTERS = path.join(SAMPLES, 'reuters-de_altman-asien-stargate.txt');
const BERLIN = 'berlin.newsroom@thomsonreuters.com';
const FRANKFURT = 'frankfurt.newsroom@thomsonreuters.com';

describe.skipIf(!fs.existsSync(REUTERS))('routing on the Reuters sample', () => {
  let articleId: number;
  let text: string;
  beforeEach(async () => {
    const r = await importFile(db, REUTERS);
    if (!r.ok) throw new Error(r.error.message);
    articleId = r.article.id;
    text = getArticle(db, articleId).text;
  });

  it('sends the Kakao paragraph to Unternehmen und Märkte, naming the company', () => {
    for (const q of [
      'Daneben gab Altman eine Kooperation mit Kakao bekannt, dem Betreiber des mit Abstand populärsten südkoreanischen Messengers.',
      'Daneben gab Altman eine Kooperation mit Kakao bekannt',
    ]) {
      const r = routeForArticle(db, articleId, rangeOf(text, q));
      expect(r.contactEmail).toBe(FRANKFURT);
      expect(r.basis).toBe('passage');
      expect(r.reason).toMatch(/^Ressort passt: Unternehmen und Märkte — genannt: Kakao/);
    }
    const en = routeForArticle(db, articleId, rangeOf(text, 'OpenAI soll neue KI-Funktionen für "KakaoTalk" liefern.'), 'en');
    expect(en.contactEmail).toBe(FRANKFURT);
    expect(en.reason).toBe('Beat matches: Unternehmen und Märkte — mentioned: OpenAI');
  });

  it('sends the Korean state data centre to Politik und Konjunktur', () => {
    const r1 = routeForArticle(db, articleId, rangeOf(text, 'Die Regierung in Seoul hatte die umgerechnet knapp 1,5 Milliarden Euro schweren Pläne im vergangenen Monat vorgestellt.'));
    expect(r1).toMatchObject({ contactEmail: BERLIN, basis: 'passage', beat: 'Politik und Konjunktur', terms: ['Regierung'] });
    expect(r1.reason).toBe('Ressort passt: Politik und Konjunktur — genannt: Regierung');
    for (const q of [
      'Altman wiederum signalisierte Interesse an einer Beteiligung seiner Firma am geplanten staatlichen KI-Rechenzentrum in Südkorea.',
      'am geplanten staatlichen KI-Rechenzentrum in Südkorea',
    ]) {
      const r = routeForArticle(db, articleId, rangeOf(text, q));
      expect(r.contactEmail).toBe(BERLIN);
      expect(r.reason).toBe('Ressort passt: Politik und Konjunktur — genannt: staatlichen');
    }
  });

  it('routes the whole article to the companies desk and never invents an address', () => {
    const r = routeForArticle(db, articleId, {});
    expect(r).toMatchObject({ contactEmail: FRANKFURT, basis: 'article' });
    expect(r.reason).toBe('Ressort passt: Unternehmen und Märkte — im Artikel genannt: OpenAI, Samsung, Softbank, ARM, Kakao');
    expect(r.candidates.map((c) => c.email)).toEqual([BERLIN, FRANKFURT]);
  });

  it('finds the companies the text names as such', () => {
    expect(detectCompanies(text)).toEqual(['OpenAI', 'Samsung', 'Softbank', 'ARM', 'Kakao', 'Naver']);
  });
});

describe('routing on invented texts', () => {
  it('uses the passage first, then the question, then the paragraph, then the whole article', () => {
    const id = insertStory(db);
    const { text } = getArticle(db, id);
    const company = routeForArticle(db, id, rangeOf(text, 'Der Konzern meldete für das dritte Quartal einen Umsatz'));
    expect(company).toMatchObject({ contactEmail: MAERKTE.email, basis: 'passage', terms: ['Konzern', 'Umsatz'] });
    const gov = routeForArticle(db, id, rangeOf(text, 'Die Bundesregierung will den Ausbau mit einem neuen Gesetz fördern.'));
    expect(gov).toMatchObject({ contactEmail: POLITIK.email, basis: 'passage', terms: ['Bundesregierung', 'Gesetz'] });
    // "legte … um vier Prozent zu" names nothing; the question does.
    const q = routeForArticle(db, id, { ...rangeOf(text, 'um vier Prozent zu'), question: 'Wie reagieren die Anleger an der Börse?' });
    expect(q).toMatchObject({ contactEmail: MAERKTE.email, basis: 'question' });
    expect(q.reason).toBe('Ressort passt: Unternehmen und Märkte — genannt: Anleger, Börse');
    const p = routeForArticle(db, id, rangeOf(text, 'noch vor der'));
    expect(p).toMatchObject({ contactEmail: POLITIK.email, basis: 'paragraph' });
    expect(p.reason).toMatch(/^Ressort passt: Politik und Konjunktur — im Absatz genannt: Bundesregierung, Gesetz, Wirtschaftsminister/);
    // Weighted cues: "staatlichen" (2) + "Förderprogramm" (1) outweigh "Beteiligung" (1) + "Unternehmens" (1).
    const mixed = routeForArticle(db, id, rangeOf(text, 'Eine Beteiligung des Unternehmens am staatlichen Förderprogramm'));
    expect(mixed.candidates.map((c) => c.scores.passage)).toEqual([3, 2]);
    expect(mixed.contactEmail).toBe(POLITIK.email);
    // A tie on the passage goes to the beat the rest of the article names less.
    const tie = routeForArticle(db, id, rangeOf(text, 'Eine Beteiligung des Unternehmens am staatlichen'));
    expect(tie.candidates.map((c) => c.scores.passage)).toEqual([2, 2]);
    expect(tie.candidates[0]!.scores.article).toBeLessThan(tie.candidates[1]!.scores.article);
    expect(tie).toMatchObject({ contactEmail: POLITIK.email, basis: 'passage' });
  });

  it('matches English cues and company names', () => {
    const id = insertStory(db, [POLITIK, MAERKTE], { language: 'en', title: 'Windmill maker grows' }, [
      ['paragraph', 'HAMBURG (Agency) - Windmill maker Nordwind AG said revenue rose, and its shares jumped.'],
      ['paragraph', 'The government plans a new law; parliament votes before the election.'],
    ]);
    const { text } = getArticle(db, id);
    expect(routeForArticle(db, id, rangeOf(text, 'Windmill maker Nordwind AG said revenue rose'), 'en')).toMatchObject({
      contactEmail: MAERKTE.email,
      reason: 'Beat matches: Unternehmen und Märkte — mentioned: Nordwind, maker, revenue',
    });
    expect(routeForArticle(db, id, rangeOf(text, 'The government plans a new law'), 'en').contactEmail).toBe(POLITIK.email);
  });

  it('falls back to the first desk named when nothing matches', () => {
    const id = insertStory(db, [SPORT, MAERKTE], {}, [['paragraph', 'Ein Text über das Wetter am Wochenende, ganz ohne Stichworte.']]);
    const r = routeForArticle(db, id, {});
    expect(r).toMatchObject({ contactEmail: SPORT.email, basis: 'fallback', reason: 'erster genannter Ansprechpartner' });
    expect(routeForArticle(db, id, {}, 'en').reason).toBe('first contact named');
  });

  it('without desks uses only address-book contacts of the agency, else nobody', () => {
    const id = insertStory(db, [], { agency: 'Agentur' });
    expect(routeForArticle(db, id, {})).toMatchObject({ contactEmail: null, basis: 'none', candidates: [] });
    createContact(db, { email: 'wirtschaft@agentur.example', organisation: 'Agentur GmbH', beats: ['Wirtschaft'] });
    createContact(db, { email: 'politik@agentur.example', organisation: 'Agentur', beats: ['Politik'] });
    createContact(db, { email: 'fremd@andere.example', organisation: 'Andere Zeitung', beats: ['Politik'] });
    const { text } = getArticle(db, id);
    const r = routeForArticle(db, id, rangeOf(text, 'Die Bundesregierung will den Ausbau mit einem neuen Gesetz fördern.'));
    expect(r.contactEmail).toBe('politik@agentur.example');
    expect(r.candidates.map((c) => c.source)).toEqual(['addressBook', 'addressBook']);
  });

  it('maps beat names to categories by their words', () => {
    expect(beatCategories('Politik und Konjunktur')).toEqual(['politics', 'economy']);
    expect(beatCategories('Unternehmen und Märkte')).toEqual(['companies', 'markets']);
    expect(beatCategories('Sport')).toEqual(['sports']);
    expect(beatCategories('Kultur/Feuilleton')).toEqual(['culture']);
    expect(beatCategories(null)).toEqual([]);
  });

  it('matches German compounds but not words that merely contain a stem', () => {
    const gesetz = { s: 'gesetz', e: ['', 'e', 'es', 'en'] };
    expect(cueMatches('gesetzentwurf', gesetz)).toBe(true);
    expect(cueMatches('grundgesetz', gesetz)).toBe(true);
    expect(cueMatches('gesetzten', gesetz)).toBe(false);
    expect(cueMatches('eingesetzt', gesetz)).toBe(false);
    expect(cueMatches('auswahl', { s: 'wahl', e: ['', 'en'], not: ['auswahl'] })).toBe(false);
    expect(cueMatches('bundestagswahl', { s: 'wahl', e: ['', 'en'], not: ['auswahl'] })).toBe(true);
  });

  it('is pure and deterministic', () => {
    const a = parsed([['paragraph', 'Der Minister traf den Konzernchef.']]);
    const input = { text: a.text, blocks: a.blocks, candidates: [{ email: 'a@x.example', name: '', beat: 'Politik', source: 'article' as const }, { email: 'b@x.example', name: '', beat: 'Unternehmen', source: 'article' as const }] };
    expect(routeQuestion(input)).toEqual(routeQuestion(input));
    // One cue each with weight 2: a tie on the article level goes to the desk named first.
    expect(routeQuestion(input)).toMatchObject({ contactEmail: 'a@x.example', basis: 'article' });
  });
});
