import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, Inquiry } from '../../../shared/inquiry.js';
import { runCli, SAMPLES } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/db.js';

const REUTERS = path.join(SAMPLES, 'reuters-de_altman-asien-stargate.txt');
const FRANKFURT = 'frankfurt.newsroom@thomsonreuters.com';
const BERLIN = 'berlin.newsroom@thomsonreuters.com';

// One real process per step, on one collection: the steps build on each other.
describe.skipIf(!fs.existsSync(REUTERS))('fundstelle contacts / inquiries (real process)', () => {
  let dir: string;
  let cleanup: () => void;
  let db: string[];
  const cli = (...args: string[]) => runCli([...args, ...db]);
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    db = ['--db', path.join(dir, 'c.sqlite')];
    expect(cli('import', REUTERS).status).toBe(0);
  }, 60_000);
  afterAll(() => cleanup());

  it('contacts add, list, export and import', { timeout: 180_000 }, () => {
    const added = cli('contacts', 'add', '--name', 'Erika Müller', '--email', 'erika@zeitung.example', '--org', 'Zeitung, Berlin', '--beat', 'Kultur', '--beat', 'Sport', '--phone', '+49 30 1');
    expect(added.status, added.stderr).toBe(0);
    expect(cli('contacts', 'add', '--name', 'X', '--email', 'ERIKA@zeitung.example').status).toBe(1);
    expect(cli('contacts', 'add', '--email', 'x@y.example').status).toBe(2);
    const list = cli('contacts', 'list');
    expect(list.stdout).toContain('Berlin Newsroom (Reuters) <berlin.newsroom@thomsonreuters.com>');
    expect(list.stdout).toContain('Politik und Konjunktur');
    const json = JSON.parse(cli('contacts', 'list', '--json').stdout) as Contact[];
    expect(json.map((c) => c.email).sort()).toEqual([BERLIN, 'erika@zeitung.example', FRANKFURT]);

    const vcf = path.join(dir, 'out', 'k.vcf');
    expect(cli('contacts', 'export', '--format', 'vcard', '--out', vcf).status).toBe(0);
    expect(fs.readFileSync(vcf, 'utf8')).toContain('FN:Erika Müller');
    const csv = cli('contacts', 'export', '--format', 'csv');
    expect(csv.stdout.startsWith('\uFEFFName,')).toBe(true);
    expect(cli('contacts', 'export', '--format', 'xml').status).toBe(2);

    const other = ['--db', path.join(dir, 'other.sqlite')];
    const imp = runCli(['contacts', 'import', vcf, ...other]);
    expect(imp.status, imp.stderr).toBe(0);
    expect(imp.stdout).toContain('k.vcf: 3 neu, 0 aktualisiert, 0 übersprungen.');
    const csvFile = path.join(dir, 'k.csv');
    fs.writeFileSync(csvFile, csv.stdout);
    expect(runCli(['contacts', 'import', csvFile, ...other]).stdout).toContain('0 neu, 3 aktualisiert');
    fs.writeFileSync(path.join(dir, 'bad.vcf'), 'BEGIN:VCARD\nVERSION:4.0\nFN x\nEND:VCARD\n');
    const bad = runCli(['contacts', 'import', path.join(dir, 'bad.vcf'), ...other]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('bad.vcf, Zeile 3:');
  });

  it('inquiries add (routed with reason), list, draft and set', { timeout: 180_000 }, async () => {
    const kakao = cli('inquiries', 'add', '1', '--question', 'Was genau soll OpenAI für KakaoTalk liefern?', '--quote', 'Daneben gab Altman eine Kooperation mit Kakao bekannt');
    expect(kakao.status, kakao.stderr).toBe(0);
    expect(kakao.stdout).toContain(`an ${FRANKFURT} (Ressort passt: Unternehmen und Märkte — genannt: Kakao`);
    const gov = cli('inquiries', 'add', '1', '--question', 'Wie weit sind die Pläne der Regierung?', '--quote', 'Die Regierung in Seoul hatte die umgerechnet knapp 1,5 Milliarden Euro schweren Pläne', '--json');
    const govInq = JSON.parse(gov.stdout) as Inquiry;
    expect(govInq).toMatchObject({ contactEmail: BERLIN, routing: { reason: 'Ressort passt: Politik und Konjunktur — genannt: Regierung' } });
    expect(cli('inquiries', 'add', '1', '--question', 'x', '--quote', 'gibt es nicht').status).toBe(1);
    expect(cli('inquiries', 'add', '1', '--question', 'x', '--contact', 'erfunden@example.org').stderr).toContain('weder in Artikel 1 noch im Adressbuch');

    const list = JSON.parse(cli('inquiries', 'list', '--status', 'open', '--json').stdout) as Inquiry[];
    expect(list).toHaveLength(2);
    expect(cli('inquiries', 'list').stdout).toContain('2 Rückfragen');

    const out = path.join(dir, 'drafts');
    const eml = cli('inquiries', 'draft', '--contact', BERLIN, '--format', 'eml', '--out', out);
    expect(eml.status, eml.stderr).toBe(0);
    const file = fs.readdirSync(out).find((f) => f.endsWith('.eml'))!;
    const mail = await simpleParser(fs.readFileSync(path.join(out, file)));
    expect(mail.subject).toMatch(/^Rückfrage zu „.+“ \(Reuters, Februar 2025\)$/);
    expect(mail.text).toContain('Frage: Wie weit sind die Pläne der Regierung?');
    const mailto = cli('inquiries', 'draft', '--article', '1', '--contact', FRANKFURT, '--format', 'mailto');
    expect(mailto.stdout.startsWith(`mailto:${FRANKFURT}?subject=`)).toBe(true);
    expect(cli('inquiries', 'draft', '--article', '1', '--format', 'markdown').status).toBe(1);
    expect(cli('inquiries', 'draft', '--format', 'markdown').status).toBe(2);

    expect(cli('inquiries', 'set', String(govInq.id), '--status', 'asked').stdout).toContain('gestellt');
    expect(cli('inquiries', 'set', String(govInq.id), '--status', 'beantwortet').status).toBe(1);
    const done = cli('inquiries', 'set', String(govInq.id), '--status', 'answered', '--answer', 'Die Pläne sind beschlossen.', '--json');
    expect(JSON.parse(done.stdout)).toMatchObject({ status: 'beantwortet', answer: 'Die Pläne sind beschlossen.' });
    expect(cli('inquiries', 'set', String(govInq.id), '--status', 'erledigt').status).toBe(2);
    expect(JSON.parse(cli('inquiries', 'list', '--status', 'beantwortet', '--json').stdout)).toHaveLength(1);
  });
});
