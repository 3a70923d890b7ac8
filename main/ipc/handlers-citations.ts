import { addStyle, removeStyle } from '../core/citations/custom-styles.js';
import { listStyles } from '../core/citations/engine.js';
import { exportCitations } from '../core/citations/export.js';
import { citePassage } from '../core/citations/passage.js';
import { deleteSource, getRecord, listSources, resetRecord, saveSource, updateRecord } from '../core/citations/record.js';
import type { citationChannels } from '../../shared/contract-citations.js';
import type { Handlers } from './dispatch.js';
import type { HandlerContext } from './handlers.js';

/** The citation channels bound to the core (spread into `createHandlers`). */
export function createCitationHandlers(ctx: Pick<HandlerContext, 'db'>): Pick<Handlers, keyof typeof citationChannels> {
  const { db } = ctx;
  return {
    'citations.record': ({ articleId }) => getRecord(db, articleId),
    'citations.updateRecord': ({ articleId, patch }) => updateRecord(db, articleId, patch),
    'citations.resetRecord': ({ articleId, fields }) => resetRecord(db, articleId, fields),
    'citations.export': ({ articleIds, sourceIds, all, format, style, locale }) =>
      exportCitations(db, { articleIds, sourceIds, all }, { format, style, locale }),
    'citations.styles': () => listStyles(db),
    'citations.addStyle': ({ name, xml }) => addStyle(db, name, xml),
    'citations.removeStyle': ({ id }) => ({ removed: removeStyle(db, id) }),
    'citations.citePassage': ({ articleId, start, end, style, locale, format }) => citePassage(db, articleId, start, end, { style, locale, format }),
    'citations.sources': () => listSources(db),
    'citations.saveSource': ({ id, kind, item }) => saveSource(db, { id, kind, item }),
    'citations.deleteSource': ({ id }) => ({ removed: deleteSource(db, id) }),
  };
}
