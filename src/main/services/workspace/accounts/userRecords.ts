import { eq } from 'drizzle-orm';
import type { User } from '../../../../shared/domain/user';
import type { Role } from '../../../../shared/domain/vocabulary';
import type { Db } from '../../../db/open';
import { users } from '../../../db/schema';
import { identityKey } from './identity';
import { newId } from '../../kernel/store';

type UserRow = typeof users.$inferSelect;

/** The public shape of a user: never the password hash. */
export function toUser(row: UserRow): User {
  return {
    id: row.id,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    username: row.username,
    email: row.email,
    fullName: row.fullName,
    role: row.role as Role,
    manager: row.manager,
    active: row.active,
  };
}

export function findUserRow(db: Pick<Db, 'select'>, id: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export interface NewUser {
  readonly username: string;
  readonly email: string;
  readonly fullName: string;
  readonly role: Role;
  readonly manager: string | null;
  readonly active: boolean;
  readonly passwordHash: string;
}

/** Inserts an account with its NFKC forms and lookup keys; the caller's transaction owns it. */
export function insertUser(tx: Pick<Db, 'insert'>, now: string, account: NewUser): User {
  const row = tx
    .insert(users)
    .values({
      id: newId(),
      createdAt: now,
      updatedAt: now,
      version: 1,
      username: account.username.normalize('NFKC'),
      usernameKey: identityKey(account.username),
      email: account.email.normalize('NFKC'),
      emailKey: identityKey(account.email),
      fullName: account.fullName,
      role: account.role,
      manager: account.manager,
      active: account.active,
      passwordHash: account.passwordHash,
    })
    .returning()
    .get();
  return toUser(row);
}
