import type { Database } from 'better-sqlite3';
import type { annotationChannels } from '../../shared/contract-annotations.js';
import type { Lang } from '../../shared/errors.js';
import { exportAnnotations, importW3cAnnotations } from '../core/annotation-export/index.js';
import {
  createAnnotation,
  deleteAnnotation,
  listAnnotationsForArticle,
  listTags,
  restoreAnnotation,
  reviewAnnotations,
  updateAnnotation,
} from '../core/annotations.js';
import { listArticleVersions } from '../core/article-versions.js';
import { importFile, importUpload } from '../core/import/pipeline.js';
import { getSettings } from '../core/settings.js';
import type { Handlers } from './dispatch.js';
import type { HandlerContext } from './handlers.js';

function uiLang(db: Database): Lang {
  return getSettings(db).language;
}

/** The annotation channels bound to the core (spread into `createHandlers`). */
export function createAnnotationHandlers(ctx: Pick<HandlerContext, 'db'>): Pick<Handlers, keyof typeof annotationChannels> {
  const { db } = ctx;
  return {
    'annotations.create': ({ articleId, start, end, type, note, tags }) => createAnnotation(db, { articleId, start, end, type, note, tags }),
    'annotations.update': ({ id, ...patch }) => updateAnnotation(db, id, patch),
    'annotations.delete': ({ id }) => deleteAnnotation(db, id),
    'annotations.restore': ({ id }) => restoreAnnotation(db, id),
    'annotations.listForArticle': ({ articleId }) => listAnnotationsForArticle(db, articleId),
    'annotations.review': (filters) => reviewAnnotations(db, filters),
    'annotations.tags': () => listTags(db),
    'annotations.export': ({ format, articleIds, ids }) => exportAnnotations(db, format, { articleIds, ids, lang: uiLang(db) }),
    'annotations.import': ({ name, content }) => importW3cAnnotations(db, name, content),
    'articles.versions': ({ articleId }) => listArticleVersions(db, articleId),
    'articles.importVersion': ({ articleId, path, name, data }) =>
      path !== undefined
        ? importFile(db, path, { lang: uiLang(db), asVersionOf: articleId })
        : importUpload(db, name ?? 'upload', Buffer.from(data ?? '', 'base64'), { lang: uiLang(db), asVersionOf: articleId }),
  };
}
