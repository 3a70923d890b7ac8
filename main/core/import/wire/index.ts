/**
 * Wire-story parser: recognises agency deliveries (Reuters German and English, dpa, AFP, AP,
 * APA/derStandard, and generic "Ort (KNA) - " stories) and turns them into canonical text with
 * blocks plus the metadata read out of them.
 *
 * The text is cut into units (paragraphs / header lines, see units.ts), then classified in
 * passes that each look at a bounded region: trailing sections (dpa Notizblock, non-public
 * block), the tail (copyright, credit trailer, desk initials, closing agency credit), the
 * dateline, the head above it (header line, markers, kicker, headline, byline, teaser) and
 * the body (subheads and paragraphs). No pass runs a backtracking regex on unbounded input,
 * so a large or adversarial delivery parses in linear time.
 *
 * Decisions:
 * - Header line (" date 2025-02 Quelle: …") and copyright lines stay in the canonical text as
 *   `notice` blocks: nothing delivered is lost, and notices are neither public text nor counted.
 * - Headline and kicker are metadata only; the byline, trailers, AFP desk initials and closing
 *   agency credits are `credits` blocks; standalone markers and "(Adds …)" notes are `notice`s.
 * - Dateline places are kept as printed ("BEIRUT", "Seoul"), including a printed region
 *   ("BUENOS AIRES, Argentina", which tells Springfield, Ill. from Springfield, Mass.); a date
 *   in the dateline is not part of the place.
 * - Byline roles: "Von X, dpa" is `author` (dpa's authored piece); Reuters/AP/other bylines are
 *   `reporter`, like the "Reporting by" names in their trailers. All-caps names are title-cased.
 * - Agency: dateline, then header/copyright, then closing credit, then byline. "(APA/dpa, …)"
 *   gives APA (the first agency: APA's desk published the piece); "(dpa/lno)" gives dpa.
 * - Published: the most precise date found (header, dateline, closing credit, copyright year).
 * - url: only an http(s) URL printed in the header or copyright line ("www.dpa.de" is not a link).
 * - An en-dash dateline ("Riad – ") counts only in a story closing with an agency credit.
 */
import type { BlockKind, Credit, DeskContact, ParsedArticle } from '../../../../shared/article.js';
import { CanonicalTextBuilder } from '../../../../shared/text-builder.js';
import { isDeskInitials } from './afp.js';
import { parseContributedLine } from './ap.js';
import { matchDashDateline, parseClosingCredit } from './apa.js';
import { isBylineTitle, parseByline, type Byline } from './byline.js';
import { parseCopyrightLine, type CopyrightLine } from './copyright.js';
import { matchAgencyDateline } from './dateline.js';
import { precisionOf } from './dates.js';
import { isKickerLike, isNotizblock, nonPublicStart } from './dpa.js';
import { isAllCapsHeading, isSentenceCaseHeading } from './headings.js';
import { parseDeskLine, parseReutersHeader, parseTrailer } from './reuters.js';
import { splitUnits } from './units.js';
import { markerNote, standaloneMarker, stripHeadlineMarkers } from './version-markers.js';

type UnitKind = BlockKind | 'title' | 'kicker';

/**
 * A unit with what the parser found in it. Every field is set from the start (see {@link unit}):
 * objects that gain fields later have other hidden classes, and parser code optimized for one
 * was deoptimized by another.
 */
interface Unit {
  text: string;
  kind: UnitKind | null;
  /** Printed under the previous unit as part of the same block (the AP byline's title line). */
  joinPrev: boolean;
  credits: Credit[] | null;
  byline: Byline | null;
  desks: DeskContact[] | null;
  markers: string[] | null;
}

function unit(text: string, kind: UnitKind | null): Unit {
  return { text, kind, joinPrev: false, credits: null, byline: null, desks: null, markers: null };
}

/** Where a fact came from; a lower rank wins when two facts are equally precise. */
const Rank = { Dateline: 0, Header: 1, ClosingCredit: 2, Copyright: 3, Byline: 4 } as const;
type Rank = (typeof Rank)[keyof typeof Rank];

interface Facts {
  agencies: Array<{ value: string; rank: Rank }>;
  dates: Array<{ value: string; rank: Rank }>;
  headerCopyright: CopyrightLine | null;
  tailCopyright: CopyrightLine | null;
  closingAgency: string | null;
  /** Something only a wire delivery has: agency dateline, header line, agency copyright, credit trailer. */
  evidence: boolean;
}

/** How far down the dateline may be looked for: kicker, headline, markers, byline, teaser. */
const MAX_HEAD_UNITS = 15;

/** Parses a wire story; null when the text is not a recognisable wire story (the caller then treats it as plain text). */
export function parseWire(text: string): ParsedArticle | null {
  // A loop, not .map(): optimized code builds a map's result as a holey array, the interpreter as a
  // packed one, and every parser function optimized for one kind was deoptimized by the other.
  const units: Unit[] = [];
  for (const t of splitUnits(text)) units.push(unit(t, null));
  if (units.length === 0) return null;
  const facts: Facts = {
    agencies: [],
    dates: [],
    headerCopyright: null,
    tailCopyright: null,
    closingAgency: null,
    evidence: false,
  };

  const bodyEnd = markSections(units);
  let tailStart = markTail(units, bodyEnd, facts);

  const dl = findDateline(units, tailStart, facts);
  if (dl?.inserted) tailStart++;
  const dlIndex = dl ? dl.index : null;

  const bodyStart = classifyHead(units, dlIndex, tailStart, facts);
  // Decided before the body pass so that long non-wire texts are handed back quickly.
  if (!facts.evidence) return null;
  classifyBody(units, bodyStart, tailStart);
  return assemble(units, facts, dl);
}

/** dpa's Notizblock (notice) and the non-public block; returns where the story proper ends. */
function markSections(units: Unit[]): number {
  let notiz = -1;
  let nonPublic = -1;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (notiz < 0 && i > 0 && isNotizblock(u.text)) notiz = i;
    if (nonPublic < 0) {
      const at = nonPublicStart(u.text);
      if (at > 0) {
        // The phrase opens a block even when a delivery ran it on from the previous paragraph.
        units.splice(i + 1, 0, unit(u.text.slice(at), null));
        u.text = u.text.slice(0, at).trim();
        nonPublic = i + 1;
      } else if (at === 0 && i > 0) {
        nonPublic = i;
      }
    }
    if (notiz >= 0 && nonPublic >= 0) break;
  }
  // Non-public runs to the Notizblock if that follows, otherwise to the end: private data is
  // never under-flagged. The Notizblock runs to the end or to a non-public block inside it.
  for (let i = 0; i < units.length; i++) {
    const inNonPublic = nonPublic >= 0 && i >= nonPublic && !(notiz > nonPublic && i >= notiz);
    const inNotiz = notiz >= 0 && i >= notiz && !(nonPublic > notiz && i >= nonPublic);
    if (inNonPublic) units[i]!.kind = 'nonpublic';
    else if (inNotiz) units[i]!.kind = 'notice';
  }
  const starts = [notiz, nonPublic].filter((x) => x >= 0);
  return starts.length > 0 ? Math.min(...starts) : units.length;
}

/** Classifies one unit of the story's tail; false when it is body text. */
function classifyTailUnit(u: Unit, facts: Facts): boolean {
  const cr = parseCopyrightLine(u.text);
  if (cr) {
    u.kind = 'notice';
    facts.tailCopyright ??= cr;
    if (cr.agency) {
      facts.agencies.push({ value: cr.agency, rank: Rank.Copyright });
      facts.evidence = true;
    }
    if (cr.year) facts.dates.push({ value: cr.year, rank: Rank.Copyright });
    return true;
  }
  const trailer = parseTrailer(u.text);
  if (trailer) {
    u.kind = 'credits';
    u.credits = trailer.credits;
    u.desks = trailer.deskContacts;
    facts.evidence = true;
    return true;
  }
  const desks = parseDeskLine(u.text);
  if (desks) {
    u.kind = 'credits';
    u.desks = desks;
    return true;
  }
  if (isDeskInitials(u.text)) {
    u.kind = 'credits';
    return true;
  }
  const closing = parseClosingCredit(u.text);
  if (closing && closing.start === 0) {
    u.kind = 'credits';
    noteClosingCredit(closing.agency, closing.published, facts);
    return true;
  }
  const contributed = parseContributedLine(u.text);
  if (contributed) {
    u.kind = 'credits';
    u.credits = contributed.map((name) => ({ role: 'contributor', name }));
    return true;
  }
  if (/^(?:_{3,}|-{2,}|#(?: ?#){2}|-0-|ENDE|END|Ende)$/.test(u.text)) {
    u.kind = 'notice';
    return true;
  }
  return false;
}

function noteClosingCredit(agency: string, published: string | null, facts: Facts): void {
  facts.closingAgency ??= agency;
  facts.agencies.push({ value: agency, rank: Rank.ClosingCredit });
  if (published) {
    facts.dates.push({ value: published, rank: Rank.ClosingCredit });
    // A dated agency credit is how APA/derStandard mark agency material.
    facts.evidence = true;
  }
}

/** Walks back from the end of the story over copyright, trailers and credits; returns where the tail starts. */
function markTail(units: Unit[], bodyEnd: number, facts: Facts): number {
  let i = bodyEnd - 1;
  while (i >= 0 && classifyTailUnit(units[i]!, facts)) i--;
  if (i >= 0) {
    // The APA credit usually closes the last paragraph on the same line: split it off.
    const u = units[i]!;
    const closing = parseClosingCredit(u.text);
    if (closing && closing.start > 0) {
      const before = u.text.slice(0, closing.start).trim();
      if (before.length > 0) {
        u.text = before;
        units.splice(i + 1, 0, unit(closing.text, 'credits'));
        noteClosingCredit(closing.agency, closing.published, facts);
      }
    }
  }
  return i + 1;
}

interface FoundDateline {
  index: number;
  place: string;
  agency: string | null;
  text: string;
  /** True when a lead sentence was split off the dateline paragraph (one more unit). */
  inserted: boolean;
}

function findDateline(units: Unit[], tailStart: number, facts: Facts): FoundDateline | null {
  const limit = Math.min(tailStart, MAX_HEAD_UNITS);
  for (let i = 0; i < limit; i++) {
    const u = units[i]!;
    if (u.kind !== null) continue;
    const m = matchAgencyDateline(u.text);
    if (!m) continue;
    facts.evidence = true;
    facts.agencies.push({ value: m.agency, rank: Rank.Dateline });
    if (m.published) facts.dates.push({ value: m.published, rank: Rank.Dateline });
    return { index: i, place: m.place, agency: m.agency, text: m.text, inserted: false };
  }
  // An en-dash dateline ("Riad – ") says nothing about an agency by itself; it counts only in
  // a story that closes with an agency credit.
  if (!facts.closingAgency) return null;
  for (let i = 0; i < Math.min(limit, 6); i++) {
    const u = units[i]!;
    if (u.kind !== null) continue;
    const m = matchDashDateline(u.text);
    if (!m) continue;
    facts.evidence = true;
    let inserted = false;
    let index = i;
    if (m.start > 0) {
      // The lead sentence before the dateline becomes its own paragraph (the teaser).
      const lead = u.text.slice(0, m.start).trim();
      units.splice(i, 0, unit(lead, null));
      units[i + 1]!.text = u.text.slice(m.start);
      inserted = true;
      index = i + 1;
    }
    return { index, place: m.place, agency: facts.closingAgency, text: m.text, inserted };
  }
  return null;
}

/** A headline: one line, no closing full stop, colon or comma. */
function isHeadlineLike(unit: string): boolean {
  if (unit.length < 3 || unit.length > 250) return false;
  if (/^[(\-–•*]/.test(unit)) return false;
  return !/[.,;:]$/.test(unit);
}

function isHeadMeta(unit: string): boolean {
  return parseReutersHeader(unit) !== null || standaloneMarker(unit) !== null || markerNote(unit) !== null || parseByline(unit) !== null;
}

/**
 * The units above the dateline: header line, markers, kicker and headline, byline, teaser.
 * Without a dateline only the leading meta lines and a headline are taken; returns where the body starts.
 */
function classifyHead(units: Unit[], dlIndex: number | null, tailStart: number, facts: Facts): number {
  const end = dlIndex ?? Math.min(tailStart, 8);
  let titleDone = false;
  let contentSeen = false;
  let i = 0;
  for (; i < end; i++) {
    const u = units[i]!;
    if (u.kind !== null) continue;
    const header = parseReutersHeader(u.text);
    if (header) {
      u.kind = 'notice';
      u.markers = header.markers;
      facts.evidence = true;
      facts.headerCopyright ??= header.copyright;
      if (header.published) facts.dates.push({ value: header.published, rank: Rank.Header });
      if (header.copyright?.agency) facts.agencies.push({ value: header.copyright.agency, rank: Rank.Header });
      if (header.copyright?.year) facts.dates.push({ value: header.copyright.year, rank: Rank.Copyright });
      continue;
    }
    const marker = standaloneMarker(u.text) ?? markerNote(u.text);
    if (marker) {
      u.kind = 'notice';
      u.markers = [marker];
      continue;
    }
    const by = parseByline(u.text);
    if (by) {
      u.kind = 'credits';
      u.byline = by;
      if (by.agency) facts.agencies.push({ value: by.agency, rank: Rank.Byline });
      const next = units[i + 1];
      if (next && i + 1 < end && next.kind === null && isBylineTitle(next.text)) {
        next.kind = 'credits';
        next.joinPrev = true;
        i++;
      }
      contentSeen = true;
      continue;
    }
    if (!titleDone && !contentSeen && isHeadlineLike(u.text) && i + 1 < tailStart) {
      const next = units[i + 1];
      if (next && i + 1 < end && next.kind === null && isKickerLike(u.text) && isHeadlineLike(next.text) && !isHeadMeta(next.text)) {
        u.kind = 'kicker';
        next.kind = 'title';
        i++;
      } else {
        u.kind = 'title';
      }
      titleDone = true;
      continue;
    }
    if (dlIndex === null) break;
    // Between byline and dateline: the teaser.
    u.kind = 'paragraph';
    contentSeen = true;
  }
  return dlIndex ?? i;
}

/** Heading shape of a body unit: not a body unit, all caps, short line, running text. */
const Shape = { Other: 0, Caps: 1, Short: 2, Text: 3 } as const;
type Shape = (typeof Shape)[keyof typeof Shape];

/** Subheads and paragraphs of the story proper. */
function classifyBody(units: Unit[], bodyStart: number, tailStart: number): void {
  // Each unit's heading shape is computed once and carried to the next step (it is needed as "next" too).
  const shape = (i: number): Shape => {
    const u = i < tailStart ? units[i] : undefined;
    if (!u || u.kind !== null) return Shape.Other;
    if (isAllCapsHeading(u.text)) return Shape.Caps;
    return isSentenceCaseHeading(u.text) ? Shape.Short : Shape.Text;
  };
  let next = shape(bodyStart);
  for (let i = bodyStart; i < tailStart; i++) {
    const u = units[i]!;
    const own = next;
    next = shape(i + 1);
    if (u.kind !== null) continue;
    // The dateline paragraph opens the body and is never a heading; a short line is a subhead
    // only when running text follows it.
    if (i > bodyStart && own === Shape.Caps) u.kind = 'heading';
    else if (i > bodyStart && own === Shape.Short && next === Shape.Text) u.kind = 'heading';
    else u.kind = 'paragraph';
  }
}

function best<T extends { value: string; rank: Rank }>(list: readonly T[], precise: boolean): string | null {
  let pick: T | null = null;
  for (const c of list) {
    if (pick === null) {
      pick = c;
      continue;
    }
    const dp = precise ? precisionOf(c.value) - precisionOf(pick.value) : 0;
    if (dp > 0 || (dp === 0 && c.rank < pick.rank)) pick = c;
  }
  return pick ? pick.value : null;
}

function dedupeCredits(credits: Credit[]): void {
  const seen = new Set<string>();
  let w = 0;
  for (const c of credits) {
    const key = `${c.role}\u0000${c.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    credits[w++] = c;
  }
  credits.length = w;
}

function assemble(units: readonly Unit[], facts: Facts, dl: FoundDateline | null): ParsedArticle | null {
  const agency = best(facts.agencies, false);
  const builder = new CanonicalTextBuilder();
  let title: string | null = null;
  let kicker: string | null = null;
  const credits: Credit[] = [];
  const deskContacts: DeskContact[] = [];
  const versionMarkers: string[] = [];

  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.markers) versionMarkers.push(...u.markers);
    if (u.byline) {
      // dpa's "Von X, dpa" names the author of an authored piece; Reuters and AP bylines name
      // the reporters, matching the roles in their trailers.
      const role = (u.byline.agency ?? agency) === 'dpa' ? 'author' : 'reporter';
      for (const name of u.byline.names) credits.push({ role, name });
    }
    if (u.credits) credits.push(...u.credits);
    if (u.desks) for (const d of u.desks) if (!deskContacts.some((x) => x.email === d.email)) deskContacts.push(d);
    if (u.kind === 'title') {
      const stripped = stripHeadlineMarkers(u.text);
      title = stripped.title.length > 0 ? stripped.title : null;
      versionMarkers.push(...stripped.markers);
      continue;
    }
    if (u.kind === 'kicker') {
      kicker = u.text;
      continue;
    }
    // A unit printed under this one in the same block (the AP byline's title line) is added with it.
    let blockText = u.text;
    const following = units[i + 1];
    if (following?.joinPrev && following.kind === u.kind) {
      blockText += `\n${following.text}`;
      i++;
    }
    builder.add(u.kind ?? 'paragraph', blockText);
  }
  // The same person in byline and trailer with the same role is one credit.
  dedupeCredits(credits);
  if (builder.isEmpty) return null;

  const copyright = facts.headerCopyright ?? facts.tailCopyright;
  return {
    text: builder.text,
    blocks: builder.blocks,
    title,
    titleDerived: false,
    language: null,
    agency,
    copyright: copyright?.copyright ?? null,
    url: facts.headerCopyright?.url ?? facts.tailCopyright?.url ?? null,
    published: best(facts.dates, true),
    dateline: dl ? { place: dl.place, agency: dl.agency ?? agency } : null,
    datelineText: dl ? dl.text : null,
    credits,
    deskContacts,
    versionMarkers,
    kicker,
  };
}
