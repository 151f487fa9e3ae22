import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** The preload bundled as electron-vite ships it (CommonJS, electron external), run in a bare context. */
function loadPreload() {
  const bundle = buildSync({
    entryPoints: [join(ROOT, 'src', 'preload', 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    write: false,
  }).outputFiles[0]!.text;
  const exposed = new Map<string, unknown>();
  const invoked: unknown[][] = [];
  const ipcRenderer = {
    invoke: (...args: unknown[]) => {
      invoked.push(args);
      return Promise.resolve({ ok: true, data: {} });
    },
    on: () => undefined,
    removeListener: () => undefined,
    send: () => undefined,
  };
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer,
  };
  const module = { exports: {} };
  const requireMock = (name: string) => {
    if (name === 'electron') return electron;
    throw new Error(`the preload may not require ${name}`);
  };
  runInNewContext(bundle, { module, exports: module.exports, require: requireMock });
  return { exposed, ipcRenderer, invoked };
}

describe('the preload', () => {
  it('exposes exactly the bridge’s known keys, and never ipcRenderer', async () => {
    const { exposed, ipcRenderer, invoked } = loadPreload();
    expect([...exposed.keys()]).toEqual(['greenroom']);
    const bridge = exposed.get('greenroom') as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(
      ['invoke', 'kind', 'mediaUrl', 'on', 'pickFiles', 'stageDropped'].sort(),
    );
    for (const value of Object.values(bridge)) {
      expect(value).not.toBe(ipcRenderer);
      expect(value).not.toBe(ipcRenderer.invoke);
    }
    // Only contract channels reach main.
    const invoke = bridge.invoke as (c: string, i: unknown) => Promise<{ ok: boolean }>;
    expect((await invoke('no.such', {})).ok).toBe(false);
    expect(invoked).toHaveLength(0);
    await invoke('auth.me', {});
    expect(invoked).toHaveLength(1);
  });
});
