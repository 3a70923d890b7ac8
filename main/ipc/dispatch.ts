import { formatError, type Lang } from '../../shared/errors.js';
import { toErrorPayload } from '../core/errors.js';
import { contract, isChannel, type Args, type Channel, type Envelope, type Result } from '../../shared/contract.js';

/** One implementation per channel; every transport calls these through `dispatch`. */
export type Handlers = { [C in Channel]: (args: Args<C>) => Result<C> | Promise<Result<C>> };

/**
 * Validates `rawArgs` against the channel's schema and runs its handler. Unknown channels and
 * invalid arguments are refused with typed errors before any handler runs.
 */
export async function dispatch(handlers: Handlers, channel: unknown, rawArgs: unknown, lang: Lang): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) {
    const details = { channel: String(channel).slice(0, 100) };
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', details, message: formatError('UNKNOWN_CHANNEL', details, lang) } };
  }
  const parsed = contract[channel].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const reason = parsed.error.issues.map((i) => `${i.path.join('.') || '(args)'}: ${i.message}`).join('; ');
    const details = { channel, reason };
    return { ok: false, error: { code: 'INVALID_ARGUMENTS', details, message: formatError('INVALID_ARGUMENTS', details, lang) } };
  }
  try {
    const handler = handlers[channel] as (args: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (e) {
    return { ok: false, error: toErrorPayload(e, lang) };
  }
}
