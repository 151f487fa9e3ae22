import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AppError, HTTP_STATUS, type Envelope } from '../../shared/errors';
import type { Core } from '../core';
import { toAppError } from '../ipc/router';
import type { Session } from '../services/kernel/session';
import { confine, contentTypeOf } from './staticFiles';

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

const MAX_JSON_BYTES = 2 * 1024 * 1024;
const HEARTBEAT_MS = 20_000;

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "media-src 'self' blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
};

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(json);
}

function sendEnvelope(res: ServerResponse, envelope: Envelope<unknown>): void {
  send(res, envelope.ok ? 200 : HTTP_STATUS[envelope.error.code], envelope);
}

function sendError(res: ServerResponse, error: unknown): void {
  sendEnvelope(res, { ok: false, error: toAppError(error).toBody() });
}

function bearer(req: IncomingMessage, url: URL): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  // EventSource and <audio src> cannot set headers: they pass the token in the query.
  return url.searchParams.get('token');
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BYTES) throw new AppError('VALIDATION', 'The request is too large.');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new AppError('VALIDATION', 'The request body is not valid JSON.');
  }
}

/** The loopback web host: the built renderer, /api, /api/events, /upload and /media. */
export async function startHost({ core, rendererDir, port }: HostOptions): Promise<Host> {
  const openStreams = new Set<ServerResponse>();
  let origin = '';

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'POST') throw new AppError('NOT_FOUND', 'Use POST for /api calls.');
    const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
    const input = await readJson(req);
    const reply = await core.dispatch(channel, input, bearer(req, url), {
      clientAddress: req.socket.remoteAddress ?? 'unknown',
      userAgent: req.headers['user-agent']?.slice(0, 200),
    });
    sendEnvelope(res, reply.envelope);
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, session: Session): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write('retry: 1000\n\n');
    openStreams.add(res);
    const unsubscribe = core.subscribe(session, (event) => {
      res.write(`event: change\ndata: ${JSON.stringify(event)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      openStreams.delete(res);
    });
  }

  async function handleUpload(
    req: IncomingMessage,
    res: ServerResponse,
    session: Session,
  ): Promise<void> {
    const name = decodeURIComponent(String(req.headers['x-file-name'] ?? 'upload'));
    const file = await core.staging.fromStream(session.user.id, name, req);
    send(res, 200, { ok: true, data: { file } });
  }

  function handleMedia(
    req: IncomingMessage,
    res: ServerResponse,
    session: Session,
    id: string,
  ): void {
    const stored = core.mediaAccess.open(session, id);
    const size = statSync(stored.path).size;
    const headers = {
      ...SECURITY_HEADERS,
      'Content-Type': stored.contentType,
      'Accept-Ranges': 'bytes',
      'Cache-Control': 'private, max-age=3600',
      'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(stored.fileName)}`,
    };
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (req.headers.range && range) {
      const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      if (start >= size || start > end) {
        res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` });
        res.end();
        return;
      }
      res.writeHead(206, {
        ...headers,
        'Content-Range': `bytes ${start}-${end}/${size}`,
        'Content-Length': end - start + 1,
      });
      createReadStream(stored.path, { start, end }).pipe(res);
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': size });
    createReadStream(stored.path).pipe(res);
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      throw new AppError('NOT_FOUND', 'Not found.');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      throw new AppError('NOT_FOUND', 'Not found.');
    }
    // Client-side routes fall back to the app itself.
    const file =
      confine(rendererDir, pathname === '/' ? 'index.html' : pathname) ??
      confine(rendererDir, 'index.html');
    if (!file) throw new AppError('INTERNAL', 'The renderer is not built. Run npm run build.');
    const immutable = pathname.startsWith('/assets/');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': contentTypeOf(file),
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    // DNS rebinding: only our own loopback origin may talk to the host.
    const host = req.headers.host ?? '';
    if (host !== new URL(origin).host && host !== `localhost:${new URL(origin).port}`) {
      send(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Unknown host.' } });
      return;
    }
    const path = url.pathname;
    void (async () => {
      try {
        if (path === '/api/events') {
          handleEvents(req, res, core.auth.resolve(bearer(req, url)));
        } else if (path.startsWith('/api/')) {
          await handleApi(req, res, url);
        } else if (path === '/upload') {
          if (req.method !== 'POST') throw new AppError('NOT_FOUND', 'Use POST to upload.');
          await handleUpload(req, res, core.auth.resolve(bearer(req, url)));
        } else if (path.startsWith('/media/')) {
          const session = core.auth.resolve(bearer(req, url));
          handleMedia(req, res, session, decodeURIComponent(path.slice('/media/'.length)));
        } else {
          handleStatic(req, res, url);
        }
      } catch (error) {
        if (res.headersSent) res.destroy();
        else sendError(res, error);
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of openStreams) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export const RENDERER_DIR_NAME = join('out', 'renderer');
