import { createHash, randomBytes } from 'node:crypto';
import { count, eq, or, sql } from 'drizzle-orm';
import type { Input, Output } from '../../../../shared/api';
import { AppError } from '../../../../shared/errors';
import { sessions, users } from '../../../db/schema';
import { assertIdentityFree, identityKey } from './identity';
import { DEFAULT_SCRYPT, hashPassword, verifyPassword, type ScryptCost } from './passwords';
import { LoginThrottle } from './loginThrottle';
import type { Session } from '../../kernel/session';
import type { SettingsService } from '../settings';
import type { Store } from '../../kernel/store';
import { insertUser, toUser } from './userRecords';

export interface AuthOptions {
  readonly scrypt?: ScryptCost;
  /** Overrides the workspace setting (tests); sessions unused for this long end. */
  readonly idleTimeoutMs?: number;
}
/** lastSeenAt is written at most this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function createAuthService(
  store: Store,
  settings: SettingsService,
  options: AuthOptions = {},
) {
  const { db } = store;
  const cost = options.scrypt ?? DEFAULT_SCRYPT;
  const idleTimeoutMs = (): number =>
    options.idleTimeoutMs ?? settings.current().idleTimeoutMinutes * 60_000;
  const throttle = new LoginThrottle();
  // Verifying against a real hash when the user does not exist keeps the timing the same.
  const decoyHash = hashPassword(randomBytes(16).toString('hex'), cost);

  const findSession = db
    .select({ user: users, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.user))
    .where(eq(sessions.tokenHash, sql.placeholder('token')))
    .prepare();

  /**
   * The session behind a token's hash (a ticket or an open event stream holds only the hash).
   * `touch: false` checks without counting as activity, so an open stream does not keep an
   * idle session alive.
   */
  function resolveHash(tokenHash: string, { touch = true }: { touch?: boolean } = {}): Session {
    store.assertOpen();
    const found = findSession.get({ token: tokenHash });
    if (!found || !found.user.active)
      throw new AppError('UNAUTHENTICATED', 'Please sign in again.');
    const idleFor = Date.parse(store.now()) - Date.parse(found.lastSeenAt);
    if (idleFor > idleTimeoutMs()) {
      db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
      throw new AppError('UNAUTHENTICATED', 'Your session has expired. Please sign in again.');
    }
    if (touch && idleFor > TOUCH_INTERVAL_MS) {
      db.update(sessions)
        .set({ lastSeenAt: store.now() })
        .where(eq(sessions.tokenHash, tokenHash))
        .run();
    }
    return { tokenHash, user: toUser(found.user) };
  }

  return {
    status(): Output<'setup.status'> {
      const row = db.select({ n: count() }).from(users).get();
      return { needsOwner: (row?.n ?? 0) === 0, signUpEnabled: settings.current().signUpEnabled };
    },

    async createOwner(input: Input<'setup.createOwner'>): Promise<Output<'setup.createOwner'>> {
      if (!this.status().needsOwner) {
        throw new AppError('CONFLICT', 'This workspace already has an owner. Sign in instead.');
      }
      assertIdentityFree(db, input.username, input.email);
      const passwordHash = await hashPassword(input.password, cost);
      const user = store.write(null, (w) => {
        // Checked again inside the write: two first-run windows must not both become owner.
        const existing = w.tx.select({ n: count() }).from(users).get();
        if ((existing?.n ?? 0) > 0) {
          throw new AppError('CONFLICT', 'This workspace already has an owner. Sign in instead.');
        }
        const user = insertUser(w.tx, w.now, {
          ...input,
          role: 'admin',
          manager: null,
          active: true,
          passwordHash,
        });
        const { id } = user;
        w.audit({
          action: 'setup.createOwner',
          entity: 'users',
          entityId: id,
          changes: { role: 'admin' },
        });
        w.emit({ entity: 'users', id, action: 'created' });
        return user;
      });
      return { user };
    },

    /** A new account waits, inactive, until an admin activates it and gives it a role. */
    async signUp(input: Input<'auth.signUp'>): Promise<Output<'auth.signUp'>> {
      if (this.status().needsOwner) {
        throw new AppError(
          'CONFLICT',
          'This workspace has no owner yet. Create the owner account first.',
        );
      }
      if (!settings.current().signUpEnabled) {
        throw new AppError(
          'FORBIDDEN',
          'Sign-up is turned off for this workspace. Ask an administrator for an account.',
        );
      }
      assertIdentityFree(db, input.username, input.email);
      const passwordHash = await hashPassword(input.password, cost);
      store.write(null, (w) => {
        assertIdentityFree(w.tx, input.username, input.email);
        // The least-privileged role until an admin decides; inactive means it cannot sign in.
        const user = insertUser(w.tx, w.now, {
          ...input,
          role: 'contributor',
          manager: null,
          active: false,
          passwordHash,
        });
        w.audit({
          action: 'auth.signUp',
          entity: 'users',
          entityId: user.id,
          changes: { username: user.username },
        });
        w.emit({ entity: 'users', id: user.id, action: 'created' });
      });
      return { pendingApproval: true };
    },

    async login(input: Input<'auth.login'>): Promise<Output<'auth.login'>> {
      const key = identityKey(input.username);
      const wait = throttle.waitMs(key);
      if (wait > 0) {
        const minutes = Math.ceil(wait / 60_000);
        store.write(null, (w) =>
          w.audit({
            action: 'auth.loginThrottled',
            entity: 'users',
            entityId: null,
            changes: { username: key },
          }),
        );
        throw new AppError(
          'RATE_LIMITED',
          `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
          { retryAfterSeconds: String(Math.ceil(wait / 1000)) },
        );
      }
      const row = db
        .select()
        .from(users)
        .where(or(eq(users.usernameKey, key), eq(users.emailKey, key)))
        .get();
      const ok = await verifyPassword(input.password, row?.passwordHash ?? (await decoyHash));
      if (!row || !ok) {
        throttle.fail(key);
        store.write(row?.id ?? null, (w) =>
          w.audit({ action: 'auth.loginFailed', entity: 'users', entityId: row?.id ?? null }),
        );
        throw new AppError('UNAUTHENTICATED', 'The username or password is not right.');
      }
      if (!row.active) {
        throw new AppError(
          'UNAUTHENTICATED',
          'Your account is not active yet. An administrator has to activate it.',
        );
      }
      throttle.succeed(key);
      const token = randomBytes(32).toString('base64url');
      store.write(row.id, (w) => {
        w.tx
          .insert(sessions)
          .values({
            tokenHash: hashToken(token),
            user: row.id,
            createdAt: w.now,
            lastSeenAt: w.now,
          })
          .run();
        w.audit({ action: 'auth.login', entity: 'users', entityId: row.id });
      });
      return { token, user: toUser(row) };
    },

    logout(session: Session): Output<'auth.logout'> {
      store.write(session.user.id, (w) => {
        w.tx.delete(sessions).where(eq(sessions.tokenHash, session.tokenHash)).run();
        w.audit({ action: 'auth.logout', entity: 'users', entityId: session.user.id });
      });
      return {};
    },

    async changePassword(
      session: Session,
      input: Input<'auth.changePassword'>,
    ): Promise<Output<'auth.changePassword'>> {
      const row = db.select().from(users).where(eq(users.id, session.user.id)).get();
      if (!row || !(await verifyPassword(input.currentPassword, row.passwordHash))) {
        throw new AppError('VALIDATION', 'The current password is not right.', {
          currentPassword: 'Not right',
        });
      }
      const passwordHash = await hashPassword(input.newPassword, cost);
      store.write(row.id, (w) => {
        w.tx
          .update(users)
          .set({ passwordHash, updatedAt: w.now, version: row.version + 1 })
          .where(eq(users.id, row.id))
          .run();
        // Every other session of this user ends: a changed password must lock out a thief.
        w.tx.delete(sessions).where(eq(sessions.user, row.id)).run();
        w.audit({ action: 'auth.changePassword', entity: 'users', entityId: row.id });
      });
      return {};
    },

    /** The session behind a bearer token, or UNAUTHENTICATED. */
    resolve(token: string | null): Session {
      if (!token) {
        store.assertOpen();
        throw new AppError('UNAUTHENTICATED', 'Please sign in.');
      }
      return resolveHash(hashToken(token));
    },

    resolveHash,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
