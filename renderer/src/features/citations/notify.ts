import { useCallback, useEffect, useState } from 'react';
import type { ToastMessage } from './toast.js';

/**
 * Notices of the citation features ("Quellenangabe kopiert"), decoupled from where they are
 * shown: the selection toolbar of the annotation layer can announce a copy although it unmounts
 * the moment the selection goes, and the reading view's toast shows it.
 */

type Listener = (message: ToastMessage) => void;
const listeners = new Set<Listener>();
let counter = 0;

/** Shows a notice in the toast of the current view. */
export function notify(message: Omit<ToastMessage, 'id'>): void {
  counter += 1;
  const full = { ...message, id: counter };
  listeners.forEach((l) => l(full));
}

/** The latest notice and a function to dismiss it. */
export function useNotice(): { message: ToastMessage | null; clear(): void } {
  const [message, setMessage] = useState<ToastMessage | null>(null);
  useEffect(() => {
    listeners.add(setMessage);
    return () => {
      listeners.delete(setMessage);
    };
  }, []);
  const clear = useCallback(() => setMessage(null), []);
  return { message, clear };
}
