import { eq } from 'drizzle-orm';
import type { User } from '../../shared/domain/user';
import type { Role } from '../../shared/domain/vocabulary';
import type { Db } from '../db/open';
import { users } from '../db/schema';

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
