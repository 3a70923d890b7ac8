import type { AppEvent } from './channels.js';
import type { ArgsIn, Channel, Envelope, Result } from './contract.js';

/**
 * What the Electron preload exposes as `window.fundstelle`: one method per contract channel, each
 * returning main's envelope, plus `on` for menu events. Type-only, so the preload bundle stays zod-free.
 */

/** The global name the preload exposes the bridge under. */
export const BRIDGE_GLOBAL = 'fundstelle';

/** One method per channel; each resolves to main's envelope (errors are values, never throws). */
export type EnvelopeApi = { [C in Channel]: (args: ArgsIn<C>) => Promise<Envelope<Result<C>>> };

/** The whole bridge. `on` is its only member that is not a contract channel. */
export type Bridge = EnvelopeApi & {
  /** Subscribes to a menu event; returns the function that unsubscribes. Unknown names throw. */
  on(event: AppEvent, callback: () => void): () => void;
};
