import { useCallback, useEffect, useState } from 'react';
import type { ArticleAnnotations, TagCount } from '../../../../shared/annotation.js';
import type { ErrorPayload } from '../../../../shared/errors.js';
import { api, toErrorPayload } from '../../api.js';
import { ANNOTATIONS_CHANGED_EVENT } from '../sources/sources-panel.js';

/** The annotations of one article, reloaded on demand after every change. */
export function useArticleAnnotations(articleId: number): { data: ArticleAnnotations | null; error: ErrorPayload | null; reload(): void } {
  const [data, setData] = useState<ArticleAnnotations | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    let current = true;
    api['annotations.listForArticle']({ articleId }).then(
      (result) => {
        if (!current) return;
        setData(result);
        setError(null);
      },
      (e: unknown) => current && setError(toErrorPayload(e)),
    );
    return () => {
      current = false;
    };
  }, [articleId, revision]);

  // Accepting a source proposal (the "Quellen" panel) creates an annotation too: show it.
  useEffect(() => {
    const onChanged = () => setRevision((r) => r + 1);
    window.addEventListener(ANNOTATIONS_CHANGED_EVENT, onChanged);
    return () => window.removeEventListener(ANNOTATIONS_CHANGED_EVENT, onChanged);
  }, []);

  const reload = useCallback(() => setRevision((r) => r + 1), []);
  return { data, error, reload };
}

/** Tags in use (most used first), for suggestions and the review filter; `revision` refetches. */
export function useTags(revision = 0): TagCount[] {
  const [tags, setTags] = useState<TagCount[]>([]);
  useEffect(() => {
    let current = true;
    api['annotations.tags']({}).then(
      (result) => current && setTags(result),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [revision]);
  return tags;
}
