/**
 * Electron entry only: lifecycle, the window, the media protocol and ipc. Everything else is the
 * core, which runs (and is tested) under plain Node.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  net,
  protocol,
  session,
  shell,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
} from 'electron';
import { IPC_EVENT, IPC_INVOKE, IPC_UPLOAD, MEDIA_SCHEME, type FileKind } from '../shared/api';
import { HTTP_STATUS, type Envelope } from '../shared/errors';
import { createCore, type Core } from './core';
import { toAppError } from './ipc/router';
import { trustedHandler } from './ipc/trustedHandler';
import { createUploads } from './ipc/uploads';
import {
  isAppUrl,
  isExternalLinkAllowed,
  isNavigationAllowed,
  isPermissionAllowed,
  secureWebPreferences,
  type AppLocation,
} from './windowSecurity';

/** What the native dialog offers; main still checks every file by its content. */
const FILE_FILTERS: Record<FileKind, Electron.FileFilter> = {
  image: { name: 'Images', extensions: ['png', 'jpg', 'jpeg', 'webp'] },
  audio: { name: 'Audio', extensions: ['wav', 'mp3', 'flac', 'ogg', 'm4a', 'aac'] },
  spreadsheet: { name: 'CSV', extensions: ['csv'] },
  parseExport: { name: 'JSON', extensions: ['json'] },
  document: { name: 'Documents', extensions: ['pdf'] },
};

protocol.registerSchemesAsPrivileged([
  {
    scheme: MEDIA_SCHEME,
    privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true },
  },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: Core | null = null;
  const windows = new Set<BrowserWindow>();
  /** Each window signs in on its own; main keeps its token so the renderer never has to. */
  const tokens = new Map<number, { token: string; unsubscribe: () => void }>();

  const rendererUrl = process.env.ELECTRON_RENDERER_URL;
  const rendererIndex = join(__dirname, '../renderer/index.html');
  const appLocation: AppLocation = rendererUrl
    ? { devServer: rendererUrl }
    : { indexFile: rendererIndex };
  const isOwnSender = (event: IpcMainInvokeEvent): boolean => {
    const win = BrowserWindow.fromWebContents(event.sender);
    if (!win || !windows.has(win)) return false;
    return isAppUrl(event.senderFrame?.url ?? '', appLocation);
  };

  /** The one way to answer the renderer: a foreign window or frame is refused first. */
  const handleTrusted = (
    channel: string,
    handler: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<Envelope<unknown>>,
  ): void => ipcMain.handle(channel, trustedHandler(isOwnSender, handler));

  function createWindow(): void {
    const win = new BrowserWindow({
      width: 1360,
      height: 860,
      minWidth: 960,
      minHeight: 600,
      show: false,
      title: 'Greenroom',
      webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs')),
    });
    windows.add(win);
    const id = win.webContents.id;
    win.on('ready-to-show', () => win.show());
    win.on('closed', () => {
      windows.delete(win);
      tokens.get(id)?.unsubscribe();
      tokens.delete(id);
    });
    if (rendererUrl) void win.loadURL(rendererUrl);
    else void win.loadFile(rendererIndex);
  }

  app.on('second-instance', () => {
    const [first] = windows;
    if (first) {
      if (first.isMinimized()) first.restore();
      first.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isNavigationAllowed(url, appLocation)) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      if (isExternalLinkAllowed(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });

  void app.whenReady().then(() => {
    const migrationsDir = app.isPackaged
      ? join(process.resourcesPath, 'migrations')
      : join(app.getAppPath(), 'resources', 'migrations');
    const started = createCore({
      dataDir: app.getPath('userData'),
      migrationsDir,
      pickFiles: async (kind, multiple) => {
        const parent = BrowserWindow.getFocusedWindow();
        const options: OpenDialogOptions = {
          properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
          filters: [FILE_FILTERS[kind]],
        };
        const result = parent
          ? await dialog.showOpenDialog(parent, options)
          : await dialog.showOpenDialog(options);
        return result.canceled ? [] : result.filePaths;
      },
    });
    core = started;

    session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
      callback(isPermissionAllowed(permission)),
    );

    protocol.handle(MEDIA_SCHEME, (request) => {
      try {
        const id = decodeURIComponent(new URL(request.url).pathname.replace(/^\//, ''));
        // A media request carries no sender: it reads as the window that signed in last.
        const token = [...tokens.values()].at(-1)?.token ?? null;
        const stored = started.mediaAccess.open(started.auth.resolve(token), id);
        return net.fetch(pathToFileURL(stored.path).toString(), { headers: request.headers });
      } catch (error) {
        const failure = toAppError(error);
        return new Response(failure.message, { status: HTTP_STATUS[failure.code] });
      }
    });

    handleTrusted(IPC_INVOKE, async (event, channel, input): Promise<Envelope<unknown>> => {
      if (typeof channel !== 'string') {
        return { ok: false, error: { code: 'NOT_FOUND', message: 'No such channel.' } };
      }
      const senderId = event.sender.id;
      const reply = await started.dispatch(channel, input, tokens.get(senderId)?.token ?? null);
      if (reply.envelope.ok && channel === 'auth.login') {
        const { token } = reply.envelope.data as { token: string };
        tokens.get(senderId)?.unsubscribe();
        const signedIn = started.auth.resolve(token);
        const unsubscribe = started.subscribe(signedIn, (change) =>
          event.sender.send(IPC_EVENT, 'change', change),
        );
        tokens.set(senderId, { token, unsubscribe });
      } else if (
        channel === 'auth.logout' ||
        (!reply.envelope.ok && reply.envelope.error.code === 'UNAUTHENTICATED')
      ) {
        tokens.get(senderId)?.unsubscribe();
        tokens.delete(senderId);
      }
      return reply.envelope;
    });

    const uploads = createUploads(started.staging);
    handleTrusted(IPC_UPLOAD, async (event, step): Promise<Envelope<unknown>> => {
      try {
        const session = started.auth.resolve(tokens.get(event.sender.id)?.token ?? null);
        return { ok: true, data: await uploads.step(session.user.id, step) };
      } catch (error) {
        return { ok: false, error: toAppError(error).toBody() };
      }
    });

    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => core?.close());
}
