/**
 * Electron entry only: lifecycle, the window, the media protocol and ipc. Everything else is the
 * core, which runs (and is tested) under plain Node.
 */
import {
  createReadStream,
  existsSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  net,
  protocol,
  safeStorage,
  session,
  shell,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
} from 'electron';
import {
  IPC_EVENT,
  IPC_INVOKE,
  IPC_UPLOAD,
  MEDIA_SCHEME,
  type ChangeEvent,
  type FileKind,
} from '../shared/api';
import { AppError, HTTP_STATUS, type Envelope } from '../shared/errors';
import { createCore, type Core } from './core';
import { toAppError } from './ipc/router';
import { trustedHandler } from './ipc/trustedHandler';
import { createUploads } from './ipc/uploads';
import { journalLength } from './db/migrationState';
import { createRemoteClient, type RemoteClient } from './team/remoteClient';
import { createWorkstation, type Workstation } from './team/workstation';
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
    // Joined to a team server: the remembered sign-in (kept encrypted by the OS) carries over.
    const remembered = remote ? readRememberedToken() : null;
    if (remote && remembered) signIn(id, remembered, (change) => send(win, 'change', change));
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

  /** The team server this computer joined, while it has joined one. */
  let remote: RemoteClient | null = null;
  let workstation: Workstation | null = null;
  const rememberedFile = () => join(app.getPath('userData'), 'team-session.bin');
  function readRememberedToken(): string | null {
    try {
      if (!existsSync(rememberedFile()) || !safeStorage.isEncryptionAvailable()) return null;
      return safeStorage.decryptString(readFileSync(rememberedFile()));
    } catch {
      return null;
    }
  }
  function remember(token: string | null): void {
    if (token && safeStorage.isEncryptionAvailable())
      writeFileSync(rememberedFile(), safeStorage.encryptString(token), { mode: 0o600 });
    else rmSync(rememberedFile(), { force: true });
  }
  function send(win: BrowserWindow, event: string, payload: unknown): void {
    if (!win.isDestroyed()) win.webContents.send(IPC_EVENT, event, payload);
  }
  /** A window's sign-in: its token, and its change events from wherever the workspace is. */
  function signIn(id: number, token: string, onChange: (change: ChangeEvent) => void): void {
    tokens.get(id)?.unsubscribe();
    const unsubscribe = remote
      ? remote.events(token, onChange)
      : core!.subscribe(core!.auth.resolve(token), onChange);
    tokens.set(id, { token, unsubscribe });
  }
  function signOut(id: number): void {
    tokens.get(id)?.unsubscribe();
    tokens.delete(id);
  }

  void app.whenReady().then(() => {
    const migrationsDir = app.isPackaged
      ? join(process.resourcesPath, 'migrations')
      : join(app.getAppPath(), 'resources', 'migrations');
    const pickPaths = async (kind: FileKind, multiple: boolean): Promise<string[]> => {
      const parent = BrowserWindow.getFocusedWindow();
      const options: OpenDialogOptions = {
        properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
        filters: [FILE_FILTERS[kind]],
      };
      const result = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    };
    const started = createCore({
      dataDir: app.getPath('userData'),
      migrationsDir,
      pickFiles: pickPaths,
      workstation: () => workstation,
    });
    core = started;

    /** Joined or not: every window signs in again against the workspace it now works in. */
    const connect = (): void => {
      remote?.close();
      remote = null;
      for (const id of [...tokens.keys()]) signOut(id);
      remember(null);
      const settings = workstation!.settings;
      if (settings.mode === 'joined' && settings.joined) {
        remote = createRemoteClient(settings.joined, {
          schemaVersion: journalLength(migrationsDir),
          onState: (state) => {
            for (const win of windows) send(win, 'connection', state);
          },
        });
      }
    };
    workstation = createWorkstation({
      dir: app.getPath('userData'),
      core: started,
      rendererDir: join(__dirname, '../renderer'),
      onChange: () => {
        connect();
        for (const win of windows) win.webContents.reload();
      },
    });
    connect();
    void workstation.resume();

    session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
      callback(isPermissionAllowed(permission)),
    );

    // A media URL carries a ticket for that one file, issued to the window that asked for it
    // (media.ticket): the file is opened with that window's session, never another's.
    protocol.handle(MEDIA_SCHEME, async (request) => {
      try {
        const url = new URL(request.url);
        const id = decodeURIComponent(url.pathname.replace(/^\//, ''));
        const ticket = url.searchParams.get('ticket');
        if (remote) {
          const range = request.headers.get('range') ?? undefined;
          const answer = await remote.media(null, id, range, ticket ?? undefined);
          const headers = new Headers();
          for (const [name, value] of Object.entries(answer.headers))
            if (typeof value === 'string') headers.set(name, value);
          return new Response(Readable.toWeb(answer) as ReadableStream, {
            status: answer.statusCode ?? 502,
            headers,
          });
        }
        const viewer = started.auth.resolveHash(started.tickets.redeemMedia(ticket, id));
        const stored = started.mediaAccess.open(viewer, id);
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
      const win = BrowserWindow.fromWebContents(event.sender)!;
      const token = tokens.get(senderId)?.token ?? null;
      // This computer's own settings stay here; everything else goes where the workspace is.
      const served = remote && !channel.startsWith('workstation.') ? remote : null;
      let envelope: Envelope<unknown>;
      if (served && channel === 'files.pick') {
        envelope = await pickAndUpload(served, token, input);
      } else if (served) {
        envelope = await served.dispatch(channel, input, token);
      } else {
        envelope = (await started.dispatch(channel, input, token)).envelope;
      }
      if (envelope.ok && channel === 'auth.login') {
        const signedIn = (envelope.data as { token: string }).token;
        signIn(senderId, signedIn, (change) => send(win, 'change', change));
        if (served) remember(signedIn);
      } else if (
        channel === 'auth.logout' ||
        (!envelope.ok && envelope.error.code === 'UNAUTHENTICATED')
      ) {
        signOut(senderId);
        if (served) remember(null);
      }
      return envelope;
    });

    /** files.pick when joined: the native dialog here, the bytes streamed to the server. */
    async function pickAndUpload(
      server: RemoteClient,
      token: string | null,
      input: unknown,
    ): Promise<Envelope<unknown>> {
      try {
        if (!token)
          return { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Please sign in.' } };
        const { kind, multiple } = input as { kind: FileKind; multiple?: boolean };
        if (!(kind in FILE_FILTERS))
          return { ok: false, error: { code: 'VALIDATION', message: 'Unknown kind of file.' } };
        const files = [];
        for (const path of await pickPaths(kind, multiple ?? false)) {
          const fileName = basename(path);
          const file = await server.upload(
            token,
            fileName,
            createReadStream(path),
            statSync(path).size,
          );
          files.push({ file, fileName });
        }
        return { ok: true, data: { files } };
      } catch (error) {
        return { ok: false, error: toAppError(error).toBody() };
      }
    }

    // Files dropped on a window: bytes in chunks, into this computer's staging or the server's.
    const localUploads = createUploads(started.staging);
    const remoteUploads = createUploads({
      fromStream: (token, fileName, body) => remote!.upload(token, fileName, body),
    });
    handleTrusted(IPC_UPLOAD, async (event, step): Promise<Envelope<unknown>> => {
      try {
        const token = tokens.get(event.sender.id)?.token ?? null;
        if (remote) {
          if (!token) throw new AppError('UNAUTHENTICATED', 'Please sign in.');
          return { ok: true, data: await remoteUploads.step(token, step) };
        }
        const signedIn = started.auth.resolve(token);
        return { ok: true, data: await localUploads.step(signedIn.user.id, step) };
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
  app.on('will-quit', () => {
    remote?.close();
    void workstation?.close();
    core?.close();
  });
}
