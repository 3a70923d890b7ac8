import { toExternalUrl } from './trusted-url.js';

/**
 * Opening links outside the app. Only https: and mailto: (see trusted-url.ts) and only after the
 * user confirmed in a native dialog that shows the exact address; one question at a time, so a
 * hostile page cannot queue up dialogs until the user clicks "Öffnen" by reflex.
 */

/** What the link opener needs: a question to the user and the OS call. */
export interface ExternalLinkDeps {
  /** Shows the normalized URL and resolves true only if the user chose to open it. */
  confirm: (url: string) => Promise<boolean>;
  /** `shell.openExternal`. */
  openExternal: (url: string) => Promise<void>;
  log?: (what: string, detail: string) => void;
}

/** Returns `offer(url)`: checks `url`, asks, and opens it; resolves true when it was opened. */
export function createExternalLinkOpener(deps: ExternalLinkDeps): (url: string) => Promise<boolean> {
  let asking = false;
  return async (url) => {
    const safe = toExternalUrl(url);
    if (safe === null) {
      deps.log?.('external-refused', url);
      return false;
    }
    if (asking) return false;
    asking = true;
    try {
      if (!(await deps.confirm(safe))) return false;
      await deps.openExternal(safe);
      return true;
    } catch (e) {
      deps.log?.('external-failed', e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      asking = false;
    }
  };
}
