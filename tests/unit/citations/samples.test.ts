import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getArticle } from '../../../main/core/articles.js';
import { exportCitations } from '../../../main/core/citations/export.js';
import { getRecord } from '../../../main/core/citations/record.js';
import { importFile } from '../../../main/core/import/pipeline.js';
import type { Database } from '../../../main/db/open.js';
import { BUILTIN_STYLE_IDS, CSL_LOCALES } from '../../../shared/contract-citations.js';
import { SAMPLES } from '../../helpers/cli.js';
import { tempDb } from '../../helpers/db.js';

// The real samples (third-party texts, local only) are read where they lie; skipped when absent.
const files = fs.existsSync(SAMPLES) ? fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort() : [];

describe.skipIf(files.length === 0)('citations of the real samples', () => {
  let db: Database;
  let cleanup: () => void;
  const imported: { file: string; id: number }[] = [];
  beforeAll(async () => {
    ({ db, cleanup } = tempDb());
    for (const f of files) {
      const outcome = await importFile(db, path.join(SAMPLES, f));
      if (outcome.ok) imported.push({ file: f, id: outcome.article.id });
    }
  });
  afterAll(() => cleanup());

  it('imports every sample', () => {
    expect(imported.map((i) => i.file)).toEqual(files);
  });

  it.each(BUILTIN_STYLE_IDS.flatMap((s) => CSL_LOCALES.map((l) => [s, l] as const)))('%s (%s): a bibliography entry per sample with its reporters and year', (style, locale) => {
    for (const { file, id } of imported) {
      const article = getArticle(db, id);
      const rec = getRecord(db, id).effective;
      const text = exportCitations(db, { articleIds: [id] }, { format: 'text', style, locale }).content;
      expect(text.trim(), file).not.toBe('');
      const year = article.published?.slice(0, 4);
      if (year) expect(text, file).toContain(year);
      expect(rec.type, file).toBe('article-newspaper');
      const reporters = article.credits.filter((c) => c.role === 'reporter' || c.role === 'author' || c.role === 'writer');
      expect(rec.author?.length ?? 0, file).toBe(reporters.length);
      for (const a of rec.author ?? []) expect(text.toLowerCase(), file).toContain((a.family ?? a.literal ?? '').toLowerCase());
    }
  });

  it('gives the Reuters story its reporters as authors and month precision', () => {
    const reuters = imported.find((i) => i.file.startsWith('reuters-de'));
    if (!reuters) return;
    const rec = getRecord(db, reuters.id).effective;
    expect(rec.author?.slice(0, 2)).toEqual([
      { given: 'Hyunjoo', family: 'Jin' },
      { given: 'Jack', family: 'Kim' },
    ]);
    expect(rec.editor).toContainEqual({ given: 'Scot W.', family: 'Stevenson' });
    expect(rec.issued).toEqual({ 'date-parts': [[2025, 2]] });
    expect(rec.URL).toBeUndefined();
    expect(exportCitations(db, { articleIds: [reuters.id] }, { format: 'agency' }).content).toBe('Quelle: Reuters, Februar 2025\n');
  });
});
