import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseTag, tagKey } from '../../../../shared/annotation.js';

interface TagInputProps {
  label: string;
  value: readonly string[];
  onChange(tags: string[]): void;
  /** Tags in use in the collection, offered as the user types. */
  suggestions: readonly string[];
}

/**
 * Tags as removable chips plus a text field with suggestions (a native datalist). Enter or a
 * comma adds the typed tag, Backspace in the empty field removes the last one, and leaving the
 * field keeps what was typed, so a tag is never lost by clicking "Save" right away.
 */
export function TagInput({ label, value, onChange, suggestions }: TagInputProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');

  const add = (raw: string): boolean => {
    const tag = normaliseTag(raw);
    setText('');
    if (!tag || value.some((v) => tagKey(v) === tagKey(tag))) return false;
    onChange([...value, tag]);
    return true;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if ((e.key === 'Enter' || e.key === ',') && text.trim()) {
      e.preventDefault();
      add(text);
    } else if (e.key === 'Backspace' && !text && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  const taken = new Set(value.map(tagKey));
  return (
    <div className="tag-input">
      <label className="field-label" htmlFor={`${id}-input`}>
        {label}
      </label>
      <div className="tag-input-box">
        {value.length > 0 && (
          <ul className="tag-chips">
            {value.map((tag) => (
              <li key={tag} className="tag-chip">
                <span>{tag}</span>
                <button type="button" className="tag-remove" aria-label={t('annotations.tags.remove', { tag })} onClick={() => onChange(value.filter((v) => v !== tag))}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          id={`${id}-input`}
          className="tag-text"
          value={text}
          list={`${id}-list`}
          autoComplete="off"
          spellCheck={false}
          placeholder={t('annotations.tags.placeholder')}
          onChange={(e) => {
            // Picking a suggestion from the list fills the field with it: take it at once.
            const next = e.target.value;
            if (suggestions.includes(next) && !taken.has(tagKey(next))) add(next);
            else setText(next);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => text.trim() && add(text)}
        />
      </div>
      <datalist id={`${id}-list`}>
        {suggestions
          .filter((s) => !taken.has(tagKey(s)))
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
    </div>
  );
}
