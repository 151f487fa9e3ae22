/**
 * The narrow bridge: invoke() only for channels in the contract, on() only for known events.
 * Bundled as one CommonJS file because the renderer is sandboxed.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  CHANNELS,
  EVENTS,
  IPC_EVENT,
  IPC_INVOKE,
  IPC_UPLOAD,
  MEDIA_SCHEME,
  type Channel,
  type BridgeEvents,
  type EventName,
  type FileKind,
  type GreenroomBridge,
  type StagedFile,
} from '../shared/api';

const CHUNK_BYTES = 4 * 1024 * 1024;

async function upload(step: Record<string, unknown>): Promise<{ upload?: string; file?: string }> {
  const envelope = (await ipcRenderer.invoke(IPC_UPLOAD, step)) as Envelope<{
    upload?: string;
    file?: string;
  }>;
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.data;
}
import type { Envelope } from '../shared/errors';

const allowedChannels = new Set<string>(CHANNELS);
const allowedEvents = new Set<string>(EVENTS);

const bridge: GreenroomBridge = {
  kind: 'electron',
  invoke(channel: Channel, input: unknown): Promise<Envelope<unknown>> {
    if (!allowedChannels.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'NOT_FOUND', message: `There is no channel named "${String(channel)}".` },
      });
    }
    return ipcRenderer.invoke(IPC_INVOKE, channel, input) as Promise<Envelope<unknown>>;
  },
  on<E extends EventName>(event: E, listener: (payload: BridgeEvents[E]) => void): () => void {
    if (!allowedEvents.has(event)) return () => undefined;
    const wrapped = (_e: IpcRendererEvent, name: string, payload: BridgeEvents[E]): void => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT, wrapped);
    return () => ipcRenderer.removeListener(IPC_EVENT, wrapped);
  },
  async pickFiles(kind: FileKind, multiple: boolean, onProgress): Promise<readonly StagedFile[]> {
    // The native dialog stages the files in main: there is nothing to send from here.
    const envelope = (await ipcRenderer.invoke(IPC_INVOKE, 'files.pick', {
      kind,
      multiple,
    })) as Envelope<{ files: StagedFile[] }>;
    if (envelope.ok && envelope.data.files.length) onProgress?.(1, 1);
    return envelope.ok ? envelope.data.files : [];
  },
  async stageDropped(files, onProgress): Promise<readonly StagedFile[]> {
    const total = files.reduce((sum, file) => sum + file.size, 0);
    let sent = 0;
    const staged: StagedFile[] = [];
    for (const file of files) {
      const { upload: id } = await upload({ begin: file.name });
      for (let offset = 0; offset < file.size; offset += CHUNK_BYTES) {
        const bytes = new Uint8Array(await file.slice(offset, offset + CHUNK_BYTES).arrayBuffer());
        await upload({ append: id, bytes });
        sent += bytes.length;
        onProgress?.(sent, total);
      }
      const { file: token } = await upload({ finish: id });
      staged.push({ file: token ?? '', fileName: file.name });
    }
    return staged;
  },
  async mediaUrl(ref: string): Promise<string> {
    const media = ref.replace(/^media:/, '');
    // A ticket for this one file, issued to this window's session (main answers the protocol
    // with the session behind the ticket, whichever window signed in last).
    const envelope = (await ipcRenderer.invoke(IPC_INVOKE, 'media.ticket', { media })) as Envelope<{
      ticket: string;
    }>;
    const ticket = envelope.ok ? envelope.data.ticket : '';
    return `${MEDIA_SCHEME}://media/${encodeURIComponent(media)}?ticket=${encodeURIComponent(ticket)}`;
  },
};

contextBridge.exposeInMainWorld('greenroom', bridge);
