/**
 * Turning what the user picked or dropped into files with names, in the browser. Folders are
 * walked with the File and Directory Entries API (`webkitGetAsEntry`), the only way a page can
 * read a dropped folder's contents.
 */

/** A file to import and the name to show and store for it (its path inside a dropped folder). */
export interface PickedFile {
  file: File;
  name: string;
}

/** Hidden files inside folders (.DS_Store, .git) are never articles; only folder walks skip them. */
function isHidden(name: string): boolean {
  return name.startsWith('.');
}

/** Files chosen in a file input; for a folder input, their path below the chosen folder. */
export function filesFromInput(list: FileList): PickedFile[] {
  const out: PickedFile[] = [];
  for (const file of Array.from(list)) {
    const relative = file.webkitRelativePath || file.name;
    if (file.webkitRelativePath && relative.split('/').some(isHidden)) continue;
    out.push({ file, name: relative });
  }
  return byName(out);
}

/**
 * Files and folders dropped on the window. Must be called synchronously inside the `drop` event:
 * the entries are taken at once, because a DataTransfer is emptied when the handler returns.
 */
export function filesFromDrop(data: DataTransfer): Promise<PickedFile[]> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(data.items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry();
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) loose.push(file);
    }
  }
  if (entries.length === 0 && loose.length === 0) loose.push(...Array.from(data.files));
  return (async () => {
    const out: PickedFile[] = loose.map((file) => ({ file, name: file.name }));
    for (const entry of entries) out.push(...(await walk(entry, true)));
    return byName(out);
  })();
}

/** All files below an entry. */
async function walk(entry: FileSystemEntry, topLevel: boolean): Promise<PickedFile[]> {
  if (!topLevel && isHidden(entry.name)) return [];
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ file, name: entry.fullPath.replace(/^\/+/, '') || file.name }];
  }
  if (!entry.isDirectory) return [];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const out: PickedFile[] = [];
  // readEntries returns at most ~100 entries per call: read until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const child of batch) out.push(...(await walk(child, false)));
  }
  return out;
}

function byName(files: PickedFile[]): PickedFile[] {
  return files.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
}

/** A file's content as base64, read natively (a data: URL) rather than byte by byte in script. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
