/**
 * window.greenroom for the browser mode: the same calls as the Electron preload, carried over
 * the web host's /api routes, with change events from /api/events.
 */
import type {
  ChangeEvent,
  Channel,
  EventName,
  FileKind,
  GreenroomBridge,
  StagedFile,
  UploadProgress,
} from '../../../shared/api';
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
  let source: EventSource | null = null;
  const listeners = new Set<(event: ChangeEvent) => void>();

  function disconnect(): void {
    source?.close();
    source = null;
  }

  function connect(): void {
    disconnect();
    if (!token || listeners.size === 0) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.addEventListener('change', (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as ChangeEvent;
      for (const listener of listeners) listener(event);
    });
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

  return {
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
      } catch {
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
    on(_event: EventName, listener: (payload: ChangeEvent) => void): () => void {
      listeners.add(listener);
      if (!source) connect();
      return () => {
        listeners.delete(listener);
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
    mediaUrl(ref: string): string {
      const id = encodeURIComponent(ref.replace(/^media:/, ''));
      return `/media/${id}?token=${encodeURIComponent(token ?? '')}`;
    },
  };
}
