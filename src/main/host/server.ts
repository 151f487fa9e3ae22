import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Core } from '../core';
import { createRequestHandler } from './requestHandler';

export interface HostOptions {
  readonly core: Core;
  /** The built renderer (out/renderer). */
  readonly rendererDir: string;
  readonly port: number;
}

export interface Host {
  readonly url: string;
  close(): Promise<void>;
}

/** The loopback web host: the browser mode on this computer, over plain HTTP on 127.0.0.1. */
export async function startHost({ core, rendererDir, port }: HostOptions): Promise<Host> {
  let hosts = new Set<string>();
  let origins = new Set<string>();
  const handler = createRequestHandler({
    core,
    rendererDir,
    allowedHosts: () => hosts,
    allowedOrigins: () => origins,
  });
  const server = createServer(handler.handle);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  // DNS rebinding: only our own loopback names may talk to the host.
  hosts = new Set([`127.0.0.1:${bound}`, `localhost:${bound}`]);
  origins = new Set([...hosts].map((host) => `http://${host}`));

  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        handler.closeStreams();
        handler.dispose();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export const RENDERER_DIR_NAME = join('out', 'renderer');
