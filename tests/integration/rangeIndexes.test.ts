import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorkspace } from '../../src/main/seed/seed';
import { createTestCore, PASSWORD, TEST_SCRYPT, type TestCore } from '../support/testCore';

/**
 * The R*Tree range indexes and the team copies (migration 0014) change how lists find rows, not
 * which: every answer here is compared with a brute-force filter over all rows in JavaScript.
 */
let t: TestCore;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

interface Timed {
  id: string;
  talent: string;
  team: string;
  start: string;
  end: string;
  status?: string;
}

const ANCHOR = Date.parse('2026-11-23T00:00:00.000Z');

beforeAll(async () => {
  t = createTestCore();
  await seedWorkspace(t.core, {
    password: PASSWORD,
    scrypt: TEST_SCRYPT,
    counts: {
      talents: 30,
      auditions: 300,
      bookings: 200,
      scheduleEntries: 400,
      availabilityBlocks: 60,
      artists: 0,
      demos: 0,
      contracts: 0,
      growthLogs: 0,
      reviewNotes: 0,
      managers: 3,
    },
    now: new Date(ANCHOR),
  });
  for (const username of ['owner', 'manager1', 'manager2', 'manager3', 'coordinator1']) {
    const { token, user } = await t.call('auth.login', { username, password: PASSWORD });
    tokens[username] = token;
    ids[username] = user.id;
  }
  // Long entries and blocks (up to the 62-day maximum), and ones with sub-minute edges.
  // On talents of their own, so they clash with nothing.
  const talents: { id: string }[] = [];
  for (let i = 0; i < 6; i++) {
    talents.push(
      await t.call(
        'talents.create',
        {
          stageName: `Long ${i}`,
          fullName: `Long ${i}`,
          talentType: 'actor',
          manager: ids[`manager${(i % 3) + 1}`] ?? ids.manager1,
        },
        tokens.owner,
      ),
    );
  }
  for (const [i, { id }] of talents.entries()) {
    const start = new Date(ANCHOR - (i + 1) * 9 * 86_400_000 + i * 1_234).toISOString();
    await t.call(
      'schedule.create',
      {
        talentProfile: id,
        entryType: 'travel',
        title: `Long ${i}`,
        start,
        end: new Date(Date.parse(start) + (62 - i) * 86_400_000 - i * 999).toISOString(),
        timezone: 'UTC',
      },
      tokens.owner,
    );
    await t.call(
      'blocks.create',
      {
        talentProfile: id,
        start,
        end: new Date(Date.parse(start) + (40 + i) * 86_400_000 + 17).toISOString(),
        timezone: 'Europe/London',
        kind: i % 2 ? 'unavailable' : 'out_of_town',
      },
      tokens.owner,
    );
  }
});
afterAll(() => t.close());

const rows = <T>(sql: string) => t.core.sqlite.prepare(sql).all() as T[];
const entries = () =>
  rows<Timed>(`SELECT e.id, e.talent_profile AS talent, p.manager AS team, e.start, e."end" AS "end", e.status
    FROM schedule_entries e JOIN talent_profiles p ON p.id = e.talent_profile`);
const blocks = () =>
  rows<
    Timed & { kind: string }
  >(`SELECT b.id, b.talent_profile AS talent, p.manager AS team, b.start, b."end" AS "end", b.kind
    FROM availability_blocks b JOIN talent_profiles p ON p.id = b.talent_profile`);
const bookingRows = () =>
  rows<Timed>(`SELECT b.id, b.talent_profile AS talent, p.manager AS team, b.start_date_time AS start, b.end_date_time AS "end", b.status
    FROM bookings b JOIN talent_profiles p ON p.id = b.talent_profile`);
const overlapping = (r: { start: string; end: string }, from: string, to: string) =>
  r.start < to && r.end > from;
/** Whose rows a user sees: the owner every team's, a manager or coordinator their manager's. */
const teamOf = (username: string) =>
  username === 'owner' ? null : username === 'coordinator1' ? ids.manager1! : ids[username]!;

/** A window of up to 20 days around the seed's weeks, with millisecond edges. */
const windowArb = fc
  .tuple(
    fc.integer({ min: -90 * 86_400_000, max: 120 * 86_400_000 }),
    fc.integer({ min: 1, max: 20 * 86_400_000 }),
  )
  .map(([offset, length]) => ({
    from: new Date(ANCHOR + offset).toISOString(),
    to: new Date(ANCHOR + offset + length).toISOString(),
  }));

describe('range lists through the R*Tree agree with a brute-force overlap filter', () => {
  it('schedule.list, for each scope, talent and filter', async () => {
    const all = entries();
    const talents = [...new Set(all.map((e) => e.talent))];
    await fc.assert(
      fc.asyncProperty(
        windowArb,
        fc.constantFrom('owner', 'manager1', 'manager2', 'coordinator1'),
        fc.option(fc.constantFrom(...talents), { nil: undefined }),
        fc.option(fc.constantFrom('confirmed', 'tentative', 'cancelled'), { nil: undefined }),
        async ({ from, to }, user, talentProfile, status) => {
          const team = teamOf(user);
          const expected = all
            .filter(
              (e) =>
                overlapping(e, from, to) &&
                (!team || e.team === team) &&
                (!talentProfile || e.talent === talentProfile) &&
                (!status || e.status === status),
            )
            .sort((a, b) => (a.start < b.start || (a.start === b.start && a.id < b.id) ? -1 : 1))
            .map((e) => e.id);
          const { items } = await t.call(
            'schedule.list',
            { from, to, talentProfile, status },
            tokens[user],
          );
          expect(items.map((e) => e.id)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('an entry exactly touching the window is out; one a millisecond inside is in', async () => {
    const [entry] = entries().filter((e) => e.status !== 'cancelled');
    const listed = async (from: string, to: string) =>
      (
        await t.call('schedule.list', { from, to, talentProfile: entry!.talent }, tokens.owner)
      ).items
        .map((e) => e.id)
        .includes(entry!.id);
    const ms = (iso: string, d: number) => new Date(Date.parse(iso) + d).toISOString();
    expect(await listed(entry!.end, ms(entry!.end, 60_000))).toBe(false);
    expect(await listed(ms(entry!.start, -60_000), entry!.start)).toBe(false);
    expect(await listed(ms(entry!.end, -1), ms(entry!.end, 60_000))).toBe(true);
    expect(await listed(ms(entry!.start, -60_000), ms(entry!.start, 1))).toBe(true);
  });

  it('blocks.list, paged through, for each scope', async () => {
    const all = blocks();
    await fc.assert(
      fc.asyncProperty(
        windowArb,
        fc.constantFrom('owner', 'manager1', 'coordinator1'),
        async ({ from, to }, user) => {
          const team = teamOf(user);
          const expected = all
            .filter((b) => overlapping(b, from, to) && (!team || b.team === team))
            .sort((a, b) => (a.start < b.start || (a.start === b.start && a.id < b.id) ? -1 : 1))
            .map((b) => b.id);
          const found: string[] = [];
          let cursor: string | undefined;
          do {
            const page = await t.call(
              'blocks.list',
              { from, to, limit: 7, ...(cursor ? { cursor } : {}) },
              tokens[user],
            );
            found.push(...page.items.map((b) => b.id));
            cursor = page.nextCursor ?? undefined;
          } while (cursor);
          expect(found).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('clashes.check lists every overlapping booking, confirmed entry, block and open audition', async () => {
    const auditionRows = rows<{ id: string; talent: string; at: string; status: string }>(
      'SELECT id, talent_profile AS talent, audition_date AS at, status FROM auditions',
    );
    const talents = [...new Set(entries().map((e) => e.talent))];
    await fc.assert(
      fc.asyncProperty(windowArb, fc.constantFrom(...talents), async ({ from, to }, talent) => {
        const bookingsNow = bookingRows();
        const expectedIds = [
          ...bookingsNow.filter(
            (b) => b.talent === talent && b.status !== 'cancelled' && overlapping(b, from, to),
          ),
          ...entries().filter(
            (e) =>
              e.talent === talent &&
              e.status === 'confirmed' &&
              overlapping(e, from, to) &&
              // A booking's own entry is listed once, as the booking.
              !bookingsNow.some(
                (b) =>
                  b.status !== 'cancelled' &&
                  b.talent === talent &&
                  overlapping(b, from, to) &&
                  rows<{ id: string }>(
                    `SELECT id FROM schedule_entries WHERE booking = '${b.id}'`,
                  ).some((r) => r.id === e.id),
              ),
          ),
          ...blocks().filter((b) => b.talent === talent && overlapping(b, from, to)),
          ...auditionRows.filter(
            (a) =>
              a.talent === talent &&
              (a.status === 'invited' || a.status === 'callback') &&
              overlapping(
                { start: a.at, end: new Date(Date.parse(a.at) + 3_600_000).toISOString() },
                from,
                to,
              ),
          ),
        ]
          .map((r) => r.id)
          .sort();
        const { clashes } = await t.call(
          'clashes.check',
          { talentProfile: talent, start: from, end: to },
          tokens.owner,
        );
        expect(clashes.map((c) => c.id).sort()).toEqual(expectedIds);
      }),
      { numRuns: 60 },
    );
  });
});

describe('team-scoped lists read the rows’ own team copy', () => {
  const pageAll = async (
    channel: 'auditions.list' | 'bookings.list',
    input: Record<string, unknown>,
    token: string,
  ) => {
    const found: string[] = [];
    let cursor: string | undefined;
    do {
      const page = (await t.call(
        channel,
        { ...input, limit: 50, ...(cursor ? { cursor } : {}) } as never,
        token,
      )) as { items: { id: string }[]; nextCursor: string | null };
      found.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return found;
  };
  const expectedOf = (table: 'auditions' | 'bookings', team: string | null, status?: string) => {
    const date = table === 'auditions' ? 'audition_date' : 'start_date_time';
    return rows<{ id: string; team: string; status: string }>(
      `SELECT r.id, p.manager AS team, r.status FROM ${table} r JOIN talent_profiles p ON p.id = r.talent_profile ORDER BY r.${date}, r.id`,
    )
      .filter((r) => (!team || r.team === team) && (!status || r.status === status))
      .map((r) => r.id);
  };

  it('auditions.list and bookings.list, every scope and status, as the talent join would', async () => {
    for (const user of ['owner', 'manager1', 'manager2', 'coordinator1']) {
      for (const status of [undefined, 'invited', 'callback']) {
        expect(await pageAll('auditions.list', { status }, tokens[user]!)).toEqual(
          expectedOf('auditions', teamOf(user), status),
        );
      }
      for (const status of [undefined, 'hold', 'confirmed']) {
        expect(await pageAll('bookings.list', { status }, tokens[user]!)).toEqual(
          expectedOf('bookings', teamOf(user), status),
        );
      }
    }
  });

  it('a talent moving team takes its auditions, bookings, entries and blocks with it', async () => {
    const talent = (await t.call('talents.list', { limit: 1 }, tokens.manager1)).items[0]!;
    const before = {
      auditions: await pageAll('auditions.list', { talentProfile: talent.id }, tokens.manager1!),
      bookings: await pageAll('bookings.list', { talentProfile: talent.id }, tokens.manager1!),
    };
    const week = { from: '2026-09-01T00:00:00.000Z', to: '2027-03-01T00:00:00.000Z' };
    const entriesBefore = (
      await t.call('schedule.list', { ...week, talentProfile: talent.id }, tokens.manager1)
    ).items.map((e) => e.id);
    expect(before.auditions.length + before.bookings.length + entriesBefore.length).toBeGreaterThan(
      0,
    );
    await t.call(
      'talents.update',
      { id: talent.id, version: talent.version, patch: { manager: ids.manager2 } },
      tokens.owner,
    );
    expect(await pageAll('auditions.list', { talentProfile: talent.id }, tokens.manager1!)).toEqual(
      [],
    );
    expect(await pageAll('bookings.list', { talentProfile: talent.id }, tokens.manager1!)).toEqual(
      [],
    );
    expect(
      (await t.call('schedule.list', { ...week, talentProfile: talent.id }, tokens.manager1)).items,
    ).toEqual([]);
    expect(await pageAll('auditions.list', { talentProfile: talent.id }, tokens.manager2!)).toEqual(
      before.auditions,
    );
    expect(await pageAll('bookings.list', { talentProfile: talent.id }, tokens.manager2!)).toEqual(
      before.bookings,
    );
    expect(
      (
        await t.call('schedule.list', { ...week, talentProfile: talent.id }, tokens.manager2)
      ).items.map((e) => e.id),
    ).toEqual(entriesBefore);
    // The copies never reach an output, and the database stays consistent.
    const [audition] = (await t.call('auditions.list', { limit: 1 }, tokens.owner)).items;
    expect(audition).not.toHaveProperty('teamManager');
    expect(t.core.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(t.core.sqlite.pragma('foreign_key_check')).toEqual([]);
    const stale = rows<{ n: number }>(
      `SELECT count(*) AS n FROM auditions a JOIN talent_profiles p ON p.id = a.talent_profile WHERE a.team_manager IS NOT p.manager`,
    )[0]!.n;
    expect(stale).toBe(0);
  });
});
