import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { scopeOf, teamManagerOf, type Action, type Entity } from '../../../shared/access';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../db/open';
import { talentProfiles } from '../../db/schema';
import type { Session } from './session';

/**
 * Whose agency rows the session may act on: every team's (undefined), one team's (its manager's
 * id), or none (null). A role without the grant gets FORBIDDEN, whoever calls.
 */
export function teamOf(
  session: Session,
  entity: Entity,
  action: Action,
): string | null | undefined {
  const scope = scopeOf(session.user.role, entity, action);
  if (scope === null) throw new AppError('FORBIDDEN', 'Your role does not allow this.');
  if (scope === 'all') return undefined;
  // A coordinator without a team sees nothing rather than everything.
  return scope === 'team' ? teamManagerOf(session.user) : null;
}

/**
 * The row condition for agency rows (a talent or anything hanging off one): undefined for every
 * row, the caller's team otherwise. `column` holds the row's team: the talent's manager, or a
 * child row's own copy of it (team_manager), whose index serves the team's list directly.
 */
export function teamCondition(
  session: Session,
  entity: Entity,
  action: Action,
  column: SQLiteColumn = talentProfiles.manager,
): SQL | undefined {
  const team = teamOf(session, entity, action);
  if (team === undefined) return undefined;
  return team ? eq(column, team) : sql`0`;
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
