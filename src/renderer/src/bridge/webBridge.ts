/**
 * window.greenroom for the browser mode: the same calls as the Electron preload, carried over
 * the web host's /api routes, with change events from /api/events.
 */
import type {
  BridgeEvents,
  ChangeEvent,
  Channel,
  ConnectionState,
  EventName,
  FileKind,
  GreenroomBridge,
  StagedFile,
  UploadProgress,
} from '../../../shared/api';
import { everythingChanged } from '../../../shared/api';
import { AppError, type Envelope } from '../../../shared/errors';

const TOKEN_KEY = 'greenroom.token';
const ACCEPT: Record<FileKind, string> = {
  image: 'image/png,image/jpeg,image/webp',
  audio: 'audio/*,.wav,.mp3,.flac,.ogg,.m4a,.aac',
  document: 'application/pdf',
  spreadsheet: '.csv,text/csv',
  parseExport: '.json,application/json',
};

export function createWebBridge(): GreenroomBridge {
  let token = localStorage.getItem(TOKEN_KEY);

  /** POST /upload one file at a time, reporting bytes sent across all of them. */
  async function uploadAll(
    files: readonly File[],
    onProgress?: UploadProgress,
  ): Promise<StagedFile[]> {
    const total = files.reduce((sum, file) => sum + file.size, 0);
    let done = 0;
    const staged: StagedFile[] = [];
    for (const file of files) {
      const envelope = await new Promise<Envelope<{ file: string }>>((resolve, reject) => {
        const request = new XMLHttpRequest();
        request.open('POST', '/upload');
        request.setRequestHeader('Authorization', `Bearer ${token ?? ''}`);
        request.setRequestHeader('Content-Type', 'application/octet-stream');
        request.setRequestHeader('x-file-name', encodeURIComponent(file.name));
        request.upload.onprogress = (event) => onProgress?.(done + event.loaded, total);
        request.onload = () => {
          try {
            resolve(JSON.parse(request.responseText) as Envelope<{ file: string }>);
          } catch {
            reject(new AppError('INTERNAL', 'The upload got an unreadable answer.'));
          }
        };
        request.onerror = () => reject(new AppError('INTERNAL', 'The upload was interrupted.'));
        request.send(file);
      });
      if (!envelope.ok) throw AppError.fromBody(envelope.error);
      done += file.size;
      onProgress?.(done, total);
      staged.push({ file: envelope.data.file, fileName: file.name });
    }
    return staged;
  }
  let connection: ConnectionState = 'online';
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  function setConnection(next: ConnectionState): void {
    if (next === connection) return;
    connection = next;
    for (const watcher of connectionListeners) watcher(next);
  }

  let source: EventSource | null = null;
  const listeners = new Set<(event: ChangeEvent) => void>();

  function disconnect(): void {
    source?.close();
    source = null;
  }

  // A dropped stream (the host restarting, the network) reconnects with a fresh ticket after a
  // growing pause; the app refetches what it shows when the stream opens again.
  let retryMs = 1000;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  let dropped = false;

  function connect(): void {
    disconnect();
    clearTimeout(retryTimer);
    if (!token || listeners.size === 0) return;
    const mine = ++generation;
    void (async () => {
      const envelope = await bridge.invoke('events.ticket', {});
      if (mine !== generation || listeners.size === 0) return;
      if (!envelope.ok) {
        if (envelope.error.code !== 'UNAUTHENTICATED') scheduleReconnect();
        return;
      }
      const { ticket } = envelope.data as { ticket: string };
      const opened = new EventSource(`/api/events?ticket=${encodeURIComponent(ticket)}`);
      source = opened;
      opened.addEventListener('open', () => {
        // Changes made while the stream was down were missed: every entity counts as changed,
        // so what is on screen refetches.
        if (dropped)
          for (const event of everythingChanged())
            for (const listener of listeners) listener(event);
        dropped = false;
        retryMs = 1000;
      });
      opened.addEventListener('change', (message) => {
        const event = JSON.parse((message as MessageEvent<string>).data) as ChangeEvent;
        for (const listener of listeners) listener(event);
      });
      // The ticket is spent: EventSource's own retry would be refused, so reconnect here.
      opened.addEventListener('error', () => {
        if (source !== opened) return;
        dropped = true;
        disconnect();
        scheduleReconnect();
      });
    })();
  }

  function scheduleReconnect(): void {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 10_000);
  }

  function setToken(next: string | null): void {
    token = next;
    if (next) localStorage.setItem(TOKEN_KEY, next);
    else localStorage.removeItem(TOKEN_KEY);
    connect();
  }

  // Another tab signing in or out changes this one too.
  window.addEventListener('storage', (event) => {
    if (event.key === TOKEN_KEY) {
      token = event.newValue;
      connect();
    }
  });

  const bridge: GreenroomBridge = {
    kind: 'web',
    async invoke(channel: Channel, input: unknown): Promise<Envelope<unknown>> {
      let envelope: Envelope<unknown>;
      try {
        const response = await fetch(`/api/${channel}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(input ?? {}),
        });
        envelope = (await response.json()) as Envelope<unknown>;
        setConnection('online');
      } catch {
        setConnection('offline');
        // Ask again soon, without waiting for the user: the bar goes when the host is back.
        scheduleReconnect();
        envelope = {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: 'Greenroom’s host did not answer. Is it still running?',
          },
        };
      }
      if (envelope.ok && channel === 'auth.login')
        setToken((envelope.data as { token: string }).token);
      else if (
        channel === 'auth.logout' ||
        (!envelope.ok && envelope.error.code === 'UNAUTHENTICATED')
      )
        setToken(null);
      return envelope;
    },
    on<E extends EventName>(event: E, listener: (payload: BridgeEvents[E]) => void): () => void {
      if (event === 'connection') {
        const watcher = listener as (state: ConnectionState) => void;
        connectionListeners.add(watcher);
        watcher(connection);
        return () => connectionListeners.delete(watcher);
      }
      listeners.add(listener as (payload: ChangeEvent) => void);
      if (!source) connect();
      return () => {
        listeners.delete(listener as (payload: ChangeEvent) => void);
        if (listeners.size === 0) disconnect();
      };
    },
    pickFiles(
      kind: FileKind,
      multiple: boolean,
      onProgress?: UploadProgress,
    ): Promise<readonly StagedFile[]> {
      // Opened synchronously inside the user's click, as browsers require.
      const input = document.createElement('input');
      input.type = 'file';
      input.multiple = multiple;
      input.accept = ACCEPT[kind];
      const chosen = new Promise<File[]>((resolve) => {
        input.addEventListener('change', () => resolve(Array.from(input.files ?? [])));
        input.addEventListener('cancel', () => resolve([]));
      });
      input.click();
      return chosen.then((files) => uploadAll(files, onProgress));
    },
    stageDropped(files, onProgress) {
      return uploadAll(files as File[], onProgress);
    },
    async mediaUrl(ref: string): Promise<string> {
      const media = ref.replace(/^media:/, '');
      const envelope = await bridge.invoke('media.ticket', { media });
      if (!envelope.ok) throw AppError.fromBody(envelope.error);
      const { ticket } = envelope.data as { ticket: string };
      return `/media/${encodeURIComponent(media)}?ticket=${encodeURIComponent(ticket)}`;
    },
  };
  return bridge;
}
