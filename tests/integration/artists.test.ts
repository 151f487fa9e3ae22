import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, withOwner, type Actors, type TestCore } from '../support/testCore';

let t: TestCore;
let a: Actors;
let ar: { id: string; token: string };
let otherAr: { id: string; token: string };
let legal: { id: string; token: string };

beforeEach(async () => {
  t = createTestCore();
  a = await withOwner(t);
  ar = await a.user('ada', 'AandR');
  otherAr = await a.user('omar', 'AandR');
  legal = await a.user('lee', 'legal');
});
afterEach(() => t.close());

describe('artists', () => {
  it('are created as prospects owned by their A&R, and listed highest priority first', async () => {
    const low = await t.call(
      'artists.create',
      { artistName: 'Low', genre: 'folk', priorityScore: 10 },
      ar.token,
    );
    expect(low).toMatchObject({
      status: 'prospect',
      owner: ar.id,
      socialFollowers: null,
      lastDemoDate: null,
    });
    await t.call(
      'artists.create',
      { artistName: 'High', genre: 'pop', priorityScore: 95 },
      otherAr.token,
    );
    await t.call('artists.create', { artistName: 'Unscored', genre: 'pop' }, ar.token);
    const list = await t.call('artists.list', {}, legal.token);
    expect(list.items.map((x) => x.artistName)).toEqual(['High', 'Low', 'Unscored']);
    expect((await t.call('artists.list', { genre: 'pop' }, legal.token)).items).toHaveLength(2);
    expect((await t.call('artists.list', { owner: ar.id }, legal.token)).items).toHaveLength(2);
    expect(
      (await t.call('artists.list', { q: 'scor' }, legal.token)).items.map((x) => x.artistName),
    ).toEqual(['Unscored']);
  });

  it('are changed only by their owner or an admin, with versions guarding against lost updates', async () => {
    const mine = await t.call('artists.create', { artistName: 'Mine', genre: 'folk' }, ar.token);
    const theirs = await t.raw(
      'artists.update',
      { id: mine.id, version: 1, patch: { status: 'in_talks' } },
      otherAr.token,
    );
    expect(theirs.ok || theirs.error.code).toBe('FORBIDDEN');
    const updated = await t.call(
      'artists.update',
      { id: mine.id, version: 1, patch: { status: 'in_talks', priorityScore: 60 } },
      ar.token,
    );
    expect(updated).toMatchObject({ status: 'in_talks', priorityScore: 60, version: 2 });
    const stale = await t.raw(
      'artists.update',
      { id: mine.id, version: 1, patch: { genre: 'x' } },
      a.owner,
    );
    expect(stale.ok || stale.error.code).toBe('CONFLICT');
    const handedOver = await t.call(
      'artists.update',
      { id: mine.id, version: 2, patch: { owner: otherAr.id } },
      a.owner,
    );
    expect(handedOver.expanded.owner.id).toBe(otherAr.id);
  });

  it('take only an active A&R user or admin as owner, and never derived fields', async () => {
    const wrongOwner = await t.raw(
      'artists.create',
      { artistName: 'X', genre: 'y', owner: legal.id },
      ar.token,
    );
    expect(wrongOwner.ok || wrongOwner.error.fields?.owner).toBe('Not an eligible active user');
    const derived = await t.raw(
      'artists.create',
      { artistName: 'X', genre: 'y', socialFollowers: 5 },
      ar.token,
    );
    expect(derived.ok || derived.error.code).toBe('VALIDATION');
    expect(t.count('artists')).toBe(0);
  });
});
