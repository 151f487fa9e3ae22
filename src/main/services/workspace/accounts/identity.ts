import { and, eq, ne, or } from 'drizzle-orm';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../../db/open';
import { users } from '../../../db/schema';

/** Usernames and emails are unique ignoring case and Unicode width: compare NFKC + lower case. */
export function identityKey(value: string): string {
  return value.normalize('NFKC').trim().toLowerCase();
}

/** The field messages for a username or email that belongs to another account (none: free). */
function identityClashes(
  db: Pick<Db, 'select'>,
  username: string | null,
  email: string | null,
  exceptId?: string,
): Record<string, string> {
  const usernameKey = username === null ? null : identityKey(username);
  const emailKey = email === null ? null : identityKey(email);
  const matches = [
    ...(usernameKey ? [eq(users.usernameKey, usernameKey)] : []),
    ...(emailKey ? [eq(users.emailKey, emailKey)] : []),
  ];
  if (matches.length === 0) return {};
  const clash = db
    .select({ usernameKey: users.usernameKey, emailKey: users.emailKey })
    .from(users)
    .where(exceptId ? and(or(...matches), ne(users.id, exceptId)) : or(...matches))
    .all();
  const fields: Record<string, string> = {};
  for (const row of clash) {
    if (usernameKey && row.usernameKey === usernameKey) fields.username = 'This username is taken';
    if (emailKey && row.emailKey === emailKey) fields.email = 'This email is already in use';
  }
  return fields;
}

/** CONFLICT naming the field when the username or email belongs to another account. */
export function assertIdentityFree(
  db: Pick<Db, 'select'>,
  username: string | null,
  email: string | null,
  exceptId?: string,
): void {
  const fields = identityClashes(db, username, email, exceptId);
  if (Object.keys(fields).length > 0)
    throw new AppError('CONFLICT', 'That account already exists', fields);
}

/** Whether the username or the email belongs to an account (for answers that must not say). */
export function identityTaken(db: Pick<Db, 'select'>, username: string, email: string): boolean {
  return Object.keys(identityClashes(db, username, email)).length > 0;
}
