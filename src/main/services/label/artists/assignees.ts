import type { Role } from '../../../../shared/domain/vocabulary';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../../db/open';
import { findUserRow } from '../../workspace/accounts/userRecords';

/**
 * A user a label record may be assigned to (an artist's owner, a contract's legal owner): active
 * and in one of the roles that do that work. VALIDATION naming the field otherwise.
 */
export function requireAssignee(
  tx: Pick<Db, 'select'>,
  userId: string,
  roles: readonly Role[],
  field: string,
  message: string,
): void {
  const row = findUserRow(tx, userId);
  if (!row || !row.active || !roles.includes(row.role as Role)) {
    throw new AppError('VALIDATION', message, { [field]: 'Not an eligible active user' });
  }
}
