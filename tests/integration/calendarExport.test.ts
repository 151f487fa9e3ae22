/**
 * The calendar (.ics) exports, read back by independent parsers (tests/support/icsReaders.ts):
 * line endings, SEQUENCE, all-day contract dates and availability blocks, each entry's own time
 * zone with its VTIMEZONE, and file names.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, Input } from '../../src/shared/api';
import { READERS, PYTHON, PYTHON_MISSING, type ReadEvent } from '../support/icsReaders';
import { createTestCore, withOwner, type Actors, type TestCore } from '../support/testCore';

let t: TestCore;
let a: Actors;
let managerA: string;
let managerB: string;
let legal: string;
let aandr: string;
let mia: string;
let other: string;
let contract: string;

const MARCH = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };

beforeEach(async () => {
  t = createTestCore();
  a = await withOwner(t);
  const mA = await a.user('mgr_a', 'manager');
  const mB = await a.user('mgr_b', 'manager');
  managerA = mA.token;
  managerB = mB.token;
  legal = (await a.user('legal_1', 'legal')).token;
  aandr = (await a.user('aandr_1', 'AandR')).token;
  const talent = async (stageName: string, manager: string) =>
    (
      await t.call(
        'talents.create',
        { stageName, fullName: `${stageName} Full`, talentType: 'actor', manager },
        a.owner,
      )
    ).id;
  mia = await talent('Mia Lux', mA.id);
  other = await talent('Other Act', mB.id);
  const artist = (await t.call('artists.create', { artistName: 'Nova', genre: 'pop' }, a.owner)).id;
  contract = (
    await t.call(
      'contracts.create',
      {
        artist,
        contractType: 'recording',
        optionDate: '2026-03-05',
        noticeDate: '2026-03-20',
        expiryDate: '2026-04-10',
      },
      a.owner,
    )
  ).id;
});
afterEach(() => t.close());

type ExportChannel = Extract<Channel, 'schedule.exportIcs' | 'contracts.exportIcs'>;

/** Runs an export and reads the stored file back as text. */
async function exported<C extends ExportChannel>(channel: C, input: Input<C>, token: string) {
  const result = await t.call(channel, input, token);
  const path = t.core.media.locate(result.media).path;
  return { ...result, path, text: readFileSync(path, 'utf8') };
}

function byUid(events: readonly ReadEvent[], uid: string): ReadEvent {
  const found = events.find((event) => event.uid === uid);
  if (!found) throw new Error(`no event ${uid} among ${events.map((e) => e.uid).join(', ')}`);
  return found;
}

const entry = (talentProfile: string, start: string, end: string, timezone: string) => ({
  talentProfile,
  entryType: 'rehearsal',
  start,
  end,
  timezone,
});

describe('the .ics file', () => {
  it('ends every content line with CRLF, the last one after END:VCALENDAR too', async () => {
    await t.call(
      'schedule.create',
      entry(mia, '2026-03-10T14:00:00.000Z', '2026-03-10T15:00:00.000Z', 'America/New_York'),
      a.owner,
    );
    const crlfOnly = (text: string) => {
      expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
      // No bare LF (or CR) anywhere: every line break is CRLF.
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    };
    crlfOnly((await exported('schedule.exportIcs', MARCH, a.owner)).text);
    const dates = { from: '2026-03-01', to: '2026-03-31' };
    crlfOnly((await exported('contracts.exportIcs', dates, legal)).text);
  });
});

describe.each(READERS.map((reader) => ({ name: reader.name, reader })))(
  'read by $name',
  ({ reader }) => {
    const read = (file: { path: string; text: string }) => reader.read(file.path, file.text);

    it('SEQUENCE starts at 0 and increases whenever start, end or status changes', async () => {
      const made = await t.call(
        'schedule.create',
        entry(mia, '2026-03-10T14:00:00.000Z', '2026-03-10T15:00:00.000Z', 'America/New_York'),
        managerA,
      );
      const uid = `${made.id}@greenroom`;
      const sequence = async () =>
        byUid(read(await exported('schedule.exportIcs', MARCH, managerA)).events, uid);

      const created = await sequence();
      expect(created.sequence).toBe(0);

      await t.call(
        'schedule.update',
        {
          id: made.id,
          version: 1,
          patch: { start: '2026-03-11T14:00:00.000Z', end: '2026-03-11T15:00:00.000Z' },
        },
        managerA,
      );
      const moved = await sequence();
      expect(moved.start).toMatchObject({ instant: '2026-03-11T14:00:00.000Z' });
      expect(moved.sequence).toBeGreaterThan(created.sequence);

      await t.call(
        'schedule.update',
        { id: made.id, version: 2, patch: { end: '2026-03-11T16:00:00.000Z' } },
        managerA,
      );
      const longer = await sequence();
      expect(longer.sequence).toBeGreaterThan(moved.sequence);

      await t.call(
        'schedule.update',
        { id: made.id, version: 3, patch: { status: 'confirmed' } },
        managerA,
      );
      const confirmed = await sequence();
      expect(confirmed.status).toBe('CONFIRMED');
      expect(confirmed.sequence).toBeGreaterThan(longer.sequence);

      await t.call('schedule.cancel', { id: made.id }, managerA);
      const cancelled = await sequence();
      expect(cancelled.status).toBe('CANCELLED');
      expect(cancelled.sequence).toBeGreaterThan(confirmed.sequence);

      // An entry that follows its booking: rescheduling the booking moves it, and bumps it.
      const booking = await t.call(
        'bookings.create',
        {
          talentProfile: mia,
          clientName: 'Northwind',
          projectName: 'Spring',
          startDateTime: '2026-03-12T14:00:00.000Z',
          endDateTime: '2026-03-12T16:00:00.000Z',
          timezone: 'America/New_York',
        },
        managerA,
      );
      const confirmedBooking = await t.call('bookings.confirm', { id: booking.id }, managerA);
      const fromBooking = (await t.call('schedule.list', MARCH, managerA)).items.find(
        (item) => item.booking === booking.id,
      )!;
      const bookingUid = `${fromBooking.id}@greenroom`;
      const before = byUid(
        read(await exported('schedule.exportIcs', MARCH, managerA)).events,
        bookingUid,
      );
      await t.call(
        'bookings.update',
        {
          id: booking.id,
          version: confirmedBooking.version,
          patch: {
            startDateTime: '2026-03-13T14:00:00.000Z',
            endDateTime: '2026-03-13T16:00:00.000Z',
          },
        },
        managerA,
      );
      const after = byUid(
        read(await exported('schedule.exportIcs', MARCH, managerA)).events,
        bookingUid,
      );
      expect(after.start).toMatchObject({ instant: '2026-03-13T14:00:00.000Z' });
      expect(after.sequence).toBeGreaterThan(before.sequence);

      // A contract date that moves is bumped too.
      const contractUid = `${contract}-option@greenroom`;
      const contractFile = () =>
        exported('contracts.exportIcs', { from: '2026-03-01', to: '2026-03-31' }, legal);
      const option = byUid(read(await contractFile()).events, contractUid);
      const { version } = await t.call('contracts.get', { id: contract }, legal);
      await t.call(
        'contracts.update',
        { id: contract, version, patch: { optionDate: '2026-03-06' } },
        legal,
      );
      const movedOption = byUid(read(await contractFile()).events, contractUid);
      expect(movedOption.start).toEqual({ date: '2026-03-06' });
      expect(movedOption.sequence).toBeGreaterThan(option.sequence);
    });

    it('contract dates and availability blocks are all-day (VALUE=DATE) events for those who see them on the calendar', async () => {
      // Out of town in New York from Saturday 14 March to Monday 16 March, whole days...
      const away = await t.call(
        'blocks.create',
        {
          talentProfile: mia,
          start: '2026-03-14T04:00:00.000Z',
          end: '2026-03-17T04:00:00.000Z',
          timezone: 'America/New_York',
          kind: 'out_of_town',
        },
        managerA,
      );
      // ...and another team's talent unavailable 09:00-17:00 in Shanghai on 20 March.
      const busy = await t.call(
        'blocks.create',
        {
          talentProfile: other,
          start: '2026-03-20T01:00:00.000Z',
          end: '2026-03-20T09:00:00.000Z',
          timezone: 'Asia/Shanghai',
          kind: 'unavailable',
        },
        managerB,
      );
      const option = { uid: `${contract}-option@greenroom`, date: '2026-03-05' };
      const notice = { uid: `${contract}-notice@greenroom`, date: '2026-03-20' };

      // An admin's calendar shows the entries, every team's blocks and the contract dates.
      const admin = read(await exported('schedule.exportIcs', MARCH, a.owner)).events;
      expect(byUid(admin, `${away.id}@greenroom`)).toMatchObject({
        start: { date: '2026-03-14' },
        end: { date: '2026-03-17' },
      });
      expect(byUid(admin, `${away.id}@greenroom`).summary).toContain('Mia Lux');
      expect(byUid(admin, `${busy.id}@greenroom`)).toMatchObject({
        start: { date: '2026-03-20' },
        end: { date: '2026-03-21' },
      });
      for (const { uid, date } of [option, notice]) {
        const event = byUid(admin, uid);
        expect(event.start).toEqual({ date });
        expect(event.summary).toContain('Nova');
      }
      const nextDay = (date: string) =>
        new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      expect(byUid(admin, option.uid).end).toEqual({ date: nextDay(option.date) });
      // The expiry (10 April) is outside the range.
      expect(admin.map((e) => e.uid)).not.toContain(`${contract}-expiry@greenroom`);

      // A manager's: their team's blocks only, and no contract dates (not on their calendar).
      const manager = read(await exported('schedule.exportIcs', MARCH, managerA)).events;
      expect(manager.map((e) => e.uid).sort()).toEqual([`${away.id}@greenroom`]);

      // Legal: the contract dates the calendar shows them (contracts.keyDates), as a file.
      const range = { from: '2026-03-01', to: '2026-03-31' };
      const legalFile = await exported('contracts.exportIcs', range, legal);
      expect(legalFile.fileName).toBe('greenroom-contract-dates-2026-03-01-to-2026-03-31.ics');
      const shown = (await t.call('contracts.keyDates', range, legal)).items;
      expect(
        read(legalFile)
          .events.map((e) => [e.uid, e.start])
          .sort(),
      ).toEqual(shown.map((k) => [`${k.contract}-${k.kind}@greenroom`, { date: k.date }]).sort());
    });

    it('writes each entry in its own zone with a VTIMEZONE: a New York booking reads 10:00 New York', async () => {
      const booking = await t.call(
        'bookings.create',
        {
          talentProfile: mia,
          clientName: 'Northwind',
          projectName: 'Spring',
          // 10:00 New York, in daylight time (EDT, UTC-4).
          startDateTime: '2026-03-10T14:00:00.000Z',
          endDateTime: '2026-03-10T16:00:00.000Z',
          timezone: 'America/New_York',
        },
        a.owner,
      );
      await t.call('bookings.confirm', { id: booking.id }, a.owner);
      // 10:00 New York in standard time (EST, UTC-5).
      const winter = await t.call(
        'schedule.create',
        entry(mia, '2026-01-15T15:00:00.000Z', '2026-01-15T16:00:00.000Z', 'America/New_York'),
        a.owner,
      );
      // 10:00 in India under an old alias: written as its canonical zone, with its VTIMEZONE.
      const india = await t.call(
        'schedule.create',
        entry(mia, '2026-03-11T04:30:00.000Z', '2026-03-11T05:30:00.000Z', 'Asia/Calcutta'),
        a.owner,
      );
      // 10:00 UTC stays UTC.
      const utc = await t.call(
        'schedule.create',
        entry(mia, '2026-03-12T10:00:00.000Z', '2026-03-12T11:00:00.000Z', 'UTC'),
        a.owner,
      );
      const range = { from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
      const fromBooking = (await t.call('schedule.list', range, a.owner)).items.find(
        (item) => item.booking === booking.id,
      )!;

      // The server's own zone must not matter.
      const zone = process.env.TZ;
      process.env.TZ = 'Pacific/Auckland';
      let file;
      try {
        file = await exported('schedule.exportIcs', range, a.owner);
      } finally {
        if (zone === undefined) delete process.env.TZ;
        else process.env.TZ = zone;
      }
      expect(file.text).toContain('DTSTART;TZID=America/New_York:20260310T100000');
      const calendar = read(file);
      const expected = [
        [fromBooking.id, 'America/New_York', '2026-03-10T14:00:00.000Z'],
        [winter.id, 'America/New_York', '2026-01-15T15:00:00.000Z'],
        [india.id, 'Asia/Kolkata', '2026-03-11T04:30:00.000Z'],
        [utc.id, 'UTC', '2026-03-12T10:00:00.000Z'],
      ] as const;
      for (const [id, tzid, instant] of expected) {
        expect(byUid(calendar.events, `${id}@greenroom`).start, id).toEqual({
          instant,
          tzid,
          wallClock: '10:00',
        });
      }
      // One VTIMEZONE for each zone used, none for UTC.
      expect(calendar.timezones.sort()).toEqual(['America/New_York', 'Asia/Kolkata']);
    });
  },
);

if (!PYTHON) {
  describe('read by python icalendar', () => {
    it.skip(PYTHON_MISSING, () => {});
  });
}

describe('who may export what', () => {
  it('legal exports contract dates but not the schedule; A&R and agency staff not contract dates', async () => {
    const dates = { from: '2026-03-01', to: '2026-03-31' };
    expect((await t.raw('schedule.exportIcs', MARCH, legal)).ok).toBe(false);
    expect(await t.raw('schedule.exportIcs', MARCH, legal)).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    for (const token of [aandr, managerA]) {
      expect(await t.raw('contracts.exportIcs', dates, token)).toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
    }
    expect((await t.raw('contracts.exportIcs', dates, a.owner)).ok).toBe(true);
    // A range the calendar would not ask for is refused, naming the field.
    expect(
      await t.raw('contracts.exportIcs', { from: '2026-03-31', to: '2026-03-01' }, legal),
    ).toMatchObject({ error: { code: 'VALIDATION', fields: { to: expect.any(String) } } });
  });
});

describe('file names', () => {
  it('a per-talent export is named after the talent and the range, and holds only theirs', async () => {
    await t.call(
      'schedule.create',
      entry(mia, '2026-03-10T14:00:00.000Z', '2026-03-10T15:00:00.000Z', 'America/New_York'),
      a.owner,
    );
    await t.call(
      'schedule.create',
      entry(other, '2026-03-10T14:00:00.000Z', '2026-03-10T15:00:00.000Z', 'America/New_York'),
      a.owner,
    );
    const whole = await exported('schedule.exportIcs', MARCH, a.owner);
    expect(whole.fileName).toBe('greenroom-schedule-2026-03-01-to-2026-04-01.ics');

    const own = await exported('schedule.exportIcs', { ...MARCH, talentProfile: mia }, a.owner);
    expect(own.fileName).toBe('Mia Lux-schedule-2026-03-01-to-2026-04-01.ics');
    // Only Mia's entry: no other talent's, and no contract dates (they are nobody's talent's).
    expect(own.text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(own.text).toContain('SUMMARY:Mia Lux: rehearsal');

    // The range's days are those the calendar shows in its zone: March in Shanghai.
    const shanghai = await exported(
      'schedule.exportIcs',
      {
        from: '2026-02-28T16:00:00.000Z',
        to: '2026-03-31T16:00:00.000Z',
        talentProfile: mia,
        timezone: 'Asia/Shanghai',
      },
      a.owner,
    );
    expect(shanghai.fileName).toBe('Mia Lux-schedule-2026-03-01-to-2026-04-01.ics');

    // A stage name no file system takes as it is.
    const odd = (
      await t.call(
        'talents.create',
        { stageName: 'AC/DC: "Live"?', fullName: 'Odd', talentType: 'musician' },
        a.owner,
      )
    ).id;
    const { fileName } = await t.call(
      'schedule.exportIcs',
      { ...MARCH, talentProfile: odd },
      a.owner,
    );
    expect(fileName).not.toMatch(/[/\\:*?"<>|]/);
    expect(fileName).toMatch(/^AC-DC.*Live.*-schedule-2026-03-01-to-2026-04-01\.ics$/);

    // A talent the caller may not see is refused, not exported empty under its name.
    expect(
      await t.raw('schedule.exportIcs', { ...MARCH, talentProfile: other }, managerA),
    ).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('contract dates follow the days the calendar shows in its zone', async () => {
    const artist = (await t.call('artists.create', { artistName: 'Edge', genre: 'pop' }, a.owner))
      .id;
    const edge = (
      await t.call(
        'contracts.create',
        { artist, contractType: 'licensing', optionDate: '2026-02-28', expiryDate: '2026-03-31' },
        a.owner,
      )
    ).id;
    // March as shown in Shanghai: 28 February is not on it, 31 March is.
    const file = await exported(
      'schedule.exportIcs',
      {
        from: '2026-02-28T16:00:00.000Z',
        to: '2026-03-31T16:00:00.000Z',
        timezone: 'Asia/Shanghai',
      },
      a.owner,
    );
    expect(file.text).not.toContain(`UID:${edge}-option@greenroom`);
    expect(file.text).toContain(`UID:${edge}-expiry@greenroom`);
    expect(file.text).toContain('DTSTART;VALUE=DATE:20260331');
  });
});
