import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { overlaps } from '../../src/shared/domain/interval';
import { createTestCore, withOwner, type Actors, type TestCore } from '../support/testCore';

let t: TestCore;
let a: Actors;
let talent: string;

beforeEach(async () => {
  t = createTestCore();
  a = await withOwner(t);
  talent = (
    await t.call(
      'talents.create',
      { stageName: 'Mia Lux', fullName: 'Mia L', talentType: 'actor' },
      a.owner,
    )
  ).id;
});
afterEach(() => t.close());

const at = (iso: string) => new Date(iso).toISOString();
const hold = (start: string, end: string, extra: Record<string, unknown> = {}) => ({
  talentProfile: talent,
  clientName: 'Northwind',
  projectName: 'Summer',
  startDateTime: at(start),
  endDateTime: at(end),
  timezone: 'America/New_York',
  ...extra,
});
const rows = () => ({
  bookings: t.count('bookings'),
  entries: t.count('schedule_entries'),
  audit: t.count('audit_log'),
});

describe('auditions', () => {
  it('run through the pipeline and refuse moves it does not allow', async () => {
    const audition = await t.call(
      'auditions.create',
      {
        talentProfile: talent,
        clientName: 'Casting Co',
        projectName: 'Pilot',
        auditionType: 'self_tape',
        auditionDate: at('2026-12-01T15:00:00Z'),
      },
      a.owner,
    );
    expect(audition.status).toBe('invited');
    const alice = await a.user('alice', 'manager');
    const bob = await a.user('bob', 'manager');
    void bob;
    const moved = await t.call(
      'auditions.setStatus',
      { id: audition.id, status: 'callback', callbackNotes: 'Loved the read' },
      a.owner,
    );
    expect(moved).toMatchObject({
      status: 'callback',
      callbackNotes: 'Loved the read',
      version: 2,
    });

    // Back to invited is not a pipeline move; only an admin may reopen.
    const mine = await t.call(
      'talents.create',
      { stageName: 'Alice Act', fullName: 'A', talentType: 'actor' },
      alice.token,
    );
    const hers = await t.call(
      'auditions.create',
      {
        talentProfile: mine.id,
        clientName: 'C',
        projectName: 'P',
        auditionType: 'virtual',
        auditionDate: at('2026-12-02T10:00:00Z'),
      },
      alice.token,
    );
    await t.call('auditions.setStatus', { id: hers.id, status: 'declined' }, alice.token);
    const before = rows();
    expect(
      await t.raw('auditions.setStatus', { id: hers.id, status: 'callback' }, alice.token),
    ).toMatchObject({ error: { code: 'CONFLICT' } });
    expect(rows()).toEqual(before);
    expect(
      await t.call('auditions.setStatus', { id: hers.id, status: 'invited' }, a.owner),
    ).toMatchObject({ status: 'invited' });
  });

  it('cannot be moved to another talent by an edit', async () => {
    const audition = await t.call(
      'auditions.create',
      {
        talentProfile: talent,
        clientName: 'C',
        projectName: 'P',
        auditionType: 'virtual',
        auditionDate: at('2026-12-02T10:00:00Z'),
      },
      a.owner,
    );
    expect(
      await t.raw(
        'auditions.update',
        { id: audition.id, version: 1, patch: { talentProfile: 'other' } },
        a.owner,
      ),
    ).toMatchObject({
      error: { code: 'VALIDATION', fields: { 'patch.talentProfile': 'Unknown field' } },
    });
  });

  it('list in date order with filters', async () => {
    for (const [day, client] of [
      ['03', 'Zeta'],
      ['01', 'Alpha'],
      ['02', 'Beta'],
    ] as const) {
      await t.call(
        'auditions.create',
        {
          talentProfile: talent,
          clientName: client,
          projectName: 'P',
          auditionType: 'virtual',
          auditionDate: at(`2026-12-${day}T10:00:00Z`),
        },
        a.owner,
      );
    }
    expect((await t.call('auditions.list', {}, a.owner)).items.map((x) => x.clientName)).toEqual([
      'Alpha',
      'Beta',
      'Zeta',
    ]);
    expect(
      (await t.call('auditions.list', { clientName: 'et' }, a.owner)).items.map(
        (x) => x.clientName,
      ),
    ).toEqual(['Beta', 'Zeta']);
    expect(
      (
        await t.call(
          'auditions.list',
          { from: at('2026-12-02T00:00:00Z'), to: at('2026-12-02T23:59:59Z') },
          a.owner,
        )
      ).items,
    ).toHaveLength(1);
  });
});

describe('bookings', () => {
  it('confirm into a schedule entry in the same transaction, move it, and cancel it', async () => {
    const booking = await t.call(
      'bookings.create',
      hold('2026-12-10T14:00:00Z', '2026-12-10T18:00:00Z', { rate: 250000, currency: 'USD' }),
      a.owner,
    );
    expect(booking).toMatchObject({
      status: 'hold',
      holdRank: 1,
      rate: 250000,
      timezone: 'America/New_York',
    });
    expect(t.count('schedule_entries')).toBe(0);

    const confirmed = await t.call('bookings.confirm', { id: booking.id }, a.owner);
    expect(confirmed.status).toBe('confirmed');
    const range = { from: at('2026-12-01T00:00:00Z'), to: at('2027-01-01T00:00:00Z') };
    let [entry] = (await t.call('schedule.list', range, a.owner)).items;
    expect(entry).toMatchObject({
      booking: booking.id,
      entryType: 'booking',
      source: 'booking',
      status: 'confirmed',
      start: booking.startDateTime,
      end: booking.endDateTime,
      timezone: 'America/New_York',
    });

    await t.call(
      'bookings.update',
      {
        id: booking.id,
        version: confirmed.version,
        patch: {
          startDateTime: at('2026-12-11T14:00:00Z'),
          endDateTime: at('2026-12-11T16:00:00Z'),
        },
      },
      a.owner,
    );
    [entry] = (await t.call('schedule.list', range, a.owner)).items;
    expect(entry).toMatchObject({
      start: at('2026-12-11T14:00:00Z'),
      end: at('2026-12-11T16:00:00Z'),
    });

    await t.call('bookings.cancel', { id: booking.id, reason: 'Client postponed' }, a.owner);
    [entry] = (await t.call('schedule.list', range, a.owner)).items;
    expect(entry?.status).toBe('cancelled');
    expect(t.count('schedule_entries')).toBe(1);
  });

  it('produce one schedule entry when two confirms race', async () => {
    const booking = await t.call(
      'bookings.create',
      hold('2026-12-10T14:00:00Z', '2026-12-10T18:00:00Z'),
      a.owner,
    );
    const replies = await Promise.all([
      t.raw('bookings.confirm', { id: booking.id }, a.owner),
      t.raw('bookings.confirm', { id: booking.id }, a.owner),
    ]);
    expect(replies.every((r) => r.ok)).toBe(true);
    expect(t.count('schedule_entries')).toBe(1);
  });

  it('reject a clash with a confirmed booking, naming it, and change nothing', async () => {
    const first = await t.call(
      'bookings.create',
      hold('2026-12-10T14:00:00Z', '2026-12-10T18:00:00Z'),
      a.owner,
    );
    await t.call('bookings.confirm', { id: first.id }, a.owner);
    const before = rows();
    const clash = await t.raw(
      'bookings.create',
      hold('2026-12-10T17:00:00Z', '2026-12-10T19:00:00Z', {
        clientName: 'Bluebird',
        projectName: 'Ad',
      }),
      a.owner,
    );
    expect(clash).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('Northwind · Summer') },
    });
    expect(rows()).toEqual(before);
    // Touching is not overlapping.
    expect(
      await t.raw(
        'bookings.create',
        hold('2026-12-10T18:00:00Z', '2026-12-10T19:00:00Z', { clientName: 'Bluebird' }),
        a.owner,
      ),
    ).toMatchObject({ ok: true });
  });

  it('queue other clients’ holds by rank and refuse a duplicate hold', async () => {
    await t.call('bookings.create', hold('2026-12-10T14:00:00Z', '2026-12-10T18:00:00Z'), a.owner);
    const second = await t.call(
      'bookings.create',
      hold('2026-12-10T15:00:00Z', '2026-12-10T16:00:00Z', { clientName: 'Bluebird' }),
      a.owner,
    );
    expect(second.holdRank).toBe(2);
    const duplicate = await t.raw(
      'bookings.create',
      hold('2026-12-10T16:00:00Z', '2026-12-10T17:00:00Z', {
        clientName: 'NORTHWIND',
        projectName: 'summer',
      }),
      a.owner,
    );
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('dry-run the clash check for the form', async () => {
    const first = await t.call(
      'bookings.create',
      hold('2026-12-10T14:00:00Z', '2026-12-10T18:00:00Z'),
      a.owner,
    );
    const { clashes } = await t.call(
      'clashes.check',
      { talentProfile: talent, start: at('2026-12-10T17:00:00Z'), end: at('2026-12-10T20:00:00Z') },
      a.owner,
    );
    expect(clashes).toEqual([
      expect.objectContaining({ kind: 'booking', id: first.id, status: 'hold' }),
    ]);
    expect(
      (
        await t.call(
          'clashes.check',
          {
            talentProfile: talent,
            start: at('2026-12-10T14:00:00Z'),
            end: at('2026-12-10T15:00:00Z'),
            excludeId: first.id,
          },
          a.owner,
        )
      ).clashes,
    ).toEqual([]);
  });

  it('refuse an audition of another talent and keep rates from non-agency roles', async () => {
    const other = await t.call(
      'talents.create',
      { stageName: 'Other', fullName: 'O', talentType: 'model' },
      a.owner,
    );
    const audition = await t.call(
      'auditions.create',
      {
        talentProfile: other.id,
        clientName: 'C',
        projectName: 'P',
        auditionType: 'virtual',
        auditionDate: at('2026-12-02T10:00:00Z'),
      },
      a.owner,
    );
    expect(
      await t.raw(
        'bookings.create',
        hold('2026-12-10T14:00:00Z', '2026-12-10T18:00:00Z', { audition: audition.id }),
        a.owner,
      ),
    ).toMatchObject({ error: { code: 'VALIDATION', fields: { audition: expect.any(String) } } });
    expect(
      await t.raw(
        'bookings.create',
        hold('2026-12-10T14:00:00Z', '2026-12-10T18:00:00Z', { rate: 12.5 }),
        a.owner,
      ),
    ).toMatchObject({ error: { code: 'VALIDATION' } });
  });
});

describe('the overlap check', () => {
  // Quarter-hours around a DST change in New York (2026-03-08 07:00Z) and the end of it (2026-11-01 06:00Z).
  const anchors = [Date.UTC(2026, 2, 8, 0), Date.UTC(2026, 10, 1, 0)];
  const interval = fc
    .record({
      anchor: fc.constantFrom(...anchors),
      from: fc.integer({ min: 0, max: 48 }),
      length: fc.integer({ min: 1, max: 16 }),
    })
    .map(({ anchor, from, length }) => ({
      start: new Date(anchor + from * 15 * 60_000).toISOString(),
      end: new Date(anchor + (from + length) * 15 * 60_000).toISOString(),
    }));

  it('in SQL agrees with a brute-force minute-by-minute check', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(interval, { minLength: 1, maxLength: 8 }),
        interval,
        async (existing, probe) => {
          const t2 = createTestCore();
          try {
            const a2 = await withOwner(t2);
            const talent2 = (
              await t2.call(
                'talents.create',
                { stageName: 'P', fullName: 'P', talentType: 'actor' },
                a2.owner,
              )
            ).id;
            const ids: string[] = [];
            for (const [i, b] of existing.entries()) {
              // Holds never block each other (distinct clients), so every interval is stored.
              ids.push(
                (
                  await t2.call(
                    'bookings.create',
                    {
                      talentProfile: talent2,
                      clientName: `C${i}`,
                      projectName: 'P',
                      startDateTime: b.start,
                      endDateTime: b.end,
                    },
                    a2.owner,
                  )
                ).id,
              );
            }
            const { clashes } = await t2.call(
              'clashes.check',
              { talentProfile: talent2, start: probe.start, end: probe.end },
              a2.owner,
            );
            const minutes = (iv: { start: string; end: string }) => {
              const set = new Set<number>();
              for (let m = Date.parse(iv.start); m < Date.parse(iv.end); m += 60_000) set.add(m);
              return set;
            };
            const probeMinutes = minutes(probe);
            const expected = existing.flatMap((b, i) =>
              [...minutes(b)].some((m) => probeMinutes.has(m)) ? [ids[i]] : [],
            );
            expect(clashes.map((c) => c.id).sort()).toEqual(expected.sort());
            expect(existing.filter((b) => overlaps(b, probe)).length).toBe(expected.length);
          } finally {
            t2.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
