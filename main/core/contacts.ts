import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { cachedStatement } from '../db/statements.js';
import { AppError } from '../../shared/errors.js';
import { emailKey, isEmailAddress, type Contact, type ContactImportResult, type ContactInput, type ContactOrigin } from '../../shared/inquiry.js';
import { contactsToCsv, CsvSyntaxError, parseContactsCsv } from './contacts-csv.js';
import { contactsToVCard, parseVCards, VCardSyntaxError, type ParsedContact } from './contacts-vcard.js';

/**
 * The address book: editorial contacts, one per e-mail address. Synchronous, `db` first; every
 * write in one transaction. Contacts named in article footers are added by {@link syncDeskContacts}
 * inside the import's transaction.
 */

interface ContactRow {
  id: number;
  name: string;
  organisation: string;
  beats: string;
  email: string;
  email_key: string;
  phone: string;
  notes: string;
  origin: ContactOrigin;
  created_at: string;
  updated_at: string;
}

function rowToContact(r: ContactRow): Contact {
  return {
    id: r.id,
    name: r.name,
    organisation: r.organisation,
    beats: JSON.parse(r.beats) as string[],
    email: r.email,
    phone: r.phone,
    notes: r.notes,
    origin: r.origin,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function clean(value: string | undefined): string {
  return (value ?? '').normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

/** Beats trimmed, NFC, without case-insensitive duplicates, in first-seen order. */
export function mergeBeats(...lists: readonly (readonly string[])[]): string[] {
  const out = new Map<string, string>();
  for (const list of lists) {
    for (const raw of list) {
      const b = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
      if (b && !out.has(b.toLocaleLowerCase('de'))) out.set(b.toLocaleLowerCase('de'), b);
    }
  }
  return [...out.values()];
}

function checkedEmail(email: string): string {
  const e = email.normalize('NFC').trim();
  if (!isEmailAddress(e)) throw new AppError('CONTACT_EMAIL_INVALID', { email: e.slice(0, 200) });
  return e;
}

/** Every contact, by name (then address); `query` filters on name, organisation, beats and address. */
export function listContacts(db: Database, query?: string): Contact[] {
  const rows = db.prepare('SELECT * FROM contacts ORDER BY lower(CASE WHEN name = \'\' THEN email ELSE name END), email_key').all() as ContactRow[];
  const all = rows.map(rowToContact);
  const q = query?.trim().toLocaleLowerCase('de');
  if (!q) return all;
  return all.filter((c) => [c.name, c.organisation, c.email, ...c.beats].some((f) => f.toLocaleLowerCase('de').includes(q)));
}

/** One contact, or CONTACT_NOT_FOUND. */
export function getContact(db: Database, id: number): Contact {
  const row = db.prepare('SELECT * FROM contacts WHERE id = ?').get(id) as ContactRow | undefined;
  if (!row) throw new AppError('CONTACT_NOT_FOUND', { id });
  return rowToContact(row);
}

/** The contact with this address (case-insensitive), or null. */
export function findContactByEmail(db: Database, email: string): Contact | null {
  const row = cachedStatement(db, 'SELECT * FROM contacts WHERE email_key = ?').get(emailKey(email)) as ContactRow | undefined;
  return row ? rowToContact(row) : null;
}

function insertContact(db: Database, input: ContactInput, origin: ContactOrigin, now: string): number {
  const email = checkedEmail(input.email);
  const info = db
    .prepare(
      `INSERT INTO contacts (name, organisation, beats, email, email_key, phone, notes, origin, created_at, updated_at)
       VALUES (@name, @organisation, @beats, @email, @key, @phone, @notes, @origin, @now, @now)`,
    )
    .run({
      name: clean(input.name),
      organisation: clean(input.organisation),
      beats: JSON.stringify(mergeBeats(input.beats ?? [])),
      email,
      key: emailKey(email),
      phone: clean(input.phone),
      notes: clean(input.notes),
      origin,
      now,
    });
  return Number(info.lastInsertRowid);
}

/** Adds a contact by hand. Errors: CONTACT_EMAIL_INVALID, CONTACT_EXISTS. */
export function createContact(db: Database, input: ContactInput, now: string = new Date().toISOString()): Contact {
  return db
    .transaction((): Contact => {
      const existing = findContactByEmail(db, input.email);
      if (existing) throw new AppError('CONTACT_EXISTS', { email: existing.email });
      return getContact(db, insertContact(db, input, 'manual', now));
    })
    .immediate();
}

/** A change to a contact; absent fields stay, `beats` replaces the list. */
export type ContactPatch = Partial<ContactInput>;

/** Edits a contact. Errors: CONTACT_NOT_FOUND, CONTACT_EMAIL_INVALID, CONTACT_EXISTS (address taken by another). */
export function updateContact(db: Database, id: number, patch: ContactPatch, now: string = new Date().toISOString()): Contact {
  return db
    .transaction((): Contact => {
      const cur = getContact(db, id);
      let email = cur.email;
      if (patch.email !== undefined) {
        email = checkedEmail(patch.email);
        const other = findContactByEmail(db, email);
        if (other && other.id !== id) throw new AppError('CONTACT_EXISTS', { email: other.email });
      }
      db.prepare(
        `UPDATE contacts SET name = @name, organisation = @organisation, beats = @beats, email = @email, email_key = @key,
           phone = @phone, notes = @notes, updated_at = @now WHERE id = @id`,
      ).run({
        id,
        name: patch.name !== undefined ? clean(patch.name) : cur.name,
        organisation: patch.organisation !== undefined ? clean(patch.organisation) : cur.organisation,
        beats: JSON.stringify(patch.beats !== undefined ? mergeBeats(patch.beats) : cur.beats),
        email,
        key: emailKey(email),
        phone: patch.phone !== undefined ? clean(patch.phone) : cur.phone,
        notes: patch.notes !== undefined ? clean(patch.notes) : cur.notes,
        now,
      });
      return getContact(db, id);
    })
    .immediate();
}

/** Deletes a contact; its Rückfragen stay, without a contact. False when there was none. */
export function deleteContact(db: Database, id: number): boolean {
  return db.transaction(() => db.prepare('DELETE FROM contacts WHERE id = ?').run(id).changes > 0).immediate();
}

/** "berlin.newsroom@…" → "Berlin Newsroom": a readable name for a desk address found in an article. */
export function nameFromAddress(email: string): string {
  const local = email.split('@')[0] ?? email;
  return local
    .split(/[._+-]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toLocaleUpperCase('de') + w.slice(1))
    .join(' ');
}

/**
 * Adds the desk contacts named in an article's footer to the address book: one contact per
 * address, the article's beat merged into its beats, the agency as organisation when none is set.
 * Manual entries keep their origin and fields. Runs inside the caller's transaction (the import's),
 * so an article and its contacts are stored together or not at all.
 */
export function syncDeskContacts(db: Database, articleId: number, now: string = new Date().toISOString()): void {
  // Once per imported file: cached statements (preparing costs as much as running them).
  const article = cachedStatement(db, 'SELECT agency FROM articles WHERE id = ?').get(articleId) as { agency: string | null } | undefined;
  if (!article) return;
  const desks = cachedStatement(db, 'SELECT email, scope FROM article_desk_contacts WHERE article_id = ? ORDER BY position').all(articleId) as {
    email: string;
    scope: string | null;
  }[];
  for (const d of desks) {
    // The parser only yields addresses, but a malformed footer must never break an import.
    if (!isEmailAddress(d.email)) continue;
    const beats = d.scope ? [d.scope] : [];
    const cur = findContactByEmail(db, d.email);
    if (!cur) {
      insertContact(db, { email: d.email, name: nameFromAddress(d.email), organisation: article.agency ?? '', beats }, 'article', now);
      continue;
    }
    const merged = mergeBeats(cur.beats, beats);
    const organisation = cur.organisation || article.agency || '';
    if (merged.length !== cur.beats.length || organisation !== cur.organisation) {
      db.prepare('UPDATE contacts SET beats = ?, organisation = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(merged), organisation, now, cur.id);
    }
  }
}

/** Export formats of the address book. */
export type ContactExportFormat = 'vcard' | 'csv';

/** The address book (or the given contacts) as a file to save. */
export function exportContacts(db: Database, format: ContactExportFormat, ids?: readonly number[]): { fileName: string; mimeType: string; content: string } {
  const all = listContacts(db);
  const contacts = ids ? all.filter((c) => ids.includes(c.id)) : all;
  if (format === 'vcard') return { fileName: 'fundstelle-kontakte.vcf', mimeType: 'text/vcard;charset=utf-8', content: contactsToVCard(contacts) };
  return { fileName: 'fundstelle-kontakte.csv', mimeType: 'text/csv;charset=utf-8', content: contactsToCsv(contacts) };
}

/**
 * Imports contacts from a vCard (.vcf, 3.0 or 4.0) or CSV file, all in one transaction: a bad file
 * changes nothing (CONTACT_IMPORT_INVALID names the file and line). An address already in the book
 * updates that contact (non-empty fields win, beats merge). Entries without an address are skipped.
 */
export function importContacts(db: Database, fileName: string, content: string, now: string = new Date().toISOString()): ContactImportResult {
  const name = path.basename(fileName.replace(/\\/g, '/')) || 'import';
  const ext = path.extname(name).toLowerCase();
  let parsed: ParsedContact[];
  try {
    const looksVCard = /^\uFEFF?\s*BEGIN:VCARD/i.test(content);
    if (ext === '.vcf' || ext === '.vcard' || (ext !== '.csv' && looksVCard)) parsed = parseVCards(content);
    else if (ext === '.csv' || ext === '.txt' || ext === '') parsed = parseContactsCsv(content);
    else throw new AppError('CONTACT_IMPORT_INVALID', { file: name, line: 1, reason: `Dateityp „${ext}“ wird nicht unterstützt (.vcf oder .csv)` });
  } catch (e) {
    if (e instanceof VCardSyntaxError || e instanceof CsvSyntaxError) throw new AppError('CONTACT_IMPORT_INVALID', { file: name, line: e.line, reason: e.reason });
    throw e;
  }
  return db
    .transaction((): ContactImportResult => {
      const result: ContactImportResult = { file: name, created: 0, updated: 0, skipped: [] };
      for (const p of parsed) {
        if (!p.email) {
          result.skipped.push({ line: p.line, reason: 'keine E-Mail-Adresse' });
          continue;
        }
        if (!isEmailAddress(p.email)) {
          throw new AppError('CONTACT_IMPORT_INVALID', { file: name, line: p.line, reason: `„${p.email.slice(0, 100)}“ ist keine gültige E-Mail-Adresse` });
        }
        const cur = findContactByEmail(db, p.email);
        if (!cur) {
          insertContact(db, p, p.origin ?? 'manual', now);
          result.created++;
          continue;
        }
        db.prepare(
          'UPDATE contacts SET name = ?, organisation = ?, beats = ?, phone = ?, notes = ?, updated_at = ? WHERE id = ?',
        ).run(
          clean(p.name) || cur.name,
          clean(p.organisation) || cur.organisation,
          JSON.stringify(mergeBeats(cur.beats, p.beats ?? [])),
          clean(p.phone) || cur.phone,
          clean(p.notes) || cur.notes,
          now,
          cur.id,
        );
        result.updated++;
      }
      return result;
    })
    .immediate();
}
