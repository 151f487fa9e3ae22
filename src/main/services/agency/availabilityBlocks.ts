import { and, asc, eq, gt, gte, lt, type SQL } from 'drizzle-orm';
import type { Input, Output } from '../../../shared/api';
import type { AvailabilityBlock, BlockKind } from '../../../shared/domain/availabilityBlock';
import { earliestOverlappingStart, withinMaxSpan } from '../../../shared/domain/interval';
import { AppError } from '../../../shared/errors';
import { availabilityBlocks } from '../../db/schema';
import { afterCursor, DEFAULT_LIMIT, pageOf } from '../kernel/paging';
import { talentInScope, teamCondition } from '../kernel/scope';
import type { Session } from '../kernel/session';
import { diff, newId, type Store } from '../kernel/store';
import { talentChildRows } from './talents/talentChildRows';

type Row = typeof availabilityBlocks.$inferSelect & { stageName: string; manager: string };

function toBlock({ stageName, manager: _manager, ...row }: Row): AvailabilityBlock {
  return {
    ...row,
    kind: row.kind as BlockKind,
    expanded: { talentProfile: { id: row.talentProfile, stageName } },
  };
}

/** A talent's unavailable and out-of-town periods, in the team scope of the talent's manager. */
export function createAvailabilityBlockService(store: Store) {
  const { db } = store;
  const { select, load } = talentChildRows<Row>(
    db,
    availabilityBlocks,
    'availability',
    'That availability block does not exist or is not on your team.',
  );

  return {
    list(session: Session, input: Input<'blocks.list'>): Output<'blocks.list'> {
      const limit = input.limit ?? DEFAULT_LIMIT;
      const where: (SQL | undefined)[] = [
        teamCondition(session, 'availability', 'read'),
        gte(availabilityBlocks.start, earliestOverlappingStart(input.from)),
        lt(availabilityBlocks.start, input.to),
        gt(availabilityBlocks.end, input.from),
      ];
      if (input.talentProfile)
        where.push(eq(availabilityBlocks.talentProfile, input.talentProfile));
      if (input.cursor) {
        where.push(
          afterCursor(input.cursor, availabilityBlocks.start, availabilityBlocks.id, 'asc'),
        );
      }
      const rows = select()
        .where(and(...where))
        .orderBy(asc(availabilityBlocks.start), asc(availabilityBlocks.id))
        .limit(limit + 1)
        .all() as Row[];
      return pageOf(rows, limit, toBlock, (item) => [item.start, item.id]);
    },

    create(session: Session, input: Input<'blocks.create'>): Output<'blocks.create'> {
      return store.write(session.user.id, (w) => {
        const talent = talentInScope(w.tx, session, input.talentProfile, 'availability', 'create');
        const id = newId();
        const values = {
          id,
          createdAt: w.now,
          updatedAt: w.now,
          version: 1,
          talentProfile: talent.id,
          start: input.start,
          end: input.end,
          timezone: input.timezone,
          kind: input.kind,
          note: input.note ?? null,
        };
        w.tx.insert(availabilityBlocks).values(values).run();
        const { id: _i, createdAt: _c, updatedAt: _u, version: _v, ...fields } = values;
        w.audit({ action: 'blocks.create', entity: 'availability', entityId: id, changes: fields });
        w.emit({ entity: 'availability', id, action: 'created', teamManager: talent.manager });
        return toBlock(load(w.tx, session, id, 'read'));
      });
    },

    update(session: Session, input: Input<'blocks.update'>): Output<'blocks.update'> {
      return store.write(session.user.id, (w) => {
        const before = load(w.tx, session, input.id, 'update');
        if (before.version !== input.version) {
          throw new AppError(
            'CONFLICT',
            'Someone else changed this period since you opened it. Reload to see their changes.',
          );
        }
        const next = {
          start: input.patch.start ?? before.start,
          end: input.patch.end ?? before.end,
          timezone: input.patch.timezone ?? before.timezone,
          kind: input.patch.kind ?? before.kind,
          note: input.patch.note === undefined ? before.note : input.patch.note,
        };
        if (next.end <= next.start || !withinMaxSpan(next)) {
          throw new AppError('VALIDATION', 'The end must be after the start, within 62 days.', {
            end: 'Must be after the start',
          });
        }
        w.tx
          .update(availabilityBlocks)
          .set({ ...next, updatedAt: w.now, version: before.version + 1 })
          .where(eq(availabilityBlocks.id, before.id))
          .run();
        w.audit({
          action: 'blocks.update',
          entity: 'availability',
          entityId: before.id,
          changes: diff(before, next),
        });
        w.emit({
          entity: 'availability',
          id: before.id,
          action: 'updated',
          teamManager: before.manager,
        });
        return toBlock(load(w.tx, session, before.id, 'read'));
      });
    },

    /** Removes a period (the audit row keeps what it was). */
    delete(session: Session, input: Input<'blocks.delete'>): Output<'blocks.delete'> {
      return store.write(session.user.id, (w) => {
        const before = load(w.tx, session, input.id, 'archive');
        w.tx.delete(availabilityBlocks).where(eq(availabilityBlocks.id, before.id)).run();
        const { stageName: _s, manager: _m, ...removed } = before;
        w.audit({
          action: 'blocks.delete',
          entity: 'availability',
          entityId: before.id,
          changes: { removed },
        });
        w.emit({
          entity: 'availability',
          id: before.id,
          action: 'archived',
          teamManager: before.manager,
        });
        return { id: before.id };
      });
    },
  };
}
