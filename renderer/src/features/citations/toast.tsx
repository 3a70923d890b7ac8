import { useEffect } from 'react';
import { useNotice } from './notify.js';

/** How long a toast stays. */
const TOAST_MS = 6000;

/** What a toast says: a headline and optionally the text that was copied. */
export interface ToastMessage {
  id: number;
  title: string;
  body?: string;
  tone?: 'info' | 'error';
}

/**
 * A short-lived notice at the foot of the window ("Quellenangabe kopiert" with the text). A polite
 * live region, so screen readers announce it without moving focus.
 */
export function Toast({ message, onDone }: { message: ToastMessage | null; onDone(): void }) {
  useEffect(() => {
    if (!message) return;
    const timer = window.setTimeout(onDone, TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [message, onDone]);

  return (
    <div className="cite-toast-region" role="status" aria-live="polite">
      {message && (
        <div key={message.id} className={`cite-toast${message.tone === 'error' ? ' is-error' : ''}`}>
          <p className="cite-toast-title">{message.title}</p>
          {message.body && <pre className="cite-toast-body">{message.body}</pre>}
        </div>
      )}
    </div>
  );
}

/** The one toast of the citation features, fed by `notify`; mounted once in the app shell. */
export function CitationToast() {
  const { message, clear } = useNotice();
  return <Toast message={message} onDone={clear} />;
}
