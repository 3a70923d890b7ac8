import type { ExportFile } from '../../../../shared/annotation.js';

/**
 * Saves an export through the browser's download: a Blob behind an `<a download>`. Works in
 * browser mode and, for now, in Electron (which shows its save dialog for it).
 */
export function downloadExport(file: Pick<ExportFile, 'fileName' | 'mimeType' | 'content'>): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: the download reads the Blob after the click returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
