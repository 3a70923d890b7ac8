import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { collectArchive, exportArchive } from '../../../main/core/archive/export.js';
import { ARCHIVE_FILES } from '../../../main/core/archive/format.js';
import { importArchive } from '../../../main/core/archive/import.js';
import { readArchiveZip } from '../../../main/core/archive/zip.js';
import { insertArticle } from '../../../main/core/articles.js';
import { listArticleVersions } from '../../../main/core/article-versions.js';
import { AppError } from '../../../shared/errors.js';
import { dumpDatabase, tempDb } from '../../helpers/db.js';
import { leakedProtectedTerms, PROTECTED_PERSON } from '../../helpers/protected.js';
import { buildCollection } from './fixtures.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});
function db() {
  const t = tempDb();
  cleanups.push(t.cleanup);
  return t.db;
}

/** The archive content without the manifest (its time and scope differ by design). */
function body(d: ReturnType<typeof db>, opts: Parameters<typeof collectArchive>[1] = {}) {
  const { manifest: _m, ...rest } = collectArchive(d, opts);
  return rest;
}

/** Every entry of a zip as text, as another program would read it. */
function unzipped(data: Uint8Array): string {
  return Object.values(unzipSync(data))
    .map((b) => strFromU8(b))
    .join('\n');
}

function errorOf(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

/** A valid archive's files, to be tampered with. */
function files(src: ReturnType<typeof db>): Record<string, Uint8Array> {
  const c = collectArchive(src);
  return {
    'manifest.json': strToU8(JSON.stringify(c.manifest)),
    'articles.json': strToU8(JSON.stringify(c.articles)),
    'annotations.json': strToU8(JSON.stringify(c.annotations)),
    'sources.json': strToU8(JSON.stringify(c.sources)),
    'contacts.json': strToU8(JSON.stringify(c.contacts)),
    'inquiries.json': strToU8(JSON.stringify(c.inquiries)),
    'citations.json': strToU8(JSON.stringify(c.citations)),
    'mappen.json': strToU8(JSON.stringify(c.mappen)),
  };
}

describe('portable archive', () => {
  it('moves a Mappe to another data folder with the same articles, versions, annotations and sources; twice changes nothing', () => {
    const src = db();
    const { a, mappeId } = buildCollection(src);
    const file = exportArchive(src, { mappeId, now: '2025-04-01T00:00:00Z' });
    expect(file.fileName).toBe('Mappe Kakao 2025-04-01.fundstelle');
    expect(file.manifest.scope).toEqual({ mappe: 'Kakao' });
    expect(file.manifest.counts).toMatchObject({ articles: 2, versions: 1, annotations: 3, sources: 1, mentions: 1, mappen: 1 });

    const dest = db();
    const first = importArchive(dest, file.fileName, file.data);
    expect(first.counts.articles).toEqual({ added: 2, updated: 0, skipped: 0 });
    expect(first.counts.annotations).toEqual({ added: 3, updated: 0, skipped: 0 });
    expect(first.counts.sources).toEqual({ added: 1, updated: 0, skipped: 0 });
    expect(first.counts.inquiries.added).toBe(1);
    expect(first.counts.mappen.added).toBe(1);
    // Everything the Mappe's archive describes is now in the new collection, field for field.
    expect(body(dest)).toEqual(body(src, { mappeId }));
    const hashA = collectArchive(src, { mappeId }).articles.find((x) => x.title === 'Kakaopreis steigt weiter')!.contentHash;
    const destA = (dest.prepare('SELECT id FROM articles WHERE content_hash = ?').get(hashA) as { id: number }).id;
    expect(listArticleVersions(dest, destA).map((v) => v.contentHash)).toEqual(listArticleVersions(src, a).map((v) => v.contentHash));
    expect(dest.prepare('SELECT deleted_at FROM annotations WHERE note = ?').get('alt')).toEqual({ deleted_at: '2025-03-04T08:02:00Z' });

    const before = dumpDatabase(dest);
    const second = importArchive(dest, file.fileName, file.data);
    expect(dumpDatabase(dest)).toEqual(before);
    for (const c of Object.values(second.counts)) expect(c.added + c.updated).toBe(0);
    expect(second.counts.articles.skipped).toBe(2);

    // Back into the collection it came from: nothing new either.
    const origin = dumpDatabase(src);
    importArchive(src, file.fileName, file.data);
    expect(dumpDatabase(src)).toEqual(origin);
  });

  it('carries the whole collection, and merges an older copy of an article into the newer one as a version', () => {
    const src = db();
    buildCollection(src);
    const whole = exportArchive(src, { includeProtected: true });
    expect(whole.manifest.scope).toEqual({});
    const dest = db();
    importArchive(dest, 'all.fundstelle', whole.data);
    expect(body(dest, { includeProtected: true })).toEqual(body(src, { includeProtected: true }));

    // Another machine holds only the first version of article A: the archive makes it current and keeps v1 as version 1.
    const old = db();
    const v1 = collectArchive(src).articles.find((x) => x.versions.length === 1)!.versions[0]!;
    const { id } = insertArticle(old, { ...v1, titleDerived: false, language: 'de', agency: 'dpa', copyright: null, url: null, published: null, dateline: null, datelineText: null, credits: [], deskContacts: [], kicker: null }, { ...v1.provenance });
    const r = importArchive(old, 'all.fundstelle', whole.data);
    expect(r.counts.articles).toEqual({ added: 2, updated: 1, skipped: 0 });
    expect(listArticleVersions(old, id).map((v) => v.title)).toEqual(['Kakaopreis steigt', 'Kakaopreis steigt weiter']);
    const again = dumpDatabase(old);
    importArchive(old, 'all.fundstelle', whole.data);
    expect(dumpDatabase(old)).toEqual(again);

    // And one holding only the current text gets the earlier version added before it.
    const cur = db();
    const a = collectArchive(src).articles.find((x) => x.versions.length === 1)!;
    const { id: curId } = insertArticle(cur, a, a.provenance);
    const r2 = importArchive(cur, 'all.fundstelle', whole.data);
    expect(r2.counts.articles).toEqual({ added: 2, updated: 1, skipped: 0 });
    expect(listArticleVersions(cur, curId).map((v) => [v.version, v.title])).toEqual([
      [1, 'Kakaopreis steigt'],
      [2, 'Kakaopreis steigt weiter'],
    ]);
    const once = dumpDatabase(cur);
    importArchive(cur, 'all.fundstelle', whole.data);
    expect(dumpDatabase(cur)).toEqual(once);
  });

  it('leaves protected sources out and redacts their names unless included explicitly', () => {
    const src = db();
    const { mappeId } = buildCollection(src);
    const plain = collectArchive(src, { mappeId });
    const text = JSON.stringify(plain);
    expect(leakedProtectedTerms(text, src)).toEqual([]);
    expect(plain.manifest.includesProtected).toBe(false);
    expect(plain.sources.map((s) => s.name)).toEqual(['Olaf Scholz']);
    expect(plain.annotations.find((x) => x.type === 'claim')!.note).toBe('Laut vertrauliche Quelle stimmt das');
    // The zip holds nothing else: the deflated bytes decode to the same redacted JSON.
    const zipped = exportArchive(src, { mappeId });
    expect(leakedProtectedTerms(unzipped(zipped.data), src)).toEqual([]);
    expect(unzipped(zipped.data)).not.toContain(PROTECTED_PERSON.surname);
    expect(readArchiveZip('x.fundstelle', zipped.data).sources).toHaveLength(1);

    const full = collectArchive(src, { mappeId, includeProtected: true });
    expect(full.manifest.includesProtected).toBe(true);
    expect(full.sources.map((s) => s.name).sort()).toEqual([PROTECTED_PERSON.name, 'Olaf Scholz']);
    const dest = db();
    importArchive(dest, 'p.fundstelle', exportArchive(src, { mappeId, includeProtected: true }).data);
    expect(dest.prepare('SELECT protected FROM sources WHERE name = ?').get(PROTECTED_PERSON.name)).toEqual({ protected: 1 });
  });

  it('refuses an archive from a newer format version, naming both versions', () => {
    const src = db();
    buildCollection(src);
    const f = files(src);
    const manifest = JSON.parse(new TextDecoder().decode(f['manifest.json'])) as Record<string, unknown>;
    f['manifest.json'] = strToU8(JSON.stringify({ ...manifest, version: 7, somethingNew: true }));
    const e = errorOf(() => importArchive(db(), 'neu.fundstelle', zipSync(f), 'en'));
    expect(e.code).toBe('ARCHIVE_TOO_NEW');
    expect(e.details).toMatchObject({ found: 7, supported: 1 });
    expect(e.message).toContain('Archivformat 7');
    expect(e.message).toContain('bis 1');
  });

  it('refuses malformed archives with a specific message and writes nothing', () => {
    const src = db();
    buildCollection(src);
    const dest = db();
    const before = dumpDatabase(dest);
    const refuse = (data: Uint8Array) => errorOf(() => importArchive(dest, 'kaputt.fundstelle', data, 'en'));

    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    expect(refuse(random)).toMatchObject({ code: 'ARCHIVE_INVALID', details: { reason: 'not a zip file' } });
    expect(refuse(zipSync({ 'articles.json': strToU8('[]') })).details.reason).toBe('manifest.json: missing');
    expect(refuse(zipSync({ ...files(src), '../../etc/evil.json': strToU8('{}') })).details.reason).toMatch(/^\.\.\/\.\.\/etc\/evil\.json: unsafe entry name/);
    expect(refuse(zipSync({ ...files(src), '/abs.json': strToU8('{}') })).code).toBe('ARCHIVE_INVALID');
    expect(refuse(zipSync({ ...files(src), 'articles.json': strToU8('[{"oops"') })).details.reason).toMatch(/^articles\.json: invalid JSON/);
    const broken = JSON.parse(new TextDecoder().decode(files(src)['annotations.json'])) as Record<string, unknown>[];
    broken[0] = { ...broken[0], type: 'rumour' };
    expect(refuse(zipSync({ ...files(src), 'annotations.json': strToU8(JSON.stringify(broken)) })).details.reason).toMatch(/^annotations\.json: \[0\]\.type: /);
    const { 'sources.json': _s, ...noSources } = files(src);
    expect(refuse(zipSync(noSources)).details.reason).toBe('sources.json: missing');
    // A text that does not match its hash is caught after the schema, before anything is written.
    const arts = JSON.parse(new TextDecoder().decode(files(src)['articles.json'])) as { text: string }[];
    arts[0]!.text += ' manipuliert';
    expect(refuse(zipSync({ ...files(src), 'articles.json': strToU8(JSON.stringify(arts)) })).details.reason).toMatch(/contentHash does not match/);

    // A declared uncompressed size of 2 GiB is refused from the central directory, before inflating.
    const bomb = zipSync(files(src));
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    for (let i = 0; i + 4 <= bomb.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0x7fffffff, true);
    const big = refuse(bomb);
    expect(big.code).toBe('ARCHIVE_TOO_LARGE');
    expect(big.message).toMatch(/zu groß .*manifest.json/);

    expect(dumpDatabase(dest)).toEqual(before);
    expect(ARCHIVE_FILES).toContain('mappen.json');
  });

  it('rolls back everything when the archive fails halfway', () => {
    const src = db();
    buildCollection(src);
    const f = files(src);
    const inq = JSON.parse(new TextDecoder().decode(f['inquiries.json'])) as Record<string, unknown>[];
    // Passes the schema, breaks the table's CHECK: articles are already stored when this fails.
    inq[0] = { ...inq[0], status: 'beantwortet', answer: null };
    f['inquiries.json'] = strToU8(JSON.stringify(inq));
    const dest = db();
    const before = dumpDatabase(dest);
    expect(() => importArchive(dest, 'halb.fundstelle', zipSync(f))).toThrow();
    expect(dumpDatabase(dest)).toEqual(before);
  });
});
