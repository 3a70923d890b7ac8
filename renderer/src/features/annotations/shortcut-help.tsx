import { useTranslation } from 'react-i18next';
import { ANNOTATION_TYPES, TYPE_GLYPHS, TYPE_SHORTCUTS } from './annotation-types.js';

/** The annotation shortcuts, for the settings dialog. */
export function ShortcutHelp() {
  const { t } = useTranslation();
  return (
    <section className="shortcut-help" aria-labelledby="shortcut-help-heading">
      <h3 id="shortcut-help-heading">{t('annotations.shortcuts.heading')}</h3>
      <p className="shortcut-intro">{t('annotations.shortcuts.intro')}</p>
      <dl className="shortcut-list">
        {ANNOTATION_TYPES.map((type) => (
          <div key={type} className="shortcut-row">
            <dt>
              <kbd>{TYPE_SHORTCUTS[type]}</kbd>
            </dt>
            <dd>
              <span className={`type-glyph type-${type}`} aria-hidden="true">
                {TYPE_GLYPHS[type]}
              </span>{' '}
              {t(`annotations.types.${type}`)}
            </dd>
          </div>
        ))}
        <div className="shortcut-row">
          <dt>
            <kbd>{t('annotations.shortcuts.ctrlEnter')}</kbd>
          </dt>
          <dd>{t('annotations.shortcuts.save')}</dd>
        </div>
        <div className="shortcut-row">
          <dt>
            <kbd>Esc</kbd>
          </dt>
          <dd>{t('annotations.shortcuts.cancel')}</dd>
        </div>
      </dl>
    </section>
  );
}
