import { useCallback, useImperativeHandle, useRef, type Ref } from 'react';
import { filesFromInput, type PickedFile } from './read-files.js';

/** Opens the browser's file dialogs. */
export interface FilePickersHandle {
  pickFiles(): void;
  pickFolder(): void;
}

/**
 * The two hidden file inputs of browser mode: files (multiple) and a folder. The folder input
 * needs `webkitdirectory`, which React's types do not know, so it is set on the element directly.
 */
export function FilePickers({ onFiles, ref }: { onFiles(files: PickedFile[]): void; ref: Ref<FilePickersHandle> }) {
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  // A ref callback, not an effect: the attribute is there in the same commit that adds the input.
  const setFolderInput = useCallback((input: HTMLInputElement | null) => {
    input?.setAttribute('webkitdirectory', '');
    folderInput.current = input;
  }, []);

  useImperativeHandle(ref, () => ({
    pickFiles: () => filesInput.current?.click(),
    pickFolder: () => folderInput.current?.click(),
  }));

  const onChange = (input: HTMLInputElement | null) => {
    if (!input?.files || input.files.length === 0) return;
    onFiles(filesFromInput(input.files));
    // Reset, so choosing the same file again fires `change` again.
    input.value = '';
  };

  return (
    <>
      <input ref={filesInput} className="file-input-files" type="file" multiple hidden tabIndex={-1} onChange={(e) => onChange(e.currentTarget)} />
      <input ref={setFolderInput} className="file-input-folder" type="file" multiple hidden tabIndex={-1} onChange={(e) => onChange(e.currentTarget)} />
    </>
  );
}
