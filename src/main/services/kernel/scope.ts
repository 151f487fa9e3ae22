import { and, eq, sql, type SQL } from 'drizzle-orm';
import { scopeOf, teamManagerOf, type Action, type Entity } from '../../../shared/access';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../db/open';
import { talentProfiles } from '../../db/schema';
import type { Session } from './session';

/**
 * The row condition for agency rows (a talent or anything hanging off one): undefined for every
 * row, the caller's team otherwise. A role without the grant gets FORBIDDEN, whoever calls.
 */
export function teamCondition(session: Session, entity: Entity, action: Action): SQL | undefined {
  const scope = scopeOf(session.user.role, entity, action);
  if (scope === null) throw new AppError('FORBIDDEN', 'Your role does not allow this.');
  if (scope === 'all') return undefined;
  const team = scope === 'team' ? teamManagerOf(session.user) : null;
  // A coordinator without a team sees nothing rather than everything.
  return team ? eq(talentProfiles.manager, team) : sql`0`;
}

/** The talent a child row is for, if the session may act on its rows; NOT_FOUND otherwise. */
export function talentInScope(
  tx: Pick<Db, 'select'>,
  session: Session,
  talentId: string,
  entity: Entity,
  action: Action,
): { id: string; manager: string; stageName: string } {
  const row = tx
    .select({
      id: talentProfiles.id,
      manager: talentProfiles.manager,
      stageName: talentProfiles.stageName,
      archivedAt: talentProfiles.archivedAt,
    })
    .from(talentProfiles)
    .where(and(eq(talentProfiles.id, talentId), teamCondition(session, entity, action)))
    .get();
  if (!row) {
    throw new AppError('NOT_FOUND', 'That talent does not exist or is not on your team.', {
      talentProfile: 'Not found',
    });
  }
  if (row.archivedAt && action !== 'read') {
    throw new AppError('VALIDATION', 'That talent is archived.', { talentProfile: 'Archived' });
  }
  return row;
}
