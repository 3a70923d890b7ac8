import type { archiveChannels } from '../../shared/contract-archive.js';
import { exportArchive } from '../core/archive/export.js';
import { importArchive } from '../core/archive/import.js';
import { getSettings } from '../core/settings.js';
import type { Handlers } from './dispatch.js';
import type { HandlerContext } from './handlers.js';

/** The portable-archive channels bound to the core (spread into `createHandlers`). */
export function createArchiveHandlers(ctx: Pick<HandlerContext, 'db'>): Pick<Handlers, keyof typeof archiveChannels> {
  const { db } = ctx;
  return {
    'archive.export': ({ mappeId, includeProtected }) => {
      const file = exportArchive(db, { mappeId, includeProtected });
      return { fileName: file.fileName, mimeType: file.mimeType, data: Buffer.from(file.data).toString('base64') };
    },
    'archive.import': ({ name, data }) => importArchive(db, name, Buffer.from(data, 'base64'), getSettings(db).language),
  };
}
