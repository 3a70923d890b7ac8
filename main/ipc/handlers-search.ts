import type { searchChannels } from '../../shared/contract-search.js';
import { addToMappe, createMappe, deleteMappe, listMappen, mappeArticles, removeFromMappe, renameMappe, setMappeNote } from '../core/mappen.js';
import { deleteSavedSearch, listSavedSearches, saveSearch } from '../core/saved-searches.js';
import { search } from '../core/search.js';
import type { Handlers } from './dispatch.js';
import type { HandlerContext } from './handlers.js';

/** The search, saved-search and Mappen channels bound to the core (spread into `createHandlers`). */
export function createSearchHandlers(ctx: Pick<HandlerContext, 'db'>): Pick<Handlers, keyof typeof searchChannels> {
  const { db } = ctx;
  return {
    'search.query': (req) => search(db, req),
    'search.saved.list': () => listSavedSearches(db),
    'search.saved.save': (input) => saveSearch(db, input),
    'search.saved.delete': ({ id }) => deleteSavedSearch(db, id),
    'mappen.list': () => listMappen(db),
    'mappen.create': ({ name, note }) => createMappe(db, name, note),
    'mappen.rename': ({ id, name }) => renameMappe(db, id, name),
    'mappen.delete': ({ id }) => deleteMappe(db, id),
    'mappen.addArticles': ({ id, articleIds }) => addToMappe(db, id, articleIds),
    'mappen.removeArticles': ({ id, articleIds }) => removeFromMappe(db, id, articleIds),
    'mappen.setNote': ({ id, note }) => setMappeNote(db, id, note),
    'mappen.articles': ({ id, offset, limit }) => mappeArticles(db, id, offset, limit),
  };
}
