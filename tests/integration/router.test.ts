import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../src/shared/api';
import {
  createTestCore,
  PASSWORD,
  withOwner,
  type Actors,
  type TestCore,
} from '../support/testCore';

let t: TestCore;
let a: Actors;

beforeEach(async () => {
  t = createTestCore();
  a = await withOwner(t);
});
afterEach(() => t.close());

const talent = { stageName: 'Mia Lux', fullName: 'Mia Luxembourg', talentType: 'actor' } as const;

/** Row counts of every table a talent write touches: a rejected call must leave them alone. */
function counts() {
  return {
    talents: t.count('talent_profiles'),
    audit: t.count('audit_log'),
    users: t.count('users'),
  };
}

describe('first run and sign-in', () => {
  it('allows one owner only', async () => {
    expect(await t.call('setup.status', {})).toEqual({ needsOwner: false, signUpEnabled: true });
    const again = await t.raw('setup.createOwner', {
      username: 'second',
      email: 's@example.com',
      fullName: 'S',
      password: PASSWORD,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(t.count('users')).toBe(1);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await t.raw('auth.login', {
      username: 'nobody',
      password: 'whatever-password',
    });
    const wrong = await t.raw('auth.login', { username: 'owner', password: 'not-the-password' });
    expect(unknown).toEqual(wrong);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('signs in by email, case-insensitively, and never returns a password hash', async () => {
    const reply = await t.call('auth.login', { username: 'OWNER@example.com', password: PASSWORD });
    expect(reply.user.username).toBe('owner');
    expect(JSON.stringify(reply)).not.toMatch(/scrypt|passwordHash/);
  });

  it('ends the session on logout', async () => {
    const token = await a.token('owner');
    expect((await t.call('auth.me', {}, token)).user.username).toBe('owner');
    await t.call('auth.logout', {}, token);
    expect(await t.raw('auth.me', {}, token)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  it('audits sign-ins, failed and successful', async () => {
    await t.raw('auth.login', { username: 'owner', password: 'wrong-password!' });
    const { items } = await t.call('audit.list', { entity: 'users' }, a.owner);
    const actions = items.map((i) => i.action);
    expect(actions).toContain('auth.login');
    expect(actions).toContain('auth.loginFailed');
  });
});

describe('talents', () => {
  it('creates, reads, updates and archives with audit rows', async () => {
    const created = await t.call('talents.create', talent, a.owner);
    expect(created).toMatchObject({
      ...talent,
      version: 1,
      availabilityStatus: 'available',
      manager: a.ownerId,
    });
    expect(created.expanded.manager.fullName).toBe('Olive Owner');

    const updated = await t.call(
      'talents.update',
      {
        id: created.id,
        version: 1,
        patch: { availabilityStatus: 'booked', notes: 'Prefers mornings' },
      },
      a.owner,
    );
    expect(updated).toMatchObject({
      version: 2,
      availabilityStatus: 'booked',
      notes: 'Prefers mornings',
    });

    const archived = await t.call('talents.archive', { id: created.id }, a.owner);
    expect(archived.archivedAt).not.toBeNull();
    expect((await t.call('talents.list', {}, a.owner)).items).toHaveLength(0);
    expect((await t.call('talents.list', { includeArchived: true }, a.owner)).items).toHaveLength(
      1,
    );

    const { items } = await t.call(
      'audit.list',
      { entity: 'talents', entityId: created.id },
      a.owner,
    );
    expect(items.map((i) => i.action).sort()).toEqual([
      'talents.archive',
      'talents.create',
      'talents.update',
    ]);
    const update = items.find((i) => i.action === 'talents.update');
    expect(update?.changes).toMatchObject({ availabilityStatus: ['available', 'booked'] });
  });

  it('lists newest first with cursor paging and filters', async () => {
    for (let i = 0; i < 7; i++) {
      await t.call(
        'talents.create',
        { ...talent, stageName: `Act ${i}`, talentType: i % 2 ? 'model' : 'actor' },
        a.owner,
      );
    }
    const first = await t.call('talents.list', { limit: 3 }, a.owner);
    expect(first.items.map((x) => x.stageName)).toEqual(['Act 6', 'Act 5', 'Act 4']);
    const second = await t.call('talents.list', { limit: 3, cursor: first.nextCursor! }, a.owner);
    expect(second.items.map((x) => x.stageName)).toEqual(['Act 3', 'Act 2', 'Act 1']);
    const third = await t.call('talents.list', { limit: 3, cursor: second.nextCursor! }, a.owner);
    expect(third).toMatchObject({ nextCursor: null });
    expect(third.items.map((x) => x.stageName)).toEqual(['Act 0']);
    expect((await t.call('talents.list', { talentType: 'model' }, a.owner)).items).toHaveLength(3);
    expect(
      (await t.call('talents.list', { q: 'act 5' }, a.owner)).items.map((x) => x.stageName),
    ).toEqual(['Act 5']);
  });

  it('treats % and _ in the search text literally', async () => {
    await t.call('talents.create', { ...talent, stageName: '100% Real' }, a.owner);
    await t.call('talents.create', { ...talent, stageName: '1000 Real' }, a.owner);
    expect(
      (await t.call('talents.list', { q: '100%' }, a.owner)).items.map((x) => x.stageName),
    ).toEqual(['100% Real']);
    expect((await t.call('talents.list', { q: '_' }, a.owner)).items).toHaveLength(0);
  });

  it('rejects a stale version with CONFLICT and keeps the newer data', async () => {
    const created = await t.call('talents.create', talent, a.owner);
    await t.call(
      'talents.update',
      { id: created.id, version: 1, patch: { stageName: 'First edit' } },
      a.owner,
    );
    const before = counts();
    const stale = await t.raw(
      'talents.update',
      { id: created.id, version: 1, patch: { stageName: 'Lost edit' } },
      a.owner,
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(counts()).toEqual(before);
    expect((await t.call('talents.get', { id: created.id }, a.owner)).stageName).toBe('First edit');
  });
});

describe('bad input changes nothing', () => {
  const cases: [string, string, unknown, string][] = [
    ['missing fields', 'talents.create', { stageName: 'Only this' }, 'VALIDATION'],
    ['wrong types', 'talents.create', { ...talent, stageName: 42 }, 'VALIDATION'],
    ['unknown fields', 'talents.create', { ...talent, isAdmin: true }, 'VALIDATION'],
    [
      'a 100,000-character string',
      'talents.create',
      { ...talent, notes: 'x'.repeat(100_000) },
      'VALIDATION',
    ],
    ['an unknown enum value', 'talents.create', { ...talent, talentType: 'wizard' }, 'VALIDATION'],
    [
      'a javascript: link',
      'talents.create',
      { ...talent, portfolioUrl: 'javascript:alert(1)' },
      'VALIDATION',
    ],
    ['an invalid date', 'audit.list', { from: '2026-02-30' }, 'VALIDATION'],
    ['an unknown channel', 'talents.explode', {}, 'NOT_FOUND'],
    ['a missing record', 'talents.get', { id: 'no-such-id' }, 'NOT_FOUND'],
    ['a non-object input', 'talents.create', 'hello', 'VALIDATION'],
    ['a garbage cursor', 'talents.list', { cursor: '!!!' }, 'VALIDATION'],
    ['a limit over 100', 'talents.list', { limit: 101 }, 'VALIDATION'],
  ];

  it.each(cases)('%s', async (_name, channel, input, code) => {
    const before = counts();
    const reply = await t.raw(channel, input, a.owner);
    expect(reply).toMatchObject({ ok: false, error: { code } });
    expect(counts()).toEqual(before);
  });

  it('names each bad field', async () => {
    const reply = await t.raw(
      'talents.create',
      { stageName: '', talentType: 'wizard', extra: 1 },
      a.owner,
    );
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(Object.keys(reply.error.fields ?? {}).sort()).toEqual([
        'extra',
        'fullName',
        'stageName',
        'talentType',
      ]);
    }
  });

  it.each([
    ['no token', null],
    ['a forged token', 'Zm9yZ2VkLXRva2Vu'],
  ])('refuses %s with UNAUTHENTICATED', async (_name, token) => {
    const before = counts();
    // Every channel but the public ones (first run, sign-in, the desktop's workstation choice).
    for (const channel of CHANNELS.filter((c) => contract[c].guard !== 'public')) {
      const reply = await t.raw(channel, {}, token);
      expect(reply, channel).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
    expect(counts()).toEqual(before);
  });
});

describe('access by team and role', () => {
  it('keeps each manager’s team to its own talent', async () => {
    const alice = await a.user('alice', 'manager');
    const bob = await a.user('bob', 'manager');
    const carol = await a.user('carol', 'coordinator', alice.id);

    const alices = await t.call(
      'talents.create',
      { ...talent, stageName: 'Alice Act' },
      alice.token,
    );
    const bobs = await t.call('talents.create', { ...talent, stageName: 'Bob Act' }, bob.token);
    const carols = await t.call(
      'talents.create',
      { ...talent, stageName: 'Carol Act' },
      carol.token,
    );
    expect(carols.manager).toBe(alice.id);

    const names = async (token: string) =>
      (await t.call('talents.list', {}, token)).items.map((x) => x.stageName).sort();
    expect(await names(alice.token)).toEqual(['Alice Act', 'Carol Act']);
    expect(await names(carol.token)).toEqual(['Alice Act', 'Carol Act']);
    expect(await names(bob.token)).toEqual(['Bob Act']);
    expect(await names(a.owner)).toEqual(['Alice Act', 'Bob Act', 'Carol Act']);

    // Another team's row reads as absent, for every kind of call.
    const before = counts();
    expect(await t.raw('talents.get', { id: alices.id }, bob.token)).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    expect(
      await t.raw(
        'talents.update',
        { id: alices.id, version: 1, patch: { stageName: 'Hijacked' } },
        bob.token,
      ),
    ).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(await t.raw('talents.archive', { id: alices.id }, bob.token)).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    expect(
      await t.raw('talents.create', { ...talent, manager: bob.id }, carol.token),
    ).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(
      await t.raw(
        'talents.update',
        { id: bobs.id, version: 1, patch: { manager: alice.id } },
        carol.token,
      ),
    ).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(counts()).toEqual(before);
  });

  it('shows the label desk nothing of the agency desk', async () => {
    await t.call(
      'talents.create',
      { ...talent, notes: 'Rate is 5000', portfolioUrl: 'https://example.com/mia' },
      a.owner,
    );
    for (const role of ['AandR', 'legal', 'contributor'] as const) {
      const user = await a.user(`label-${role.toLowerCase()}`, role);
      const before = counts();
      expect(await t.raw('talents.list', {}, user.token)).toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
      expect(await t.raw('talents.create', talent, user.token)).toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
      expect(counts()).toEqual(before);
    }
  });

  it('keeps user administration to admins', async () => {
    const alice = await a.user('alice', 'manager');
    expect(await t.raw('users.list', {}, alice.token)).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.raw('audit.list', {}, alice.token)).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await t.raw(
        'users.create',
        {
          username: 'mallory',
          email: 'm@example.com',
          fullName: 'M',
          password: PASSWORD,
          role: 'admin',
        },
        alice.token,
      ),
    ).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('signs a deactivated user out everywhere', async () => {
    const alice = await a.user('alice', 'manager');
    const { version } = (await t.call('users.list', { q: 'alice' }, a.owner)).items[0]!;
    await t.call('users.update', { id: alice.id, version, patch: { active: false } }, a.owner);
    expect(await t.raw('talents.list', {}, alice.token)).toMatchObject({
      error: { code: 'UNAUTHENTICATED' },
    });
  });
});

describe('change events', () => {
  it('reach only sessions that may see the row, after the commit', async () => {
    const alice = await a.user('alice', 'manager');
    const bob = await a.user('bob', 'manager');
    const heard: Record<string, string[]> = { alice: [], bob: [], owner: [] };
    for (const [name, token] of [
      ['alice', alice.token],
      ['bob', bob.token],
      ['owner', a.owner],
    ] as const) {
      t.core.subscribe(t.core.auth.resolve(token), (event) =>
        heard[name]!.push(`${event.entity}:${event.action}`),
      );
    }
    const created = await t.call('talents.create', talent, alice.token);
    await t.raw(
      'talents.update',
      { id: created.id, version: 99, patch: { stageName: 'x' } },
      alice.token,
    );
    expect(heard.alice).toEqual(['talents:created']);
    expect(heard.owner).toEqual(['talents:created']);
    expect(heard.bob).toEqual([]);
  });
});
