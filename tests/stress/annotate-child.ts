/**
 * Kill-test child: writes annotations (with a note and tags: four tables and the FTS index in one
 * transaction) in a loop and acknowledges each one on stdout *after* its transaction committed,
 * until the parent SIGKILLs it. Usage: node --import tsx tests/stress/annotate-child.ts DB SEED
 */
import fs from 'node:fs';
import { createAnnotation } from '../../main/core/annotations.js';
import { openDatabase } from '../../main/db/open.js';
import { prng } from '../helpers/reliability.js';

const [dbPath, seedArg] = process.argv.slice(2);
if (!dbPath) throw new Error('usage: annotate-child.ts DB SEED');
// The seed names the round and writer ("3-1"): hashed so that every writer gets its own sequence.
const random = prng([...(seedArg ?? '1')].reduce((h, c) => Math.imul(h, 31) + c.charCodeAt(0), 17));
const db = openDatabase(dbPath, { backupBeforeMigration: false });
const ids = (db.prepare('SELECT id FROM articles ORDER BY id').all() as { id: number }[]).map((r) => r.id);
if (ids.length === 0) throw new Error('no articles to annotate');
for (let i = 0; ; i++) {
  const articleId = ids[Math.floor(random() * ids.length)] as number;
  const start = Math.floor(random() * 20);
  // Ends in a letter: the store trims notes, and the check compares lengths.
  const note = `Kill-Notiz ${seedArg}-${i} ${'x'.repeat(1 + Math.floor(random() * 2000))}`;
  const a = createAnnotation(db, { articleId, start, end: start + 8, type: 'note', note, tags: [`kill-${i % 7}`, 'stress'] });
  // Synchronous write: the line is out before the next transaction starts.
  fs.writeSync(1, `${JSON.stringify({ id: a.id, articleId, noteLength: note.length })}\n`);
}
