import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, withOwner, type Actors, type TestCore } from '../support/testCore';

let t: TestCore;
let a: Actors;
let talent: string;
let managerB: { id: string; token: string };

beforeEach(async () => {
  t = createTestCore();
  a = await withOwner(t);
  managerB = await a.user('bob', 'manager');
  talent = (
    await t.call(
      'talents.create',
      { stageName: 'Mia', fullName: 'Mia L', talentType: 'actor' },
      a.owner,
    )
  ).id;
});
afterEach(() => t.close());

const DAY = { start: '2027-04-10T00:00:00.000Z', end: '2027-04-11T00:00:00.000Z' };
const block = (kind: 'unavailable' | 'out_of_town', span = DAY, note?: string) =>
  t.call(
    'blocks.create',
    { talentProfile: talent, ...span, timezone: 'Europe/Paris', kind, ...(note ? { note } : {}) },
    a.owner,
  );

describe('availability blocks', () => {
  it('are created, listed by range, updated with a version and deleted, each audited', async () => {
    const away = await block('out_of_town', DAY, 'Festival in Lyon');
    expect(away).toMatchObject({
      kind: 'out_of_town',
      note: 'Festival in Lyon',
      expanded: { talentProfile: { stageName: 'Mia' } },
    });
    const inRange = await t.call(
      'blocks.list',
      { from: '2027-04-10T12:00:00.000Z', to: '2027-04-12T00:00:00.000Z' },
      a.owner,
    );
    expect(inRange.items.map((b) => b.id)).toEqual([away.id]);
    const outside = await t.call(
      'blocks.list',
      { talentProfile: talent, from: '2027-04-11T00:00:00.000Z', to: '2027-04-12T00:00:00.000Z' },
      a.owner,
    );
    expect(outside.items).toEqual([]);
    const moved = await t.call(
      'blocks.update',
      { id: away.id, version: 1, patch: { end: '2027-04-12T00:00:00.000Z' } },
      a.owner,
    );
    expect(moved.version).toBe(2);
    const stale = await t.raw(
      'blocks.update',
      { id: away.id, version: 1, patch: { note: 'x' } },
      a.owner,
    );
    expect(stale.ok || stale.error.code).toBe('CONFLICT');
    const backwards = await t.raw(
      'blocks.update',
      { id: away.id, version: 2, patch: { end: '2027-04-09T00:00:00.000Z' } },
      a.owner,
    );
    expect(backwards.ok || backwards.error.code).toBe('VALIDATION');
    // Another team's manager neither sees nor removes it.
    expect(
      (await t.call('blocks.list', { from: DAY.start, to: DAY.end }, managerB.token)).items,
    ).toEqual([]);
    const theirs = await t.raw('blocks.delete', { id: away.id }, managerB.token);
    expect(theirs.ok || theirs.error.code).toBe('NOT_FOUND');
    await t.call('blocks.delete', { id: away.id }, a.owner);
    expect(t.count('availability_blocks')).toBe(0);
    const trail = await t.call(
      'audit.list',
      { entity: 'availability', entityId: away.id },
      a.owner,
    );
    expect(trail.items.map((e) => e.action)).toEqual([
      'blocks.delete',
      'blocks.update',
      'blocks.create',
    ]);
  });
});

describe('one clash check', () => {
  it('lists everything on the talent’s time, blocking or informational, with hold ranks', async () => {
    await block(
      'unavailable',
      { start: '2027-04-10T08:00:00.000Z', end: '2027-04-10T09:00:00.000Z' },
      'Dentist',
    );
    await block('out_of_town', {
      start: '2027-04-10T00:00:00.000Z',
      end: '2027-04-11T00:00:00.000Z',
    });
    await t.call(
      'auditions.create',
      {
        talentProfile: talent,
        clientName: 'Casting Co',
        projectName: 'Pilot',
        auditionType: 'in_person',
        auditionDate: '2027-04-10T13:30:00.000Z',
      },
      a.owner,
    );
    const slot = {
      startDateTime: '2027-04-10T14:00:00.000Z',
      endDateTime: '2027-04-10T16:00:00.000Z',
    };
    await t.call(
      'bookings.create',
      { talentProfile: talent, clientName: 'Northwind', projectName: 'Spot', ...slot },
      a.owner,
    );
    await t.call(
      'bookings.create',
      { talentProfile: talent, clientName: 'Contoso', projectName: 'Reel', ...slot },
      a.owner,
    );
    await t.call(
      'bookings.create',
      {
        talentProfile: talent,
        clientName: 'Fabrikam',
        projectName: 'Show',
        status: 'confirmed',
        startDateTime: '2027-04-10T17:00:00.000Z',
        endDateTime: '2027-04-10T18:00:00.000Z',
      },
      a.owner,
    );

    const { clashes } = await t.call(
      'clashes.check',
      { talentProfile: talent, start: '2027-04-10T07:00:00.000Z', end: '2027-04-10T20:00:00.000Z' },
      a.owner,
    );
    const summary = clashes.map((c) => [c.kind, c.label, c.blocking, c.holdRank]);
    expect(summary).toEqual([
      ['block', 'out_of_town', false, null],
      ['block', 'unavailable: Dentist', true, null],
      ['audition', 'Casting Co · Pilot', false, null],
      ['booking', 'Northwind · Spot', false, 1],
      ['booking', 'Contoso · Reel', false, 2],
      ['booking', 'Fabrikam · Show', true, null],
    ]);
  });

  it('refuses a booking or a schedule entry over an unavailable period, not over out-of-town', async () => {
    await block('unavailable', {
      start: '2027-04-10T08:00:00.000Z',
      end: '2027-04-10T12:00:00.000Z',
    });
    await block('out_of_town', {
      start: '2027-04-11T00:00:00.000Z',
      end: '2027-04-12T00:00:00.000Z',
    });
    const refused = await t.raw(
      'bookings.create',
      {
        talentProfile: talent,
        clientName: 'A',
        projectName: 'B',
        startDateTime: '2027-04-10T09:00:00.000Z',
        endDateTime: '2027-04-10T10:00:00.000Z',
      },
      a.owner,
    );
    expect(refused.ok || refused.error.code).toBe('CONFLICT');
    const entry = await t.raw(
      'schedule.create',
      {
        talentProfile: talent,
        entryType: 'fitting',
        start: '2027-04-10T11:00:00.000Z',
        end: '2027-04-10T13:00:00.000Z',
        timezone: 'UTC',
        status: 'confirmed',
      },
      a.owner,
    );
    expect(entry.ok || entry.error.code).toBe('CONFLICT');
    const travel = await t.raw(
      'bookings.create',
      {
        talentProfile: talent,
        clientName: 'A',
        projectName: 'B',
        startDateTime: '2027-04-11T09:00:00.000Z',
        endDateTime: '2027-04-11T10:00:00.000Z',
      },
      a.owner,
    );
    expect(travel.ok).toBe(true);
  });
});
