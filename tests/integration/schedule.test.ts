import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

const entry = (
  start: string,
  end: string,
  timezone: string,
  extra: Record<string, unknown> = {},
) => ({
  talentProfile: talent,
  entryType: 'rehearsal',
  start: new Date(start).toISOString(),
  end: new Date(end).toISOString(),
  timezone,
  ...extra,
});

/** The wall-clock time of an instant in a zone, e.g. "09:00". */
const wallClock = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));

describe('schedule entries across time zones', () => {
  it.each([
    // 09:00 in New York the day before, the day of and the day after DST starts (2026-03-08)...
    ['2026-03-07T14:00:00Z', 'America/New_York', '09:00'],
    ['2026-03-08T13:00:00Z', 'America/New_York', '09:00'],
    ['2026-03-09T13:00:00Z', 'America/New_York', '09:00'],
    // ...and around its end (2026-11-01)...
    ['2026-10-31T13:00:00Z', 'America/New_York', '09:00'],
    ['2026-11-01T14:00:00Z', 'America/New_York', '09:00'],
    // ...and Shanghai, which has no DST: always UTC+8.
    ['2026-03-08T01:00:00Z', 'Asia/Shanghai', '09:00'],
    ['2026-11-01T01:00:00Z', 'Asia/Shanghai', '09:00'],
  ])('keep the instant %s and its zone %s (local %s)', async (start, zone, local) => {
    const end = new Date(Date.parse(start) + 3_600_000).toISOString();
    const created = await t.call('schedule.create', entry(start, end, zone), a.owner);
    expect(created).toMatchObject({
      start: new Date(start).toISOString(),
      timezone: zone,
      source: 'manual',
      status: 'tentative',
    });
    expect(wallClock(created.start, zone)).toBe(local);
    const { items } = await t.call(
      'schedule.list',
      {
        from: new Date(Date.parse(start) - 86_400_000).toISOString(),
        to: new Date(Date.parse(start) + 86_400_000).toISOString(),
      },
      a.owner,
    );
    expect(items.map((x) => x.id)).toContain(created.id);
  });

  it('an hour-long entry across the spring-forward gap lasts one real hour', async () => {
    // 01:30 EST -> 03:30 EDT is one hour of real time on 2026-03-08.
    const created = await t.call(
      'schedule.create',
      entry('2026-03-08T06:30:00Z', '2026-03-08T07:30:00Z', 'America/New_York'),
      a.owner,
    );
    expect(wallClock(created.start, 'America/New_York')).toBe('01:30');
    expect(wallClock(created.end, 'America/New_York')).toBe('03:30');
  });
});

describe('moving entries', () => {
  it('saves a move to a free slot and refuses one onto a confirmed booking, changing nothing', async () => {
    const booking = await t.call(
      'bookings.create',
      {
        talentProfile: talent,
        clientName: 'Northwind',
        projectName: 'Summer',
        startDateTime: '2026-12-10T14:00:00.000Z',
        endDateTime: '2026-12-10T18:00:00.000Z',
      },
      a.owner,
    );
    await t.call('bookings.confirm', { id: booking.id }, a.owner);
    const tentative = await t.call(
      'schedule.create',
      entry('2026-12-10T09:00:00Z', '2026-12-10T10:00:00Z', 'UTC'),
      a.owner,
    );

    const moved = await t.call(
      'schedule.update',
      {
        id: tentative.id,
        version: 1,
        patch: { start: '2026-12-10T10:00:00.000Z', end: '2026-12-10T11:00:00.000Z' },
      },
      a.owner,
    );
    expect(moved).toMatchObject({ version: 2, start: '2026-12-10T10:00:00.000Z' });

    const before = { entries: t.count('schedule_entries'), audit: t.count('audit_log') };
    const clash = await t.raw(
      'schedule.update',
      {
        id: tentative.id,
        version: 2,
        patch: { start: '2026-12-10T15:00:00.000Z', end: '2026-12-10T16:00:00.000Z' },
      },
      a.owner,
    );
    expect(clash).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('Northwind · Summer') },
    });
    expect({ entries: t.count('schedule_entries'), audit: t.count('audit_log') }).toEqual(before);
    expect(
      (
        await t.call(
          'schedule.list',
          {
            from: '2026-12-10T00:00:00.000Z',
            to: '2026-12-11T00:00:00.000Z',
            entryType: 'rehearsal',
          },
          a.owner,
        )
      ).items[0]?.start,
    ).toBe('2026-12-10T10:00:00.000Z');
  });

  it('edits a booking’s entry only through the booking', async () => {
    const booking = await t.call(
      'bookings.create',
      {
        talentProfile: talent,
        clientName: 'N',
        projectName: 'S',
        startDateTime: '2026-12-10T14:00:00.000Z',
        endDateTime: '2026-12-10T18:00:00.000Z',
      },
      a.owner,
    );
    await t.call('bookings.confirm', { id: booking.id }, a.owner);
    const [fromBooking] = (
      await t.call(
        'schedule.list',
        { from: '2026-12-10T00:00:00.000Z', to: '2026-12-11T00:00:00.000Z' },
        a.owner,
      )
    ).items;
    expect(
      await t.raw(
        'schedule.update',
        { id: fromBooking!.id, version: fromBooking!.version, patch: { title: 'x' } },
        a.owner,
      ),
    ).toMatchObject({ error: { code: 'CONFLICT' } });
    expect(await t.raw('schedule.cancel', { id: fromBooking!.id }, a.owner)).toMatchObject({
      error: { code: 'CONFLICT' },
    });
    expect(
      await t.raw(
        'schedule.create',
        { ...entry('2026-12-11T09:00:00Z', '2026-12-11T10:00:00Z', 'UTC'), entryType: 'booking' },
        a.owner,
      ),
    ).toMatchObject({ error: { code: 'VALIDATION' } });
  });
});

describe('ICS export', () => {
  it('writes every entry of the range with stable UIDs and exact times, read back by an independent parser', async () => {
    const made = [
      await t.call(
        'schedule.create',
        entry('2026-03-08T06:30:00Z', '2026-03-08T07:30:00Z', 'America/New_York', {
          title: 'Across the gap',
        }),
        a.owner,
      ),
      await t.call(
        'schedule.create',
        entry('2026-03-08T01:00:00Z', '2026-03-08T02:00:00Z', 'Asia/Shanghai', {
          entryType: 'fitting',
          title: '试装 · 上海',
        }),
        a.owner,
      ),
      await t.call(
        'schedule.create',
        entry('2026-03-09T13:00:00Z', '2026-03-09T15:00:00Z', 'America/New_York', {
          status: 'confirmed',
        }),
        a.owner,
      ),
    ];
    const range = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
    const exported = await t.call('schedule.exportIcs', range, a.owner);
    expect(exported).toMatchObject({
      contentType: 'text/calendar',
      fileName: 'greenroom-schedule-2026-03-01-to-2026-04-01.ics',
    });
    const text = readFileSync(t.core.media.locate(exported.media).path, 'utf8');

    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(made.length);
    for (const entryMade of made) {
      const event = events.find((e) => e.uid === `${entryMade.id}@greenroom`);
      expect(event, entryMade.id).toBeDefined();
      expect(event!.startDate.toJSDate().toISOString()).toBe(entryMade.start);
      expect(event!.endDate.toJSDate().toISOString()).toBe(entryMade.end);
      expect(event!.summary).toBe(`Mia Lux: ${entryMade.title ?? entryMade.entryType}`);
      expect(event!.component.getFirstPropertyValue('status')).toBe(entryMade.status.toUpperCase());
    }

    // The same range exported again names the same events.
    const again = readFileSync(
      t.core.media.locate((await t.call('schedule.exportIcs', range, a.owner)).media).path,
      'utf8',
    );
    const uids = (ics: string) => [...ics.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]!.trim()).sort();
    expect(uids(again)).toEqual(uids(text));
  });
});
