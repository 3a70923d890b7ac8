import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toErrorPayload } from '../../api.js';
import { errorText } from '../../i18n/index.js';
import type { MappenState } from './use-mappen.js';
import './mappen.css';

interface AddToMappeProps {
  articleId: number;
  state: MappenState;
  onChanged(): void;
}

/** The reading view's "In Mappe legen": choose a Mappe and add the open article (the keyboard way to drag). */
export function AddToMappe({ articleId, state, onChanged }: AddToMappeProps) {
  const { t } = useTranslation();
  const id = useId();
  const [target, setTarget] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const { mappen, reload } = state;
  if (mappen.length === 0) return null;
  const chosen = mappen.find((m) => String(m.id) === target) ?? null;

  const add = () => {
    if (!chosen) return;
    api['mappen.addArticles']({ id: chosen.id, articleIds: [articleId] }).then(
      (r) => {
        setMessage({ text: r.added > 0 ? t('mappen.added', { name: chosen.name }) : t('mappen.alreadyIn', { name: chosen.name }), error: false });
        reload();
        onChanged();
      },
      (e: unknown) => setMessage({ text: errorText(toErrorPayload(e)), error: true }),
    );
  };

  return (
    <div className="add-to-mappe">
      <label htmlFor={`${id}-mappe`}>{t('mappen.addLabel')}</label>
      <select id={`${id}-mappe`} value={target} onChange={(e) => setTarget(e.target.value)}>
        <option value="">{t('mappen.choose')}</option>
        {mappen.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      <button type="button" className="button button-small" onClick={add} disabled={!chosen}>
        {t('mappen.add')}
      </button>
      <span className={`add-to-mappe-status${message?.error ? ' is-error' : ''}`} role="status">
        {message?.text ?? ''}
      </span>
    </div>
  );
}
