/**
 * Signed-in sessions over real HTTP (the web host): each sign-in is recorded with its address
 * and device, listed without any token or hash, and ended one at a time or all at once, by an
 * admin or by the person themselves; an ended session's token and event stream stop at once.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../src/main/host/server';
import type { SignedInSession } from '../../src/shared/domain/signedInSession';
import {
  createTestCore,
  PASSWORD,
  tempDir,
  withOwner,
  type Actors,
  type TestCore,
} from '../support/testCore';

const CHROME_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const SAFARI_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';

let t: TestCore;
let host: Host;
let a: Actors;

beforeEach(async () => {
  t = createTestCore();
  const rendererDir = tempDir('renderer-');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Greenroom</title>');
  host = await startHost({ core: t.core, rendererDir, port: 0 });
  a = await withOwner(t);
});
afterEach(async () => {
  await host.close();
  t.close();
});

interface Reply {
  ok: boolean;
  data?: unknown;
  error?: { code: string };
}

async function api(
  channel: string,
  body: unknown,
  token: string | null,
  userAgent?: string,
): Promise<Reply> {
  const response = await fetch(`${host.url}/api/${channel}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(userAgent ? { 'User-Agent': userAgent } : {}),
    },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Reply;
}

async function signIn(username: string, userAgent: string): Promise<string> {
  const reply = await api('auth.login', { username, password: PASSWORD }, null, userAgent);
  expect(reply.ok, JSON.stringify(reply)).toBe(true);
  return (reply.data as { token: string }).token;
}

async function sessionsOf(token: string, user?: string): Promise<SignedInSession[]> {
  const reply = await api('sessions.list', user ? { user } : {}, token);
  expect(reply.ok, JSON.stringify(reply)).toBe(true);
  return (reply.data as { items: SignedInSession[] }).items;
}

async function openStream(token: string) {
  const { ticket } = (await api('events.ticket', {}, token)).data as { ticket: string };
  const response = await fetch(`${host.url}/api/events?ticket=${ticket}`);
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  /** What the stream said by the time the server ended it (wrapped: awaiting openStream must
   *  not wait for the end). */
  const ended = (async () => {
    let text = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return text;
      text += new TextDecoder().decode(value);
    }
  })();
  return { ended };
}

describe('sessions', () => {
  it('records where and with what each sign-in happened, and lists it without its token', async () => {
    const lena = await a.user('lena', 'legal');
    const laptop = await signIn('lena', CHROME_LINUX);
    await signIn('lena', SAFARI_MAC);

    const own = await sessionsOf(laptop);
    // withOwner's sign-in went through the router directly: the desktop's own window.
    expect(own.map((s) => s.device)).toEqual([
      { kind: 'browser', browser: 'Chrome', os: 'Linux' },
      { kind: 'browser', browser: 'Safari', os: 'macOS' },
      { kind: 'desktop', browser: null, os: null },
    ]);
    expect(own[0]).toMatchObject({ current: true, clientAddress: '127.0.0.1', user: lena.id });
    expect(own.filter((s) => s.current)).toHaveLength(1);
    expect(own[1]!.clientAddress).toBe('127.0.0.1');
    expect(own[2]!.clientAddress).toBe('local');
    // The admin sees the same sessions; nobody sees a token or its hash.
    const seenByAdmin = await sessionsOf(a.owner, lena.id);
    expect(seenByAdmin.map((s) => s.id).sort()).toEqual(own.map((s) => s.id).sort());
    expect(seenByAdmin.every((s) => !s.current)).toBe(true);
    const hashes = (
      t.core.sqlite.prepare('SELECT token_hash FROM sessions').all() as { token_hash: string }[]
    ).map((r) => r.token_hash);
    const text = JSON.stringify([own, seenByAdmin]);
    for (const secret of [laptop, ...hashes]) expect(text).not.toContain(secret);
    for (const s of own)
      expect(Object.keys(s).sort()).toEqual([
        'clientAddress',
        'createdAt',
        'current',
        'device',
        'id',
        'lastSeenAt',
        'user',
      ]);
  });

  it('lets only an admin list or end someone else’s sessions', async () => {
    const lena = await a.user('lena', 'legal');
    const max = await a.user('max', 'manager');
    expect(await api('sessions.list', { user: lena.id }, max.token)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const lenas = await sessionsOf(lena.token);
    const before = t.count('sessions');
    expect(await api('sessions.revoke', { id: lenas[0]!.id }, max.token)).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    expect(await api('sessions.revoke', { user: lena.id, all: true }, max.token)).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await api('sessions.revoke', { id: 'no-such-session' }, a.owner)).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    expect(await api('sessions.revoke', { id: lenas[0]!.id, all: true }, a.owner)).toMatchObject({
      error: { code: 'VALIDATION' },
    });
    expect(await api('sessions.revoke', { all: true }, a.owner)).toMatchObject({
      error: { code: 'VALIDATION' },
    });
    expect(t.count('sessions')).toBe(before);
    expect((await api('auth.me', {}, lena.token)).ok).toBe(true);
  });

  it('an admin signs one session out: its token answers UNAUTHENTICATED and its stream ends, the others go on', async () => {
    const lena = await a.user('lena', 'legal');
    const phone = await signIn('lena', SAFARI_MAC);
    const phoneStream = await openStream(phone);
    const phoneId = (await sessionsOf(phone)).find((s) => s.current)!.id;

    expect(await api('sessions.revoke', { id: phoneId }, a.owner)).toEqual({
      ok: true,
      data: { revoked: 1 },
    });
    expect(await phoneStream.ended).toContain('event: ended');
    expect(await api('auth.me', {}, phone)).toMatchObject({
      error: { code: 'UNAUTHENTICATED' },
    });
    expect((await api('auth.me', {}, lena.token)).ok).toBe(true);
    expect((await sessionsOf(a.owner, lena.id)).map((s) => s.id)).not.toContain(phoneId);

    const audit = (await api('audit.list', { actor: a.ownerId }, a.owner)).data as {
      items: { action: string; entityId: string; changes: Record<string, unknown> }[];
    };
    expect(audit.items.find((e) => e.action === 'sessions.revoke')).toMatchObject({
      entityId: lena.id,
      changes: { session: phoneId, count: 1 },
    });
  });

  it('an admin signs a user out everywhere: every token and stream of theirs ends', async () => {
    const lena = await a.user('lena', 'legal');
    const laptop = await signIn('lena', CHROME_LINUX);
    const streams = [await openStream(lena.token), await openStream(laptop)];
    const max = await a.user('max', 'manager');
    const maxStream = await openStream(max.token);

    expect(await api('sessions.revoke', { user: lena.id, all: true }, a.owner)).toEqual({
      ok: true,
      data: { revoked: 2 },
    });
    for (const stream of streams) expect(await stream.ended).toContain('event: ended');
    for (const token of [lena.token, laptop])
      expect(await api('auth.me', {}, token)).toMatchObject({
        error: { code: 'UNAUTHENTICATED' },
      });
    expect(await sessionsOf(a.owner, lena.id)).toEqual([]);
    // Someone else's session and stream are untouched.
    expect((await api('auth.me', {}, max.token)).ok).toBe(true);
    await api(
      'talents.create',
      { stageName: 'Still Live', fullName: 'S', talentType: 'host' },
      max.token,
    );
    await api('sessions.revoke', { user: max.id, all: true }, a.owner);
    expect(await maxStream.ended).toContain('event: change');
  });

  it('a person ends their own other session, or all of their own', async () => {
    await a.user('lena', 'legal');
    const laptop = await signIn('lena', CHROME_LINUX);
    const phone = await signIn('lena', SAFARI_MAC);
    const phoneId = (await sessionsOf(phone)).find((s) => s.current)!.id;
    expect(await api('sessions.revoke', { id: phoneId }, laptop)).toMatchObject({ ok: true });
    expect(await api('auth.me', {}, phone)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect((await api('auth.me', {}, laptop)).ok).toBe(true);

    const me = (await api('auth.me', {}, laptop)).data as { user: { id: string } };
    expect(await api('sessions.revoke', { user: me.user.id, all: true }, laptop)).toEqual({
      ok: true,
      data: { revoked: 2 },
    });
    expect(await api('auth.me', {}, laptop)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('does not list sessions past their idle time', async () => {
    let now = Date.parse('2031-03-01T09:00:00.000Z');
    const c = createTestCore(undefined, { clock: () => new Date(now), idleTimeoutMs: 60 * 60_000 });
    try {
      const owner = await withOwner(c);
      const old = await owner.token('owner');
      now += 2 * 60 * 60_000;
      const fresh = await owner.token('owner');
      const listed = await c.call('sessions.list', {}, fresh);
      expect(listed.items).toHaveLength(1);
      expect(await c.raw('auth.me', {}, old)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    } finally {
      c.close();
    }
  });
});
