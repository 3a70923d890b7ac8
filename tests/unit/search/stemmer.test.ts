import fs from 'node:fs';
import path from 'node:path';
import snowball from 'snowball-stemmers';
import { describe, expect, it } from 'vitest';
import { foldGerman, termOf } from '../../../main/core/search-text.js';
import { corpus, prng } from '../../bench/generate.js';

/**
 * The stemmers (main/core/search-text.ts) are snowball-stemmer.jsx's Snowball German and English.
 * Collections indexed before were stemmed with snowball-stemmers (a port from Java, now only this
 * test's reference), and the index stores the terms, so a word that stemmed differently would no
 * longer find those articles. Both must give the same term for every word.
 */
const reference = { de: snowball.newStemmer('german'), en: snowball.newStemmer('english') };

/** The term as search-text.ts made it with the reference stemmers (its computeTerm for plain lower-case words). */
function referenceTerm(word: string, lang: 'de' | 'en'): string {
  if (lang === 'en') return foldGerman(reference.en.stem(foldGerman(word)));
  const stem = reference.de.stem(word);
  return foldGerman(stem.endsWith('um') && stem.length >= 6 ? stem.slice(0, -2) : stem);
}

/** Words whose term differs (lower-case words of a–z, ä, ö, ü, ß and digits, which need no other folding). */
function disagreements(words: Iterable<string>, lang: 'de' | 'en' = 'de'): string[] {
  const out: string[] = [];
  for (const w of words) {
    const a = referenceTerm(w, lang);
    const b = termOf(w, lang);
    if (a !== b) out.push(`${w}: ${a} ≠ ${b}`);
  }
  return out;
}

function wordsOfFolder(dir: string): Set<string> {
  const words = new Set<string>();
  for (const f of fs.readdirSync(dir)) {
    for (const w of fs.readFileSync(path.join(dir, f), 'utf8').toLowerCase().match(/\p{L}+/gu) ?? []) words.add(w);
  }
  return words;
}

/** Word-like strings from letters, digits and the language's endings, the same on every run. */
function wordLike(seed: number, n: number, letters: string, parts: readonly string[]): string[] {
  const rand = prng(seed);
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    let w = '';
    const k = 1 + Math.floor(rand() * 10);
    for (let j = 0; j < k; j++) w += rand() < 0.5 ? letters[Math.floor(rand() * letters.length)] : parts[Math.floor(rand() * parts.length)];
    words.push(w);
  }
  return words;
}

const WIRE = path.join(import.meta.dirname, '../../fixtures/wire');

describe('stemming', () => {
  it('gives the reference terms for the wire fixtures and the benchmark vocabulary, German and English', () => {
    const words = wordsOfFolder(WIRE);
    for (const w of corpus().de.words) words.add(w.toLowerCase());
    for (const w of ['häuser', 'straße', 'bauern', 'rechenzentren', 'museum', 'südkoreanischen', 'bundesländer', 'größten', 'müßiggang']) words.add(w);
    expect(words.size).toBeGreaterThan(25_000);
    expect(disagreements(words, 'de')).toEqual([]);
    const english = wordsOfFolder(WIRE);
    for (const w of corpus().en.words) english.add(w.toLowerCase());
    for (const w of ['generously', 'communities', 'arsenal', 'skies', 'dying', 'news', 'proceeding', 'howe']) english.add(w);
    expect(english.size).toBeGreaterThan(25_000);
    expect(disagreements(english, 'en')).toEqual([]);
  });

  it('gives the reference terms for 40,000 word-like strings per language built from its endings', () => {
    const de = ['ge', 'be', 'ver', 'ung', 'en', 'ern', 'em', 'er', 'es', 'e', 's', 'nis', 'lich', 'heit', 'keit', 'isch', 'end', 'ig', 'ik', 'st', 'est', 'um', 'ei', 'ä', 'ü', 'ö', 'ß', 'ss', 'u', 'y', 'qu', 'a', 'o', 'i'];
    expect(disagreements(wordLike(4242, 40_000, 'abcdefghijklmnopqrstuvwxyzäöüß0123456789', de), 'de')).toEqual([]);
    const en = ['ing', 'ed', 'ly', 'ness', 'ful', 'tion', 'ational', 'izer', 'ize', 'ive', 'able', 'ement', 'ent', 'ism', 'ous', 'al', 'er', 'ic', 'ance', 'sses', 'ies', 'ied', 'us', 'ss', 's', 'eed', 'eedly', 'ingly', 'y', 'e', 'li', 'ogi', 'bli', 'gener', 'commun', 'arsen', 'news', 'sky', 'dying', 'early', 'atlas', 'inning', 'proceed'];
    expect(disagreements(wordLike(4343, 40_000, 'abcdefghijklmnopqrstuvwxyz0123456789', en), 'en')).toEqual([]);
  });

  it('stems German and English as Snowball does', () => {
    expect(['Häuser', 'Bauern', 'Rechenzentren', 'aufeinanderfolgenden'].map((w) => termOf(w, 'de'))).toEqual(['haus', 'bau', 'rechenzentr', 'aufeinanderfolg']);
    expect(['generously', 'communities', 'running', 'skies'].map((w) => termOf(w, 'en'))).toEqual(['generous', 'communiti', 'run', 'sky']);
  });
});
