import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { Lang } from '../../shared/errors.js';
import { migrationProgressText } from '../core/migration-progress.js';
import type { MigrationProgress } from '../db/open.js';
import { secureWebPreferences } from './security.js';
import { APP_ORIGIN } from './trusted-url.js';

/**
 * The window the app shows while it brings an older collection up to date (main/db/upgrade.ts):
 * the migration runs on a worker thread, so this window stays responsive for the minutes it can
 * take on a large collection. The page (renderer/public/upgrade.html) is static, without a bridge
 * to main; the progress is in the window title and the task bar / dock progress bar, both set here.
 */

export const UPGRADE_PAGE_URL = `${APP_ORIGIN}/upgrade.html`;

export function upgradeWindowOptions(dev: boolean): BrowserWindowConstructorOptions {
  return {
    width: 560,
    height: 260,
    useContentSize: true,
    resizable: false,
    maximizable: false,
    fullscreenable: false,
    title: 'Fundstelle',
    show: true,
    webPreferences: secureWebPreferences(null, { dev }),
  };
}

/** Shows the upgrade window; `progress` puts each step into its title and progress bar. */
export function openUpgradeWindow(
  BrowserWindowCtor: new (options: BrowserWindowConstructorOptions) => BrowserWindow,
  lang: Lang,
  dev: boolean,
): { progress: (p: MigrationProgress) => void; close: () => void } {
  const win = new BrowserWindowCtor(upgradeWindowOptions(dev));
  void win.loadURL(UPGRADE_PAGE_URL);
  return {
    progress(p) {
      if (win.isDestroyed()) return;
      win.setTitle(`Fundstelle – ${migrationProgressText(p, lang)}`);
      // Indeterminate (2) while backing up or in a step without an article count.
      win.setProgressBar(p.step === 'migrate' && p.total ? p.done / p.total : 2);
    },
    close() {
      if (!win.isDestroyed()) win.destroy();
    },
  };
}
