import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/contract.js';
import { ShortcutHelp } from '../annotations/shortcut-help.js';
import { CitationSettings } from '../citations/citation-settings.js';
import { BackupSettings } from './backup-settings.js';

const LANGUAGES = ['de', 'en'] as const;
const THEMES = ['system', 'light', 'dark'] as const;

interface SettingsDialogProps {
  open: boolean;
  settings: Settings;
  onChange(patch: Partial<Settings>): void;
  onClose(): void;
  /** A save error to show, already translated. */
  error: string | null;
}

/**
 * Language and theme. A native modal <dialog>: it traps focus, closes on Escape and returns
 * focus to the button that opened it, without any of that written by hand. Changes apply at once.
 */
export function SettingsDialog({ open, settings, onChange, onClose, error }: SettingsDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="settings-dialog"
      aria-labelledby="settings-title"
      onClose={onClose}
      onClick={(e) => {
        // A click on the backdrop lands on the dialog element itself.
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div className="settings-body">
        <h2 id="settings-title">{t('settings.title')}</h2>
        <fieldset className="choice-group">
          <legend>{t('settings.language')}</legend>
          {LANGUAGES.map((lang) => (
            <label key={lang} className="choice">
              <input type="radio" name="language" value={lang} checked={settings.language === lang} onChange={() => onChange({ language: lang })} />
              <span lang={lang}>{t(`settings.languages.${lang}`)}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="choice-group">
          <legend>{t('settings.theme')}</legend>
          {THEMES.map((theme) => (
            <label key={theme} className="choice">
              <input type="radio" name="theme" value={theme} checked={settings.theme === theme} onChange={() => onChange({ theme })} />
              <span>{t(`settings.themes.${theme}`)}</span>
            </label>
          ))}
        </fieldset>
        {open && <CitationSettings settings={settings} onChange={onChange} />}
        {open && <BackupSettings />}
        <ShortcutHelp />
        {error && (
          <p className="settings-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} autoFocus>
            {t('settings.close')}
          </button>
        </div>
      </div>
    </dialog>
  );
}
