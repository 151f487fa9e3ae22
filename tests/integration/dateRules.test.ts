import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localToday } from '../../src/shared/domain/common';
import { createTestCore, withOwner, type Actors, type TestCore } from '../support/testCore';

/**
 * The shared date rules, as main enforces them: instants and calendar dates between 2000-01-01
 * and 2100-12-31, a follower capture not after today; each refusal names its field with a code
 * the renderer words, and saves nothing.
 */
let t: TestCore;
let a: Actors;
let talent: string;
let artist: string;

beforeEach(async () => {
  t = createTestCore();
  a = await withOwner(t);
  talent = (
    await t.call(
      'talents.create',
      { stageName: 'Mia', fullName: 'Mia L', talentType: 'actor' },
      a.owner,
    )
  ).id;
  artist = (await t.call('artists.create', { artistName: 'Paper Tides', genre: 'indie' }, a.owner))
    .id;
});
afterEach(() => t.close());

const EARLY = { code: 'custom', rule: 'date_min', minimum: '2000-01-01' };
const LATE = { code: 'custom', rule: 'date_max', maximum: '2100-12-31' };

/** Calls the channel and expects a VALIDATION error whose field `field` has `issue`. */
async function refused(channel: string, input: unknown, field: string, issue: object) {
  const reply = await t.raw(channel, input, a.owner);
  expect(reply.ok, `${channel} ${field}`).toBe(false);
  if (reply.ok) return;
  expect(reply.error.code).toBe('VALIDATION');
  expect(reply.error.fields, channel).toHaveProperty([field]);
  expect(reply.error.fieldCodes?.[field], channel).toEqual(issue);
  // A person reads the summary: it counts the fields and never names them.
  expect(reply.error.message).not.toContain(field.split('.').pop());
}

describe('dates between 2000 and 2100', () => {
  it('refuses an audition in 1900 or 2101 at its date, and saves neither', async () => {
    const audition = (auditionDate: string) => ({
      talentProfile: talent,
      clientName: 'Acme',
      projectName: 'Spring',
      auditionType: 'in_person' as const,
      auditionDate,
    });
    await refused('auditions.create', audition('1900-03-01T10:00:00.000Z'), 'auditionDate', EARLY);
    await refused('auditions.create', audition('2101-03-01T10:00:00.000Z'), 'auditionDate', LATE);
    expect(t.count('auditions')).toBe(0);
    // The edges of the range are days like any other.
    await t.call('auditions.create', audition('2000-01-01T00:00:00.000Z'), a.owner);
    await t.call('auditions.create', audition('2100-12-31T23:00:00.000Z'), a.owner);
    expect(t.count('auditions')).toBe(2);
  });

  it('refuses bookings, schedule entries and away periods out of range, on create and edit', async () => {
    const booking = {
      talentProfile: talent,
      clientName: 'Acme',
      projectName: 'Spring',
      startDateTime: '1900-05-01T09:00:00.000Z',
      endDateTime: '2027-05-01T17:00:00.000Z',
    };
    await refused('bookings.create', booking, 'startDateTime', EARLY);
    const saved = await t.call(
      'bookings.create',
      { ...booking, startDateTime: '2027-05-01T09:00:00.000Z' },
      a.owner,
    );
    await refused(
      'bookings.update',
      { id: saved.id, version: saved.version, patch: { endDateTime: '2101-01-02T17:00:00.000Z' } },
      'patch.endDateTime',
      LATE,
    );
    await refused(
      'schedule.create',
      {
        talentProfile: talent,
        entryType: 'rehearsal',
        start: '2101-02-01T09:00:00.000Z',
        end: '2101-02-01T10:00:00.000Z',
        timezone: 'Europe/London',
      },
      'start',
      LATE,
    );
    await refused(
      'blocks.create',
      {
        talentProfile: talent,
        start: '1900-02-01T00:00:00.000Z',
        end: '2027-02-02T00:00:00.000Z',
        timezone: 'Europe/London',
        kind: 'unavailable',
      },
      'start',
      EARLY,
    );
    expect(t.count('bookings')).toBe(1);
    expect(t.count('schedule_entries')).toBe(0);
    expect(t.count('availability_blocks')).toBe(0);
  });

  it('refuses contract dates out of range', async () => {
    await refused(
      'contracts.create',
      { artist, contractType: 'recording', expiryDate: '2101-01-01' },
      'expiryDate',
      LATE,
    );
    await refused(
      'contracts.create',
      { artist, contractType: 'recording', optionDate: '1900-06-30' },
      'optionDate',
      EARLY,
    );
    expect(t.count('contracts')).toBe(0);
  });
});

describe('follower captures', () => {
  const capture = (captureDate: string) => ({
    artist,
    platform: 'tiktok' as const,
    followerCount: 1200,
    captureDate,
  });

  it('refuses a capture date of tomorrow, or a year typed into the month (0009), or 2101', async () => {
    const tomorrow = localToday(new Date(Date.now() + 86_400_000));
    await refused('growthLogs.create', capture(tomorrow), 'captureDate', {
      code: 'custom',
      rule: 'not_future',
    });
    await refused('growthLogs.create', capture('0009-02-09'), 'captureDate', EARLY);
    await refused('growthLogs.create', capture('2101-02-09'), 'captureDate', LATE);
    expect(t.count('social_growth_logs')).toBe(0);
    await t.call('growthLogs.create', capture(localToday()), a.owner);
    expect(t.count('social_growth_logs')).toBe(1);
  });

  it('are corrected by a new capture that replaces the wrong one, which stays listed and audited', async () => {
    const wrong = await t.call('growthLogs.create', capture('2026-09-01'), a.owner);
    expect((await t.call('artists.get', { id: artist }, a.owner)).socialFollowers).toBe(1200);
    const right = await t.call(
      'growthLogs.create',
      { ...capture('2026-09-01'), followerCount: 120, replaces: wrong.id },
      a.owner,
    );
    expect(right).toMatchObject({ replaces: wrong.id, replacedBy: null });
    // The wrong capture counts no more, but is still there, marked as replaced.
    expect((await t.call('artists.get', { id: artist }, a.owner)).socialFollowers).toBe(120);
    const list = await t.call('growthLogs.list', { artist }, a.owner);
    expect(list.items.map((l) => [l.id, l.replacedBy])).toEqual(
      expect.arrayContaining([
        [wrong.id, right.id],
        [right.id, null],
      ]),
    );
    const audit = await t.call('audit.list', { entity: 'growthLogs', entityId: right.id }, a.owner);
    expect(JSON.stringify(audit.items[0])).toContain(wrong.id);

    // A capture is corrected once (correct the correction instead), on its own platform.
    const again = await t.raw(
      'growthLogs.create',
      { ...capture('2026-09-01'), replaces: wrong.id },
      a.owner,
    );
    expect(again.ok || again.error.code).toBe('CONFLICT');
    const otherPlatform = await t.raw(
      'growthLogs.create',
      { ...capture('2026-09-01'), platform: 'youtube', replaces: right.id },
      a.owner,
    );
    expect(otherPlatform.ok || otherPlatform.error.fieldCodes?.platform).toEqual({
      code: 'custom',
      rule: 'not_allowed',
    });
    expect(t.count('social_growth_logs')).toBe(2);
  });
});

describe('field errors carry codes', () => {
  it('names what is wrong with each field as a code and parameters, not only in English', async () => {
    const reply = await t.raw(
      'bookings.create',
      {
        talentProfile: talent,
        clientName: 'x'.repeat(600),
        projectName: '  ',
        startDateTime: '2027-05-01T09:00:00.000Z',
        endDateTime: '2027-05-01T08:00:00.000Z',
        rate: -5,
      },
      a.owner,
    );
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.fieldCodes).toEqual({
      clientName: { code: 'too_big', origin: 'string', maximum: 160, inclusive: true },
      projectName: { code: 'required' },
      rate: { code: 'too_small', origin: 'number', minimum: 0, inclusive: true },
      endDateTime: { code: 'custom', rule: 'after_start' },
    });
    expect(Object.keys(reply.error.fields ?? {}).sort()).toEqual(
      ['clientName', 'endDateTime', 'projectName', 'rate'].sort(),
    );
    expect(reply.error.message).toBe('Please check the 4 highlighted fields.');
  });
});
