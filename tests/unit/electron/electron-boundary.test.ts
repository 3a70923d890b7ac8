import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Structural checks a reviewer would otherwise do by hand: Electron stays in the shell, and IPC
 * handlers are registered in one place only (where every handler checks sender and arguments).
 */
const root = path.resolve(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts|cts|js|mjs)$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

const ALL = [...sources('main'), ...sources('shared'), ...sources('renderer/src')];
const IMPORTS_ELECTRON = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]electron(?:\/[^'"]*)?['"]/;

describe('Electron boundary', () => {
  it('only main/electron/** and main/ipc/electron-ipc.ts import electron', () => {
    const offenders = ALL.filter((f) => IMPORTS_ELECTRON.test(fs.readFileSync(path.join(root, f), 'utf8'))).filter(
      (f) => !f.startsWith('main/electron/') && f !== 'main/ipc/electron-ipc.ts',
    );
    expect(offenders).toStrictEqual([]);
  });

  it('only main/ipc/electron-ipc.ts registers IPC handlers (so every one checks sender and arguments)', () => {
    const offenders = ALL.filter((f) => /ipcMain\s*\.\s*(handle|handleOnce|on|once|addListener)\s*\(/.test(fs.readFileSync(path.join(root, f), 'utf8'))).filter(
      (f) => f !== 'main/ipc/electron-ipc.ts',
    );
    expect(offenders).toStrictEqual([]);
  });

  it('nothing exposes ipcRenderer or a generic send over the bridge', () => {
    const preload = fs.readFileSync(path.join(root, 'main/electron/preload.ts'), 'utf8');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).not.toMatch(/ipcRenderer\.(send|sendSync|sendTo|postMessage)\(/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });
});
