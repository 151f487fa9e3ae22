import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { Entity } from '../../../../shared/access';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../../db/open';
import {
  auditions,
  availabilityBlocks,
  bookings,
  scheduleEntries,
  talentProfiles,
} from '../../../db/schema';
import { teamOf } from '../../kernel/scope';
import type { Session } from '../../kernel/session';

/** Tables whose rows hang off a talent and take their team scope from the talent's manager. */
type TalentChildTable =
  typeof auditions | typeof bookings | typeof scheduleEntries | typeof availabilityBlocks;

/**
 * Reads for a table whose rows hang off a talent: rows joined to their talent (stage name for
 * display, manager for scope and events), and one row in the caller's team scope or NOT_FOUND,
 * so another team's row reads as absent. `Row` is the caller's row type.
 */
export function talentChildRows<Row>(
  db: Db,
  table: TalentChildTable,
  entity: Entity,
  notFound: string,
) {
  // team_manager is the index's copy of the talent's manager (see schema.ts), not the row's data.
  const { teamManager: _teamManager, ...columns } = getTableColumns(table) as ReturnType<
    typeof getTableColumns<typeof table>
  > & { teamManager?: unknown };
  const fields = {
    ...columns,
    stageName: talentProfiles.stageName,
    manager: talentProfiles.manager,
  };
  const select = (tx: Pick<Db, 'select'> = db) =>
    tx
      .select(fields)
      .from(table)
      .innerJoin(talentProfiles, eq(talentProfiles.id, table.talentProfile));

  // A row by id is read on every get and inside every write (before and after): prepared once
  // for every team and once for one team (the manager's id bound), not built per call. They run
  // on the one connection, so inside a write they see that write's rows.
  const p = sql.placeholder;
  const byId = select()
    .where(eq(table.id, p('id')))
    .prepare();
  const byIdInTeam = select()
    .where(sql`${table.id} = ${p('id')} AND ${talentProfiles.manager} = ${p('team')}`)
    .prepare();

  /** One row in the caller's scope for `action`, or NOT_FOUND (another team's row is absent). */
  function load(
    _tx: Pick<Db, 'select'>,
    session: Session,
    id: string,
    action: 'read' | 'update' | 'archive',
  ): Row {
    const team = teamOf(session, entity, action);
    const row =
      team === undefined
        ? byId.get({ id })
        : team === null
          ? undefined
          : byIdInTeam.get({ id, team });
    if (!row) throw new AppError('NOT_FOUND', notFound);
    return row as Row;
  }

  return { fields, select, load };
}
