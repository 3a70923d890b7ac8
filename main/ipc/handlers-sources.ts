import { acceptProposal, listProposals, rejectProposal, unrejectProposal } from '../core/proposals/index.js';
import {
  addMention,
  createSource,
  deleteSource,
  getSource,
  listSources,
  mergeSources,
  removeMention,
  setSourceProtected,
  setSourceStatus,
  updateSource,
} from '../core/sources.js';
import type { sourceChannels } from '../../shared/contract-sources.js';
import type { Handlers } from './dispatch.js';
import type { HandlerContext } from './handlers.js';

/** The source registry and proposal channels bound to the core (spread into `createHandlers`). */
export function createSourceHandlers(ctx: Pick<HandlerContext, 'db'>): Pick<Handlers, keyof typeof sourceChannels> {
  const { db } = ctx;
  return {
    'sources.list': (q) => listSources(db, q),
    'sources.get': ({ id }) => getSource(db, id),
    'sources.create': (input) => createSource(db, input),
    'sources.update': ({ id, ...patch }) => updateSource(db, id, patch),
    'sources.setStatus': ({ id, status, note, by }) => setSourceStatus(db, id, status, { note, by }),
    'sources.setProtected': ({ id, protected: isProtected }) => setSourceProtected(db, id, isProtected),
    'sources.merge': ({ keepId, mergeId }) => mergeSources(db, keepId, mergeId),
    'sources.delete': ({ id }) => deleteSource(db, id),
    'sources.addMention': (m) => addMention(db, m),
    'sources.removeMention': ({ id }) => removeMention(db, id),
    'proposals.list': ({ articleId, includeRejected }) => listProposals(db, articleId, { includeRejected }),
    'proposals.accept': ({ articleId, key, ...edits }) => acceptProposal(db, articleId, key, edits),
    'proposals.reject': ({ articleId, key }) => rejectProposal(db, articleId, key),
    'proposals.unreject': ({ articleId, key }) => unrejectProposal(db, articleId, key),
  };
}
