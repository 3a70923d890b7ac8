import { describe, expect, it } from 'vitest';
import { proposeForText, proposalKey } from '../../../shared/proposals/analyse.js';
import type { Proposal, ProposalKind } from '../../../shared/proposals/types.js';
import { build, DE_STORY, EN_STORY } from './fixtures.js';

function proposals(story: typeof DE_STORY, lang: 'de' | 'en'): { text: string; all: Proposal[]; find: (kind: ProposalKind, contains: string) => Proposal } {
  const { text, blocks } = build(story);
  const all = proposeForText(text, blocks, { lang });
  const find = (kind: ProposalKind, contains: string): Proposal => {
    const p = all.find((x) => x.kind === kind && x.text.includes(contains));
    if (!p) throw new Error(`no ${kind} proposal containing "${contains}" in:\n${all.map((x) => `${x.kind}: ${x.text}`).join('\n')}`);
    return p;
  };
  return { text, all, find };
}

describe('German proposals (invented text)', () => {
  const { text, all, find } = proposals(DE_STORY, 'de');

  it('gives every proposal a span into the canonical text, a cue inside it or next to it, a kind and a stable key', () => {
    for (const p of all) {
      expect(text.slice(p.start, p.end)).toBe(p.text);
      expect(p.key).toBe(proposalKey(p.kind, p.start, p.end, p.text, p.key.split(':').length > 3 ? Number(p.key.split(':')[3]) : 1));
      expect(p.cue.text.length).toBeGreaterThan(0);
      expect(p.explanation.length).toBeGreaterThan(10);
    }
    expect(new Set(all.map((p) => p.key)).size).toBe(all.length);
    const { text: t2, blocks } = build(DE_STORY);
    expect(proposeForText(t2, blocks, { lang: 'de' })).toEqual(all);
  });

  it('never reads credits or non-public blocks', () => {
    const { blocks } = build(DE_STORY);
    const closed = blocks.filter((b) => b.kind !== 'paragraph' && b.kind !== 'heading');
    for (const p of all) for (const b of closed) expect(p.end <= b.start || p.start >= b.end).toBe(true);
    expect(all.some((p) => p.text.includes('99 Millionen'))).toBe(false);
  });

  it('finds direct quotes in „…“, »…«, «…», “…” and "…" with their speaker', () => {
    expect(find('quote', 'einen Durchbruch').speaker).toMatchObject({ name: 'Bernd Kalinowski', role: 'Stadtwerke-Chef' });
    expect(find('quote', 'verlässlicher Partner')).toMatchObject({ text: 'verlässlicher Partner', speaker: { name: 'Petra Lindqvist', role: 'Sprecherin der Nordbahn AG' } });
    expect(find('quote', 'ohne Alternative').speaker?.name).toBe('Bernd Kalinowski');
    expect(find('quote', 'Die Fahrgäste').speaker?.name).toBe('Petra Lindqvist');
    expect(find('quote', 'gut durchdacht').speaker?.name).toBe('Jonas Reuter');
    expect(find('quote', 'Wir bleiben im Plan')).toMatchObject({ annotationType: 'quote', speaker: { name: 'Petra Lindqvist' } });
  });

  it('reads speech and source cues with the named speaker and role', () => {
    expect(find('attribution', 'Stadtwerke-Chef Bernd Kalinowski bezeichnete')).toMatchObject({ cue: { text: 'bezeichnete … als' }, speaker: { kind: 'person', name: 'Bernd Kalinowski', role: 'Stadtwerke-Chef', organisation: 'Stadtwerke' } });
    expect(find('attribution', 'Petra Lindqvist, Sprecherin')).toMatchObject({ cue: { text: 'sagte' }, speaker: { name: 'Petra Lindqvist', role: 'Sprecherin der Nordbahn AG', organisation: 'Nordbahn AG' } });
    expect(find('attribution', 'Laut Kalinowski')).toMatchObject({ cue: { rule: 'source-laut' }, speaker: { name: 'Bernd Kalinowski' } });
    expect(find('attribution', 'Nach Angaben der Nordbahn AG')).toMatchObject({ cue: { text: 'nach Angaben' }, speaker: { kind: 'organisation', name: 'Nordbahn AG' } });
    expect(find('attribution', 'kündigte zudem')).toMatchObject({ cue: { text: 'kündigte … an' }, speaker: { name: 'Bernd Kalinowski' } });
    expect(find('attribution', 'teilte am Abend mit')).toMatchObject({ cue: { text: 'teilte … mit' }, speaker: { kind: 'organisation', name: 'Nordbahn AG' } });
    expect(find('attribution', 'so Lindqvist')).toMatchObject({ cue: { rule: 'source-so' }, speaker: { name: 'Petra Lindqvist' } });
    expect(find('attribution', 'erklärte')).toMatchObject({ cue: { text: 'erklärte' }, speaker: { name: 'Bernd Kalinowski' } });
    expect(find('attribution', 'betonte')).toMatchObject({ speaker: { name: 'Petra Lindqvist' } });
    expect(find('attribution', 'signalisierte')).toMatchObject({ speaker: { name: 'Jonas Reuter', role: 'Bürgermeister' } });
    expect(all.filter((p) => p.kind === 'attribution').every((p) => p.annotationType === 'claim')).toBe(true);
  });

  it('recognises anonymous sources with their wording', () => {
    expect(find('anonymous', 'Experten zufolge')).toMatchObject({ cue: { text: 'Experten zufolge' }, speaker: { kind: 'anonymous', name: 'Experten' } });
    expect(find('anonymous', 'Insidern zufolge')).toMatchObject({ speaker: { kind: 'anonymous', name: 'Insider' } });
    expect(find('anonymous', 'Aus Regierungskreisen')).toMatchObject({ speaker: { kind: 'anonymous', name: 'Regierungskreise' } });
  });

  it('attributes declined comment to the organisation a description stands for, and says why', () => {
    const byDescriptor = find('declined', 'Der Batterie-Konzern');
    expect(byDescriptor).toMatchObject({ cue: { text: 'wollte … äußern' }, speaker: { kind: 'organisation', name: 'Voltaris' } });
    expect(byDescriptor.speaker?.resolution).toContain('Batterie');
    expect(find('declined', 'Die Bahngesellschaft')).toMatchObject({ cue: { rule: 'declined-comment' }, speaker: { name: 'Nordbahn AG' } });
  });

  it('flags reported speech without a source, and figures with qualifiers', () => {
    expect(find('unattributed', 'Der Ausbau sei')).toMatchObject({ speaker: null, cue: { rule: 'konjunktiv' } });
    expect(find('figure', '40 Millionen Euro')).toMatchObject({ text: 'bis zu 40 Millionen Euro', annotationType: 'figure', figure: { value: 40e6, unit: 'Euro', qualifiers: ['bis zu'] } });
    expect(find('figure', 'drei Millionen Euro').text).toBe('jährlich drei Millionen Euro');
    expect(find('figure', '1,2 Milliarden Euro')).toMatchObject({ text: 'umgerechnet knapp 1,2 Milliarden Euro', figure: { value: 1.2e9 } });
    expect(find('figure', '12 Prozent').figure).toMatchObject({ unitKind: 'percent', value: 12 });
    expect(find('figure', '350 Menschen').figure).toMatchObject({ unitKind: 'count', value: 350 });
  });

  it('does not take scare quotes around names for quotes', () => {
    const { text: t, blocks } = build([['paragraph', 'Das Projekt "Nordlicht" wächst. Die "Nordlicht"-Anlage steht in Lindenau. Der Betreiber nennt sie "Nordlicht".']]);
    expect(proposeForText(t, blocks, { lang: 'de' }).filter((p) => p.kind === 'quote')).toEqual([]);
  });
});

describe('English proposals (invented text)', () => {
  const { all, find } = proposals(EN_STORY, 'en');

  it('finds quotes, speakers with roles, and attribution cues', () => {
    expect(find('attribution', 'Jane Miller said')).toMatchObject({ speaker: { name: 'Jane Miller', role: 'Nordwerk Chief Executive', organisation: 'Nordwerk' } });
    expect(find('quote', 'a turning point').speaker?.name).toBe('Jane Miller');
    expect(find('attribution', 'Tom Baker, chief executive')).toMatchObject({ cue: { text: 'told' }, speaker: { name: 'Tom Baker', role: 'chief executive of Acme Robotics', organisation: 'Acme Robotics' } });
    expect(find('quote', 'under control').speaker?.name).toBe('Tom Baker');
    const he = find('quote', 'within weeks');
    expect(he.speaker).toMatchObject({ name: 'Tom Baker' });
    expect(he.speaker?.resolution).toContain('pronoun');
    expect(find('attribution', 'battery maker Ampera reported').speaker?.name).toBe('Ampera');
  });

  it('finds anonymous sources', () => {
    expect(find('anonymous', 'According to people familiar').speaker).toMatchObject({ kind: 'anonymous', name: 'people familiar with the matter' });
    expect(find('anonymous', 'Sources said').speaker).toMatchObject({ kind: 'anonymous', name: 'sources' });
    expect(find('anonymous', 'analysts said').speaker?.name).toBe('analysts');
  });

  it('attributes declined comment, resolving descriptions', () => {
    expect(find('declined', 'The carmaker Volta').speaker).toMatchObject({ kind: 'organisation', name: 'Volta' });
    expect(find('declined', 'A spokesperson for Nordwerk').speaker).toMatchObject({ name: 'Nordwerk', role: 'spokesperson' });
    const company = find('declined', 'The battery company');
    expect(company.speaker?.name).toBe('Ampera');
    expect(company.speaker?.resolution).toContain('battery');
  });

  it('flags hearsay and finds figures', () => {
    expect(find('unattributed', 'reportedly').cue.text).toBe('reportedly');
    expect(find('figure', '$57 million').figure).toMatchObject({ value: 57e6, unitKind: 'currency' });
    expect(find('figure', '43.5 million euros').figure?.value).toBe(43.5e6);
    expect(find('figure', '78 percent').figure).toMatchObject({ value: 78, unitKind: 'percent' });
    expect(find('figure', '1,200 jobs').figure?.value).toBe(1200);
    expect(find('figure', '$2.5bn').figure?.value).toBe(2.5e9);
    expect(find('figure', '107 people').text).toBe('about 107 people');
    expect(all.some((p) => p.text.includes('900 million'))).toBe(false);
  });
});
