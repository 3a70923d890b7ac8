import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { startShell } from './shell.js';

/**
 * Entry point of the Electron main process (bundled to dist/electron/main.js). All logic is in
 * shell.ts, which takes the Electron modules as parameters so it can be tested with a mock.
 */
void startShell(
  { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell },
  { argv: process.argv, env: process.env, platform: process.platform },
);
