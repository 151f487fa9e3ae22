import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Agent, request } from 'node:https';
import { connect, type PeerCertificate } from 'node:tls';
import type { Readable } from 'node:stream';
import { everythingChanged, type ChangeEvent } from '../../shared/api';
import { DESKTOP_USER_AGENT } from '../../shared/domain/signedInSession';
import { AppError, isErrorBody, type Envelope } from '../../shared/errors';
import { SCHEMA_HEADER } from '../host/requestHandler';

/** What a desktop remembers about the team workspace it joined (the token is kept apart). */
export interface JoinedServer {
  /** https://host:port */
  readonly url: string;
  /** The certificate confirmed by the user, PEM: trusted for this server and nothing else. */
  readonly certificate: string;
  readonly fingerprint: string;
}

export interface ServerIdentity {
  readonly fingerprint: string;
  readonly certificate: string;
  readonly names: readonly string[];
  readonly schemaVersion: number | null;
}

/** Connection state, for the bar that says the server cannot be reached. */
export type ConnectionState = 'online' | 'offline';

const REQUEST_TIMEOUT_MS = 30_000;

function pemOf(cert: PeerCertificate): string {
  const base64 = cert.raw
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n');
  return `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`;
}

function parseServerUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`);
  } catch {
    throw new AppError('VALIDATION', 'That is not a server address.', { url: 'Not an address' });
  }
  if (parsed.protocol !== 'https:')
    throw new AppError('VALIDATION', 'A team server is reached over https only.', {
      url: 'Use https://',
    });
  return parsed;
}

/**
 * The first contact with a server: its certificate, read without trusting it, for the user to
 * compare its fingerprint with the one the server printed (or the colleague who runs it read
 * out). Nothing else is sent until they confirm.
 */
export function probeServer(url: string): Promise<ServerIdentity> {
  const target = parseServerUrl(url);
  return new Promise((resolve, reject) => {
    const socket = connect({
      host: target.hostname.replace(/^\[|\]$/g, ''),
      port: Number(target.port || 443),
      servername: /^[\d.:[\]]+$/.test(target.hostname) ? undefined : target.hostname,
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
      timeout: 10_000,
    });
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate(true);
      socket.end();
      if (!cert?.raw) return reject(new AppError('INTERNAL', 'The server sent no certificate.'));
      resolve({
        fingerprint: cert.fingerprint256,
        certificate: pemOf(cert),
        names: (cert.subjectaltname ?? '')
          .split(', ')
          .map((entry) => entry.replace(/^(DNS|IP Address):/, ''))
          .filter(Boolean),
        schemaVersion: null,
      });
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(unreachable(target.host));
    });
    socket.once('error', () => reject(unreachable(target.host)));
  });
}

function unreachable(host: string): AppError {
  return new AppError(
    'INTERNAL',
    `The team server at ${host} cannot be reached. Check the address and the network; Greenroom keeps trying.`,
  );
}

export function certificateChanged(): AppError {
  return new AppError(
    'FORBIDDEN',
    'The team server’s certificate has changed since you joined. Do not continue unless whoever runs it confirms the new fingerprint; then join again.',
    { certificate: 'Changed' },
  );
}

/**
 * The desktop app's side of a team workspace, in plain Node: the renderer's calls, uploads,
 * media and events carried to the team server over HTTPS, trusting only the certificate the
 * user confirmed. A remote implementation of the same dispatch the router has, so the renderer
 * and its bridge do not know the difference.
 */
export function createRemoteClient(
  server: JoinedServer,
  options: { schemaVersion: number; onState?: (state: ConnectionState) => void },
) {
  const base = parseServerUrl(server.url);
  const pinned = server.fingerprint.toUpperCase();
  const agent = new Agent({
    keepAlive: true,
    ca: server.certificate,
    // The certificate was confirmed by its fingerprint: that, not a name, is what is checked.
    checkServerIdentity: (_host, cert) =>
      cert.fingerprint256?.toUpperCase() === pinned ? undefined : certificateChanged(),
  });
  let state: ConnectionState = 'online';
  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    options.onState?.(next);
  };

  function send(
    method: string,
    path: string,
    headers: Record<string, string | number>,
    body?: Buffer | Readable,
  ): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const req = request(
        new URL(path, base),
        {
          method,
          agent,
          headers: {
            [SCHEMA_HEADER]: String(options.schemaVersion),
            // The server's list of sessions calls this one "Greenroom desktop".
            'User-Agent': DESKTOP_USER_AGENT,
            ...headers,
          },
          timeout: REQUEST_TIMEOUT_MS,
        },
        (res) => {
          setState('online');
          resolve(res);
        },
      );
      req.once('timeout', () => req.destroy(unreachable(base.host)));
      req.once('error', (error: Error & { code?: string }) => {
        if (error instanceof AppError && error.fields?.certificate) return reject(error);
        if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(error.code ?? '')) {
          return reject(certificateChanged());
        }
        setState('offline');
        reject(unreachable(base.host));
      });
      if (body && 'pipe' in body) body.pipe(req);
      else req.end(body);
    });
  }

  async function readEnvelope(res: IncomingMessage): Promise<Envelope<unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    try {
      const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Envelope<unknown>;
      if (parsed.ok === true || (parsed.ok === false && isErrorBody(parsed.error))) return parsed;
    } catch {
      // Fall through: not one of our answers.
    }
    return {
      ok: false,
      error: { code: 'INTERNAL', message: `The team server answered ${res.statusCode}.` },
    };
  }

  const auth = (token: string | null): Record<string, string> =>
    token ? { Authorization: `Bearer ${token}` } : {};

  return {
    get state(): ConnectionState {
      return state;
    },

    /** A channel call, answered with the server's envelope (or a typed error when unreachable). */
    async dispatch(
      channel: string,
      input: unknown,
      token: string | null,
    ): Promise<Envelope<unknown>> {
      try {
        const body = Buffer.from(JSON.stringify(input ?? {}));
        const res = await send(
          'POST',
          `/api/${encodeURIComponent(channel)}`,
          { 'Content-Type': 'application/json', 'Content-Length': body.length, ...auth(token) },
          body,
        );
        return await readEnvelope(res);
      } catch (error) {
        return {
          ok: false,
          error: (error instanceof AppError ? error : unreachable(base.host)).toBody(),
        };
      }
    },

    /** Streams a picked or dropped file to the server's staging; returns its file token. */
    async upload(token: string, fileName: string, body: Readable, size?: number): Promise<string> {
      const res = await send(
        'POST',
        '/upload',
        {
          'Content-Type': 'application/octet-stream',
          'x-file-name': encodeURIComponent(fileName),
          ...(size === undefined ? {} : { 'Content-Length': size }),
          ...auth(token),
        },
        body,
      );
      const envelope = await readEnvelope(res);
      if (!envelope.ok) throw AppError.fromBody(envelope.error);
      return (envelope.data as { file: string }).file;
    },

    /**
     * A stored file, with the caller's Range passed through (the player streams by ranges). A
     * window's media URL carries a ticket from the server (media.ticket), passed on as it is.
     */
    async media(
      token: string | null,
      id: string,
      range?: string,
      ticket?: string,
    ): Promise<IncomingMessage> {
      const query = ticket ? `?ticket=${encodeURIComponent(ticket)}` : '';
      return send('GET', `/media/${encodeURIComponent(id)}${query}`, {
        ...auth(token),
        ...(range ? { Range: range } : {}),
      });
    },

    /**
     * Change events for this session. A dropped stream reconnects by itself with a growing
     * pause; when it is back, every entity is reported changed so what is on screen refetches
     * (the changes made meanwhile were missed). Returns the function that stops listening.
     */
    events(token: string, listener: (event: ChangeEvent) => void): () => void {
      let stopped = false;
      let current: IncomingMessage | null = null;
      let retryMs = 500;
      let dropped = false;
      let timer: NodeJS.Timeout | undefined;
      const open = async () => {
        if (stopped) return;
        try {
          const res = await send('GET', '/api/events', {
            Accept: 'text/event-stream',
            ...auth(token),
          });
          if (res.statusCode !== 200) {
            res.resume();
            // A session that ended is not retried: the renderer learns it from its next call.
            if (res.statusCode === 401) return;
            throw new Error(`events answered ${res.statusCode}`);
          }
          current = res;
          retryMs = 500;
          if (dropped) for (const event of everythingChanged()) listener(event);
          let buffer = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buffer += chunk;
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const message = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const kind = /^event: (.*)$/m.exec(message)?.[1];
              const data = /^data: (.*)$/m.exec(message)?.[1];
              if (kind === 'change' && data) listener(JSON.parse(data) as ChangeEvent);
            }
          });
          res.once('close', () => {
            current = null;
            retry();
          });
        } catch {
          retry();
        }
      };
      const retry = () => {
        if (stopped) return;
        dropped = true;
        clearTimeout(timer);
        timer = setTimeout(() => void open(), retryMs);
        retryMs = Math.min(retryMs * 2, 15_000);
      };
      void open();
      return () => {
        stopped = true;
        clearTimeout(timer);
        current?.destroy();
      };
    },

    close(): void {
      agent.destroy();
    },
  };
}

export type RemoteClient = ReturnType<typeof createRemoteClient>;

/** The fingerprint in the form servers print it, for comparing what a user typed. */
export function normalizeFingerprint(value: string): string {
  const hex = value.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return hex.match(/.{2}/g)?.join(':') ?? '';
}

/** SHA-256 fingerprint of a PEM certificate, as Node prints fingerprint256. */
export function pemFingerprint(pem: string): string {
  const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  return normalizeFingerprint(createHash('sha256').update(der).digest('hex'));
}
