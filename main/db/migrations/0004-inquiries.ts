import type { Migration } from './types.js';

/**
 * Address book and Rückfragen.
 *
 * - `contacts`: one row per e-mail address; `email_key` (trimmed, lower case) makes the address
 *   unique case-insensitively (COLLATE NOCASE folds only ASCII). `beats` is a JSON list of Ressorts,
 *   merged when an address turns up again in another article.
 * - `inquiries`: a question about an article, either about a passage (selectors `exact`, `prefix`,
 *   `suffix`, `pos_start`, `pos_end` on the text with hash `version_hash`, all NULL for the whole
 *   article) or linked to a Rückfrage annotation. The routing decision is kept structured
 *   (`route_basis`, `route_beat`, `route_terms`, the suggested `route_email`, `route_overridden`)
 *   so its reason can be shown in either language. Annotation links are nullable and cleared when
 *   the annotation row goes away.
 * - Desks of articles already in the collection become contacts (as an import would make them).
 * - `inquiry_status_history`: every status change with the date it happened and when it was recorded.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'inquiries',
  up(db) {
    db.exec(`
      CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL DEFAULT '',
        organisation TEXT NOT NULL DEFAULT '',
        beats TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(beats)),
        email TEXT NOT NULL CHECK (length(email) > 0),
        email_key TEXT NOT NULL UNIQUE,
        phone TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        origin TEXT NOT NULL CHECK (origin IN ('manual', 'article')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE inquiries (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        annotation_id TEXT REFERENCES annotations (id) ON DELETE SET NULL,
        question TEXT NOT NULL CHECK (length(question) > 0),
        version_hash TEXT,
        exact TEXT,
        prefix TEXT,
        suffix TEXT,
        pos_start INTEGER,
        pos_end INTEGER,
        contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
        route_email TEXT,
        route_basis TEXT NOT NULL CHECK (route_basis IN ('passage', 'question', 'paragraph', 'article', 'fallback', 'manual', 'none')),
        route_beat TEXT,
        route_terms TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(route_terms)),
        route_overridden INTEGER NOT NULL DEFAULT 0 CHECK (route_overridden IN (0, 1)),
        status TEXT NOT NULL DEFAULT 'offen' CHECK (status IN ('offen', 'gestellt', 'beantwortet', 'verworfen')),
        asked_at TEXT,
        answer TEXT,
        answered_at TEXT,
        answered_by TEXT,
        due_date TEXT CHECK (due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        claim_annotation_id TEXT REFERENCES annotations (id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((exact IS NULL) = (pos_start IS NULL) AND (pos_start IS NULL) = (pos_end IS NULL)),
        CHECK (pos_start IS NULL OR pos_end > pos_start),
        CHECK (status <> 'beantwortet' OR answer IS NOT NULL)
      ) STRICT;
      CREATE INDEX inquiries_article ON inquiries (article_id);
      CREATE INDEX inquiries_contact_status ON inquiries (contact_id, status);
      CREATE INDEX inquiries_status ON inquiries (status, created_at);
      CREATE INDEX inquiries_annotation ON inquiries (annotation_id);
      CREATE INDEX inquiries_claim ON inquiries (claim_annotation_id);

      CREATE TABLE inquiry_status_history (
        id INTEGER PRIMARY KEY,
        inquiry_id INTEGER NOT NULL REFERENCES inquiries (id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('offen', 'gestellt', 'beantwortet', 'verworfen')),
        at TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX inquiry_status_history_inquiry ON inquiry_status_history (inquiry_id, id);
    `);
    // Desks of articles imported before the address book existed become contacts, as an import would make them.
    const now = new Date().toISOString();
    const desks = db
      .prepare(
        `SELECT d.email, d.scope, a.agency FROM article_desk_contacts d JOIN articles a ON a.id = d.article_id
         ORDER BY a.imported_at, a.id, d.position`,
      )
      .all() as { email: string; scope: string | null; agency: string | null }[];
    const seen = new Map<string, { email: string; beats: string[]; organisation: string }>();
    for (const d of desks) {
      const email = d.email.trim();
      const key = email.toLowerCase();
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) continue;
      const cur = seen.get(key) ?? { email, beats: [], organisation: d.agency ?? '' };
      const scope = d.scope?.trim();
      if (scope && !cur.beats.some((b) => b.toLowerCase() === scope.toLowerCase())) cur.beats.push(scope);
      if (!cur.organisation && d.agency) cur.organisation = d.agency;
      seen.set(key, cur);
    }
    const insert = db.prepare(
      `INSERT INTO contacts (name, organisation, beats, email, email_key, origin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'article', ?, ?)`,
    );
    for (const [key, c] of seen) {
      const name = (c.email.split('@')[0] ?? '')
        .split(/[._+-]+/)
        .filter(Boolean)
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join(' ');
      insert.run(name, c.organisation, JSON.stringify(c.beats), c.email, key, now, now);
    }
  },
};
