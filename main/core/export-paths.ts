import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors.js';
import { isReservedName, safeExportFileName } from '../../shared/file-names.js';

export { safeExportFileName };

/**
 * The full path of `name` inside `dir`, or EXPORT_PATH_INVALID when `name` is not one plain file
 * name there (a separator, `..`, an absolute path, a drive letter, a device name, NUL). The second
 * line of defence behind {@link safeExportFileName}: a writer calls both.
 */
export function resolveInside(dir: string, name: string): string {
  const base = path.resolve(dir);
  const refuse = () => new AppError('EXPORT_PATH_INVALID', { name: name.slice(0, 200), dir: base });
  if (!name || name === '.' || name === '..' || /[/\\\0]/.test(name) || /^[a-zA-Z]:/.test(name) || isReservedName(name) || /[. ]$/.test(name)) throw refuse();
  const full = path.resolve(base, name);
  const rel = path.relative(base, full);
  if (rel !== name || rel.startsWith('..') || path.isAbsolute(rel)) throw refuse();
  return full;
}

/** {@link resolveInside}, with `-2`, `-3`, … before the extension when the name is taken (never overwrites). */
export function freePathInside(dir: string, name: string): string {
  const first = resolveInside(dir, name);
  if (!fs.existsSync(first)) return first;
  const { name: stem, ext } = path.parse(name);
  for (let i = 2; ; i++) {
    const candidate = resolveInside(dir, `${stem}-${i}${ext}`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}
