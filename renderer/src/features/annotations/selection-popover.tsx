import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseTag, tagKey, type AnnotationType } from '../../../../shared/annotation.js';
import { ANNOTATION_TYPES, TYPE_GLYPHS, TYPE_SHORTCUTS } from './annotation-types.js';
import { TagInput } from './tag-input.js';

/** Where a popover sits, relative to the annotation layout (below the selection, centred on it). */
export interface PopoverPosition {
  x: number;
  y: number;
}

function placement({ x, y }: PopoverPosition) {
  return { left: Math.max(8, x), top: y + 8 };
}

interface SelectionToolbarProps {
  at: PopoverPosition;
  onChoose(type: AnnotationType): void;
  /** One more action after the types ("Quellenangabe kopieren"). */
  extra?: ReactNode;
}

/**
 * The five types beside a fresh selection. Pressing a button must not take the selection away,
 * so mousedown is cancelled; the range is already stored anyway.
 */
export function SelectionToolbar({ at, onChoose, extra }: SelectionToolbarProps) {
  const { t } = useTranslation();
  return (
    <div className="selection-toolbar" role="toolbar" aria-label={t('annotations.toolbar.label')} style={placement(at)} onMouseDown={(e) => e.preventDefault()}>
      {ANNOTATION_TYPES.map((type) => (
        <button
          key={type}
          type="button"
          className={`toolbar-type type-${type}`}
          onClick={() => onChoose(type)}
          title={t('annotations.toolbar.hint', { type: t(`annotations.types.${type}`), key: TYPE_SHORTCUTS[type] })}
        >
          <span className="type-glyph" aria-hidden="true">
            {TYPE_GLYPHS[type]}
          </span>
          <span>{t(`annotations.types.${type}`)}</span>
          <kbd aria-hidden="true">{TYPE_SHORTCUTS[type]}</kbd>
        </button>
      ))}
      {extra}
    </div>
  );
}

/** The values of the note form. */
export interface AnnotationFields {
  type: AnnotationType;
  note: string;
  tags: string[];
}

interface AnnotationFormProps {
  /** Null: the form is inline (editing in the side panel), not a popover. */
  at: PopoverPosition | null;
  /** The passage, for the form's heading. */
  quote: string;
  initial: AnnotationFields;
  suggestions: readonly string[];
  /** Save button text. */
  submitLabel: string;
  busy?: boolean;
  error?: string | null;
  onSubmit(fields: AnnotationFields): void;
  onCancel(): void;
}

/** Type, note and tags of an annotation: after choosing a type for a selection, and when editing one. */
export function AnnotationForm({ at, quote, initial, suggestions, submitLabel, busy = false, error, onSubmit, onCancel }: AnnotationFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [type, setType] = useState(initial.type);
  const [note, setNote] = useState(initial.note);
  const [tags, setTags] = useState(initial.tags);
  // Text still in the tag field counts as a tag (Ctrl+Enter does not leave the field first).
  const submit = (form: HTMLFormElement) => {
    const pending = normaliseTag(form.querySelector<HTMLInputElement>('.tag-text')?.value ?? '');
    const all = pending && !tags.some((tag) => tagKey(tag) === tagKey(pending)) ? [...tags, pending] : tags;
    onSubmit({ type, note, tags: all });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit(e.currentTarget);
    }
  };

  const form = (
    <form
      className={at ? 'annotation-form is-popover' : 'annotation-form'}
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget);
      }}
      onKeyDown={onKeyDown}
      aria-label={t('annotations.form.label')}
    >
      {at && <p className="form-quote">„{quote.length > 140 ? `${quote.slice(0, 140)}…` : quote}“</p>}
      <fieldset className="type-choice">
        <legend className="field-label">{t('annotations.form.type')}</legend>
        {ANNOTATION_TYPES.map((value) => (
          <label key={value} className={`type-option type-${value}`}>
            <input type="radio" name={`${id}-type`} value={value} checked={type === value} onChange={() => setType(value)} />
            <span className="type-glyph" aria-hidden="true">
              {TYPE_GLYPHS[value]}
            </span>
            {t(`annotations.types.${value}`)}
          </label>
        ))}
      </fieldset>
      <label className="field-label">
        {t('annotations.form.note')}
        <textarea className="note-field" value={note} rows={3} autoFocus onChange={(e) => setNote(e.target.value)} />
      </label>
      <TagInput label={t('annotations.form.tags')} value={tags} onChange={setTags} suggestions={suggestions} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary button-small" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="button button-small" onClick={onCancel}>
          {t('annotations.form.cancel')}
        </button>
        <span className="form-hint">{t('annotations.form.hint')}</span>
      </div>
    </form>
  );
  if (!at) return form;
  return (
    <div className="annotation-popover" role="dialog" aria-label={t('annotations.form.label')} style={placement(at)}>
      {form}
    </div>
  );
}
