import type { Envelope } from '../../shared/errors';

/** What the check needs of an IPC event (Electron's IpcMainInvokeEvent has more). */
export interface SenderLike {
  readonly sender: unknown;
  readonly senderFrame?: { readonly url: string } | null;
}

/**
 * Wraps an IPC handler so a call from a window or frame that is not the app's own is refused
 * before the handler runs. index.ts registers every handler through this, and only this.
 */
export function trustedHandler<E extends SenderLike>(
  isOwnSender: (event: E) => boolean,
  handler: (event: E, ...args: unknown[]) => Promise<Envelope<unknown>>,
): (event: E, ...args: unknown[]) => Promise<Envelope<unknown>> {
  return (event, ...args) =>
    isOwnSender(event)
      ? handler(event, ...args)
      : Promise.resolve({ ok: false, error: { code: 'FORBIDDEN', message: 'Unknown sender.' } });
}
