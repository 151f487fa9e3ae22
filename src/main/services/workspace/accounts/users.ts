import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Input, Output } from '../../../../shared/api';
import type { User } from '../../../../shared/domain/user';
import type { Role } from '../../../../shared/domain/vocabulary';
import { AppError } from '../../../../shared/errors';
import { sessions, users } from '../../../db/schema';
import { assertIdentityFree, identityKey } from './identity';
import {
  afterCursor,
  DEFAULT_LIMIT,
  firstPageTotal,
  likeContains,
  pageOf,
} from '../../kernel/paging';
import { DEFAULT_SCRYPT, hashPassword, type ScryptCost } from './passwords';
import { assertPasswordAllowed } from './passwordPolicy';
import type { Session } from '../../kernel/session';
import { diff, type Store, type WriteContext } from '../../kernel/store';
import { findUserRow, insertUser, toUser } from './userRecords';

/** A coordinator must name an active manager; nobody else has one. */
function checkTeam(
  w: Pick<WriteContext, 'tx'>,
  role: Role,
  manager: string | null | undefined,
): string | null {
  if (role !== 'coordinator') {
    if (manager)
      throw new AppError('VALIDATION', 'Only a coordinator belongs to a manager’s team.', {
        manager: 'Only for coordinators',
      });
    return null;
  }
  if (!manager)
    throw new AppError('VALIDATION', 'A coordinator needs a manager.', {
      manager: 'Required for a coordinator',
    });
  const row = findUserRow(w.tx, manager);
  if (!row || row.role !== 'manager' || !row.active) {
    throw new AppError('VALIDATION', 'The manager must be an active user with the manager role.', {
      manager: 'Not an active manager',
    });
  }
  return manager;
}

export function createUserService(store: Store, cost: ScryptCost = DEFAULT_SCRYPT) {
  const { db } = store;
  return {
    list(_session: Session, input: Input<'users.list'>): Output<'users.list'> {
      const limit = input.limit ?? DEFAULT_LIMIT;
      const where: SQL[] = [];
      if (input.role) where.push(eq(users.role, input.role));
      if (input.q) {
        const pattern = likeContains(input.q);
        where.push(
          sql`(${users.username} LIKE ${pattern} ESCAPE '\\' OR ${users.fullName} LIKE ${pattern} ESCAPE '\\' OR ${users.email} LIKE ${pattern} ESCAPE '\\')`,
        );
      }
      const total = firstPageTotal(
        db,
        input,
        db
          .select({ id: users.id })
          .from(users)
          .where(and(...where)),
      );
      if (input.cursor) where.push(afterCursor(input.cursor, users.fullName, users.id, 'asc'));
      const rows = db
        .select()
        .from(users)
        .where(and(...where))
        .orderBy(users.fullName, users.id)
        .limit(limit + 1)
        .all();
      return pageOf(rows, limit, toUser, (item) => [item.fullName, item.id], total);
    },

    async create(session: Session, input: Input<'users.create'>): Promise<Output<'users.create'>> {
      assertIdentityFree(db, input.username, input.email);
      assertPasswordAllowed(input.password, 'password', input);
      const passwordHash = await hashPassword(input.password, cost);
      return store.write(session.user.id, (w) => {
        assertIdentityFree(w.tx, input.username, input.email);
        const manager = checkTeam(w, input.role, input.manager);
        const user = insertUser(w.tx, w.now, {
          username: input.username,
          email: input.email,
          fullName: input.fullName,
          role: input.role,
          manager,
          active: input.active ?? true,
          passwordHash,
        });
        const { id } = user;
        w.audit({
          action: 'users.create',
          entity: 'users',
          entityId: id,
          changes: { role: user.role, manager, active: user.active },
        });
        w.emit({ entity: 'users', id, action: 'created' });
        return user;
      });
    },

    async update(session: Session, input: Input<'users.update'>): Promise<Output<'users.update'>> {
      // A temporary password is held to the same rule: people keep them longer than meant.
      if (input.patch.password) {
        const account = findUserRow(db, input.id);
        assertPasswordAllowed(input.patch.password, 'password', {
          username: account?.username,
          email: input.patch.email ?? account?.email,
          fullName: input.patch.fullName ?? account?.fullName,
        });
      }
      const passwordHash = input.patch.password
        ? await hashPassword(input.patch.password, cost)
        : undefined;
      return store.write(session.user.id, (w) => {
        const before = findUserRow(w.tx, input.id);
        if (!before) throw new AppError('NOT_FOUND', 'That user does not exist.');
        if (input.version !== undefined && input.version !== before.version) {
          throw new AppError(
            'CONFLICT',
            'Someone else changed this user since you opened it. Reload and try again.',
          );
        }
        const { patch } = input;
        if (patch.email) assertIdentityFree(w.tx, null, patch.email, before.id);
        const role = patch.role ?? (before.role as Role);
        const manager = checkTeam(
          w,
          role,
          patch.manager === undefined
            ? role === 'coordinator'
              ? before.manager
              : null
            : patch.manager,
        );
        if (before.id === session.user.id && (role !== 'admin' || patch.active === false)) {
          throw new AppError('VALIDATION', 'You cannot remove your own admin access.', {
            role: 'Not for your own account',
          });
        }
        const active = patch.active ?? before.active;
        if (active && !before.passwordHash && !passwordHash) {
          throw new AppError(
            'VALIDATION',
            'This account was imported without a password: set one to activate it.',
            { password: 'Required to activate an imported account' },
          );
        }
        const next = {
          ...(passwordHash ? { passwordHash } : {}),
          email: patch.email?.normalize('NFKC') ?? before.email,
          emailKey: patch.email ? identityKey(patch.email) : before.emailKey,
          fullName: patch.fullName ?? before.fullName,
          role,
          manager,
          active,
          updatedAt: w.now,
          version: before.version + 1,
        };
        const row = w.tx.update(users).set(next).where(eq(users.id, before.id)).returning().get();
        // A new role, a deactivation or a password set by an admin ends the user's sessions.
        if (!next.active || role !== before.role || passwordHash)
          w.tx.delete(sessions).where(eq(sessions.user, before.id)).run();
        const user: User = toUser(row);
        w.audit({
          action: 'users.update',
          entity: 'users',
          entityId: user.id,
          // Never the hash: only that a password was set.
          changes: {
            ...diff(toUser(before), user),
            ...(passwordHash ? { passwordSet: true } : {}),
          },
        });
        w.emit({ entity: 'users', id: user.id, action: 'updated' });
        return user;
      });
    },
  };
}
