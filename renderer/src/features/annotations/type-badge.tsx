import { useTranslation } from 'react-i18next';
import type { AnnotationType } from '../../../../shared/annotation.js';
import { TYPE_GLYPHS } from './annotation-types.js';

/** The type of an annotation as a coloured badge with its glyph and name. */
export function TypeBadge({ type }: { type: AnnotationType }) {
  const { t } = useTranslation();
  return (
    <span className={`type-badge type-${type}`}>
      <span className="type-glyph" aria-hidden="true">
        {TYPE_GLYPHS[type]}
      </span>
      {t(`annotations.types.${type}`)}
    </span>
  );
}
