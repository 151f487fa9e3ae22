import { createHash, randomBytes } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { count, eq, lt, or, sql } from 'drizzle-orm';
import type { Input, Output } from '../../../../shared/api';
import type { User } from '../../../../shared/domain/user';
import type { Role } from '../../../../shared/domain/vocabulary';
import { AppError } from '../../../../shared/errors';
import { sessions, users } from '../../../db/schema';
import { assertIdentityFree, identityKey, identityTaken } from './identity';
import { DEFAULT_SCRYPT, hashPassword, verifyPassword, type ScryptCost } from './passwords';
import { assertPasswordAllowed } from './passwordPolicy';
import { LoginThrottle } from './loginThrottle';
import type { Session } from '../../kernel/session';
import type { SettingsService } from '../settings';
import { newId, type Store } from '../../kernel/store';
import { insertUser, toUser } from './userRecords';

export interface AuthOptions {
  readonly scrypt?: ScryptCost;
  /** Overrides the workspace setting (tests); sessions unused for this long end. */
  readonly idleTimeoutMs?: number;
}
/** lastSeenAt is written at most this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60 * 1000;
const DAY_MS = 86_400_000;
/** Expired session rows are deleted this often, besides at start and when one is found. */
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Guesses per account (its username and email share them) in 15 minutes, and per client
 * address across every name it tries: an office behind one address signs in many people, so
 * that limit is higher, and a success gives its attempt back.
 */
const ACCOUNT_ATTEMPTS = 5;
const ADDRESS_ATTEMPTS = 20;
const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

/** Where a call comes from (the router's CallOrigin): `local` for the desktop window. */
export interface AttemptOrigin {
  readonly clientAddress: string;
  /** The client's User-Agent header, kept on the session so its owner can tell devices apart. */
  readonly userAgent?: string;
}
const LOCAL: AttemptOrigin = { clientAddress: 'local' };

/** A row of findSession: the user's columns as a User has them, then the session's times. */
type SessionValues = [
  id: string,
  createdAt: string,
  updatedAt: string,
  version: number,
  username: string,
  email: string,
  fullName: string,
  role: Role,
  manager: string | null,
  active: number,
  sessionCreatedAt: string,
  lastSeenAt: string,
];

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * The hashes of the tokens calls come with lately: every call needs its token's hash, and the
 * same few tokens come again and again. Only the hash is a key to anything; a revoked token's
 * entry finds no session. Cleared when full, so it never grows past one office's clients.
 */
const recentHashes = new Map<string, string>();
const RECENT_HASHES = 1024;

function hashOfCaller(token: string): string {
  let hash = recentHashes.get(token);
  if (hash === undefined) {
    if (recentHashes.size >= RECENT_HASHES) recentHashes.clear();
    hash = hashToken(token);
    recentHashes.set(token, hash);
  }
  return hash;
}

/** A signed-out token has no further use: its entry goes with its session. */
function forgetCaller(hash: string): void {
  for (const [token, known] of recentHashes) {
    if (known === hash) recentHashes.delete(token);
  }
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
  const maxAgeMs = (): number => settings.current().sessionMaxDays * DAY_MS;
  const accountThrottle = new LoginThrottle(ACCOUNT_ATTEMPTS, THROTTLE_WINDOW_MS);
  const addressThrottle = new LoginThrottle(ADDRESS_ATTEMPTS, THROTTLE_WINDOW_MS);
  // Verifying against a real hash when the user does not exist keeps the timing the same.
  const decoyHash = hashPassword(randomBytes(16).toString('hex'), cost);

  /**
   * The session behind a token's hash, with its user: every call runs it, so it is one prepared
   * statement read as an array of only what a Session carries (no ORM mapping, no password hash).
   */
  const findSession = db.$client
    .prepare(
      `SELECT u.id, u.created_at, u.updated_at, u.version, u.username, u.email, u.full_name,
              u.role, u.manager, u.active, s.created_at, s.last_seen_at
       FROM sessions s JOIN users u ON u.id = s.user WHERE s.token_hash = ?`,
    )
    .raw(true) as Statement<[string], SessionValues>;

  const findAccount = db
    .select()
    .from(users)
    .where(
      or(eq(users.usernameKey, sql.placeholder('key')), eq(users.emailKey, sql.placeholder('key'))),
    )
    .prepare();

  function rateLimited(waitMs: number, what: string): AppError {
    const minutes = Math.ceil(waitMs / 60_000);
    return new AppError(
      'RATE_LIMITED',
      `Too many ${what}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      { retryAfterSeconds: String(Math.ceil(waitMs / 1000)) },
    );
  }

  /**
   * Counts a password check before it starts (synchronously, so parallel calls see each
   * other), on the account and, for sign-ins, on the client address; RATE_LIMITED instead
   * when either is used up. `succeeded` clears the account's count and gives the address
   * its attempt back.
   */
  function beginAttempt(
    account: string,
    address: string | null,
  ): { wait: number; succeeded(): void } {
    const wait = Math.max(
      accountThrottle.waitMs(account),
      address === null ? 0 : addressThrottle.waitMs(address),
    );
    if (wait > 0) return { wait, succeeded: () => undefined };
    accountThrottle.record(account);
    const at = address === null ? 0 : addressThrottle.record(address);
    return {
      wait: 0,
      succeeded() {
        accountThrottle.clear(account);
        if (address !== null) addressThrottle.release(address, at);
      },
    };
  }

  /** Deletes every session past its idle time or its maximum age. */
  function purgeExpired(): void {
    const now = Date.parse(store.now());
    db.delete(sessions)
      .where(
        or(
          lt(sessions.lastSeenAt, new Date(now - idleTimeoutMs()).toISOString()),
          lt(sessions.createdAt, new Date(now - maxAgeMs()).toISOString()),
        ),
      )
      .run();
  }

  purgeExpired();
  const purgeTimer = setInterval(() => {
    // The core closed: this timer is the auth service's own, so it stops itself.
    if (!db.$client.open) return clearInterval(purgeTimer);
    try {
      store.assertOpen();
      purgeExpired();
    } catch {
      // Paused for a restore, or busy: the next round, or the next resolve, purges them.
    }
  }, PURGE_INTERVAL_MS);
  purgeTimer.unref();

  /**
   * The session behind a token's hash (a ticket or an open event stream holds only the hash).
   * `touch: false` checks without counting as activity, so an open stream does not keep an
   * idle session alive.
   */
  function resolveHash(tokenHash: string, { touch = true }: { touch?: boolean } = {}): Session {
    store.assertOpen();
    const found = findSession.get(tokenHash);
    if (!found || found[9] !== 1) throw new AppError('UNAUTHENTICATED', 'Please sign in again.');
    const now = store.nowMs();
    const idleFor = now - Date.parse(found[11]);
    if (idleFor > idleTimeoutMs() || now - Date.parse(found[10]) > maxAgeMs()) {
      // Where one expired row is found others are likely: they all go.
      purgeExpired();
      throw new AppError('UNAUTHENTICATED', 'Your session has expired. Please sign in again.');
    }
    if (touch && idleFor > TOUCH_INTERVAL_MS) {
      db.update(sessions)
        .set({ lastSeenAt: store.now() })
        .where(eq(sessions.tokenHash, tokenHash))
        .run();
    }
    const user: User = {
      id: found[0],
      createdAt: found[1],
      updatedAt: found[2],
      version: found[3],
      username: found[4],
      email: found[5],
      fullName: found[6],
      role: found[7],
      manager: found[8],
      active: true,
    };
    return { tokenHash, user };
  }

  return {
    status(): Output<'setup.status'> {
      const row = db.select({ n: count() }).from(users).get();
      return { needsOwner: (row?.n ?? 0) === 0, signUpEnabled: settings.current().signUpEnabled };
    },

    async createOwner(
      input: Input<'setup.createOwner'>,
      origin: AttemptOrigin = LOCAL,
    ): Promise<Output<'setup.createOwner'>> {
      if (!this.status().needsOwner) {
        throw new AppError('CONFLICT', 'This workspace already has an owner. Sign in instead.');
      }
      assertIdentityFree(db, input.username, input.email);
      assertPasswordAllowed(input.password, 'password', input);
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
          changes: { role: 'admin', address: origin.clientAddress },
        });
        w.emit({ entity: 'users', id, action: 'created' });
        return user;
      });
      return { user };
    },

    /**
     * A new account waits, inactive, until an admin activates it and gives it a role. A taken
     * username or email gets the same answer after the same work (the hash, one write with its
     * audit row) and creates nothing: sign-up must not tell who has an account.
     */
    async signUp(
      input: Input<'auth.signUp'>,
      origin: AttemptOrigin = LOCAL,
    ): Promise<Output<'auth.signUp'>> {
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
      assertPasswordAllowed(input.password, 'password', input);
      const passwordHash = await hashPassword(input.password, cost);
      store.write(null, (w) => {
        if (identityTaken(w.tx, input.username, input.email)) {
          w.audit({
            action: 'auth.signUpRefused',
            entity: 'users',
            entityId: null,
            changes: {
              username: input.username,
              email: input.email,
              address: origin.clientAddress,
            },
          });
          return;
        }
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
          changes: { username: user.username, address: origin.clientAddress },
        });
        w.emit({ entity: 'users', id: user.id, action: 'created' });
      });
      return { pendingApproval: true };
    },

    async login(
      input: Input<'auth.login'>,
      origin: AttemptOrigin = LOCAL,
    ): Promise<Output<'auth.login'>> {
      const key = identityKey(input.username);
      const address = origin.clientAddress;
      const found = findAccount.get({ key });
      // One count per account whichever name is typed; an unknown name is counted as itself,
      // so it is throttled exactly like a real one and the answer tells nothing.
      const attempt = beginAttempt(found ? `user:${found.id}` : `name:${key}`, address);
      if (attempt.wait > 0) {
        store.write(null, (w) =>
          w.audit({
            action: 'auth.loginThrottled',
            entity: 'users',
            entityId: null,
            changes: { username: key, address },
          }),
        );
        throw rateLimited(attempt.wait, 'failed sign-ins');
      }
      const ok = await verifyPassword(input.password, found?.passwordHash || (await decoyHash));
      // Read again after the wait: the account may have changed meanwhile.
      const row = found && db.select().from(users).where(eq(users.id, found.id)).get();
      if (!row || !ok || row.passwordHash !== found.passwordHash) {
        store.write(row?.id ?? null, (w) =>
          w.audit({
            action: 'auth.loginFailed',
            entity: 'users',
            entityId: row?.id ?? null,
            changes: { address },
          }),
        );
        throw new AppError('UNAUTHENTICATED', 'The username or password is not right.');
      }
      attempt.succeeded();
      if (!row.active) {
        throw new AppError(
          'UNAUTHENTICATED',
          'Your account is not active yet. An administrator has to activate it.',
        );
      }
      const token = randomBytes(32).toString('base64url');
      store.write(row.id, (w) => {
        w.tx
          .insert(sessions)
          .values({
            tokenHash: hashToken(token),
            id: newId(),
            user: row.id,
            createdAt: w.now,
            lastSeenAt: w.now,
            clientAddress: address,
            userAgent: origin.userAgent ?? null,
          })
          .run();
        w.audit({ action: 'auth.login', entity: 'users', entityId: row.id, changes: { address } });
      });
      return { token, user: toUser(row) };
    },

    logout(session: Session): Output<'auth.logout'> {
      store.write(session.user.id, (w) => {
        w.tx.delete(sessions).where(eq(sessions.tokenHash, session.tokenHash)).run();
        w.audit({ action: 'auth.logout', entity: 'users', entityId: session.user.id });
      });
      forgetCaller(session.tokenHash);
      return {};
    },

    /** A wrong current password counts against the account like a failed sign-in. */
    async changePassword(
      session: Session,
      input: Input<'auth.changePassword'>,
      origin: AttemptOrigin = LOCAL,
    ): Promise<Output<'auth.changePassword'>> {
      const found = db.select().from(users).where(eq(users.id, session.user.id)).get();
      if (!found) throw new AppError('UNAUTHENTICATED', 'Please sign in again.');
      assertPasswordAllowed(input.newPassword, 'newPassword', found);
      const attempt = beginAttempt(`user:${found.id}`, null);
      if (attempt.wait > 0) throw rateLimited(attempt.wait, 'wrong passwords');
      const ok = await verifyPassword(
        input.currentPassword,
        found.passwordHash || (await decoyHash),
      );
      const row = db.select().from(users).where(eq(users.id, found.id)).get();
      if (!row || !ok || row.passwordHash !== found.passwordHash) {
        store.write(found.id, (w) =>
          w.audit({
            action: 'auth.changePasswordFailed',
            entity: 'users',
            entityId: found.id,
            changes: { address: origin.clientAddress },
          }),
        );
        throw new AppError('VALIDATION', 'The current password is not right.', {
          currentPassword: 'Not right',
        });
      }
      attempt.succeeded();
      const passwordHash = await hashPassword(input.newPassword, cost);
      store.write(row.id, (w) => {
        w.tx
          .update(users)
          .set({ passwordHash, updatedAt: w.now, version: row.version + 1 })
          .where(eq(users.id, row.id))
          .run();
        // Every other session of this user ends: a changed password must lock out a thief.
        w.tx.delete(sessions).where(eq(sessions.user, row.id)).run();
        w.audit({
          action: 'auth.changePassword',
          entity: 'users',
          entityId: row.id,
          changes: { address: origin.clientAddress },
        });
      });
      return {};
    },

    /** The session behind a bearer token, or UNAUTHENTICATED. */
    resolve(token: string | null): Session {
      if (!token) {
        store.assertOpen();
        throw new AppError('UNAUTHENTICATED', 'Please sign in.');
      }
      return resolveHash(hashOfCaller(token));
    },

    resolveHash,
    purgeExpired,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
