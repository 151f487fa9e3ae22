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
  MEDIA_SCHEME,
  type ChangeEvent,
  type Channel,
  type EventName,
  type FileKind,
  type GreenroomBridge,
  type StagedFile,
} from '../shared/api';
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
  on(event: EventName, listener: (payload: ChangeEvent) => void): () => void {
    if (!allowedEvents.has(event)) return () => undefined;
    const wrapped = (_e: IpcRendererEvent, name: string, payload: ChangeEvent): void => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT, wrapped);
    return () => ipcRenderer.removeListener(IPC_EVENT, wrapped);
  },
  async pickFiles(kind: FileKind, multiple: boolean): Promise<readonly StagedFile[]> {
    const envelope = (await ipcRenderer.invoke(IPC_INVOKE, 'files.pick', {
      kind,
      multiple,
    })) as Envelope<{ files: StagedFile[] }>;
    return envelope.ok ? envelope.data.files : [];
  },
  mediaUrl(ref: string): string {
    return `${MEDIA_SCHEME}://media/${encodeURIComponent(ref.replace(/^media:/, ''))}`;
  },
};

contextBridge.exposeInMainWorld('greenroom', bridge);
