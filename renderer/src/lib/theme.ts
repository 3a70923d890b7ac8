import type { Settings } from '../../../shared/contract.js';

/**
 * Applies the theme setting. "system" removes the override so the CSS follows
 * `prefers-color-scheme`; light/dark pin `color-scheme`, which the stylesheet's `light-dark()`
 * colours (and native controls) follow.
 */
export function applyTheme(theme: Settings['theme']): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
