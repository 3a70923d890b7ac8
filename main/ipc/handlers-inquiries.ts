import type { Database } from 'better-sqlite3';
import type { inquiryChannels } from '../../shared/contract-inquiries.js';
import type { Lang } from '../../shared/errors.js';
import { createContact, deleteContact, exportContacts, getContact, importContacts, listContacts, updateContact } from '../core/contacts.js';
import { renderDraft } from '../core/drafts.js';
import {
  attachAnswer,
  createInquiry,
  deleteInquiry,
  getInquiry,
  inquiryQueue,
  listInquiries,
  markSent,
  setInquiryStatus,
  updateInquiry,
} from '../core/inquiries.js';
import { routeForArticle } from '../core/routing.js';
import { getSettings } from '../core/settings.js';
import type { Handlers } from './dispatch.js';
import type { HandlerContext } from './handlers.js';

/** Routing reasons follow the UI language. */
function uiLang(db: Database): Lang {
  return getSettings(db).language;
}

/** The address-book and Rückfrage channels bound to the core (spread into `createHandlers`). */
export function createInquiryHandlers(ctx: Pick<HandlerContext, 'db'>): Pick<Handlers, keyof typeof inquiryChannels> {
  const { db } = ctx;
  const read = () => ({ lang: uiLang(db) });
  return {
    'contacts.list': ({ query }) => listContacts(db, query),
    'contacts.get': ({ id }) => getContact(db, id),
    'contacts.create': (input) => createContact(db, input),
    'contacts.update': ({ id, ...patch }) => updateContact(db, id, patch),
    'contacts.delete': ({ id }) => ({ removed: deleteContact(db, id) }),
    'contacts.import': ({ name, content }) => importContacts(db, name, content),
    'contacts.export': ({ format, ids }) => exportContacts(db, format, ids),
    'inquiries.list': (filter) => listInquiries(db, filter, read()),
    'inquiries.get': ({ id }) => getInquiry(db, id, read()),
    'inquiries.create': (input) => createInquiry(db, input, read()),
    'inquiries.route': ({ articleId, start, end, question }) => routeForArticle(db, articleId, { start, end, question }, uiLang(db)),
    'inquiries.update': ({ id, ...patch }) => updateInquiry(db, id, patch, read()),
    'inquiries.setStatus': ({ id, ...change }) => setInquiryStatus(db, id, change, read()),
    'inquiries.attachAnswer': ({ id, claimAnnotationId }) => attachAnswer(db, id, claimAnnotationId, read()),
    'inquiries.delete': ({ id }) => ({ removed: deleteInquiry(db, id) }),
    'inquiries.queue': ({ includeAsked }) => inquiryQueue(db, { ...read(), includeAsked }),
    'inquiries.draft': ({ contactEmail, articleId, ids, format }) => renderDraft(db, { contactEmail, articleId, ids }, format),
    'inquiries.markSent': ({ ids, date }) => markSent(db, ids, { ...read(), date }),
  };
}
