import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FEED_PATH_PREFIX, FEED_PATH_SUFFIX } from '../../shared/domain/calendarFeed';
import { AppError, HTTP_STATUS, type Envelope } from '../../shared/errors';
import type { Core } from '../core';
import { toAppError } from '../ipc/router';
import type { Session } from '../services/kernel/session';
import { confine, contentTypeOf } from './staticFiles';

const MAX_JSON_BYTES = 2 * 1024 * 1024;
const HEARTBEAT_MS = 20_000;
/** Open event streams are checked this often for sessions that ended by idling or by age. */
const STREAM_CHECK_MS = 30_000;
/** After refusing an upload mid-stream, this much more is read (and dropped) so the client
 *  can read the answer; past it the connection is closed. */
const DRAIN_AFTER_REFUSAL_BYTES = 64 * 1024 * 1024;

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "media-src 'self' blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
};

/** Content types a browser may send cross-site without asking first (CORS "simple" types). */
const SIMPLE_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
];

/** One line per request: no bodies, no tokens, no query strings (tickets live there). */
export interface RequestLogLine {
  readonly at: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly ms: number;
  readonly client: string;
  readonly user?: string;
}

export interface RequestHandlerOptions {
  readonly core: Core;
  /** The built renderer (out/renderer). */
  readonly rendererDir: string;
  /** Host header values this server answers to (DNS rebinding defence). */
  readonly allowedHosts: () => ReadonlySet<string>;
  /** Origins allowed to call: the server's own. Requests with no Origin (not a browser) pass. */
  readonly allowedOrigins: () => ReadonlySet<string>;
  readonly log?: (line: RequestLogLine) => void;
  /**
   * The team server's schema version: served at GET /healthz, and a desktop client that says
   * it runs another one (X-Greenroom-Schema) is told to update instead of half working.
   */
  readonly schemaVersion?: number;
}

export const SCHEMA_HEADER = 'x-greenroom-schema';

/** A call's target that is its own path: `/api/` and one segment without `?`, `#`, `/` or `.`-only names. */
const API_CALL = /^\/api\/(?!\.{1,2}$)[^/?#]+$/;

/** An error answered with an HTTP status other than its code's usual one (413, 415). */
class HttpError extends AppError {
  constructor(
    readonly status: number,
    code: AppError['code'],
    message: string,
    fields?: Record<string, string>,
  ) {
    super(code, message, fields);
  }
}

/** Every JSON reply's headers, built once: a reply only adds its length. */
const JSON_HEADERS = Object.freeze({
  ...SECURITY_HEADERS,
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
});

function send(res: ServerResponse, status: number, body: unknown, extra = {}): void {
  // One buffer with its length: no chunked framing, one write.
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, { ...JSON_HEADERS, 'Content-Length': bytes.length, ...extra });
  res.end(bytes);
}

function sendEnvelope(res: ServerResponse, envelope: Envelope<unknown>): void {
  send(res, envelope.ok ? 200 : HTTP_STATUS[envelope.error.code], envelope);
}

function sendError(res: ServerResponse, error: unknown): void {
  const appError = toAppError(error);
  const status = error instanceof HttpError ? error.status : HTTP_STATUS[appError.code];
  send(res, status, { ok: false, error: appError.toBody() });
}

/** The path as logged: never a query (tickets) nor a feed's token (the credential). */
function loggedPath(target: string): string {
  const path = target.split('?')[0]!.slice(0, 200);
  return path.startsWith(FEED_PATH_PREFIX) ? `${FEED_PATH_PREFIX}…${FEED_PATH_SUFFIX}` : path;
}

/** Percent-decoding that answers a typed 400 instead of throwing URIError. */
export function decodeOrRefuse(value: string, what: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    throw new AppError('VALIDATION', `The ${what} is not valid percent-encoding.`);
  }
  if (decoded.includes('\0'))
    throw new AppError('VALIDATION', `The ${what} contains a NUL character.`);
  return decoded;
}

function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  return null;
}

/** The body of a JSON call, refused past MAX_JSON_BYTES (declared or streamed). */
function readJson(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_JSON_BYTES)
    return Promise.reject(new HttpError(413, 'VALIDATION', 'The request is too large.'));
  // Plain events rather than an async iterator: a call's body is one small chunk, and the
  // iterator's promises per chunk were a measurable part of a call's cost.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_JSON_BYTES) {
        req.off('data', onData);
        req.resume();
        reject(new HttpError(413, 'VALIDATION', 'The request is too large.'));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('error', reject);
    req.once('end', () => {
      if (size > MAX_JSON_BYTES) return;
      if (size === 0) return resolve({});
      try {
        const text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8');
        resolve(JSON.parse(text));
      } catch {
        reject(new AppError('VALIDATION', 'The request body is not valid JSON.'));
      }
    });
  });
}

interface OpenStream {
  readonly tokenHash: string;
  end(): void;
}

/**
 * The routes of the web host and the team server, on any Node HTTP server: the built renderer,
 * POST /api/<channel>, GET /api/events (SSE), POST /upload and GET /media/<id>. Every request
 * passes the Host and Origin checks first; tokens travel only in the Authorization header, or
 * as a ticket for one file or stream where a header cannot be sent.
 */
export function createRequestHandler(options: RequestHandlerOptions) {
  const { core, rendererDir } = options;
  const streams = new Set<OpenStream>();

  /** Ends every open stream whose session has ended (logout, password change, deactivation,
   *  idle or absolute expiry), without counting the check as activity. */
  function checkStreams(): void {
    for (const stream of streams) {
      try {
        core.auth.resolveHash(stream.tokenHash, { touch: false });
      } catch {
        stream.end();
      }
    }
  }
  const stopWatching = core.onSessionsChanged(checkStreams);
  const streamTimer = setInterval(checkStreams, STREAM_CHECK_MS);
  streamTimer.unref();

  /** The session behind the Authorization header or, where none can be sent, a ticket. */
  function sessionOf(req: IncomingMessage, redeemTicket: () => string): Session {
    const token = bearer(req);
    return token ? core.auth.resolve(token) : core.auth.resolveHash(redeemTicket());
  }

  function assertOrigin(req: IncomingMessage): void {
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    if ((origin && !options.allowedOrigins().has(origin)) || site === 'cross-site')
      throw new AppError('FORBIDDEN', 'Requests from other sites are not accepted.');
  }

  function assertSameSchema(req: IncomingMessage): void {
    const theirs = req.headers[SCHEMA_HEADER];
    if (options.schemaVersion === undefined || theirs === undefined) return;
    const version = Number(theirs);
    if (version === options.schemaVersion) return;
    throw new HttpError(
      426,
      'CONFLICT',
      version < options.schemaVersion
        ? 'This team workspace runs a newer Greenroom. Update Greenroom on this computer to keep working with it.'
        : 'This team workspace runs an older Greenroom than this computer. Ask whoever runs it to update it.',
      { schemaVersion: String(options.schemaVersion) },
    );
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string) {
    if (req.method !== 'POST') throw new AppError('NOT_FOUND', 'Use POST for /api calls.');
    assertSameSchema(req);
    if (mediaType(req) !== 'application/json')
      throw new HttpError(415, 'VALIDATION', 'Send /api calls as application/json.');
    const channel = decodeOrRefuse(path.slice('/api/'.length), 'channel name');
    const input = await readJson(req);
    const reply = await core.dispatch(channel, input, bearer(req), {
      clientAddress: req.socket.remoteAddress ?? 'unknown',
      userAgent: req.headers['user-agent']?.slice(0, 200),
    });
    sendEnvelope(res, reply.envelope);
    return reply.session;
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, url: URL): Session {
    if (req.method !== 'GET') throw new AppError('NOT_FOUND', 'Use GET for /api/events.');
    const session = sessionOf(req, () => core.tickets.redeemEvents(url.searchParams.get('ticket')));
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      // HTTP/2 forbids connection headers; its streams stay open anyway.
      ...(req.httpVersionMajor < 2 ? { Connection: 'keep-alive' } : {}),
    });
    res.write('retry: 1000\n\n');
    const unsubscribe = core.subscribe(session, (event) => {
      res.write(`event: change\ndata: ${JSON.stringify(event)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const stream: OpenStream = {
      tokenHash: session.tokenHash,
      end: () => {
        cleanup();
        res.end('event: ended\ndata: {}\n\n');
      },
    };
    function cleanup(): void {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(stream);
    }
    streams.add(stream);
    req.on('close', cleanup);
    return session;
  }

  async function handleUpload(req: IncomingMessage, res: ServerResponse): Promise<Session> {
    if (req.method !== 'POST') throw new AppError('NOT_FOUND', 'Use POST to upload.');
    const type = mediaType(req);
    if (!type || SIMPLE_CONTENT_TYPES.includes(type))
      throw new HttpError(415, 'VALIDATION', 'Send uploads as a binary type.');
    const session = core.auth.resolve(bearer(req));
    const declared = Number(req.headers['content-length'] ?? 0);
    try {
      core.staging.assertRoom(session.user.id, Number.isFinite(declared) ? declared : 0);
    } catch (error) {
      throw error instanceof AppError
        ? new HttpError(413, error.code, error.message, error.fields)
        : error;
    }
    const name = decodeOrRefuse(String(req.headers['x-file-name'] ?? 'upload'), 'file name');
    try {
      const file = await core.staging.fromStream(session.user.id, name, req);
      send(res, 200, { ok: true, data: { file } });
    } catch (error) {
      if (!(error instanceof AppError) || error.fields?.file !== 'Too large') throw error;
      // Refused mid-stream: answer, and read a little more so the client sees the answer.
      send(
        res,
        413,
        { ok: false, error: error.toBody() },
        req.httpVersionMajor < 2 ? { Connection: 'close' } : {},
      );
      let drained = 0;
      req.on('data', (chunk: Buffer) => {
        drained += chunk.length;
        if (drained > DRAIN_AFTER_REFUSAL_BYTES) req.destroy();
      });
      req.resume();
    }
    return session;
  }

  function handleMedia(req: IncomingMessage, res: ServerResponse, url: URL, id: string): Session {
    const session = sessionOf(req, () =>
      core.tickets.redeemMedia(url.searchParams.get('ticket'), id),
    );
    const stored = core.mediaAccess.open(session, id);
    const size = statSync(stored.path).size;
    // Audio and images are read again while a screen is open; documents are not kept.
    const keep = /^(audio|image)\//.test(stored.contentType);
    const headers = {
      ...SECURITY_HEADERS,
      'Content-Type': stored.contentType,
      'Accept-Ranges': 'bytes',
      'Cache-Control': keep ? 'private, max-age=3600' : 'no-store',
      'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(stored.fileName)}`,
    };
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (req.headers.range && range && (range[1] || range[2])) {
      const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      if (start >= size || start > end) {
        res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` });
        res.end();
        return session;
      }
      res.writeHead(206, {
        ...headers,
        'Content-Range': `bytes ${start}-${end}/${size}`,
        'Content-Length': end - start + 1,
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(stored.path, { start, end }).pipe(res);
      return session;
    }
    res.writeHead(200, { ...headers, 'Content-Length': size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(stored.path).pipe(res);
    return session;
  }

  /**
   * GET or HEAD /feeds/<token>.ics: a calendar app's subscription. The token in the path is the
   * credential (calendar apps send no Authorization header); an unknown, revoked or no longer
   * readable feed is a 404 like any missing page. Not a session: fetching it keeps none alive.
   */
  function handleFeed(req: IncomingMessage, res: ServerResponse, path: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      throw new AppError('NOT_FOUND', 'Use GET for calendar feeds.');
    const name = path.slice(FEED_PATH_PREFIX.length);
    if (!name.endsWith(FEED_PATH_SUFFIX))
      throw new AppError('NOT_FOUND', 'There is no such calendar feed.');
    const feed = core.feeds.render(name.slice(0, -FEED_PATH_SUFFIX.length));
    const body = Buffer.from(feed.text, 'utf8');
    // Calendar apps poll: an unchanged feed is answered 304 without its body.
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const headers = {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/calendar; charset=utf-8',
      // Short, and private: a revoked feed stops within minutes even behind a cache.
      'Cache-Control': 'private, max-age=300',
      ETag: etag,
      'Content-Disposition': `inline; filename="${feed.fileName}"`,
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, path: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      throw new AppError('NOT_FOUND', 'Not found.');
    const pathname = decodeOrRefuse(path, 'address');
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

  async function route(req: IncomingMessage, res: ServerResponse): Promise<Session | null> {
    // HTTP/2 names the host in :authority; HTTP/1.1 in Host.
    const host = req.headers.host ?? (req.headers[':authority'] as string | undefined) ?? '';
    if (!options.allowedHosts().has(host.toLowerCase())) {
      throw new AppError('FORBIDDEN', 'Unknown host.');
    }
    assertOrigin(req);
    // Only the path and query are read from the target, never a host from it ('//x', a full
    // URL): they are parsed against a fixed base.
    const target = req.url ?? '/';
    if (!target.startsWith('/')) throw new AppError('VALIDATION', 'The address is not valid.');
    // The hot path, a call: `/api/<channel>` has no query, dot segment or second slash to
    // resolve, so it needs no URL parsing (the channel is still percent-decoded and checked).
    if (API_CALL.test(target) && target !== '/api/events') return handleApi(req, res, target);
    let url: URL;
    try {
      url = new URL(`http://host.invalid${target}`);
    } catch {
      throw new AppError('VALIDATION', 'The address is not valid.');
    }
    const path = url.pathname;
    if (path === '/healthz' && options.schemaVersion !== undefined) {
      send(res, 200, { ok: true, data: { status: 'ok', schemaVersion: options.schemaVersion } });
      return null;
    }
    if (path === '/api/events') return handleEvents(req, res, url);
    if (path.startsWith('/api/')) return handleApi(req, res, path);
    if (path === '/upload') return handleUpload(req, res);
    if (path.startsWith('/media/'))
      return handleMedia(req, res, url, decodeOrRefuse(path.slice('/media/'.length), 'file id'));
    if (path.startsWith(FEED_PATH_PREFIX)) {
      handleFeed(req, res, path);
      return null;
    }
    handleStatic(req, res, path);
    return null;
  }

  return {
    handle(req: IncomingMessage, res: ServerResponse): void {
      const started = performance.now();
      const client = req.socket.remoteAddress ?? 'unknown';
      let user: string | undefined;
      if (options.log) {
        res.once('finish', () =>
          options.log!({
            at: new Date().toISOString(),
            method: req.method ?? '',
            path: loggedPath(req.url ?? ''),
            status: res.statusCode,
            ms: Math.round((performance.now() - started) * 10) / 10,
            client,
            ...(user ? { user } : {}),
          }),
        );
      }
      route(req, res).then(
        (session) => {
          user = session?.user.username;
        },
        (error: unknown) => {
          if (res.headersSent) res.destroy();
          else sendError(res, error);
        },
      );
    },
    /** Open event streams (the team server's health and its graceful stop read it). */
    get openStreams(): number {
      return streams.size;
    },
    /** Ends every open event stream (a stopping server). */
    closeStreams(): void {
      for (const stream of streams) stream.end();
    },
    dispose(): void {
      stopWatching();
      clearInterval(streamTimer);
    },
  };
}

export type RequestHandler = ReturnType<typeof createRequestHandler>;
