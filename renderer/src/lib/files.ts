/**
 * Clipboard and file download for every feature (Quellenangaben, exports, drafts, address book).
 * Plain text only: no HTML is put on the clipboard, nothing downloaded is opened or rendered.
 */

/** Copies `text` as plain text; falls back to a hidden textarea where the Clipboard API is refused. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Permission refused (e.g. a hardened Electron session): try the selection-based copy.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'visually-hidden';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('clipboard unavailable');
}

/** Offers `content` as a file download (Blob + `<a download>`), UTF-8 unless the type names a charset. */
export function downloadText(fileName: string, mimeType: string, content: string): void {
  const type = /charset=/i.test(mimeType) ? mimeType : `${mimeType};charset=utf-8`;
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: the download reads the Blob after the click returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
