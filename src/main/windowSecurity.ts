/**
 * Every security decision about windows, as plain functions: they are unit-tested with hostile
 * input without running Electron, and index.ts only wires them in.
 */
import type { WebPreferences } from 'electron';

/** The only webPreferences any window gets (a syntax-tree test holds every window to it). */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

/** Where the renderer is loaded from: the dev server's origin, or the built index.html. */
export type AppLocation = { readonly devServer: string } | { readonly indexFile: string };

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Whether a URL is the app itself: the same origin as the dev server (a look-alike host such as
 * `localhost:5173.example.com` is not), or exactly the built index.html by file path.
 */
export function isAppUrl(url: string, app: AppLocation): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if ('devServer' in app) {
    const dev = parse(app.devServer);
    return !!dev && parsed.origin === dev.origin && parsed.protocol === dev.protocol;
  }
  if (parsed.protocol !== 'file:' || parsed.host !== '') return false;
  const expected = parse(`file://${app.indexFile.startsWith('/') ? '' : '/'}${app.indexFile}`);
  return (
    !!expected && decodeURIComponent(parsed.pathname) === decodeURIComponent(expected.pathname)
  );
}

/** Links the system browser may open: plain web addresses only, never with credentials. */
export function isExternalLinkAllowed(url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  return parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

/** Navigation inside a window: only to the app itself. */
export const isNavigationAllowed = isAppUrl;

/** Permission requests: desktop notifications (reminders) and nothing else. */
export function isPermissionAllowed(permission: string): boolean {
  return permission === 'notifications';
}
