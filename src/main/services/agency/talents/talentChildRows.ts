import { and, eq, getTableColumns } from 'drizzle-orm';
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
import { teamCondition } from '../../kernel/scope';
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
  const select = (tx: Pick<Db, 'select'> = db) =>
    tx
      .select({
        ...columns,
        stageName: talentProfiles.stageName,
        manager: talentProfiles.manager,
      })
      .from(table)
      .innerJoin(talentProfiles, eq(talentProfiles.id, table.talentProfile));

  function load(
    tx: Pick<Db, 'select'>,
    session: Session,
    id: string,
    action: 'read' | 'update' | 'archive',
  ): Row {
    const row = select(tx)
      .where(and(eq(table.id, id), teamCondition(session, entity, action)))
      .get();
    if (!row) throw new AppError('NOT_FOUND', notFound);
    return row as Row;
  }

  return { select, load };
}
