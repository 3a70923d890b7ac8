import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Builds the renderer for Electron and browser mode alike. `base: './'` keeps asset URLs relative
 * so the same build loads from a custom protocol, files or the browser-mode server. No inline
 * scripts or styles are emitted, so the strict CSP (`script-src 'self'; style-src 'self'`) holds.
 */
export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  publicDir: path.join(here, 'public'),
  build: {
    outDir: path.join(here, '..', 'dist', 'renderer'),
    emptyOutDir: true,
    // Inlined assets would become data: URLs; keep every asset a file served by 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: { host: '127.0.0.1' },
});
