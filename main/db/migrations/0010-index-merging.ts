import { ARTICLE_FTS_AUTOMERGE, ARTICLE_FTS_HASH_SIZE } from '../../core/search-index.js';
import type { Migration } from './types.js';

/**
 * Less merging of the article search index during large imports. Every committed group of a folder
 * import becomes one FTS5 segment, and FTS5 merges segments of one level into the next once
 * `automerge` of them exist (default 4). With prefix indexes each article's terms are written four
 * times, so at 100,000 articles rewriting merged segments took more time than everything else the
 * import writes (`npm run bench`, docs/bench.md). Here groups grow to 2,000 articles (a 32 MB write
 * buffer holds them) and eight segments are merged at once: measured on 100,000 benchmark articles,
 * index writing 1.08 → 0.71 ms per article. Searches read a few more segments (FTS5 time of a
 * phrase query +0.3 ms at 100,000); search latency is measured against its target by the benchmark.
 * Both are persistent FTS5 settings (`articles_fts_config`).
 */
export const migration0010: Migration = {
  version: 10,
  name: 'index-merging',
  up(db) {
    // Literals: FTS5 takes these settings only as integers, and a bound JavaScript number arrives as a real.
    db.exec(`
      INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', ${Math.trunc(ARTICLE_FTS_HASH_SIZE)});
      INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', ${Math.trunc(ARTICLE_FTS_AUTOMERGE)});
    `);
  },
};
