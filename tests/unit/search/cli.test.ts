import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/db.js';

// Invented wire stories, written as files and imported through the real CLI.
const FILES: Record<string, string> = {
  'rechenzentrum.txt': ` date 2025-02-14 Quelle: (c) Copyright Thomson Reuters 2025.

Südkorea plant drei neue Rechenzentren

Seoul (Reuters) - Südkorea will bis 2027 drei neue Rechenzentren an der Küste errichten. Die Anlagen sollen mit Meerwasser gekühlt werden, teilte das Ministerium am Freitag mit.

Die Betreiber rechnen mit Kosten von rund zwei Milliarden Euro. Die Regierung hatte das Vorhaben im Herbst angekündigt und will die Genehmigungen beschleunigen.

(Bericht von Anna Beispiel; Redigiert von Bernd Muster)
`,
  'strasse.txt': ` date 2024-06-03 Quelle: (c) Copyright Thomson Reuters 2024.

Hauptstraße in Lindau bleibt gesperrt

Lindau (Reuters) - Die Hauptstraße zwischen Lindau und Bregenz bleibt bis Mai gesperrt. Grund sind Bauarbeiten an der Uferstraße, sagte ein Sprecher der Stadt am Montag.

Pendler müssen mit Umwegen von bis zu zwanzig Minuten rechnen, die Busse fahren über die Umgehung.

(Bericht von Jana Holmvik; Redigiert von Piet Ostergaard)
`,
  'cocoa.txt': `Cocoa farmers expect running shortages

ACCRA, Feb 3, 2025 (AFP) - Cocoa farmers said on Monday they were running out of fertilisers, and traders warned that the shortages could hit the next harvest in the region.

The farmers' association said it had asked the government for help with the costs of the coming season.

kl/jm/dv
`,
};

let dir: string;
let db: string;
let cleanup: () => void;
let ids: Record<string, number>;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  db = path.join(dir, 'collection.sqlite');
  const files = path.join(dir, 'files');
  fs.mkdirSync(files);
  for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(files, name), text);
  const r = runCli(['import', files, '--json', '--db', db]);
  expect(r.status).toBe(0);
  ids = Object.fromEntries(
    r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: number; source: { file: string } })
      .map((a) => [a.source.file, a.id]),
  );
}, 60_000);
afterAll(() => cleanup());

const hitIds = (args: string[]) => {
  const r = runCli(['search', ...args, '--json', '--db', db]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return (JSON.parse(r.stdout) as { id: number; kind: string }[]).map((h) => h.id).sort((a, b) => a - b);
};

describe('fundstelle search', { timeout: 60_000 }, () => {
  it('normalises and stems like the app; filters by agency, date, language', () => {
    expect(hitIds(['Suedkorea'])).toEqual([ids['rechenzentrum.txt']]);
    expect(hitIds(['Rechenzentrum'])).toEqual([ids['rechenzentrum.txt']]);
    expect(hitIds(['hauptstrasse', '--agency', 'reuters', '--from', '2024-06', '--to', '2024-06'])).toEqual([ids['strasse.txt']]);
    expect(hitIds(['(Lindau OR farmers) AND NOT Bregenz'])).toEqual([ids['cocoa.txt']]);
    expect(hitIds(['--lang', 'en'])).toEqual([ids['cocoa.txt']]);
    expect(hitIds(['Rechenz*', '--from', '2025-03'])).toEqual([]);
  });

  it('prints snippets with the hit marked, and a total', () => {
    const r = runCli(['search', '"Lindau und Bregenz"', '--db', db], { FUNDSTELLE_LANG: 'de' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Hauptstraße in Lindau bleibt gesperrt (Reuters, 2024-06-03)');
    expect(r.stdout).toContain('»Lindau« »und« »Bregenz«');
    expect(r.stdout).toContain('1 von 1 Treffern');
  });

  it('explains a malformed query and exits 1; a bad flag value exits 2', () => {
    const r = runCli(['search', '"Lindau und', '--db', db], { FUNDSTELLE_LANG: 'de' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Das Anführungszeichen an Stelle 1 wird nicht geschlossen.');
    const bad = runCli(['search', 'Lindau', '--from', '3.2.2025', '--db', db], { FUNDSTELLE_LANG: 'en' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--from must be a date as YYYY, YYYY-MM or YYYY-MM-DD');
    expect(runCli(['search', 'x', '--type', 'banane', '--db', db]).status).toBe(2);
  });
});

describe('fundstelle mappen', { timeout: 60_000 }, () => {
  it('creates, fills, filters search by Mappe, renames, deletes (articles stay)', () => {
    const created = JSON.parse(runCli(['mappen', 'create', 'Asien', 'Energie', '--json', '--db', db]).stdout) as { id: number; name: string };
    expect(created.name).toBe('Asien Energie');
    const id = String(created.id);
    const dup = runCli(['mappen', 'create', 'asien energie', '--db', db], { FUNDSTELLE_LANG: 'de' });
    expect(dup.status).toBe(1);
    expect(dup.stderr).toContain('Es gibt schon eine Mappe „asien energie“');
    const added = JSON.parse(runCli(['mappen', 'add', id, String(ids['rechenzentrum.txt']), String(ids['cocoa.txt']), '--json', '--db', db]).stdout) as { added: number };
    expect(added.added).toBe(2);
    expect(hitIds(['--mappe', 'asien energie'])).toEqual(([ids['rechenzentrum.txt'], ids['cocoa.txt']] as number[]).sort((a, b) => a - b));
    expect(hitIds(['Seoul OR Accra', '--mappe', id, '--lang', 'de'])).toEqual([ids['rechenzentrum.txt']]);
    runCli(['mappen', 'remove', id, String(ids['cocoa.txt']), '--db', db]);
    expect(runCli(['mappen', 'rename', id, 'Korea', '--db', db]).status).toBe(0);
    const list = runCli(['mappen', 'list', '--db', db], { FUNDSTELLE_LANG: 'de' });
    expect(list.stdout).toMatch(new RegExp(`${id}\\s+Korea\\s+\\(1 Artikel\\)`));
    const del = runCli(['mappen', 'delete', 'korea', '--db', db], { FUNDSTELLE_LANG: 'de' });
    expect(del.stdout).toContain('Mappe „Korea“ gelöscht; ihre 1 Artikel bleiben in der Sammlung.');
    expect(JSON.parse(runCli(['list', '--json', '--db', db]).stdout)).toHaveLength(3);
    const unknown = runCli(['mappen', 'add', '999', '1', '--db', db], { FUNDSTELLE_LANG: 'en' });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('There is no Mappe (folder) 999');
    expect(runCli(['mappen', 'add', id, 'x', '--db', db]).status).toBe(2);
  });
});
