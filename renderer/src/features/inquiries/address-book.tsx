import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared/inquiry.js';
import { api, toErrorPayload } from '../../api.js';
import { errorText } from '../../i18n/index.js';
import { downloadText } from '../../lib/files.js';
import { notifyInquiriesChanged } from './inquiry-events.js';

/** Largest address-book file read into memory. */
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * The address book: every contact with its beats, add, edit, delete (with a second click to
 * confirm), import of .vcf/.csv through a file input and export as vCard 4 or CSV.
 */
export function AddressBook({ contacts }: { contacts: Contact[] }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const fileId = useId();

  const importFile = async (file: File) => {
    setError(null);
    setNotice('');
    if (file.size > MAX_IMPORT_BYTES) {
      setError(t('inquiries.book.tooLarge'));
      return;
    }
    try {
      const result = await api['contacts.import']({ name: file.name, content: await file.text() });
      setNotice(t('inquiries.book.imported', { created: result.created, updated: result.updated, skipped: result.skipped.length }));
      notifyInquiriesChanged();
    } catch (e) {
      setError(errorText(toErrorPayload(e)));
    }
  };

  const exportAs = (format: 'vcard' | 'csv') => {
    setError(null);
    api['contacts.export']({ format }).then(
      (file) => {
        downloadText(file.fileName, file.mimeType, file.content);
        setNotice(t('inquiries.book.exported', { file: file.fileName }));
      },
      (e: unknown) => setError(errorText(toErrorPayload(e))),
    );
  };

  return (
    <div className="inq-book">
      <h2 className="inq-book-title">{t('inquiries.book.heading')}</h2>
      <div className="inq-book-tools">
        <button type="button" className="button button-small button-primary" onClick={() => setEditing('new')} disabled={editing === 'new'}>
          {t('inquiries.book.add')}
        </button>
        <input
          id={fileId}
          ref={fileInput}
          type="file"
          className="inq-import-input"
          accept=".vcf,.vcard,.csv,text/vcard,text/csv"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void importFile(file);
            if (fileInput.current) fileInput.current.value = '';
          }}
        />
        <label htmlFor={fileId} className="button button-small inq-file-label">
          {t('inquiries.book.import')}
        </label>
        <button type="button" className="button button-small" onClick={() => exportAs('vcard')}>
          {t('inquiries.book.exportVcard')}
        </button>
        <button type="button" className="button button-small" onClick={() => exportAs('csv')}>
          {t('inquiries.book.exportCsv')}
        </button>
      </div>
      <p className="inq-notice" role="status" aria-live="polite">
        {notice}
      </p>
      {error && (
        <p className="inq-error" role="alert">
          {error}
        </p>
      )}
      {editing === 'new' && <ContactForm contact={null} onDone={() => setEditing(null)} />}
      {contacts.length === 0 ? (
        <p className="inq-muted">{t('inquiries.book.empty')}</p>
      ) : (
        <ul className="inq-contacts">
          {contacts.map((c) =>
            editing === c.id ? (
              <li key={c.id} className="inq-contact">
                <ContactForm contact={c} onDone={() => setEditing(null)} />
              </li>
            ) : (
              <ContactRow key={c.id} contact={c} onEdit={() => setEditing(c.id)} />
            ),
          )}
        </ul>
      )}
    </div>
  );
}

/** One contact: name, organisation, address, beats, phone; edit and delete. */
function ContactRow({ contact: c, onEdit }: { contact: Contact; onEdit(): void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = c.name || c.email;

  const remove = () => {
    api['contacts.delete']({ id: c.id }).then(
      () => notifyInquiriesChanged(),
      (e: unknown) => setError(errorText(toErrorPayload(e))),
    );
  };

  return (
    <li className="inq-contact" data-contact={c.email}>
      <p className="inq-contact-name">
        {name}
        {c.origin === 'article' && <span className="inq-origin"> · {t('inquiries.book.fromArticle')}</span>}
      </p>
      {c.organisation && <p className="inq-muted">{c.organisation}</p>}
      <p className="inq-contact-email">{c.email}</p>
      {c.beats.length > 0 && (
        <p className="inq-card-beats">
          {c.beats.map((b) => (
            <span key={b} className="inq-chip">
              {b}
            </span>
          ))}
        </p>
      )}
      {c.phone && <p className="inq-muted">{c.phone}</p>}
      <div className="inq-contact-actions">
        <button type="button" className="button button-small" onClick={onEdit} aria-label={t('inquiries.book.editLabel', { name })}>
          {t('inquiries.book.edit')}
        </button>
        {confirming ? (
          <>
            <button type="button" className="button button-small inq-danger" onClick={remove} autoFocus>
              {t('inquiries.book.confirmDelete')}
            </button>
            <button type="button" className="button button-small button-quiet" onClick={() => setConfirming(false)}>
              {t('inquiries.cancel')}
            </button>
          </>
        ) : (
          <button type="button" className="button button-small button-quiet" onClick={() => setConfirming(true)} aria-label={t('inquiries.book.deleteLabel', { name })}>
            {t('inquiries.book.delete')}
          </button>
        )}
      </div>
      {error && (
        <p className="inq-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** Adds or edits a contact; beats are entered comma-separated. */
function ContactForm({ contact, onDone }: { contact: Contact | null; onDone(): void }) {
  const { t } = useTranslation();
  const [fields, setFields] = useState({
    name: contact?.name ?? '',
    organisation: contact?.organisation ?? '',
    email: contact?.email ?? '',
    beats: contact?.beats.join(', ') ?? '',
    phone: contact?.phone ?? '',
    notes: contact?.notes ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof fields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [key]: e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = {
      name: fields.name.trim(),
      organisation: fields.organisation.trim(),
      email: fields.email.trim(),
      beats: fields.beats
        .split(/[,;]/)
        .map((b) => b.trim())
        .filter(Boolean),
      phone: fields.phone.trim(),
      notes: fields.notes,
    };
    const call = contact ? api['contacts.update']({ id: contact.id, ...input }) : api['contacts.create'](input);
    call.then(
      () => {
        notifyInquiriesChanged();
        onDone();
      },
      (err: unknown) => setError(errorText(toErrorPayload(err))),
    );
  };

  return (
    <form className="inq-contact-form" onSubmit={submit} aria-label={contact ? t('inquiries.book.editTitle') : t('inquiries.book.addTitle')}>
      <label className="inq-field">
        <span>{t('inquiries.book.name')}</span>
        <input type="text" value={fields.name} onChange={set('name')} autoFocus />
      </label>
      <label className="inq-field">
        <span>{t('inquiries.book.email')}</span>
        <input type="email" value={fields.email} onChange={set('email')} required />
      </label>
      <label className="inq-field">
        <span>{t('inquiries.book.organisation')}</span>
        <input type="text" value={fields.organisation} onChange={set('organisation')} />
      </label>
      <label className="inq-field">
        <span>{t('inquiries.book.beats')}</span>
        <input type="text" value={fields.beats} onChange={set('beats')} placeholder={t('inquiries.book.beatsPlaceholder')} />
      </label>
      <label className="inq-field">
        <span>{t('inquiries.book.phone')}</span>
        <input type="tel" value={fields.phone} onChange={set('phone')} />
      </label>
      <label className="inq-field">
        <span>{t('inquiries.book.notes')}</span>
        <textarea value={fields.notes} onChange={set('notes')} rows={2} />
      </label>
      {error && (
        <p className="inq-error" role="alert">
          {error}
        </p>
      )}
      <div className="inq-actions">
        <button type="button" className="button button-small" onClick={onDone}>
          {t('inquiries.cancel')}
        </button>
        <button type="submit" className="button button-small button-primary">
          {t('inquiries.book.save')}
        </button>
      </div>
    </form>
  );
}
