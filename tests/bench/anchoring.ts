/**
 * Anchoring benchmark: 500 annotations on a generated 50 kB German article, re-anchored on the
 * unchanged text and after ~30 scattered edits (insertions, deletions, typo fixes inside quotes,
 * rewritten quotes). Reports the median of several runs. Standalone:
 * `node --import tsx tests/bench/anchoring.ts` prints the figures as JSON.
 */
import { pathToFileURL } from 'node:url';
import { anchorAll, describe, type Selectors } from '../../shared/anchoring.js';

/** What the benchmark measured; times in milliseconds (median). */
export interface AnchoringBench {
  unchangedMs: number;
  editedMs: number;
  textChars: number;
  annotations: number;
  edits: number;
  runs: number;
  /** How the annotations were placed on the edited text. */
  editedMethods: { position: number; exact: number; fuzzy: number; orphan: number };
}

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same texts. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'Stadtwerke Kellbrück Fernwärme Preis Prozent Haushalte Versorger Netzkosten Erdgas Geschäftsführerin Verbraucherbund ' +
  'Erhöhung Gewinn Millionen Euro Kilowattstunde Cent Bundesdurchschnitt Stadtrat Sitzung April Härtefälle Ratenzahlungen ' +
  'Regierung Ministerium Sprecher Insidern zufolge sagte teilte mit könnte würde soll jährlich Milliarden Dollar Konzern ' +
  'Partner Vertrag Auftrag Werft Fähren Bodensee Lindau Bregenz Infrastruktur Haushalt Ausgaben Bericht Quelle Angaben ' +
  'der die das und mit für von auf im am zum nach bei über unter gegen ohne wegen seit ab bis nicht auch noch schon'
).split(' ');

/** A ~50 kB article: paragraphs of sentences of random words, blocks joined by blank lines. */
function generateArticle(random: () => number, chars = 50_000): string {
  const paragraphs: string[] = [];
  let length = 0;
  while (length < chars) {
    const sentences: string[] = [];
    const n = 3 + Math.floor(random() * 4);
    for (let s = 0; s < n; s++) {
      const words = Array.from({ length: 8 + Math.floor(random() * 12) }, () => WORDS[Math.floor(random() * WORDS.length)]!);
      words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
      sentences.push(`${words.join(' ')}${random() < 0.2 ? ` ${(random() * 100).toFixed(1).replace('.', ',')} Prozent` : ''}.`);
    }
    const p = sentences.join(' ');
    paragraphs.push(p);
    length += p.length + 2;
  }
  return paragraphs.join('\n\n').slice(0, chars);
}

/** 500 passages of 2–12 words at word boundaries. */
function makeAnnotations(text: string, random: () => number, count = 500): Selectors[] {
  const starts: number[] = [];
  for (let i = 1; i < text.length; i++) if (text.charAt(i - 1) === ' ' && text.charAt(i) !== ' ') starts.push(i);
  const out: Selectors[] = [];
  while (out.length < count) {
    const start = starts[Math.floor(random() * starts.length)]!;
    let end = start;
    const words = 2 + Math.floor(random() * 11);
    for (let w = 0; w < words && end < text.length; w++) {
      const next = text.indexOf(' ', end + 1);
      end = next < 0 ? text.length : next;
    }
    if (end > start) out.push(describe(text, start, end));
  }
  return out;
}

/** ~30 scattered edits, a third of them inside annotated passages (typo fixes and rewrites), applied back to front. */
function edit(text: string, annotations: readonly Selectors[], random: () => number, count = 30): string {
  const edits: { at: number; remove: number; insert: string }[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 5;
    if (kind === 0 || kind === 1) {
      // Typo fix or small change inside a quote: one character replaced.
      const a = annotations[Math.floor(random() * annotations.length)]!;
      const at = a.position.start + Math.floor((a.position.end - a.position.start) / 2);
      edits.push({ at, remove: 1, insert: 'x' });
    } else if (kind === 2) {
      const a = annotations[Math.floor(random() * annotations.length)]!;
      edits.push({ at: a.position.start, remove: a.position.end - a.position.start, insert: 'Dieser Satzteil wurde vollständig neu formuliert' });
    } else if (kind === 3) {
      edits.push({ at: Math.floor(random() * text.length), remove: 0, insert: ' Ein neuer Satz der Neufassung wurde hier eingefügt.' });
    } else {
      edits.push({ at: Math.floor(random() * text.length), remove: 40 + Math.floor(random() * 200), insert: '' });
    }
  }
  edits.sort((a, b) => b.at - a.at);
  let out = text;
  for (const e of edits) out = out.slice(0, e.at) + e.insert + out.slice(e.at + e.remove);
  return out;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function time(fn: () => unknown, runs: number): number {
  fn(); // warm-up: JIT and regex compilation
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return Math.round(median(times) * 100) / 100;
}

/** Runs the anchoring benchmark and returns the median timings. */
export async function benchAnchoring(runs = 9): Promise<AnchoringBench> {
  const random = rng(20250225);
  const text = generateArticle(random);
  const annotations = makeAnnotations(text, random);
  const edited = edit(text, annotations, random);
  const unchangedMs = time(() => anchorAll(text, annotations), runs);
  const editedMs = time(() => anchorAll(edited, annotations), runs);
  const methods = { position: 0, exact: 0, fuzzy: 0, orphan: 0 };
  for (const a of anchorAll(edited, annotations)) methods[a ? a.method : 'orphan']++;
  return { unchangedMs, editedMs, textChars: text.length, annotations: annotations.length, edits: 30, runs, editedMethods: methods };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchAnchoring(), null, 2));
}
