/**
 * Calendar feeds over real HTTP, as a calendar app subscribes: GET /feeds/<token>.ics with no
 * Authorization header, read by independent iCalendar parsers. A feed holds times, titles and
 * statuses (never rates or notes), follows its owner's read rules at each fetch, and answers 404
 * once revoked or once its owner is deactivated.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRequestHandler, type RequestLogLine } from '../../src/main/host/requestHandler';
import { startHost, type Host } from '../../src/main/host/server';
import { READERS } from '../support/icsReaders';
import {
  createTestCore,
  tempDir,
  withOwner,
  type Actors,
  type TestCore,
} from '../support/testCore';

const NOW = Date.parse('2031-05-01T08:00:00.000Z');
const RATE = 987_654;
const SECRETS = ['Fee note: 40% upfront', 'Dentist, private', String(RATE), 'EUR'];

let t: TestCore;
let host: Host;
let a: Actors;
let rendererDir: string;
let alice: { id: string; token: string };
let bob: { id: string; token: string };
let carol: { id: string; token: string };
let talentA: string;
let talentB: string;

beforeEach(async () => {
  t = createTestCore(undefined, { clock: () => new Date(NOW) });
  rendererDir = tempDir('renderer-');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Greenroom</title>');
  host = await startHost({ core: t.core, rendererDir, port: 0 });
  a = await withOwner(t);
  alice = await a.user('alice', 'manager');
  bob = await a.user('bob', 'manager');
  carol = await a.user('carol', 'coordinator', alice.id);
  talentA = (
    await t.call(
      'talents.create',
      { stageName: 'Nova Reyes', fullName: 'N', talentType: 'actor', notes: 'Talent note' },
      alice.token,
    )
  ).id;
  talentB = (
    await t.call(
      'talents.create',
      { stageName: 'Bo Team', fullName: 'B', talentType: 'host' },
      bob.token,
    )
  ).id;
  const booking = await t.call(
    'bookings.create',
    {
      talentProfile: talentA,
      clientName: 'Acme Films',
      projectName: 'Night Shoot',
      startDateTime: '2031-05-10T14:00:00.000Z',
      endDateTime: '2031-05-10T18:00:00.000Z',
      timezone: 'America/New_York',
      rate: RATE,
      currency: 'EUR',
      notes: SECRETS[0],
    },
    alice.token,
  );
  await t.call('bookings.confirm', { id: booking.id }, alice.token);
  await t.call(
    'schedule.create',
    {
      talentProfile: talentA,
      entryType: 'fitting',
      title: 'Costume fitting',
      start: '2031-05-12T09:00:00.000Z',
      end: '2031-05-12T10:00:00.000Z',
      timezone: 'Europe/London',
    },
    alice.token,
  );
  await t.call(
    'blocks.create',
    {
      talentProfile: talentA,
      start: '2031-05-20T00:00:00.000Z',
      end: '2031-05-21T00:00:00.000Z',
      timezone: 'UTC',
      kind: 'unavailable',
      note: SECRETS[1],
    },
    alice.token,
  );
  await t.call(
    'schedule.create',
    {
      talentProfile: talentB,
      entryType: 'rehearsal',
      title: 'Team B rehearsal',
      start: '2031-05-11T09:00:00.000Z',
      end: '2031-05-11T10:00:00.000Z',
      timezone: 'UTC',
    },
    bob.token,
  );
});
afterEach(async () => {
  await host.close();
  t.close();
});

/** A calendar app's fetch: no Authorization, no Origin. */
async function fetchFeed(path: string, init: RequestInit = {}) {
  const response = await fetch(`${host.url}${path}`, init);
  return { response, text: await response.text() };
}

/** The feed as each parser reads it (the python reader reads a file). */
function read(text: string) {
  const dir = tempDir('feed-');
  const file = join(dir, 'feed.ics');
  writeFileSync(file, text);
  return READERS.map((reader) => ({ name: reader.name, calendar: reader.read(file, text) }));
}

describe('calendar feeds', () => {
  it('serves a talent’s schedule to a calendar app, with no rates or notes, read alike by every parser', async () => {
    const created = await t.call('feeds.create', { talentProfile: talentA }, alice.token);
    expect(created.path).toMatch(/^\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(created.expanded.talentProfile).toEqual({ stageName: 'Nova Reyes' });
    // Only the token's SHA-256 is stored.
    const token = created.path.slice('/feeds/'.length, -'.ics'.length);
    const dump = JSON.stringify(t.core.sqlite.prepare('SELECT * FROM calendar_feeds').all());
    expect(dump).not.toContain(token);
    // The token is never shown again.
    expect(JSON.stringify(await t.call('feeds.list', {}, alice.token))).not.toContain(token);

    const sessionsBefore = t.core.sqlite.prepare('SELECT * FROM sessions ORDER BY id').all();
    const { response, text } = await fetchFeed(created.path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toMatch(/no-store|max-age=\d{1,3}\b/);
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT15M');
    for (const secret of [...SECRETS, 'Talent note']) expect(text).not.toContain(secret);
    for (const { name, calendar } of read(text)) {
      expect(calendar.events.map((e) => e.summary).sort(), name).toEqual([
        'Nova Reyes: Acme Films · Night Shoot',
        'Nova Reyes: Costume fitting',
        'Nova Reyes: Unavailable',
      ]);
      const fitting = calendar.events.find((e) => e.summary.endsWith('fitting'))!;
      expect(fitting.status, name).toBe('TENTATIVE');
      expect(fitting.start, name).toMatchObject({ tzid: 'Europe/London', wallClock: '10:00' });
    }
    // Fetching a feed is no session's activity.
    expect(t.core.sqlite.prepare('SELECT * FROM sessions ORDER BY id').all()).toEqual(
      sessionsBefore,
    );
  });

  it('answers HEAD with the headers alone, and an unchanged feed with 304', async () => {
    const { path } = await t.call('feeds.create', { talentProfile: talentA }, alice.token);
    const full = await fetchFeed(path);
    const head = await fetchFeed(path, { method: 'HEAD' });
    expect(head.response.status).toBe(200);
    expect(head.text).toBe('');
    expect(head.response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(head.response.headers.get('content-length')).toBe(String(Buffer.byteLength(full.text)));
    const etag = full.response.headers.get('etag')!;
    expect((await fetchFeed(path, { headers: { 'If-None-Match': etag } })).response.status).toBe(
      304,
    );
    expect((await fetchFeed(path, { method: 'POST' })).response.status).toBe(404);
  });

  it('keeps UIDs stable and raises SEQUENCE when an entry moves', async () => {
    const { path } = await t.call('feeds.create', { talentProfile: talentA }, alice.token);
    const before = read((await fetchFeed(path)).text);
    const entry = (
      await t.call(
        'schedule.list',
        {
          from: '2031-05-12T00:00:00.000Z',
          to: '2031-05-13T00:00:00.000Z',
          talentProfile: talentA,
        },
        alice.token,
      )
    ).items[0]!;
    await t.call(
      'schedule.update',
      {
        id: entry.id,
        version: entry.version,
        patch: { start: '2031-05-12T11:00:00.000Z', end: '2031-05-12T12:00:00.000Z' },
      },
      alice.token,
    );
    const after = read((await fetchFeed(path)).text);
    for (const [index, { name, calendar }] of after.entries()) {
      const old = before[index]!.calendar.events.find((e) => e.uid === `${entry.id}@greenroom`)!;
      const moved = calendar.events.find((e) => e.uid === `${entry.id}@greenroom`)!;
      expect(moved.sequence, name).toBe(old.sequence + 1);
      expect(moved.start, name).toMatchObject({ wallClock: '12:00' });
      expect(calendar.events.map((e) => e.uid).sort(), name).toEqual(
        before[index]!.calendar.events.map((e) => e.uid).sort(),
      );
    }
  });

  it('a revoked feed and a deactivated owner’s feed answer 404', async () => {
    const one = await t.call('feeds.create', { talentProfile: talentA }, alice.token);
    const two = await t.call('feeds.create', {}, alice.token);
    expect((await t.call('feeds.list', {}, alice.token)).items.map((f) => f.id).sort()).toEqual(
      [one.id, two.id].sort(),
    );
    // Someone else's feed reads as missing.
    expect(await t.raw('feeds.revoke', { id: one.id }, bob.token)).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    expect(await t.call('feeds.revoke', { id: one.id }, alice.token)).toEqual({ id: one.id });
    const revoked = await fetchFeed(one.path);
    expect(revoked.response.status).toBe(404);
    expect(JSON.parse(revoked.text)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await fetchFeed(two.path)).response.status).toBe(200);

    const row = (await t.call('users.list', { limit: 100 }, a.owner)).items.find(
      (u) => u.id === alice.id,
    )!;
    await t.call(
      'users.update',
      { id: alice.id, version: row.version, patch: { active: false } },
      a.owner,
    );
    expect((await fetchFeed(two.path)).response.status).toBe(404);
    expect((await fetchFeed(two.path, { method: 'HEAD' })).response.status).toBe(404);
    // A made-up token, a wrong suffix: the same 404.
    expect((await fetchFeed(`/feeds/${'A'.repeat(43)}.ics`)).response.status).toBe(404);
    expect((await fetchFeed(two.path.replace('.ics', '.txt'))).response.status).toBe(404);

    const audit = (await t.call('audit.list', { entityId: alice.id, limit: 100 }, a.owner)).items;
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['feeds.create', 'feeds.revoke']),
    );
  });

  it('a user’s feed follows their read rules at each fetch', async () => {
    const { path } = await t.call('feeds.create', {}, carol.token);
    const titles = async () => {
      const readings = read((await fetchFeed(path)).text).map(({ calendar }) =>
        calendar.events.map((e) => e.summary).sort(),
      );
      for (const reading of readings) expect(reading).toEqual(readings[0]);
      return readings[0];
    };
    expect(await titles()).toEqual([
      'Nova Reyes: Acme Films · Night Shoot',
      'Nova Reyes: Costume fitting',
      'Nova Reyes: Unavailable',
    ]);
    // Carol moves to Bob's team: her feed now holds his talent's schedule, not Alice's.
    const row = (await t.call('users.list', { limit: 100 }, a.owner)).items.find(
      (u) => u.id === carol.id,
    )!;
    await t.call(
      'users.update',
      { id: carol.id, version: row.version, patch: { manager: bob.id } },
      a.owner,
    );
    expect(await titles()).toEqual(['Bo Team: Team B rehearsal']);
  });

  it('refuses a feed of a talent the caller does not read, and one for a role with no calendar', async () => {
    expect(await t.raw('feeds.create', { talentProfile: talentB }, alice.token)).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    const dee = await a.user('dee', 'contributor');
    expect(await t.raw('feeds.create', {}, dee.token)).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(t.count('calendar_feeds')).toBe(0);
  });

  it('keeps the feed’s token out of the request log', async () => {
    const { path } = await t.call('feeds.create', { talentProfile: talentA }, alice.token);
    const lines: RequestLogLine[] = [];
    const port = () => (server.address() as AddressInfo).port;
    const handler = createRequestHandler({
      core: t.core,
      rendererDir,
      allowedHosts: () => new Set([`127.0.0.1:${port()}`]),
      allowedOrigins: () => new Set(),
      log: (line) => lines.push(line),
    });
    const server: Server = createServer(handler.handle);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: port(), path }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(200);
      const token = path.slice('/feeds/'.length, -'.ics'.length);
      expect(lines).toHaveLength(1);
      expect(JSON.stringify(lines)).not.toContain(token);
      expect(lines[0]!.path).toBe('/feeds/….ics');
    } finally {
      handler.dispose();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
