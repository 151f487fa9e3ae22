import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createTestCore,
  PASSWORD,
  withOwner,
  type Actors,
  type TestCore,
} from '../support/testCore';

let t: TestCore;
let a: Actors;
let token: string;
let talent: string;
let now: Date;
const clock = () => now;

beforeEach(async () => {
  now = new Date('2026-11-23T09:00:00.000Z');
  t = createTestCore(undefined, { clock });
  a = await withOwner(t);
  token = a.owner;
  talent = (
    await t.call(
      'talents.create',
      { stageName: 'Mia', fullName: 'Mia L', talentType: 'actor' },
      token,
    )
  ).id;
});
afterEach(() => t.close());

const SLOT = { startDateTime: '2027-02-01T10:00:00.000Z', endDateTime: '2027-02-01T18:00:00.000Z' };
const hold = (clientName: string, slot = SLOT, projectName = 'Spring campaign') =>
  t.call('bookings.create', { talentProfile: talent, clientName, projectName, ...slot }, token);
const get = (id: string) => t.call('bookings.get', { id }, token);
const ranks = async (...ids: string[]) =>
  Promise.all(ids.map(async (id) => (await get(id)).holdRank));

describe('ranked holds', () => {
  it('rank overlapping holds from different clients in order of arrival; a duplicate is refused', async () => {
    const first = await hold('Northwind');
    const second = await hold('Contoso');
    const elsewhere = await hold('Fabrikam', {
      startDateTime: '2027-02-02T10:00:00.000Z',
      endDateTime: '2027-02-02T12:00:00.000Z',
    });
    expect(await ranks(first.id, second.id, elsewhere.id)).toEqual([1, 2, 1]);
    const duplicate = await t.raw(
      'bookings.create',
      { talentProfile: talent, clientName: 'northwind', projectName: 'Spring campaign', ...SLOT },
      token,
    );
    expect(duplicate.ok || duplicate.error.code).toBe('CONFLICT');
  });

  it('confirm only the 1st, unless told to release those ahead; confirming releases the rest and lists them', async () => {
    const first = await hold('Northwind');
    const second = await hold('Contoso');
    const third = await hold('Fabrikam');
    const refused = await t.raw('bookings.confirm', { id: second.id }, token);
    expect(refused.ok || refused.error.code).toBe('CONFLICT');
    expect(await ranks(first.id, second.id, third.id)).toEqual([1, 2, 3]);

    const confirmed = await t.call(
      'bookings.confirm',
      { id: second.id, releaseAhead: true },
      token,
    );
    expect(confirmed.status).toBe('confirmed');
    expect(confirmed.released.map((r) => r.clientName).sort()).toEqual(['Fabrikam', 'Northwind']);
    for (const id of [first.id, third.id]) {
      expect(await get(id)).toMatchObject({
        status: 'cancelled',
        cancelReason: 'released',
        holdRank: null,
      });
    }
    // Nothing may be pencilled over a confirmed booking.
    const over = await t.raw(
      'bookings.create',
      { talentProfile: talent, clientName: 'Late', projectName: 'X', ...SLOT },
      token,
    );
    expect(over.ok || over.error.code).toBe('CONFLICT');
  });

  it('asks before confirming: main lists the holds to be released, and the confirmed booking keeps them as the clients to call', async () => {
    const first = await hold('Northwind', SLOT, 'Winter spot');
    const second = await hold('Contoso');
    const later = {
      startDateTime: '2027-02-01T16:00:00.000Z',
      endDateTime: '2027-02-01T20:00:00.000Z',
    };
    const third = await hold('Fabrikam', later, 'Summer tour');
    // What the dialog shows before the user says yes: main's list of what confirming releases.
    const preview = await t.call('bookings.releasePreview', { id: second.id }, token);
    expect(preview.holds.map((h) => h.clientName)).toEqual(['Northwind', 'Fabrikam']);
    // Asking writes nothing.
    expect(await ranks(first.id, second.id, third.id)).toEqual([1, 2, 3]);

    const confirmed = await t.call(
      'bookings.confirm',
      { id: second.id, releaseAhead: true },
      token,
    );
    expect(confirmed.released).toEqual(preview.holds);
    // Later, and after a reload: the booking still says whom to call, with each hold's time.
    const kept = await get(second.id);
    expect(kept.released).toEqual([
      {
        id: first.id,
        clientName: 'Northwind',
        projectName: 'Winter spot',
        startDateTime: SLOT.startDateTime,
        endDateTime: SLOT.endDateTime,
      },
      {
        id: third.id,
        clientName: 'Fabrikam',
        projectName: 'Summer tour',
        ...later,
      },
    ]);
    // Each released hold names the booking that released it.
    expect(await get(first.id)).toMatchObject({ status: 'cancelled', releasedBy: second.id });
    expect((await get(third.id)).releasedBy).toBe(second.id);
    // A hold cancelled by hand or one that was never released names nobody; nor lists anyone.
    const other = await hold('Tailspin', {
      startDateTime: '2027-03-01T10:00:00.000Z',
      endDateTime: '2027-03-01T12:00:00.000Z',
    });
    await t.call('bookings.cancel', { id: other.id }, token);
    expect(await get(other.id)).toMatchObject({ releasedBy: null, released: [] });
    // Confirming another booking on another time adds nothing to this one's list.
    const elsewhere = await hold('Litware', {
      startDateTime: '2027-03-02T10:00:00.000Z',
      endDateTime: '2027-03-02T12:00:00.000Z',
    });
    await t.call('bookings.confirm', { id: elsewhere.id }, token);
    expect((await get(second.id)).released.map((r) => r.clientName)).toEqual([
      'Northwind',
      'Fabrikam',
    ]);
    expect((await get(elsewhere.id)).released).toEqual([]);
    // Once confirmed there is nothing left to release.
    expect(await t.call('bookings.releasePreview', { id: second.id }, token)).toEqual({
      holds: [],
    });
  });

  it('move the next hold up when the 1st is cancelled', async () => {
    const first = await hold('Northwind');
    const second = await hold('Contoso');
    const third = await hold('Fabrikam');
    await t.call('bookings.cancel', { id: first.id, reason: 'Client went elsewhere' }, token);
    expect(await ranks(second.id, third.id)).toEqual([1, 2]);
    const history = await t.call('audit.list', { entity: 'bookings', entityId: second.id }, token);
    expect(history.items.map((e) => e.action)).toContain('bookings.rank');
  });

  it('release a challenged 1st hold when its deadline passes, even while the app was closed', async () => {
    const first = await hold('Northwind');
    const second = await hold('Contoso');
    const challenged = await t.call('bookings.challenge', { id: second.id, hours: 48 }, token);
    expect(challenged).toMatchObject({
      id: first.id,
      challengedBy: second.id,
      challengeDeadline: '2026-11-25T09:00:00.000Z',
    });
    const again = await t.raw('bookings.challenge', { id: second.id, hours: 1 }, token);
    expect(again.ok || again.error.code).toBe('CONFLICT');
    const byFirst = await t.raw('bookings.challenge', { id: first.id, hours: 1 }, token);
    expect(byFirst.ok || byFirst.error.code).toBe('CONFLICT');

    // The app closes; three days pass; it starts again.
    t.core.close();
    now = new Date('2026-11-26T09:00:00.000Z');
    const reopened = createTestCore(t.dir, { clock });
    try {
      const { token } = await reopened.call('auth.login', {
        username: 'owner',
        password: PASSWORD,
      });
      expect(await reopened.call('bookings.get', { id: first.id }, token)).toMatchObject({
        status: 'cancelled',
        cancelReason: 'released: challenge expired',
      });
      expect((await reopened.call('bookings.get', { id: second.id }, token)).holdRank).toBe(1);
      const trail = await reopened.call(
        'audit.list',
        { entity: 'bookings', entityId: first.id },
        token,
      );
      const expiry = trail.items.find((e) => e.action === 'bookings.challengeExpired');
      expect(expiry?.actor).toBeNull();
    } finally {
      reopened.core.close();
    }
  });

  it('a 1st hold that confirms in time ends the challenge and releases the challenger', async () => {
    const first = await hold('Northwind');
    const second = await hold('Contoso');
    await t.call('bookings.challenge', { id: second.id, hours: 24 }, token);
    const confirmed = await t.call('bookings.confirm', { id: first.id }, token);
    expect(confirmed).toMatchObject({ challengeDeadline: null, challengedBy: null });
    expect(confirmed.released.map((r) => r.id)).toEqual([second.id]);
    now = new Date('2026-12-01T00:00:00.000Z');
    token = await a.token('owner');
    expect(t.core.expireHoldChallenges()).toBe(0);
    expect((await get(first.id)).status).toBe('confirmed');
  });
});

describe('rank property', () => {
  it('keeps ranks a dense 1..n per slot through any sequence of holds, confirms, cancels and expired challenges', async () => {
    const slots = [0, 1, 2].map((i) => ({
      startDateTime: `2027-03-0${i + 1}T10:00:00.000Z`,
      endDateTime: `2027-03-0${i + 1}T12:00:00.000Z`,
    }));
    const op = fc.oneof(
      fc.record({ kind: fc.constant('hold' as const), slot: fc.nat(2), client: fc.nat(5) }),
      fc.record({ kind: fc.constant('confirm' as const), pick: fc.nat(20) }),
      fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat(20) }),
      fc.record({ kind: fc.constant('challenge' as const), pick: fc.nat(20) }),
      fc.record({ kind: fc.constant('expire' as const) }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        run += 1;
        talent = (
          await t.call(
            'talents.create',
            { stageName: `P${run}`, fullName: 'P', talentType: 'model' },
            token,
          )
        ).id;
        const made: { id: string; slot: number }[] = [];
        for (const o of ops) {
          if (o.kind === 'hold') {
            const reply = await t.raw(
              'bookings.create',
              {
                talentProfile: talent,
                clientName: `C${o.client}`,
                projectName: 'P',
                ...slots[o.slot]!,
              },
              token,
            );
            if (reply.ok) made.push({ id: (reply.data as { id: string }).id, slot: o.slot });
          } else if (o.kind === 'expire') {
            now = new Date(now.getTime() + 100 * 3_600_000);
            t.core.expireHoldChallenges();
            token = await a.token('owner');
          } else if (made.length > 0) {
            const target = made[o.pick % made.length]!;
            if (o.kind === 'confirm')
              await t.raw('bookings.confirm', { id: target.id, releaseAhead: true }, token);
            if (o.kind === 'cancel') await t.raw('bookings.cancel', { id: target.id }, token);
            if (o.kind === 'challenge')
              await t.raw('bookings.challenge', { id: target.id, hours: 1 }, token);
          }
        }
        const rows = (await t.call('bookings.list', { talentProfile: talent, limit: 100 }, token))
          .items;
        for (const [i, slot] of slots.entries()) {
          const inSlot = rows.filter((b) => b.startDateTime === slot.startDateTime);
          const held = inSlot
            .filter((b) => b.status === 'hold')
            .map((b) => b.holdRank)
            .sort();
          expect(held, `slot ${i}`).toEqual(held.map((_, k) => k + 1));
          if (inSlot.some((b) => b.status === 'confirmed')) expect(held).toEqual([]);
        }
      }),
      { numRuns: 40 },
    );
  });
});
