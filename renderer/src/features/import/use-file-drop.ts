import { useLayoutEffect, useState } from 'react';
import { filesFromDrop, type PickedFile } from './read-files.js';

function carriesFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

/**
 * Accepts files and folders dropped anywhere on the window. Returns whether a drag with files is
 * over the window, for the overlay. Drops of anything else (text, links) are left alone, and the
 * browser is kept from navigating to a dropped file.
 */
export function useFileDrop(onFiles: (files: PickedFile[]) => void): boolean {
  const [over, setOver] = useState(false);
  // A layout effect, so the window accepts drops from the first painted frame on (a passive
  // effect may run later, and a drop before it would make the browser open the file instead).
  useLayoutEffect(() => {
    // dragenter/dragleave fire for every child element crossed: count them to know when we really left.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const overHandler = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e) || !e.dataTransfer) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      filesFromDrop(e.dataTransfer).then(onFiles, () => onFiles([]));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [onFiles]);
  return over;
}
