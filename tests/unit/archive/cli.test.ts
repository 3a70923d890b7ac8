import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectArchive, exportArchive } from '../../../main/core/archive/export.js';
import { importArchive } from '../../../main/core/archive/import.js';
import type { ArchiveImportReport } from '../../../shared/contract-archive.js';
import { runCli } from '../../helpers/cli.js';
import { tempDb } from '../../helpers/db.js';
import { leakedProtectedTerms } from '../../helpers/protected.js';
import { buildCollection } from './fixtures.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

describe('fundstelle archive', () => {
  it('exports a Mappe to a real file with a warning for protected sources, and imports it into another collection', () => {
    const src = tempDb();
    const dest = tempDb();
    cleanups.push(src.cleanup, dest.cleanup);
    buildCollection(src.db);
    src.db.close();
    const out = path.join(src.dir, 'kakao.fundstelle');

    const exp = runCli(['archive', 'export', '--mappe', 'Kakao', '--include-protected', '--out', out, '--db', src.file, '--lang', 'en']);
    expect(exp.stderr).toContain('WARNING: the archive contains protected sources');
    expect(exp.status).toBe(0);
    expect(exp.stdout).toContain('2 articles, 3 annotations, 2 sources');
    expect(fs.readdirSync(src.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    dest.db.close();
    const imp = runCli(['archive', 'import', out, '--json', '--db', dest.file]);
    expect(imp.stderr).toBe('');
    expect(imp.status).toBe(0);
    const report = JSON.parse(imp.stdout) as ArchiveImportReport;
    expect(report.scope).toEqual({ mappe: 'Kakao' });
    expect(report.includesProtected).toBe(true);
    expect(report.counts.articles).toEqual({ added: 2, updated: 0, skipped: 0 });
    expect(report.counts.sources).toEqual({ added: 2, updated: 0, skipped: 0 });
  });

  it('leaves protected sources out of the file by default (in-process, same code path as the CLI)', () => {
    const src = tempDb();
    const dest = tempDb();
    cleanups.push(src.cleanup, dest.cleanup);
    const { mappeId } = buildCollection(src.db);
    const content = collectArchive(src.db, { mappeId });
    expect(leakedProtectedTerms(JSON.stringify(content), src.db)).toEqual([]);
    const r = importArchive(dest.db, 'k.fundstelle', exportArchive(src.db, { mappeId }).data);
    expect(r.counts.sources).toEqual({ added: 1, updated: 0, skipped: 0 });
    expect(dest.db.prepare('SELECT count(*) AS n FROM sources WHERE protected = 1').get()).toEqual({ n: 0 });
  });
});
