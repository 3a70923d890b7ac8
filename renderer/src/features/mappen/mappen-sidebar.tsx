import { useState, type DragEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mappe } from '../../../../shared/contract-search.js';
import type { ErrorPayload } from '../../../../shared/errors.js';
import { api, toErrorPayload } from '../../api.js';
import { errorText } from '../../i18n/index.js';
import { ARTICLE_DRAG_TYPE, type MappenState } from './use-mappen.js';
import './mappen.css';

interface MappenSidebarProps {
  state: MappenState;
  /** The Mappe whose articles the library list shows; null for the whole collection. */
  selected: number | null;
  onSelect(id: number | null): void;
  /** Called after articles were added or a Mappe deleted (the list may change). */
  onChanged(): void;
}

function carriesArticle(e: DragEvent): boolean {
  return Array.from(e.dataTransfer.types).includes(ARTICLE_DRAG_TYPE);
}

type Editing = { kind: 'none' } | { kind: 'create' } | { kind: 'rename'; id: number } | { kind: 'delete'; id: number };

/**
 * The Mappen (research folders) above the library list: select one to list its articles, create,
 * rename, delete (articles stay), a note per Mappe; article rows dragged onto a Mappe are added.
 */
export function MappenSidebar({ state, selected, onSelect, onChanged }: MappenSidebarProps) {
  const { t } = useTranslation();
  const { mappen, reload } = state;
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [name, setName] = useState('');
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [status, setStatus] = useState('');
  const [dropTarget, setDropTarget] = useState<number | null>(null);
  const current = mappen.find((m) => m.id === selected) ?? null;

  const fail = (e: unknown) => setError(toErrorPayload(e));
  const done = (message: string) => {
    setError(null);
    setStatus(message);
    setEditing({ kind: 'none' });
    setName('');
    reload();
  };

  const submitName = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    if (editing.kind === 'create') {
      api['mappen.create']({ name: trimmed }).then((m) => {
        done(t('mappen.created', { name: m.name }));
        onSelect(m.id);
      }, fail);
    } else if (editing.kind === 'rename') {
      api['mappen.rename']({ id: editing.id, name: trimmed }).then((m) => done(t('mappen.renamed', { name: m.name })), fail);
    }
  };

  const remove = (m: Mappe) => {
    api['mappen.delete']({ id: m.id }).then(() => {
      if (selected === m.id) onSelect(null);
      done(t('mappen.deleted', { name: m.name }));
      onChanged();
    }, fail);
  };

  const drop = (e: DragEvent, m: Mappe) => {
    setDropTarget(null);
    if (!carriesArticle(e)) return;
    e.preventDefault();
    const id = Number(e.dataTransfer.getData(ARTICLE_DRAG_TYPE));
    if (!Number.isInteger(id) || id <= 0) return;
    api['mappen.addArticles']({ id: m.id, articleIds: [id] }).then((r) => {
      done(r.added > 0 ? t('mappen.added', { name: m.name }) : t('mappen.alreadyIn', { name: m.name }));
      onChanged();
    }, fail);
  };

  const nameForm = (label: string) => (
    <form className="mappe-name-form" onSubmit={submitName}>
      <input
        type="text"
        value={name}
        onChange={(e) => setName(e.target.value)}
        aria-label={label}
        maxLength={200}
        // The form appears on request: the field it opened for gets the focus.
        autoFocus
        onKeyDown={(e) => e.key === 'Escape' && setEditing({ kind: 'none' })}
      />
      <button type="submit" className="button button-small button-primary" disabled={!name.trim()}>
        {t('mappen.ok')}
      </button>
      <button type="button" className="button button-small" onClick={() => setEditing({ kind: 'none' })}>
        {t('mappen.cancel')}
      </button>
    </form>
  );

  return (
    <section className="mappen" aria-labelledby="mappen-heading">
      <div className="mappen-head">
        <h2 id="mappen-heading">{t('mappen.heading')}</h2>
        <button
          type="button"
          className="button button-small button-quiet"
          onClick={() => {
            setName('');
            setEditing({ kind: 'create' });
          }}
        >
          {t('mappen.create')}
        </button>
      </div>
      {editing.kind === 'create' && nameForm(t('mappen.nameLabel'))}
      <ul className="mappen-list" aria-label={t('mappen.listLabel')}>
        <li>
          <button type="button" className="mappe-entry" aria-pressed={selected === null} onClick={() => onSelect(null)}>
            <span className="mappe-name">{t('mappen.all')}</span>
          </button>
        </li>
        {mappen.map((m) => (
          <li key={m.id}>
            <button
              type="button"
              className={`mappe-entry${dropTarget === m.id ? ' is-drop-target' : ''}`}
              aria-pressed={selected === m.id}
              onClick={() => onSelect(selected === m.id ? null : m.id)}
              onDragEnter={(e) => carriesArticle(e) && setDropTarget(m.id)}
              onDragOver={(e) => {
                if (!carriesArticle(e)) return;
                e.preventDefault();
                e.dataTransfer.dropEffect = 'copy';
              }}
              onDragLeave={() => setDropTarget((d) => (d === m.id ? null : d))}
              onDrop={(e) => drop(e, m)}
            >
              <span className="mappe-name">{m.name}</span>
              <span className="mappe-count" aria-hidden="true">
                {m.articleCount}
              </span>
              <span className="visually-hidden">{t('mappen.countLabel', { count: m.articleCount })}</span>
            </button>
          </li>
        ))}
      </ul>
      {mappen.length === 0 && <p className="mappen-hint">{t('mappen.empty')}</p>}
      {current && (
        <div className="mappe-detail">
          {editing.kind === 'rename' && editing.id === current.id ? (
            nameForm(t('mappen.renameLabel', { name: current.name }))
          ) : editing.kind === 'delete' && editing.id === current.id ? (
            <div className="mappe-confirm" role="group" aria-label={t('mappen.deleteLabel', { name: current.name })}>
              <p>{t('mappen.confirmDelete', { name: current.name })}</p>
              <button type="button" className="button button-small button-danger" onClick={() => remove(current)}>
                {t('mappen.delete')}
              </button>
              <button type="button" className="button button-small" onClick={() => setEditing({ kind: 'none' })}>
                {t('mappen.cancel')}
              </button>
            </div>
          ) : (
            <div className="mappe-actions">
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setName(current.name);
                  setEditing({ kind: 'rename', id: current.id });
                }}
              >
                {t('mappen.rename')}
              </button>
              <button type="button" className="link-button" onClick={() => setEditing({ kind: 'delete', id: current.id })}>
                {t('mappen.delete')}
              </button>
            </div>
          )}
          <MappeNote key={current.id} mappe={current} onSaved={() => done(t('mappen.noteSaved'))} onError={fail} />
        </div>
      )}
      {error && (
        <p className="mappen-error" role="alert">
          {errorText(error)}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </section>
  );
}

/** The note of a Mappe; saved when the field loses focus and the text changed. */
function MappeNote({ mappe, onSaved, onError }: { mappe: Mappe; onSaved(): void; onError(e: unknown): void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState(mappe.note);
  return (
    <label className="mappe-note">
      <span>{t('mappen.note')}</span>
      <textarea
        value={note}
        rows={2}
        maxLength={20_000}
        onChange={(e) => setNote(e.target.value)}
        onBlur={() => {
          if (note !== mappe.note) api['mappen.setNote']({ id: mappe.id, note }).then(onSaved, onError);
        }}
        placeholder={t('mappen.notePlaceholder')}
      />
    </label>
  );
}
