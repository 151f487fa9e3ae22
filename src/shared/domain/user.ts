import { z } from 'zod';
import { id, listPaging, optionalText, rowMeta } from './common';
import { ROLES } from './vocabulary';

export const MIN_PASSWORD_LENGTH = 12;

/**
 * The field messages of the password rule. The forms show them translated (they match these
 * texts), so main and the forms must use these constants, not their own wording.
 */
export const PASSWORD_TOO_SHORT = `At least ${MIN_PASSWORD_LENGTH} characters`;
export const PASSWORD_TOO_COMMON = 'Too common or too easy to guess';

export const username = z
  .string()
  .trim()
  .min(3, 'At least 3 characters')
  .max(64, 'At most 64 characters')
  .regex(/^[\p{L}\p{N}._-]+$/u, 'Letters, digits, dot, dash and underscore only');
export const email = z.email('Must be an email address').max(254, 'At most 254 characters');
export const fullName = z.string().trim().min(1, 'Required').max(160, 'At most 160 characters');
export const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, PASSWORD_TOO_SHORT)
  .max(1024, 'At most 1024 characters');

export const user = z.object({
  ...rowMeta,
  username: z.string(),
  email: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  manager: z.string().nullable(),
  active: z.boolean(),
});
export type User = z.infer<typeof user>;

export const newAccount = z.strictObject({ username, email, fullName, password });

export const userCreate = z.strictObject({
  username,
  email,
  fullName,
  password,
  role: z.enum(ROLES),
  manager: id.nullable().optional(),
  active: z.boolean().optional(),
});

export const userPatch = z.strictObject({
  email: email.optional(),
  fullName: fullName.optional(),
  role: z.enum(ROLES).optional(),
  manager: id.nullable().optional(),
  active: z.boolean().optional(),
  /** A temporary password from an admin: for accounts imported without one, or a reset. */
  password: password.optional(),
});

export const userList = z.strictObject({
  role: z.enum(ROLES).optional(),
  q: optionalText(200),
  ...listPaging,
});
