import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../src/shared/api';
import { MAX_LIST_LIMIT } from '../../src/shared/domain/common';
import { seedWorkspace } from '../../src/main/seed/seed';
import { createTestCore, TEST_SCRYPT, type TestCore } from '../support/testCore';

/**
 * The lists a grid pages through say how many rows match ("1–50 of 3,214"): the first page's
 * `total` is the number of rows a walk through every page hands out, for the same filter and
 * the caller's own scope; a page asked for with a cursor leaves it out (the client has it).
 */
let t: TestCore;
const password = 'totals-password-1';
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = createTestCore();
  await seedWorkspace(t.core, {
    password,
    scrypt: TEST_SCRYPT,
    counts: {
      talents: 60,
      auditions: 20,
      bookings: 70,
      scheduleEntries: 20,
      availabilityBlocks: 5,
      artists: 30,
      demos: 40,
      contracts: 60,
      growthLogs: 10,
      reviewNotes: 10,
      managers: 3,
    },
    now: new Date('2026-11-23T09:00:00.000Z'),
  });
  for (const username of ['owner', 'manager1', 'coordinator2'])
    tokens[username] = (await t.call('auth.login', { username, password })).token;
});
afterAll(() => t.close());

type Page = { items: { id: string }[]; nextCursor: string | null; total?: number };

async function list(channel: Channel, input: object, as: string): Promise<Page> {
  const reply = await t.raw(channel, input, tokens[as]!);
  if (!reply.ok) throw new Error(`${channel}: ${JSON.stringify(reply.error)}`);
  return reply.data as Page;
}

/** Every row the list hands out, page by page. */
async function walk(channel: Channel, input: object, as: string): Promise<number> {
  let seen = 0;
  let cursor: string | null = null;
  do {
    const page: Page = await list(
      channel,
      { ...input, limit: MAX_LIST_LIMIT, ...(cursor ? { cursor } : {}) },
      as,
    );
    seen += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
}

const CASES: [string, Channel, object, string][] = [
  ['users', 'users.list', {}, 'owner'],
  ['users by role', 'users.list', { role: 'coordinator' }, 'owner'],
  ['talents', 'talents.list', {}, 'owner'],
  ['talents, one team', 'talents.list', {}, 'manager1'],
  ['talents, a coordinator’s team', 'talents.list', {}, 'coordinator2'],
  ['talents by type', 'talents.list', { talentType: 'actor' }, 'owner'],
  ['bookings', 'bookings.list', {}, 'owner'],
  ['bookings, one team', 'bookings.list', {}, 'manager1'],
  ['bookings on hold', 'bookings.list', { status: 'hold' }, 'owner'],
  ['artists', 'artists.list', {}, 'owner'],
  ['artists by status', 'artists.list', { status: 'prospect' }, 'owner'],
  ['demos', 'demos.list', {}, 'owner'],
  ['demos submitted', 'demos.list', { reviewStatus: 'submitted' }, 'owner'],
  ['contracts', 'contracts.list', {}, 'owner'],
  ['contracts expiring', 'contracts.list', { expiringBy: '2030-12-31' }, 'owner'],
  ['audit trail', 'audit.list', {}, 'owner'],
  ['audit trail of talents', 'audit.list', { entity: 'talents' }, 'owner'],
];

describe('list totals', () => {
  it.each(CASES)(
    '%s: the first page counts every matching row',
    async (_name, channel, input, as) => {
      const first = await list(channel, { ...input, limit: 5 }, as);
      const walked = await walk(channel, input, as);
      expect(first.total).toBe(walked);
      // Several pages, so the count is not just the page's length.
      if (first.nextCursor) {
        expect(first.total).toBeGreaterThan(first.items.length);
        const next = await list(channel, { ...input, limit: 5, cursor: first.nextCursor }, as);
        expect(next.total).toBeUndefined();
        expect(next.items.length).toBeGreaterThan(0);
      }
    },
  );

  it('a team’s count is its own: one manager sees fewer talents than the owner', async () => {
    const all = (await list('talents.list', { limit: 1 }, 'owner')).total!;
    const team = (await list('talents.list', { limit: 1 }, 'manager1')).total!;
    expect(team).toBeGreaterThan(0);
    expect(team).toBeLessThan(all);
  });

  it('no match counts zero', async () => {
    const none = await list('talents.list', { q: 'no talent is called this' }, 'owner');
    expect(none).toMatchObject({ items: [], nextCursor: null, total: 0 });
  });

  it('a new row is counted at once', async () => {
    const before = (await list('artists.list', { limit: 1 }, 'owner')).total!;
    await t.call('artists.create', { artistName: 'Counted Anew', genre: 'pop' }, tokens.owner);
    expect((await list('artists.list', { limit: 1 }, 'owner')).total).toBe(before + 1);
  });
});

describe('schedule.get', () => {
  it('opens one entry by id, as the list shows it; another team’s is NOT_FOUND', async () => {
    const range = { from: '2026-06-01T00:00:00.000Z', to: '2027-06-01T00:00:00.000Z' };
    const [entry] = (await t.call('schedule.list', range, tokens.manager1)).items;
    expect(entry).toBeDefined();
    expect(await t.call('schedule.get', { id: entry!.id }, tokens.manager1)).toEqual(entry);
    const other = await t.raw('schedule.get', { id: entry!.id }, tokens.coordinator2);
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
