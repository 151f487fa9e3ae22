import type { Channel, GreenroomBridge, Input, Output } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { createWebBridge } from '../bridge/webBridge';

declare global {
  interface Window {
    greenroom?: GreenroomBridge;
  }
}

/** The preload's bridge in Electron; the HTTP bridge in the browser mode. */
export const bridge: GreenroomBridge = window.greenroom ?? createWebBridge();

let onSignedOut: (() => void) | null = null;
export function whenSignedOut(callback: () => void): void {
  onSignedOut = callback;
}

/** Calls a channel and unwraps the envelope; failures throw AppError with the server's code. */
export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const envelope = await bridge.invoke(channel, input);
  if (envelope.ok) return envelope.data as Output<C>;
  const error = AppError.fromBody(envelope.error);
  if (error.code === 'UNAUTHENTICATED' && channel !== 'auth.login') onSignedOut?.();
  throw error;
}
