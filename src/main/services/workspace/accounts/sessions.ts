import { asc, count, eq } from 'drizzle-orm';
import { can } from '../../../../shared/access';
import type { Input, Output } from '../../../../shared/api';
import type { SignedInSession } from '../../../../shared/domain/signedInSession';
import { AppError } from '../../../../shared/errors';
import { sessions, users } from '../../../db/schema';
import type { Session } from '../../kernel/session';
import type { Store, WriteContext } from '../../kernel/store';
import { deviceOf } from './device';

type SessionRow = typeof sessions.$inferSelect;

/**
 * Signed-in sessions as people see them: who is signed in where, and ending one or all of
 * them. Admins (those who manage users) act on anyone's; everyone else on their own. The token
 * hash never leaves main: a session is named by its random id.
 */
export function createSessionService(
  store: Store,
  auth: {
    /** Drops sessions past their idle time or maximum age, so no dead one is listed. */
    purgeExpired(): void;
  },
) {
  const { db } = store;
  const managesUsers = (session: Session) => can(session.user.role, 'users', 'update');

  function toOutput(session: Session, row: SessionRow): SignedInSession {
    return {
      id: row.id,
      user: row.user,
      device: deviceOf(row.clientAddress, row.userAgent),
      clientAddress: row.clientAddress,
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      current: row.tokenHash === session.tokenHash,
    };
  }

  /** Whose sessions a call may act on: one's own, or anyone's for an admin. */
  function assertMayActFor(session: Session, user: string): void {
    if (user !== session.user.id && !managesUsers(session))
      throw new AppError(
        'FORBIDDEN',
        'Only an administrator can see or end other people’s sessions.',
      );
  }

  function ended(w: WriteContext, user: string, changes: Record<string, unknown>): void {
    w.audit({ action: 'sessions.revoke', entity: 'users', entityId: user, changes });
    // Admin screens listing the user's sessions refresh.
    w.emit({ entity: 'users', id: user, action: 'updated' });
  }

  return {
    list(session: Session, input: Input<'sessions.list'>): Output<'sessions.list'> {
      const user = input.user ?? session.user.id;
      assertMayActFor(session, user);
      store.assertOpen();
      auth.purgeExpired();
      const rows = db
        .select()
        .from(sessions)
        .where(eq(sessions.user, user))
        .orderBy(asc(sessions.createdAt), asc(sessions.id))
        .all();
      // The newest first, with the caller's own session at the top of their own list.
      const items = rows
        .reverse()
        .map((row) => toOutput(session, row))
        .sort((a, b) => Number(b.current) - Number(a.current));
      return { items };
    },

    revoke(session: Session, input: Input<'sessions.revoke'>): Output<'sessions.revoke'> {
      if (input.id !== undefined) {
        const id = input.id;
        return store.write(session.user.id, (w) => {
          const row = w.tx.select().from(sessions).where(eq(sessions.id, id)).get();
          // Another person's session reads as missing to someone who may not end it.
          if (!row || (row.user !== session.user.id && !managesUsers(session)))
            throw new AppError('NOT_FOUND', 'That session has already ended.');
          w.tx.delete(sessions).where(eq(sessions.id, row.id)).run();
          ended(w, row.user, { session: row.id, address: row.clientAddress, count: 1 });
          return { revoked: 1 };
        });
      }
      const user = input.user!;
      assertMayActFor(session, user);
      return store.write(session.user.id, (w) => {
        const exists = w.tx.select({ id: users.id }).from(users).where(eq(users.id, user)).get();
        if (!exists) throw new AppError('NOT_FOUND', 'That user does not exist.');
        const where = eq(sessions.user, user);
        const revoked = w.tx.select({ n: count() }).from(sessions).where(where).get()?.n ?? 0;
        w.tx.delete(sessions).where(where).run();
        ended(w, user, { all: true, count: revoked });
        return { revoked };
      });
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
