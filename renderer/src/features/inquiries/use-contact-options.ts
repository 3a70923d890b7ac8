import { useEffect, useState } from 'react';
import type { DeskContact } from '../../../../shared/article.js';
import type { Contact } from '../../../../shared/inquiry.js';
import { api } from '../../api.js';
import { useInquiriesRevision } from './inquiry-events.js';

/** One choice of recipient: the article's desks first, then the rest of the address book. */
export interface ContactOption {
  email: string;
  label: string;
  group: 'article' | 'addressBook';
}

/** Merges the article's desk contacts with the address book, one option per address. */
export function contactOptions(desks: readonly DeskContact[], book: readonly Contact[]): ContactOption[] {
  const byEmail = new Map(book.map((c) => [c.email.toLowerCase(), c]));
  const seen = new Set<string>();
  const out: ContactOption[] = [];
  for (const d of desks) {
    const key = d.email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const c = byEmail.get(key);
    const beat = d.scope ?? c?.beats[0] ?? null;
    out.push({ email: d.email, label: `${c?.name || d.email}${beat ? ` — ${beat}` : ''} <${d.email}>`, group: 'article' });
  }
  for (const c of book) {
    const key = c.email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const beats = c.beats.length ? ` — ${c.beats.join(', ')}` : '';
    out.push({ email: c.email, label: `${c.name || c.email}${beats} <${c.email}>`, group: 'addressBook' });
  }
  return out;
}

/** The address book, reloaded whenever Rückfragen or contacts change. */
export function useAddressBook(): Contact[] {
  const revision = useInquiriesRevision();
  const [contacts, setContacts] = useState<Contact[]>([]);
  useEffect(() => {
    let current = true;
    api['contacts.list']({}).then(
      (list) => current && setContacts(list),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [revision]);
  return contacts;
}
