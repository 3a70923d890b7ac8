import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, Settings } from '../../shared/contract.js';
import type { ErrorPayload } from '../../shared/errors.js';
import { api, onAppEvent, toErrorPayload } from './api.js';
import type { AnnotationFocus } from './features/annotations/annotation-layer.js';
import { ReviewView } from './features/annotations/review-view.js';
import { CollectionExport } from './features/citations/collection-export.js';
import { CitationToast } from './features/citations/toast.js';
import { EmptyState } from './features/import/empty-state.js';
import { FilePickers, type FilePickersHandle } from './features/import/file-pickers.js';
import { ImportReportView, ImportStatus } from './features/import/import-report.js';
import type { PickedFile } from './features/import/read-files.js';
import { useFileDrop } from './features/import/use-file-drop.js';
import { useImporter } from './features/import/use-importer.js';
import { LibraryPane } from './features/library/library-pane.js';
import { sortOf, type SortValue } from './features/library/sort-options.js';
import { useArticlePages } from './features/library/use-article-pages.js';
import { ReaderView } from './features/reader/reader-view.js';
import { SettingsDialog } from './features/settings/settings-dialog.js';
import { InquiriesView } from './features/inquiries/inquiries-view.js';
import { SourceRegister } from './features/sources/source-register.js';
import { AddToMappe } from './features/mappen/add-to-mappe.js';
import { MappenSidebar } from './features/mappen/mappen-sidebar.js';
import { useMappePages } from './features/mappen/use-mappe-pages.js';
import { useMappen } from './features/mappen/use-mappen.js';
import { HitHighlighter } from './features/search/hit-highlighter.js';
import { SearchPane } from './features/search/search-pane.js';
import { hitTerms } from './features/search/snippet-text.js';
import type { SearchHit } from '../../shared/contract-search.js';
import { changeLanguage, errorText } from './i18n/index.js';
import { FolderIcon, ImportIcon, SearchIcon, SettingsIcon } from './lib/icons.js';
import { applyTheme } from './lib/theme.js';
import { useDebounced } from './lib/use-debounced.js';
import { useLang } from './lib/use-lang.js';

/** What the reading pane shows. */
type View = { kind: 'none' } | { kind: 'article'; id: number; focus?: AnnotationFocus; hit?: string[] } | { kind: 'import' };

/** The top-level view: the collection (library + reader), the annotation review or the source register. */
type Mode = 'library' | 'review' | 'register' | 'inquiries';

/** Typing pauses this long before the list is re-queried. */
const FILTER_DEBOUNCE_MS = 180;

interface AppProps {
  initialSettings: Settings;
  initialInfo: AppInfo;
}

/** The window: header (name, filter, import, settings), library on the left, reading pane on the right. */
export function App({ initialSettings, initialInfo }: AppProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const isElectron = initialInfo.transport === 'electron';

  const [settings, setSettings] = useState(initialSettings);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [settingsError, setSettingsError] = useState<ErrorPayload | null>(null);

  const [filter, setFilter] = useState('');
  const query = useDebounced(filter.trim(), FILTER_DEBOUNCE_MS);
  const [sort, setSort] = useState<SortValue>('published_desc');
  const [revision, setRevision] = useState(0);
  const [articleCount, setArticleCount] = useState(initialInfo.articleCount);
  const [view, setView] = useState<View>({ kind: 'none' });
  const [mode, setMode] = useState<Mode>('library');
  /** The source the register opens with (from a search hit); null: none selected. */
  const [registerSource, setRegisterSource] = useState<number | null>(null);
  const collectionPages = useArticlePages({ ...sortOf(sort), query, revision });
  // Search mode (Enter in the header field) and the Mappe whose articles the list shows.
  const [searchQuery, setSearchQuery] = useState<string | null>(null);
  const [mappeId, setMappeId] = useState<number | null>(null);
  const mappen = useMappen(revision);
  const mappePages = useMappePages(mappeId, revision);
  const pages = mappeId === null ? collectionPages : mappePages;

  const onCollectionChanged = useCallback(() => setRevision((r) => r + 1), []);
  const importer = useImporter(lang, onCollectionChanged);
  const pickers = useRef<FilePickersHandle>(null);
  const readerPane = useRef<HTMLElement>(null);

  useEffect(() => {
    if (revision === 0) return;
    let current = true;
    api['app.info']({}).then(
      (info) => current && setArticleCount(info.articleCount),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [revision]);

  const importPicked = useCallback(
    (files: PickedFile[]) => {
      setView({ kind: 'import' });
      importer.importFiles(files);
    },
    [importer],
  );
  const dragOver = useFileDrop(importPicked);

  const startImport = useCallback(() => {
    if (isElectron) {
      setView({ kind: 'import' });
      void importer.importNative(false);
    } else pickers.current?.pickFiles();
  }, [importer, isElectron]);
  const startFolderImport = useCallback(() => {
    if (isElectron) {
      setView({ kind: 'import' });
      void importer.importNative(true);
    } else pickers.current?.pickFolder();
  }, [importer, isElectron]);

  // The Electron application menu (Datei → Importieren…, Ordner importieren…, Einstellungen…).
  useEffect(() => {
    const off = [
      onAppEvent('menu.import', startImport),
      onAppEvent('menu.importFolder', startFolderImport),
      onAppEvent('menu.settings', () => setSettingsOpen(true)),
    ];
    return () => off.forEach((unsubscribe) => unsubscribe());
  }, [startImport, startFolderImport]);

  // Ctrl/Cmd+O as in the desktop menu. Electron's menu owns the shortcut there.
  useEffect(() => {
    if (isElectron) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'o') {
        e.preventDefault();
        startImport();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [isElectron, startImport]);

  const openArticle = useCallback((id: number) => {
    setView({ kind: 'article', id });
    readerPane.current?.scrollTo({ top: 0 });
  }, []);

  // From the review list: the article, scrolled to the annotation.
  const openAnnotation = useCallback((id: number, annotationId: string) => {
    setMode('library');
    setView({ kind: 'article', id, focus: { annotationId } });
  }, []);

  // From a search hit: the article, scrolled to the first hit in its text (or to the annotation).
  const openHit = useCallback((hit: SearchHit) => {
    if (hit.kind === 'annotation') setView({ kind: 'article', id: hit.articleId, focus: { annotationId: hit.id } });
    else setView({ kind: 'article', id: hit.id, hit: hitTerms(hit.snippet) });
  }, []);

  const changeSettings = (patch: Partial<Settings>) => {
    const next = { ...settings, ...patch };
    setSettings(next);
    applyTheme(next.theme);
    void changeLanguage(next.language);
    api['settings.set'](patch).then(
      (saved) => {
        setSettings(saved);
        setSettingsError(null);
      },
      (e: unknown) => setSettingsError(toErrorPayload(e)),
    );
  };

  const report = importer.report;
  const showReport = view.kind === 'import' && report !== null;
  const showEmpty = articleCount === 0 && !showReport && !query;
  const selectedId = view.kind === 'article' ? view.id : null;

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <img className="brand-mark" src="./favicon.svg" alt="" width={26} height={26} />
          <h1 className="app-name">{t('app.name')}</h1>
        </div>
        <div className="view-switch" role="group" aria-label={t('header.views')}>
          {(['library', 'review', 'register', 'inquiries'] as const).map((m) => (
            <button key={m} type="button" className="view-switch-button" aria-pressed={mode === m} onClick={() => {
              setMode(m);
              if (m === 'register') setRegisterSource(null);
            }}>
              {t(m === 'library' ? 'header.viewLibrary' : m === 'review' ? 'header.viewReview' : m === 'register' ? 'register.tab' : 'inquiries.tab')}
            </button>
          ))}
        </div>
        <div className="search" role="search">
          <SearchIcon className="search-icon" />
          <input
            type="search"
            className="search-input"
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value);
              // Typing in the collection filter means the collection.
              setMode('library');
            }}
            aria-label={t('header.searchLabel')}
            placeholder={t('header.searchPlaceholder')}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              setMode('library');
              setSearchQuery(filter.trim());
            }}
            spellCheck={false}
            autoComplete="off"
          />
        </div>
        <div className="header-actions">
          <button type="button" className="button button-primary" onClick={startImport}>
            <ImportIcon />
            {t('header.import')}
          </button>
          <button type="button" className="button" onClick={startFolderImport} aria-label={t('header.importFolderLabel')}>
            <FolderIcon />
            {t('header.importFolder')}
          </button>
          <button type="button" className="button button-icon" onClick={() => setSettingsOpen(true)} aria-label={t('header.settings')} title={t('header.settings')}>
            <SettingsIcon />
          </button>
        </div>
      </header>

      <main className={`app-main${showEmpty && mode === 'library' ? ' is-empty' : ''}`}>
        {mode === 'review' ? (
          <ReviewView onOpen={openAnnotation} />
        ) : mode === 'inquiries' ? (
          <InquiriesView
            onOpenArticle={(id) => {
              setMode('library');
              openArticle(id);
            }}
          />
        ) : mode === 'register' ? (
          <SourceRegister
            key={registerSource ?? 'register'}
            initialSourceId={registerSource}
            onOpenArticle={(id) => {
              setMode('library');
              openArticle(id);
            }}
          />
        ) : showEmpty && searchQuery === null ? (
          <EmptyState onImportFiles={startImport} onImportFolder={startFolderImport} />
        ) : (
          <>
            <div className="left-column">
              {searchQuery === null && (
                <MappenSidebar state={mappen} selected={mappeId} onSelect={setMappeId} onChanged={onCollectionChanged} />
              )}
              {searchQuery !== null ? (
                <SearchPane
                  query={searchQuery}
                  onQueryChange={(q) => {
                    setFilter(q);
                    setSearchQuery(q);
                  }}
                  mappen={mappen.mappen}
                  revision={revision}
                  selectedId={selectedId}
                  onOpenHit={openHit}
                  onOpenSource={(id) => {
                    setRegisterSource(id);
                    setMode('register');
                  }}
                  onClose={() => setSearchQuery(null)}
                />
              ) : (
                <LibraryPane
                  pages={pages}
                  query={query}
                  sort={sort}
                  onSortChange={setSort}
                  selectedId={selectedId}
                  onOpen={openArticle}
                  actions={
                    <>
                      <button type="button" className="button button-small" onClick={() => setSearchQuery(filter.trim())} title={t('search.toggleLabel')}>
                        <SearchIcon />
                        {t('search.toggle')}
                      </button>
                      <CollectionExport articleId={selectedId} query={query} total={pages.total} mappeId={mappeId} />
                    </>
                  }
                  footer={report && <ImportStatus report={report} reportShown={showReport} onShowReport={() => setView({ kind: 'import' })} />}
                />
              )}
            </div>
            <section ref={readerPane} className="reader-pane" aria-label={t('reader.regionLabel')} tabIndex={0}>
              {showReport ? (
                <ImportReportView
                  report={report}
                  onOpen={openArticle}
                  onClose={() => {
                    importer.clear();
                    setView({ kind: 'none' });
                  }}
                />
              ) : view.kind === 'article' ? (
                <>
                  <AddToMappe articleId={view.id} state={mappen} onChanged={onCollectionChanged} />
                  <ReaderView key={view.id} id={view.id} focus={view.focus} />
                  {view.hit && <HitHighlighter container={readerPane} articleId={view.id} terms={view.hit} />}
                </>
              ) : (
                <div className="reader-placeholder">
                  <h2>{t('reader.placeholderTitle')}</h2>
                  <p>{t('reader.placeholder')}</p>
                </div>
              )}
            </section>
          </>
        )}
      </main>

      <SettingsDialog
        open={settingsOpen}
        settings={settings}
        onChange={changeSettings}
        onClose={() => setSettingsOpen(false)}
        error={settingsError ? `${t('settings.saveFailed')} ${errorText(settingsError)}` : null}
      />
      <CitationToast />
      {!isElectron && <FilePickers ref={pickers} onFiles={importPicked} />}
      {dragOver && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-card">
            <ImportIcon className="icon-large" />
            <span>{t('import.dropOverlay')}</span>
          </div>
        </div>
      )}
    </div>
  );
}
