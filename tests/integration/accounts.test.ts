import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../src/main/services/workspace/accounts/loginThrottle';
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

const newcomer = {
  username: 'newcomer',
  email: 'new@example.com',
  fullName: 'New Comer',
  password: PASSWORD,
};

describe('sign-up', () => {
  it('creates an inactive account that cannot sign in until an admin activates it', async () => {
    expect(await t.call('auth.signUp', newcomer)).toEqual({ pendingApproval: true });
    const pending = await t.raw('auth.login', { username: 'newcomer', password: PASSWORD });
    expect(pending).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/not active/) },
    });

    const [user] = (await t.call('users.list', { q: 'newcomer' }, a.owner)).items;
    expect(user).toMatchObject({ active: false, role: 'contributor' });
    await t.call(
      'users.update',
      { id: user!.id, version: user!.version, patch: { active: true, role: 'AandR' } },
      a.owner,
    );
    expect(
      (await t.call('auth.login', { username: 'newcomer', password: PASSWORD })).user.role,
    ).toBe('AandR');
  });

  it('is refused when an admin turns it off', async () => {
    const current = await t.call('settings.get', {}, a.owner);
    await t.call(
      'settings.update',
      { version: current.version, patch: { signUpEnabled: false } },
      a.owner,
    );
    expect(await t.call('setup.status', {})).toMatchObject({ signUpEnabled: false });
    const before = t.count('users');
    expect(await t.raw('auth.signUp', newcomer)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(t.count('users')).toBe(before);
  });

  it('treats usernames and emails as the same regardless of case and width', async () => {
    const reply = await t.raw('auth.signUp', {
      ...newcomer,
      username: 'ＯＷＮＥＲ',
      email: 'OWNER@EXAMPLE.COM',
    });
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        fields: { username: expect.any(String), email: expect.any(String) },
      },
    });
  });

  it('keeps settings to admins', async () => {
    const alice = await a.user('alice', 'manager');
    expect(
      await t.raw('settings.update', { version: 1, patch: { signUpEnabled: false } }, alice.token),
    ).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(
      await t.raw('settings.update', { version: 1, patch: { idleTimeoutMinutes: 1 } }, a.owner),
    ).toMatchObject({ error: { code: 'VALIDATION' } });
  });
});

describe('sign-in throttling', () => {
  it('refuses the sixth attempt in 15 minutes with the wait time, for real and unknown users alike', async () => {
    for (const username of ['owner', 'ghost']) {
      for (let i = 0; i < 5; i++) {
        expect(await t.raw('auth.login', { username, password: 'wrong-password' })).toMatchObject({
          error: { code: 'UNAUTHENTICATED' },
        });
      }
      const limited = await t.raw('auth.login', {
        username,
        password: username === 'owner' ? PASSWORD : 'wrong-password',
      });
      expect(limited).toMatchObject({
        ok: false,
        error: { code: 'RATE_LIMITED', message: expect.stringMatching(/Try again in 15 minutes/) },
      });
    }
    const { items } = await t.call('audit.list', { entity: 'users', limit: 100 }, a.owner);
    expect(items.filter((i) => i.action === 'auth.loginFailed')).toHaveLength(10);
    expect(items.filter((i) => i.action === 'auth.loginThrottled')).toHaveLength(2);
  });

  it('forgets failures as they leave the window', () => {
    let now = 0;
    const throttle = new LoginThrottle(5, 15 * 60_000, () => now);
    for (let i = 0; i < 5; i++) throttle.fail('x');
    expect(throttle.waitMs('x')).toBe(15 * 60_000);
    now = 15 * 60_000 + 1;
    expect(throttle.waitMs('x')).toBe(0);
  });
});

describe('passwords and sessions', () => {
  it('signs out every session when the password changes', async () => {
    const other = await a.token('owner');
    await t.call(
      'auth.changePassword',
      { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' },
      a.owner,
    );
    expect(await t.raw('auth.me', {}, other)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(await t.raw('auth.login', { username: 'owner', password: PASSWORD })).toMatchObject({
      ok: false,
    });
    expect(
      (await t.call('auth.login', { username: 'owner', password: 'a brand new passphrase' })).user
        .username,
    ).toBe('owner');
  });

  it('refuses a short new password and a wrong current one', async () => {
    expect(
      await t.raw(
        'auth.changePassword',
        { currentPassword: PASSWORD, newPassword: 'short' },
        a.owner,
      ),
    ).toMatchObject({ error: { code: 'VALIDATION', fields: { newPassword: expect.any(String) } } });
    expect(
      await t.raw(
        'auth.changePassword',
        { currentPassword: 'not it at all', newPassword: 'long enough password' },
        a.owner,
      ),
    ).toMatchObject({
      error: { code: 'VALIDATION', fields: { currentPassword: expect.any(String) } },
    });
  });

  it('ends a session that stayed idle longer than the setting', async () => {
    const token = await a.token('owner');
    // Pretend the session was last used two days ago.
    t.core.sqlite.prepare("UPDATE sessions SET last_seen_at = '2000-01-01T00:00:00.000Z'").run();
    expect(await t.raw('auth.me', {}, token)).toMatchObject({
      error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/expired/) },
    });
  });
});

describe('record history', () => {
  it('shows a team member the history of their talent, and nobody else’s', async () => {
    const alice = await a.user('alice', 'manager');
    const bob = await a.user('bob', 'manager');
    const carol = await a.user('carol', 'coordinator', alice.id);
    const created = await t.call(
      'talents.create',
      { stageName: 'A', fullName: 'B', talentType: 'actor', notes: 'secret' },
      alice.token,
    );
    await t.call(
      'talents.update',
      { id: created.id, version: 1, patch: { stageName: 'A2' } },
      carol.token,
    );

    const history = await t.call(
      'audit.list',
      { entity: 'talents', entityId: created.id },
      alice.token,
    );
    expect(history.items.map((i) => i.action)).toEqual(['talents.update', 'talents.create']);
    expect(history.items[0]?.expanded.actor?.username).toBe('carol');

    expect(
      await t.raw('audit.list', { entity: 'talents', entityId: created.id }, bob.token),
    ).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(await t.raw('audit.list', {}, alice.token)).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await t.raw('audit.list', { entity: 'users', entityId: alice.id }, alice.token),
    ).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });
});
