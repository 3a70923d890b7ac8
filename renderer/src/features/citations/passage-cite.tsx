import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleDetail } from '../../../../shared/article.js';
import { api, ApiError, toErrorPayload } from '../../api.js';
import { errorText } from '../../i18n/index.js';
import { useLang } from '../../lib/use-lang.js';
import { redactProtected } from '../sources/protected-terms.js';
import { AGENCY_STYLE, loadCitationPrefs } from './citation-prefs.js';
import { copyText } from '../../lib/files.js';
import { notify } from './notify.js';
import { selectionOffsets, type TextRange } from './selection-offsets.js';

/** True for Ctrl+Shift+C (Cmd+Shift+C on a Mac). */
function isCiteShortcut(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'c';
}

/**
 * Cites `range` of the article in the user's default style and puts „passage“ plus the citation on
 * the clipboard (protected sources redacted). Resolves to the copied text.
 */
export async function citeRange(articleId: number, range: TextRange, lang: 'de' | 'en'): Promise<string> {
  const prefs = await loadCitationPrefs();
  const ask = (style: string | undefined) => api['citations.citePassage']({ articleId, start: range.start, end: range.end, locale: prefs.locale, ...(style ? { style } : {}) });
  let cited;
  try {
    cited = await ask(prefs.style);
  } catch (e) {
    // A custom default style that was removed since: fall back to the locale's default style.
    if (e instanceof ApiError && e.code === 'CITATION_STYLE_UNKNOWN' && prefs.style !== AGENCY_STYLE) cited = await ask(undefined);
    else throw e;
  }
  const text = await redactProtected(cited.text, lang);
  await copyText(text);
  return text;
}

/** Cites and copies, then says so in the toast (or why it failed). */
async function citeAndNotify(articleId: number, range: TextRange, lang: 'de' | 'en', t: (key: 'citations.passageCopied' | 'citations.passageFailed') => string): Promise<void> {
  try {
    const text = await citeRange(articleId, range, lang);
    notify({ title: t('citations.passageCopied'), body: text });
  } catch (e) {
    notify({ title: t('citations.passageFailed'), body: errorText(toErrorPayload(e)), tone: 'error' });
  }
}

/**
 * "Quellenangabe kopieren" as an action of the selection toolbar (the annotation layer's popup):
 * the selected passage in quotation marks plus its citation in the user's default style.
 */
export function CitePassageAction({ articleId, range }: { articleId: number; range: TextRange }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <button type="button" className="toolbar-type toolbar-cite" onClick={() => void citeAndNotify(articleId, { start: range.start, end: range.end }, lang, t)} title={t('citations.citePassageShortcut')} aria-keyshortcuts="Control+Shift+C Meta+Shift+C">
      <span className="type-glyph" aria-hidden="true">
        ❝
      </span>
      <span>{t('citations.citePassage')}</span>
    </button>
  );
}

/** Ctrl/Cmd+Shift+C with text selected in the reading view: "Quellenangabe kopieren" from the keyboard. */
export function PassageCite({ article }: { article: ArticleDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isCiteShortcut(e)) return;
      const selection = document.getSelection();
      const node = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).commonAncestorContainer : null;
      const host = node ? (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement) : null;
      const body = host?.closest('.reader-body');
      const range = body ? selectionOffsets(selection, body, article) : null;
      if (!range) return;
      e.preventDefault();
      void citeAndNotify(article.id, range, lang, t);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [article, lang, t]);
  return null;
}
