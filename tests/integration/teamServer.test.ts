import { readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { request } from 'node:https';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../src/shared/api';
import type { Envelope } from '../../src/shared/errors';
import {
  createRemoteClient,
  pemFingerprint,
  probeServer,
  type RemoteClient,
} from '../../src/main/team/remoteClient';
import { wavBytes } from '../support/files';
import { startTeamServerProcess, type RunningTeamServer } from '../support/teamServerProcess';
import { PASSWORD, tempDir } from '../support/testCore';

// The desktop join path: the remote dispatch in main, against a real team server process over
// TLS, as a second workstation would use it.

let dir: string;
let server: RunningTeamServer;
let remote: RemoteClient;
let certificate: string;
let owner: string;

async function call<T = unknown>(channel: string, input: unknown, token: string | null = owner) {
  const envelope = await remote.dispatch(channel, input, token);
  if (!envelope.ok) throw new Error(`${channel}: ${JSON.stringify(envelope.error)}`);
  return envelope.data as T;
}

function clientFor(s: RunningTeamServer, cert = certificate, fingerprint = s.fingerprint) {
  return createRemoteClient(
    { url: s.url, certificate: cert, fingerprint },
    { schemaVersion: s.schemaVersion },
  );
}

beforeAll(async () => {
  dir = tempDir('team-');
  server = await startTeamServerProcess(dir);
  const identity = await probeServer(server.url);
  certificate = identity.certificate;
  expect(identity.fingerprint).toBe(server.fingerprint);
  remote = clientFor(server);
  await call('setup.createOwner', {
    username: 'owner',
    email: 'owner@example.com',
    fullName: 'Olive Owner',
    password: PASSWORD,
  });
  owner = (await call<{ token: string }>('auth.login', { username: 'owner', password: PASSWORD }))
    .token;
}, 60_000);

afterAll(async () => {
  remote?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the team server', () => {
  it('keeps its certificate across restarts and answers /healthz without a session', async () => {
    expect(pemFingerprint(readFileSync(join(dir, 'tls', 'server.crt'), 'utf8'))).toBe(
      server.fingerprint,
    );
    const health = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${server.url}/healthz`,
        { ca: certificate, checkServerIdentity: () => undefined },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body).data).toEqual({
      status: 'ok',
      schemaVersion: server.schemaVersion,
    });
  });

  it('refuses plain HTTP on its port: nothing is served unencrypted', async () => {
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () =>
        socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString('latin1')));
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    expect(answer).not.toContain('schemaVersion');
    expect(answer).not.toMatch(/^HTTP\/1\.1 200/);
  });

  it('tells a client on another schema version to update', async () => {
    const older = createRemoteClient(
      { url: server.url, certificate, fingerprint: server.fingerprint },
      { schemaVersion: server.schemaVersion - 1 },
    );
    const reply = await older.dispatch('setup.status', {}, null);
    older.close();
    expect(reply).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!reply.ok && reply.error.message).toMatch(/Update Greenroom/);
  });

  it('logs one line per request, with no token or body', async () => {
    await call('auth.me', {});
    const requests = () => server.lines.filter((line) => line.path === '/api/auth.me');
    await waitFor(() => requests().length > 0, 5_000);
    expect(requests().at(-1)).toMatchObject({ method: 'POST', status: 200, user: 'owner' });
    expect(JSON.stringify(server.lines)).not.toContain(owner);
  });
});

describe('channels through the remote dispatch', () => {
  it('create, read, a stale edit and a bad input answer as they do in-process', async () => {
    const talent = await call<{ id: string; version: number }>('talents.create', {
      stageName: 'Remote Rae',
      fullName: 'Rae Remote',
      talentType: 'dancer',
    });
    const list = await call<{ items: { id: string }[] }>('talents.list', { q: 'Remote' });
    expect(list.items.map((item) => item.id)).toContain(talent.id);
    await call('talents.update', {
      id: talent.id,
      version: talent.version,
      patch: { notes: 'first' },
    });
    const stale = await remote.dispatch(
      'talents.update',
      { id: talent.id, version: talent.version, patch: { notes: 'second' } },
      owner,
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const bad = await remote.dispatch('talents.create', { stageName: '' }, owner);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const anonymous = await remote.dispatch('talents.list', {}, null);
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('uploads a file, imports it as a demo and streams it back by range', async () => {
    const audio = wavBytes(1, { sampleRate: 8000 });
    const file = await remote.upload(owner, 'clip 夜.wav', Readable.from([audio]), audio.length);
    const artist = await call<{ id: string }>('artists.create', {
      artistName: 'Remote Tides',
      genre: 'pop',
    });
    const demo = await call<{ audioUrl: string }>('demos.import', {
      artist: artist.id,
      title: 'Clip',
      submissionSource: 'email',
      file,
    });
    const res = await remote.media(owner, demo.audioUrl.slice('media:'.length), 'bytes=100-199');
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    expect(res.statusCode).toBe(206);
    expect(Buffer.concat(chunks).equals(audio.subarray(100, 200))).toBe(true);
  });

  it('delivers another desk’s change within a second, and clash-checks holds across desks', async () => {
    await call('users.create', {
      username: 'desk2',
      email: 'desk2@example.com',
      fullName: 'Second Desk',
      password: PASSWORD,
      role: 'admin',
    });
    const second = clientFor(server);
    const login = await second.dispatch(
      'auth.login',
      { username: 'desk2', password: PASSWORD },
      null,
    );
    if (!login.ok) throw new Error(login.error.message);
    const desk2 = (login.data as { token: string }).token;
    const seen: ChangeEvent[] = [];
    const stop = second.events(desk2, (event) => seen.push(event));
    // The stream is open once a first change reaches it.
    const talent = await call<{ id: string }>('talents.create', {
      stageName: 'Clash Cleo',
      fullName: 'Cleo Clash',
      talentType: 'actor',
    });
    await waitFor(() => seen.some((e) => e.id === talent.id), 5_000);
    const start = '2027-03-01T10:00:00.000Z';
    const end = '2027-03-01T12:00:00.000Z';
    const created = Date.now();
    const hold = await call<{ id: string }>('bookings.create', {
      talentProfile: talent.id,
      clientName: 'Aurora Films',
      projectName: 'Night Swim',
      startDateTime: start,
      endDateTime: end,
      timezone: 'Europe/London',
    });
    await waitFor(() => seen.some((e) => e.entity === 'bookings' && e.id === hold.id), 1_000);
    expect(Date.now() - created).toBeLessThan(1_000);

    // Two desks confirm overlapping bookings for the same talent at the same moment.
    const other = (await second.dispatch(
      'bookings.create',
      {
        talentProfile: talent.id,
        clientName: 'Blue Label',
        projectName: 'Campaign',
        startDateTime: '2027-03-01T11:00:00.000Z',
        endDateTime: '2027-03-01T13:00:00.000Z',
        timezone: 'Europe/London',
      },
      desk2,
    )) as Envelope<{ id: string; holdRank: number }>;
    expect(other.ok).toBe(true);
    const otherId = other.ok ? other.data.id : '';
    const [a, b] = await Promise.all([
      remote.dispatch('bookings.confirm', { id: hold.id }, owner),
      second.dispatch('bookings.confirm', { id: otherId, releaseAhead: true }, desk2),
    ]);
    const outcomes = [a, b].map((reply) => (reply.ok ? 'ok' : reply.error.code)).sort();
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    const refused = [a, b].find((reply) => !reply.ok);
    expect(refused && !refused.ok && refused.error.code).toMatch(/CONFLICT|VALIDATION/);
    stop();
    second.close();
  });
});

describe('faults', () => {
  it('refuses a server whose certificate changed, with a clear warning', async () => {
    const other = await startTeamServerProcess(tempDir('team-other-'));
    const pinnedToFirst = createRemoteClient(
      { url: other.url, certificate, fingerprint: server.fingerprint },
      { schemaVersion: other.schemaVersion },
    );
    const reply = await pinnedToFirst.dispatch('setup.status', {}, null);
    pinnedToFirst.close();
    await other.stop();
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', fields: { certificate: 'Changed' } },
    });
  }, 60_000);

  it('keeps every acknowledged write through a kill, and clients carry on after the restart', async () => {
    const acknowledged: string[] = [];
    const writes = (async () => {
      for (let i = 0; i < 200; i += 1) {
        const reply = await remote.dispatch(
          'artists.create',
          { artistName: `Crash ${i}`, genre: 'rock' },
          owner,
        );
        if (reply.ok) acknowledged.push((reply.data as { id: string }).id);
        else if (reply.error.code === 'INTERNAL') break;
      }
    })();
    await waitFor(() => acknowledged.length >= 5, 10_000);
    await server.stop('SIGKILL');
    await writes;
    expect(remote.state).toBe('offline');
    const fingerprint = server.fingerprint;
    server = await startTeamServerProcess(dir, { port: server.port });
    expect(server.fingerprint).toBe(fingerprint);
    const after = await remote.dispatch('artists.list', { limit: 100, q: 'Crash' }, owner);
    expect(after.ok).toBe(true);
    expect(remote.state).toBe('online');
    const all = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await call<{ items: { id: string }[]; nextCursor: string | null }>(
        'artists.list',
        { limit: 100, q: 'Crash', ...(cursor ? { cursor } : {}) },
      );
      for (const item of page.items) all.add(item.id);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    for (const id of acknowledged) expect(all.has(id), id).toBe(true);
  }, 60_000);

  it('stops gracefully on SIGTERM', async () => {
    const code = await server.stop('SIGTERM');
    expect(code).toBe(0);
    expect(server.lines.map((line) => line.event)).toContain('stopped');
    server = await startTeamServerProcess(dir, { port: server.port });
  }, 60_000);
});

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
