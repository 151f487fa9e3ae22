import Bowser from 'bowser';
import { DESKTOP_USER_AGENT, type SessionDevice } from '../../../../shared/domain/signedInSession';

/**
 * A session's device, read from the address and User-Agent it signed in with: the desktop app's
 * own window signs in from `local`, and joined to a team server it sends DESKTOP_USER_AGENT.
 */
export function deviceOf(clientAddress: string | null, userAgent: string | null): SessionDevice {
  if (clientAddress === 'local' || userAgent?.startsWith(DESKTOP_USER_AGENT))
    return { kind: 'desktop', browser: null, os: null };
  if (!userAgent) return { kind: 'unknown', browser: null, os: null };
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name || null;
  const os = parsed.os.name || null;
  return browser || os ? { kind: 'browser', browser, os } : { kind: 'unknown', browser, os };
}
