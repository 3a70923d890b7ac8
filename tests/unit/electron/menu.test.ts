import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuActions } from '../../../main/electron/menu.js';
import { importDialogOptions, showImportDialog } from '../../../main/electron/dialogs.js';

function actions() {
  return { import: vi.fn<() => void>(), importFolder: vi.fn<() => void>(), settings: vi.fn<() => void>(), about: vi.fn<() => void>() } satisfies MenuActions;
}

const items = (menu: MenuItemConstructorOptions | undefined) => (menu?.submenu ?? []) as MenuItemConstructorOptions[];
const find = (menu: MenuItemConstructorOptions | undefined, label: string) => items(menu).find((i) => i.label === label);

describe('application menu', () => {
  it('has Datei, Bearbeiten, Ansicht, Hilfe in German', () => {
    const template = buildMenuTemplate({ lang: 'de', dev: false, mac: false, actions: actions() });
    expect(template.map((m) => m.label)).toStrictEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Hilfe']);
  });

  it('Datei → Importieren… has Ctrl/Cmd+O and triggers the import', () => {
    const a = actions();
    const [file] = buildMenuTemplate({ lang: 'de', dev: false, mac: false, actions: a });
    const importItem = find(file, 'Importieren…');
    expect(importItem?.accelerator).toBe('CmdOrCtrl+O');
    (importItem?.click as () => void)();
    expect(a.import).toHaveBeenCalled();
    (find(file, 'Ordner importieren…')?.click as () => void)();
    expect(a.importFolder).toHaveBeenCalled();
    (find(file, 'Einstellungen…')?.click as () => void)();
    expect(a.settings).toHaveBeenCalled();
    expect(find(file, 'Beenden')?.role).toBe('quit');
  });

  it('Bearbeiten uses the standard roles', () => {
    const [, edit] = buildMenuTemplate({ lang: 'de', dev: false, mac: false, actions: actions() });
    expect(items(edit).map((i) => i.role).filter(Boolean)).toStrictEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('Ansicht reloads and opens DevTools only in development', () => {
    const roles = (dev: boolean) => items(buildMenuTemplate({ lang: 'de', dev, mac: false, actions: actions() })[2]).map((i) => i.role).filter(Boolean);
    expect(roles(false)).toStrictEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(true)).toStrictEqual(['reload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('Hilfe → Über Fundstelle shows the about box', () => {
    const a = actions();
    const help = buildMenuTemplate({ lang: 'de', dev: false, mac: false, actions: a })[3];
    (find(help, 'Über Fundstelle')?.click as () => void)();
    expect(a.about).toHaveBeenCalled();
  });

  it('switches to English labels', () => {
    const template = buildMenuTemplate({ lang: 'en', dev: false, mac: false, actions: actions() });
    expect(template.map((m) => m.label)).toStrictEqual(['File', 'Edit', 'View', 'Help']);
    expect(find(template[0], 'Import…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(find(template[3], 'About Fundstelle')).toBeDefined();
  });

  it('adds the app menu first on macOS', () => {
    const template = buildMenuTemplate({ lang: 'de', dev: false, mac: true, actions: actions() });
    expect(template[0]).toStrictEqual({ role: 'appMenu' });
    expect(template.slice(1).map((m) => m.label)).toStrictEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Hilfe']);
  });
});

describe('import dialog', () => {
  it('offers several files filtered to Text/Markdown/HTML/PDF', () => {
    const options = importDialogOptions('de', false);
    expect(options.properties).toStrictEqual(['openFile', 'multiSelections', 'dontAddToRecent']);
    expect(options.filters?.map((f) => f.name)).toStrictEqual(['Artikel (Text, Markdown, HTML, PDF)', 'Text', 'Markdown', 'HTML', 'PDF']);
    expect(options.filters?.[0]?.extensions).toStrictEqual(['txt', 'md', 'html', 'htm', 'pdf']);
  });

  it('offers several folders for Ordner importieren…', () => {
    expect(importDialogOptions('de', true).properties).toStrictEqual(['openDirectory', 'multiSelections', 'dontAddToRecent']);
  });

  it('returns the chosen paths, or none when cancelled', async () => {
    const dialog = { showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/a.txt', '/b.pdf'] })) };
    await expect(showImportDialog(dialog, null, 'de', false)).resolves.toStrictEqual(['/a.txt', '/b.pdf']);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: ['/ignored'] });
    await expect(showImportDialog(dialog, null, 'de', false)).resolves.toStrictEqual([]);
  });
});
