import { isIPv6, type Socket } from 'node:net';
import { createSecureServer, type Http2SecureServer } from 'node:http2';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../core';
import { appliedMigrationCount } from '../db/migrationState';
import { createRequestHandler, type RequestLogLine } from '../host/requestHandler';
import type { ServerCertificate } from './certificate';

export interface TeamServerOptions {
  readonly core: Core;
  readonly rendererDir: string;
  readonly host: string;
  readonly port: number;
  readonly certificate: ServerCertificate;
  readonly log?: (line: RequestLogLine) => void;
}

export interface TeamServer {
  /** The address to give colleagues (the first certificate name, or the listening host). */
  readonly url: string;
  readonly port: number;
  readonly fingerprint: string;
  readonly schemaVersion: number;
  /** Stops taking connections, lets requests in flight finish, ends event streams. */
  close(graceMs?: number): Promise<void>;
}

/** How a name appears in a Host header and a URL: IPv6 in brackets, compressed, lower case. */
export function hostForm(name: string): string {
  return isIPv6(name) ? new URL(`http://[${name}]/`).hostname : name.toLowerCase();
}

/**
 * The team server: the same core and routes as the web host, over HTTPS (HTTP/2, and HTTP/1.1
 * for clients without it), answering only to the certificate's names and addresses.
 */
export async function startTeamServer(options: TeamServerOptions): Promise<TeamServer> {
  const { core, certificate } = options;
  const schemaVersion = appliedMigrationCount(core.sqlite);
  let port = options.port;
  const hosts = () => {
    const names = certificate.names.map(hostForm);
    return new Set(names.flatMap((name) => [`${name}:${port}`, ...(port === 443 ? [name] : [])]));
  };
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();
  const handler = createRequestHandler({
    core,
    rendererDir: options.rendererDir,
    allowedHosts: () => allowedHosts,
    allowedOrigins: () => allowedOrigins,
    schemaVersion,
    log: options.log,
  });

  let inFlight = 0;
  let drained: (() => void) | null = null;
  const tls: Http2SecureServer = createSecureServer(
    { cert: certificate.cert, key: certificate.key, allowHTTP1: true, minVersion: 'TLSv1.2' },
    (req, res) => {
      inFlight += 1;
      res.once('close', () => {
        inFlight -= 1;
        if (inFlight === 0) drained?.();
      });
      handler.handle(req as unknown as IncomingMessage, res as unknown as ServerResponse);
    },
  );

  const sockets = new Set<Socket>();
  tls.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // Plain HTTP sent to this port fails the handshake and the connection closes: nothing is
  // served unencrypted. The log says why, for whoever wonders at the client's error.
  tls.on('tlsClientError', (error: Error & { code?: string }, socket) => {
    if (error.code === 'ERR_SSL_HTTP_REQUEST' || /http request/i.test(error.message))
      console.error(
        JSON.stringify({
          event: 'plainHttpRefused',
          client: socket.remoteAddress ?? 'unknown',
          hint: 'this server speaks HTTPS only',
        }),
      );
  });

  await new Promise<void>((resolve, reject) => {
    tls.once('error', reject);
    tls.listen(options.port, options.host, () => resolve());
  });
  port = (tls.address() as { port: number }).port;
  allowedHosts = hosts();
  allowedOrigins = new Set([...allowedHosts].map((host) => `https://${host}`));
  const shown = hostForm(certificate.names.find((n) => n !== 'localhost') ?? options.host);

  return {
    url: `https://${shown}:${port}`,
    port,
    fingerprint: certificate.fingerprint,
    schemaVersion,
    async close(graceMs = 10_000) {
      tls.close();
      handler.closeStreams();
      handler.dispose();
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          drained = resolve;
          setTimeout(resolve, graceMs).unref();
        });
      }
      for (const socket of sockets) socket.destroy();
    },
  };
}
