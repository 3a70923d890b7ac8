import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupCheckResult, BackupInfo, BackupListing } from '../../../../shared/contract-backup.js';
import { formatBytes, type ErrorPayload } from '../../../../shared/errors.js';
import { api, toErrorPayload } from '../../api.js';
import { errorText } from '../../i18n/index.js';
import { formatTimestamp } from '../../lib/format-date.js';
import { useLang } from '../../lib/use-lang.js';
import './backup-settings.css';

type Busy = 'create' | 'check' | 'restore' | null;

/**
 * Settings: manual backups. Lists the backups of the backup folder (every listed file was verified
 * before it got its name), makes one now, checks the open collection and restores a backup after
 * a confirmation. After a restore the page reloads, so every view shows the restored collection.
 */
export function BackupSettings() {
  const { t } = useTranslation();
  const lang = useLang();
  const ids = useId();
  const [listing, setListing] = useState<BackupListing | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [status, setStatus] = useState<string>('');
  const [check, setCheck] = useState<BackupCheckResult | null>(null);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  const load = useCallback(async () => {
    try {
      setListing(await api['backup.list']({}));
    } catch (e) {
      setError(toErrorPayload(e));
    }
  }, []);

  useEffect(() => {
    let current = true;
    api['backup.list']({}).then(
      (l) => current && setListing(l),
      (e: unknown) => current && setError(toErrorPayload(e)),
    );
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  const run = async (kind: Exclude<Busy, null>, work: () => Promise<void>) => {
    setBusy(kind);
    setError(null);
    setStatus('');
    try {
      await work();
    } catch (e) {
      setError(toErrorPayload(e));
    } finally {
      setBusy(null);
    }
  };

  const create = () =>
    run('create', async () => {
      const made = await api['backup.create']({});
      setStatus(t('backup.created', { date: formatTimestamp(made.createdAt, lang) }));
      await load();
    });

  const runCheck = () =>
    run('check', async () => {
      setCheck(null);
      setCheck(await api['backup.check']({}));
    });

  const restore = (backup: BackupInfo) =>
    run('restore', async () => {
      await api['backup.restore']({ file: backup.name });
      setConfirming(null);
      // Every view reads the collection anew.
      window.location.reload();
    });

  const describe = (b: BackupInfo) => `${formatTimestamp(b.createdAt, lang)} · ${formatBytes(b.size, lang)} · ${t(`backup.kinds.${b.kind}`)}`;

  return (
    <section className="backup-settings" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`} className="backup-title">
        {t('backup.title')}
      </h3>
      {listing?.folderWarning && (
        <p className="backup-warning" role="note">
          <strong>{t('backup.folderWarning')}</strong> {listing.folderWarning.message[lang]}
        </p>
      )}
      <div className="backup-actions">
        <button type="button" className="button" onClick={() => void create()} disabled={busy !== null}>
          {busy === 'create' ? t('backup.creating') : t('backup.create')}
        </button>
        <button type="button" className="button" onClick={() => void runCheck()} disabled={busy !== null}>
          {busy === 'check' ? t('backup.checking') : t('backup.check')}
        </button>
      </div>
      <div className="backup-status" role="status">
        {status && <p>{status}</p>}
        {check?.ok && <p className="backup-check-ok">{t('backup.checkOk')}</p>}
      </div>
      {check && !check.ok && (
        <div className="backup-check-failed" role="alert">
          <p>{t('backup.checkFailed')}</p>
          <ul>
            {check.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
          {check.newestGoodBackup ? (
            <p>
              {t('backup.newestGood', { backup: describe(check.newestGoodBackup) })}{' '}
              <button type="button" className="button button-small" onClick={() => setConfirming(check.newestGoodBackup)} disabled={busy !== null}>
                {t('backup.restore')}
              </button>
            </p>
          ) : (
            <p>{t('backup.noGoodBackup')}</p>
          )}
        </div>
      )}
      {error && (
        <p className="settings-error" role="alert">
          {errorText(error)}
        </p>
      )}
      {confirming && (
        <div className="backup-confirm" role="group" aria-labelledby={`${ids}-confirm`}>
          <p id={`${ids}-confirm`}>{t('backup.confirm', { backup: describe(confirming) })}</p>
          <div className="backup-actions">
            <button type="button" className="button" ref={cancelRef} onClick={() => setConfirming(null)} disabled={busy === 'restore'}>
              {t('backup.cancel')}
            </button>
            <button type="button" className="button button-primary" onClick={() => void restore(confirming)} disabled={busy !== null}>
              {busy === 'restore' ? t('backup.restoring') : t('backup.confirmRestore')}
            </button>
          </div>
        </div>
      )}
      <h4 className="backup-list-title" id={`${ids}-list`}>
        {t('backup.listTitle')}
      </h4>
      {listing && listing.backups.length === 0 && <p className="backup-empty">{t('backup.empty')}</p>}
      {listing && listing.backups.length > 0 && (
        <ul className="backup-list" aria-labelledby={`${ids}-list`}>
          {listing.backups.map((b) => (
            <li key={b.name} className="backup-item">
              <span className="backup-item-text">
                <span className="backup-date">{formatTimestamp(b.createdAt, lang)}</span>
                <span className="backup-meta">
                  {formatBytes(b.size, lang)} · {t(`backup.kinds.${b.kind}`)} · {t('backup.verified')}
                </span>
              </span>
              <button
                type="button"
                className="button button-small"
                aria-label={t('backup.restoreOne', { date: formatTimestamp(b.createdAt, lang) })}
                onClick={() => setConfirming(b)}
                disabled={busy !== null}
              >
                {t('backup.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {listing && <p className="backup-folder">{t('backup.folder', { dir: listing.dir, keep: listing.keep })}</p>}
    </section>
  );
}
