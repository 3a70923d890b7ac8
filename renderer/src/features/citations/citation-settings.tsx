import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitationStyleInfo, CslLocale } from '../../../../shared/contract-citations.js';
import type { Settings } from '../../../../shared/contract.js';
import { api } from '../../api.js';
import { AGENCY_STYLE, LOCALE_OPTIONS } from './citation-prefs.js';

interface CitationSettingsProps {
  settings: Settings;
  onChange(patch: Partial<Settings>): void;
}

/** Settings: the default citation style and locale of "Quellenangabe kopieren" and the export dialog. */
export function CitationSettings({ settings, onChange }: CitationSettingsProps) {
  const { t } = useTranslation();
  const ids = useId();
  const [styles, setStyles] = useState<CitationStyleInfo[] | null>(null);

  useEffect(() => {
    let current = true;
    api['citations.styles']({}).then(
      (list) => current && setStyles(list),
      () => current && setStyles([]),
    );
    return () => {
      current = false;
    };
  }, []);

  const known = styles === null || settings.citationStyle === AGENCY_STYLE || styles.some((s) => s.id === settings.citationStyle);
  return (
    <fieldset className="choice-group">
      <legend>{t('settings.citations')}</legend>
      <div className="settings-fields">
        <label className="cite-field" htmlFor={`${ids}-style`}>
          <span>{t('settings.citationStyle')}</span>
        </label>
        <select id={`${ids}-style`} value={settings.citationStyle} onChange={(e) => onChange({ citationStyle: e.target.value })}>
          {!known && <option value={settings.citationStyle}>{settings.citationStyle}</option>}
          {(styles ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.custom ? `${s.title} (${t('citations.customStyle')})` : s.title}
            </option>
          ))}
          <option value={AGENCY_STYLE}>{t('settings.agencyStyle')}</option>
        </select>
        <label className="cite-field" htmlFor={`${ids}-locale`}>
          <span>{t('settings.citationLocale')}</span>
        </label>
        <select id={`${ids}-locale`} value={settings.citationLocale} onChange={(e) => onChange({ citationLocale: e.target.value as CslLocale })}>
          {LOCALE_OPTIONS.map((l) => (
            <option key={l.value} value={l.value} lang={l.lang}>
              {l.label}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
