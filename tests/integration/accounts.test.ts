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

  it('answers the same whether the username or email exists, creates nothing, and audits it', async () => {
    const fresh = await t.raw('auth.signUp', newcomer);
    const users = t.count('users');
    // Taken names, also when they differ only in case and width: the same answer, nothing made.
    for (const taken of [
      { ...newcomer, username: 'ＯＷＮＥＲ', email: 'someone@example.com' },
      { ...newcomer, username: 'someone', email: 'OWNER@EXAMPLE.COM' },
      { ...newcomer, email: 'other@example.com' },
    ]) {
      expect(await t.raw('auth.signUp', taken)).toEqual(fresh);
    }
    expect(t.count('users')).toBe(users);
    const { items } = await t.call('audit.list', { entity: 'users', limit: 100 }, a.owner);
    expect(items.filter((i) => i.action === 'auth.signUpRefused')).toHaveLength(3);
    expect(items.filter((i) => i.action === 'auth.signUp')).toHaveLength(1);
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

  const from = (clientAddress: string) => ({ clientAddress });
  const login = async (username: string, password: string, address = 'local') =>
    (await t.core.dispatch('auth.login', { username, password }, null, from(address))).envelope;
  const codes = (replies: { ok: boolean; error?: { code: string } }[]) =>
    replies.map((r) => (r.ok ? 'ok' : r.error!.code));

  it('checks at most five of forty parallel wrong passwords for one account', async () => {
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login('owner', `wrong password ${i}`)),
    );
    const answered = codes(replies);
    expect(answered.filter((c) => c === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(5);
    expect(answered.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(35);
    for (const reply of replies.filter((r) => !r.ok && r.error.code === 'RATE_LIMITED'))
      expect(reply).toMatchObject({ error: { fields: { retryAfterSeconds: expect.any(String) } } });
    const { items } = await t.call('audit.list', { entity: 'users', limit: 100 }, a.owner);
    expect(items.filter((i) => i.action === 'auth.loginFailed').length).toBeLessThanOrEqual(5);
  });

  it('refuses the right password after a burst of eleven parallel wrong ones', async () => {
    // Sent while the wrong ones are still being checked, as an attacker's last guess would be.
    const burst = Array.from({ length: 11 }, (_, i) => login('owner', `wrong password ${i}`));
    const right = login('owner', PASSWORD);
    await Promise.all(burst);
    expect(await right).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED' },
    });
  });

  it('locks the account, not the name: a username locked out is locked by email too', async () => {
    for (let i = 0; i < 5; i++) await login('owner', 'wrong password');
    expect(await login('OWNER@example.com', PASSWORD)).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED' },
    });
  });

  it('limits one address trying many names, and only that address', async () => {
    const answered = codes(
      await Promise.all(
        Array.from({ length: 40 }, (_, i) => login(`name-${i}`, 'wrong password', '203.0.113.9')),
      ),
    );
    expect(answered.filter((c) => c === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(20);
    expect(answered.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(20);
    expect(await login('owner', PASSWORD, '203.0.113.9')).toMatchObject({
      error: { code: 'RATE_LIMITED' },
    });
    expect(await login('owner', PASSWORD, '203.0.113.10')).toMatchObject({ ok: true });
  });

  it('clears an account’s count when it signs in', async () => {
    for (let i = 0; i < 4; i++) await login('owner', 'wrong password');
    expect(await login('owner', PASSWORD)).toMatchObject({ ok: true });
    for (let i = 0; i < 4; i++)
      expect(await login('owner', 'wrong password')).toMatchObject({
        error: { code: 'UNAUTHENTICATED' },
      });
  });

  it('throttles wrong current passwords when changing the password, per account', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.raw(
          'auth.changePassword',
          { currentPassword: `not it ${i}`, newPassword: 'a brand new passphrase' },
          a.owner,
        ),
      ),
    );
    const answered = codes(attempts);
    expect(answered.filter((c) => c === 'VALIDATION').length).toBeLessThanOrEqual(5);
    expect(answered.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(5);
    expect(
      await t.raw(
        'auth.changePassword',
        { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' },
        a.owner,
      ),
    ).toMatchObject({
      error: { code: 'RATE_LIMITED', fields: { retryAfterSeconds: expect.any(String) } },
    });
    // Nothing changed: the password is the old one, and the session still open.
    expect(await t.raw('auth.me', {}, a.owner)).toMatchObject({ ok: true });
  });

  it('audits sign-ins with the client address', async () => {
    await login('owner', 'wrong password', '203.0.113.20');
    await login('owner', PASSWORD, '203.0.113.21');
    const { items } = await t.call('audit.list', { entity: 'users', limit: 100 }, a.owner);
    expect(items.find((i) => i.action === 'auth.loginFailed')?.changes).toMatchObject({
      address: '203.0.113.20',
    });
    expect(items.find((i) => i.action === 'auth.login')?.changes).toMatchObject({
      address: '203.0.113.21',
    });
  });

  it('forgets attempts as they leave the window, and gives one back when asked', () => {
    let now = 0;
    const throttle = new LoginThrottle(5, 15 * 60_000, () => now);
    const first = throttle.record('x');
    for (let i = 0; i < 4; i++) throttle.record('x');
    expect(throttle.waitMs('x')).toBe(15 * 60_000);
    throttle.release('x', first);
    expect(throttle.waitMs('x')).toBe(0);
    throttle.record('x');
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

  it('refuses passwords shorter than 12 characters or common, naming the field, changing nothing', async () => {
    const users = t.count('users');
    for (const password of ['eleven char', 'password1234', 'qwerty123456', 'Password123!']) {
      expect(await t.raw('auth.signUp', { ...newcomer, password })).toMatchObject({
        error: { code: 'VALIDATION', fields: { password: expect.any(String) } },
      });
      expect(
        await t.raw(
          'users.create',
          { ...newcomer, username: 'made', password, role: 'contributor' },
          a.owner,
        ),
      ).toMatchObject({ error: { code: 'VALIDATION', fields: { password: expect.any(String) } } });
      expect(
        await t.raw(
          'auth.changePassword',
          { currentPassword: PASSWORD, newPassword: password },
          a.owner,
        ),
      ).toMatchObject({
        error: { code: 'VALIDATION', fields: { newPassword: expect.any(String) } },
      });
    }
    expect(t.count('users')).toBe(users);
    const alice = await a.user('alice', 'manager');
    const [row] = (await t.call('users.list', { q: 'alice' }, a.owner)).items;
    expect(
      await t.raw(
        'users.update',
        { id: alice.id, version: row!.version, patch: { password: 'iloveyou1234' } },
        a.owner,
      ),
    ).toMatchObject({ error: { code: 'VALIDATION', fields: { password: expect.any(String) } } });
    // A password built on the account's own name is as guessable as a common one.
    expect(
      await t.raw('auth.signUp', {
        ...newcomer,
        username: 'zanzibarqueen',
        email: 'zq@example.com',
        password: 'zanzibarqueen1',
      }),
    ).toMatchObject({ error: { code: 'VALIDATION', fields: { password: expect.any(String) } } });
    expect(t.count('users')).toBe(users + 1);
    expect(await t.raw('auth.me', {}, a.owner)).toMatchObject({ ok: true });
  });

  it('refuses a common password for the first owner', async () => {
    const fresh = createTestCore();
    try {
      expect(
        await fresh.raw('setup.createOwner', { ...newcomer, password: 'password1234' }),
      ).toMatchObject({ error: { code: 'VALIDATION', fields: { password: expect.any(String) } } });
      expect(fresh.count('users')).toBe(0);
    } finally {
      fresh.close();
    }
  });

  it('ends a session older than the workspace’s maximum, however busy', async () => {
    expect((await t.call('settings.get', {}, a.owner)).sessionMaxDays).toBe(30);
    const token = await a.token('owner');
    // Signed in 31 days ago, used a moment ago.
    const old = new Date(Date.now() - 31 * 86_400_000).toISOString();
    t.core.sqlite.prepare('UPDATE sessions SET created_at = ?').run(old);
    expect(await t.raw('auth.me', {}, token)).toMatchObject({
      error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/expired/) },
    });
    // Every expired row went with it, not only the one that was asked about.
    expect(t.count('sessions')).toBe(0);
  });

  it('lets admins set the maximum session age, within bounds', async () => {
    const current = await t.call('settings.get', {}, a.owner);
    for (const sessionMaxDays of [0, 366])
      expect(
        await t.raw(
          'settings.update',
          { version: current.version, patch: { sessionMaxDays } },
          a.owner,
        ),
      ).toMatchObject({
        error: { code: 'VALIDATION', fields: { 'patch.sessionMaxDays': expect.any(String) } },
      });
    await t.call(
      'settings.update',
      { version: current.version, patch: { sessionMaxDays: 7 } },
      a.owner,
    );
    const token = await a.token('owner');
    t.core.sqlite
      .prepare('UPDATE sessions SET created_at = ?')
      .run(new Date(Date.now() - 8 * 86_400_000).toISOString());
    expect(await t.raw('auth.me', {}, token)).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('purges expired sessions when the workspace opens', async () => {
    await a.token('owner');
    await a.token('owner');
    t.core.sqlite.prepare("UPDATE sessions SET last_seen_at = '2000-01-01T00:00:00.000Z'").run();
    const dir = t.dir;
    t.core.close();
    t = createTestCore(dir);
    expect(t.count('sessions')).toBe(0);
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
