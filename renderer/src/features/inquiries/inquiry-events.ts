import { useEffect, useState } from 'react';

/**
 * A tiny in-page signal: whoever changes Rückfragen (the reading view, the queue, the address book)
 * announces it, and every view showing them reloads. No state lives here, only the notification.
 */

const target = new EventTarget();
const CHANGED = 'inquiries-changed';

/** Tells every mounted Rückfragen view that inquiries or contacts changed. */
export function notifyInquiriesChanged(): void {
  target.dispatchEvent(new Event(CHANGED));
}

/** A counter that goes up on every change; use it as an effect dependency to reload. */
export function useInquiriesRevision(): number {
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    const bump = () => setRevision((r) => r + 1);
    target.addEventListener(CHANGED, bump);
    return () => target.removeEventListener(CHANGED, bump);
  }, []);
  return revision;
}
