import type { Database } from 'better-sqlite3';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../shared/contract.js';

/** The user's settings, with defaults for anything not yet set or no longer valid. */
export function getSettings(db: Database): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored: Record<string, unknown> = {};
  for (const r of rows) stored[r.key] = JSON.parse(r.value);
  const parsed = settingsSchema.partial().safeParse(stored);
  return { ...DEFAULT_SETTINGS, ...(parsed.success ? parsed.data : {}) };
}

/** Stores the given settings (one transaction) and returns the full settings. */
export function updateSettings(db: Database, patch: Partial<Settings>): Settings {
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) put.run(k, JSON.stringify(v));
  })();
  return getSettings(db);
}
