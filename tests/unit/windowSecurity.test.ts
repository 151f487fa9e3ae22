import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { trustedHandler, type SenderLike } from '../../src/main/ipc/trustedHandler';
import {
  isAppUrl,
  isExternalLinkAllowed,
  isNavigationAllowed,
  isPermissionAllowed,
  secureWebPreferences,
} from '../../src/main/windowSecurity';

const SRC = join(import.meta.dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('window security', () => {
  it('pins every webPreferences value', () => {
    expect(secureWebPreferences('/app/preload/index.cjs')).toEqual({
      preload: '/app/preload/index.cjs',
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
    });
    const prefs = secureWebPreferences('x') as Record<string, unknown>;
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });

  it('creates every BrowserWindow with the factory (syntax tree of all of src)', () => {
    let windows = 0;
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      if (!text.includes('BrowserWindow')) continue;
      const tree = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (
          ts.isNewExpression(node) &&
          /(^|\.)BrowserWindow$/.test(node.expression.getText(tree))
        ) {
          windows += 1;
          const options = node.arguments?.[0];
          expect(options && ts.isObjectLiteralExpression(options), file).toBe(true);
          const prefs = (options as ts.ObjectLiteralExpression).properties.find(
            (p) => p.name?.getText(tree) === 'webPreferences',
          );
          expect(prefs && ts.isPropertyAssignment(prefs), file).toBe(true);
          const value = (prefs as ts.PropertyAssignment).initializer;
          expect(
            ts.isCallExpression(value) && value.expression.getText(tree),
            `${file}: webPreferences must come from secureWebPreferences()`,
          ).toBe('secureWebPreferences');
        }
        ts.forEachChild(node, visit);
      };
      visit(tree);
    }
    expect(windows).toBeGreaterThan(0);
  });

  it('registers IPC handlers only through the sender check', () => {
    const calls = sourceFiles(SRC).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/ipcMain\.(handle|handleOnce|on)\(([^\n]*)/g)].map(
        (m) => `${file.slice(SRC.length)}: ${m[0]}`,
      ),
    );
    expect(calls).toEqual([
      '/main/index.ts: ipcMain.handle(channel, trustedHandler(isOwnSender, handler));',
    ]);
  });

  it('refuses an IPC call from a foreign frame before the handler runs', async () => {
    let ran = 0;
    const handler = trustedHandler(
      (event: SenderLike) =>
        isAppUrl(event.senderFrame?.url ?? '', { indexFile: '/opt/greenroom/renderer/index.html' }),
      () => {
        ran += 1;
        return Promise.resolve({ ok: true as const, data: 'ran' });
      },
    );
    const foreign = await handler(
      { sender: {}, senderFrame: { url: 'https://evil.example/index.html' } },
      'auth.me',
    );
    expect(foreign).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Unknown sender.' },
    });
    expect(await handler({ sender: {}, senderFrame: null }, 'auth.me')).toMatchObject({
      ok: false,
    });
    expect(ran).toBe(0);
    const own = await handler(
      { sender: {}, senderFrame: { url: 'file:///opt/greenroom/renderer/index.html#/today' } },
      'auth.me',
    );
    expect(own).toEqual({ ok: true, data: 'ran' });
    expect(ran).toBe(1);
  });

  it('lets a window navigate only within the app', () => {
    const dev = { devServer: 'http://localhost:5173' };
    const built = { indexFile: '/opt/greenroom/renderer/index.html' };
    expect(isNavigationAllowed('http://localhost:5173/#/today', dev)).toBe(true);
    for (const url of [
      'http://localhost:5173.evil.example/',
      'http://localhost:5174/',
      'https://localhost:5173/',
      'http://evil.example/?http://localhost:5173',
      'http://localhost:5173@evil.example/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      '',
      'not a url',
    ])
      expect(isNavigationAllowed(url, dev), url).toBe(false);
    expect(isNavigationAllowed('file:///opt/greenroom/renderer/index.html#/x', built)).toBe(true);
    for (const url of [
      'file:///opt/greenroom/renderer/other.html',
      'file:///opt/greenroom/renderer/index.html.evil',
      'file://server/share/opt/greenroom/renderer/index.html',
      'file:///opt/greenroom/renderer/../../../etc/passwd',
      'smb://server/share',
      'https://example.com/',
    ])
      expect(isNavigationAllowed(url, built), url).toBe(false);
  });

  it('opens only plain web links in the system browser', () => {
    expect(isExternalLinkAllowed('https://example.com/portfolio')).toBe(true);
    expect(isExternalLinkAllowed('http://example.com/')).toBe(true);
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'smb://attacker/share',
      '\\\\attacker\\share',
      'ms-msdt:/id PCWDiagnostic',
      'https://user:pass@example.com/',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'https://',
      '',
    ])
      expect(isExternalLinkAllowed(url), url).toBe(false);
  });

  it('grants desktop notifications and no other permission', () => {
    expect(isPermissionAllowed('notifications')).toBe(true);
    for (const p of ['media', 'geolocation', 'openExternal', 'clipboard-read', 'midi', 'usb'])
      expect(isPermissionAllowed(p), p).toBe(false);
  });
});

describe('the renderer’s Content Security Policy', () => {
  it('allows scripts from the app only, never eval, inline script or plugins', () => {
    const html = readFileSync(join(SRC, 'renderer', 'index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(csp).toBeDefined();
    const directives = new Map(
      csp!.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values] as const;
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval|wasm-unsafe-eval|\*/);
  });
});
