import { CanonicalTextBuilder } from '../../../shared/text-builder.js';
import type { Block, BlockKind } from '../../../shared/article.js';

/** Invented German wire story exercising every attribution cue (no third-party text). */
export const DE_STORY: [BlockKind, string][] = [
  ['paragraph', 'Lindenau (Reuters) - Stadtwerke-Chef Bernd Kalinowski bezeichnete die Einigung als „einen Durchbruch für die ganze Region“. Der Versorger will bis zu 40 Millionen Euro investieren.'],
  ['paragraph', 'Der Batterie-Hersteller Voltaris liefert die Speicher. Petra Lindqvist, Sprecherin der Nordbahn AG, sagte lediglich, die Stadtwerke seien ein »verlässlicher Partner«. Der Batterie-Konzern wollte sich nicht zu den Kosten äußern. Die Bahngesellschaft lehnte eine Stellungnahme ab.'],
  ['heading', 'WAS DIE REGION ERWARTET'],
  ['paragraph', 'Experten zufolge sind die Pläne realistisch. Die Stadt zahlt jährlich drei Millionen Euro. Insidern zufolge wird der Vertrag im Mai unterschrieben. Aus Regierungskreisen verlautete, der Bund gebe umgerechnet knapp 1,2 Milliarden Euro dazu.'],
  ['paragraph', 'Laut Kalinowski steigen die Preise um 12 Prozent. Nach Angaben der Nordbahn AG sind 350 Menschen betroffen. Kalinowski kündigte zudem neue Tarife an. Die Nordbahn AG teilte am Abend mit, der Zeitplan stehe. „Wir bleiben im Plan“, so Lindqvist.'],
  ['paragraph', 'Kalinowski erklärte, das Projekt sei «ohne Alternative». Lindqvist betonte: “Die Fahrgäste profitieren sofort davon.” Der Bürgermeister Jonas Reuter signalisierte Zustimmung. Reuter sagte, der Plan sei "gut durchdacht".'],
  ['paragraph', 'Die Baustelle liegt am Stadtrand. Der Ausbau sei längst genehmigt.'],
  ['credits', '(Bericht von Mara Teststein; Redigiert von Ole Probe)'],
  ['nonpublic', 'Privatnummer Kalinowski: 0170 555 1234. Kalinowski sagte intern, es gehe um 99 Millionen Euro.'],
];

/** Invented English wire story exercising the English cues. */
export const EN_STORY: [BlockKind, string][] = [
  ['paragraph', 'BERLIN (Reuters) - Nordwerk Chief Executive Jane Miller said the merger was "a turning point for the whole industry". Tom Baker, chief executive of Acme Robotics, told reporters the company would invest $57 million in a new plant.'],
  ['paragraph', 'According to people familiar with the matter, the talks stalled in March. Sources said the board wanted 43.5 million euros more. The plant would create 1,200 jobs, and sales rose 78 percent, analysts said.'],
  ['paragraph', 'The carmaker Volta declined to comment. Baker added that costs were “under control”. He said he expected approval "within weeks". A spokesperson for Nordwerk did not respond to a request for comment.'],
  ['paragraph', 'Separately, the German battery maker Ampera reported a loss. The battery company declined to comment on the figures.'],
  ['paragraph', 'The deal was reportedly worth $2.5bn, and about 107 people could lose their jobs.'],
  ['nonpublic', 'Miller mobile: +49 170 000. Miller said privately that 900 million dollars were at stake.'],
];

/** Canonical text and blocks of a fixture. */
export function build(blocks: [BlockKind, string][]): { text: string; blocks: Block[] } {
  const b = new CanonicalTextBuilder();
  for (const [kind, t] of blocks) b.add(kind, t);
  return { text: b.text, blocks: b.blocks };
}
