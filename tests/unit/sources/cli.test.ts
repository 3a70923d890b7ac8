import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertArticle } from '../../../main/core/articles.js';
import type { ArticleProposalsView } from '../../../shared/contract-sources.js';
import type { Source } from '../../../shared/source.js';
import { runCli } from '../../helpers/cli.js';
import { parsed, tempDb } from '../../helpers/db.js';
import { DE_STORY } from './fixtures.js';

// Each call starts a real process (tsx compiles on start): slow on a shared machine.
describe('fundstelle sources (real process)', { timeout: 180_000 }, () => {
  let file: string;
  let cleanup: () => void;
  let articleId: number;
  beforeAll(() => {
    const t = tempDb();
    ({ file, cleanup } = t);
    articleId = insertArticle(t.db, parsed(DE_STORY), { file: 'story.txt', format: 'wire', encoding: 'utf-8', importedAt: '2025-03-01T10:00:00.000Z' }).id;
    t.db.close();
  });
  afterAll(() => cleanup());
  const cli = (...args: string[]) => runCli([...args, '--db', file, '--lang', 'de']);

  it('proposes with kind, text, speaker, role and cue, and as JSON', () => {
    const r = cli('sources', 'propose', String(articleId));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Zitat');
    expect(r.stdout).toContain('„verlässlicher Partner“');
    expect(r.stdout).toContain('Quelle: Petra Lindqvist (Sprecherin der Nordbahn AG)');
    expect(r.stdout).toContain('Hinweis: „wollte … äußern“ [declined-comment]');
    expect(r.stdout).toContain('Anonyme Quelle');
    const json = JSON.parse(cli('sources', 'propose', String(articleId), '--json').stdout) as ArticleProposalsView;
    expect(json.articleId).toBe(articleId);
    expect(json.proposals.find((p) => p.kind === 'attribution' && p.speaker?.name === 'Bernd Kalinowski')?.speaker?.role).toBe('Stadtwerke-Chef');
  });

  it('accepts, lists, protects and rejects', () => {
    const { proposals } = JSON.parse(cli('sources', 'propose', String(articleId), '--json').stdout) as ArticleProposalsView;
    const quote = proposals.find((p) => p.kind === 'quote' && p.text === 'verlässlicher Partner');
    const acc = cli('sources', 'accept', String(articleId), quote?.key ?? '');
    expect(acc.status, acc.stderr).toBe(0);
    expect(acc.stdout).toMatch(/Angenommen: Annotation [0-9a-f-]{36}, Quelle \d+ Petra Lindqvist/);

    const list = cli('sources', 'list');
    expect(list.status).toBe(0);
    expect(list.stdout).toContain('Petra Lindqvist (Sprecherin der Nordbahn AG, Nordbahn AG)');
    expect(list.stdout).toContain('unbestätigt · 1 Erwähnungen');
    const sources = JSON.parse(cli('sources', 'list', '--json').stdout) as Source[];
    expect(sources).toHaveLength(1);
    const id = String(sources[0]?.id);
    expect(cli('sources', 'protect', id).stdout).toContain('geschützt');
    expect(cli('sources', 'status', id, 'bestätigt', '--note', 'Rückruf').stdout).toContain('bestätigt');
    expect((JSON.parse(cli('sources', 'list', '--json').stdout) as Source[])[0]).toMatchObject({ protected: true, status: 'bestätigt' });

    const fig = proposals.find((p) => p.kind === 'figure');
    expect(cli('sources', 'reject', String(articleId), fig?.key ?? '').status).toBe(0);
    const after = JSON.parse(cli('sources', 'propose', String(articleId), '--json').stdout) as ArticleProposalsView;
    expect(after.rejectedHidden).toBe(1);
    expect(after.proposals.find((p) => p.key === quote?.key)?.decision).toBe('accepted');
  });

  it('reports wrong calls and unknown ids clearly', () => {
    expect(cli('sources').status).toBe(2);
    expect(cli('sources', 'propose', 'abc').status).toBe(2);
    const missing = cli('sources', 'propose', '999');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Artikel 999');
    expect(cli('sources', 'list', '--kind', 'alien').status).toBe(2);
    expect(runCli(['sources', '--help', '--lang', 'en']).stdout).toContain('fundstelle sources propose ARTICLE_ID');
    expect(fs.existsSync(path.dirname(file))).toBe(true);
  });
});
