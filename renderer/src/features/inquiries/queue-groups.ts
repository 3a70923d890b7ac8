import type { Contact, Inquiry, InquiryQueueGroup, InquiryStatus } from '../../../../shared/inquiry.js';

/** One contact's card in the Rückfragen view. */
export interface ContactGroup {
  key: string;
  contact: Contact | null;
  /** Address and name as stored on the inquiries (also when the contact was deleted). */
  email: string | null;
  name: string | null;
  inquiries: Inquiry[];
  open: number;
  overdue: number;
}

/**
 * Groups the queue (open and asked questions, by contact) and further inquiries (answered,
 * dismissed) into one card per contact, keeping only the statuses shown. Contacts by name, the
 * questions without contact last.
 */
export function groupInquiries(queue: readonly InquiryQueueGroup[], more: readonly Inquiry[], book: readonly Contact[], statuses: readonly InquiryStatus[]): ContactGroup[] {
  const groups = new Map<string, ContactGroup>();
  const groupFor = (contact: Contact | null, inquiry: Inquiry | null): ContactGroup => {
    const key = contact ? `c${contact.id}` : inquiry?.contactEmail ? `e${inquiry.contactEmail.toLowerCase()}` : 'none';
    let g = groups.get(key);
    if (!g) {
      g = { key, contact, email: contact?.email ?? inquiry?.contactEmail ?? null, name: contact?.name ?? inquiry?.contactName ?? null, inquiries: [], open: 0, overdue: 0 };
      groups.set(key, g);
    }
    return g;
  };
  const seen = new Set<number>();
  const add = (g: ContactGroup, i: Inquiry) => {
    if (seen.has(i.id) || !statuses.includes(i.status)) return;
    seen.add(i.id);
    g.inquiries.push(i);
    if (i.status === 'offen') g.open++;
    if (i.overdue) g.overdue++;
  };
  for (const q of queue) for (const i of q.inquiries) add(groupFor(q.contact, i), i);
  for (const i of more) add(groupFor(book.find((c) => c.id === i.contactId) ?? null, i), i);
  return [...groups.values()]
    .filter((g) => g.inquiries.length > 0)
    .sort((a, b) => (a.key === 'none' ? 1 : 0) - (b.key === 'none' ? 1 : 0) || (a.name ?? a.email ?? '').localeCompare(b.name ?? b.email ?? ''));
}
