import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { scopeOf, teamManagerOf, type Action, type Entity } from '../../../shared/access';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../db/open';
import { perConnection } from './perConnection';
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

/** A talent as a child row's write needs it, with and without a team. */
function prepareTalentReads(db: Db) {
  const read = () =>
    db
      .select({
        id: talentProfiles.id,
        manager: talentProfiles.manager,
        stageName: talentProfiles.stageName,
        archivedAt: talentProfiles.archivedAt,
      })
      .from(talentProfiles);
  const p = sql.placeholder;
  return {
    any: read()
      .where(eq(talentProfiles.id, p('id')))
      .prepare(),
    inTeam: read()
      .where(and(eq(talentProfiles.id, p('id')), eq(talentProfiles.manager, p('team'))))
      .prepare(),
  };
}

const talentReads = perConnection(prepareTalentReads);

/**
 * The talent a child row is for, if the session may act on its rows; NOT_FOUND otherwise. `db`
 * is the store's connection: inside a write it sees that write's rows (one connection).
 */
export function talentInScope(
  db: Db,
  session: Session,
  talentId: string,
  entity: Entity,
  action: Action,
): { id: string; manager: string; stageName: string } {
  const statements = talentReads(db);
  const team = teamOf(session, entity, action);
  const row =
    team === undefined
      ? statements.any.get({ id: talentId })
      : team === null
        ? undefined
        : statements.inTeam.get({ id: talentId, team });
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
