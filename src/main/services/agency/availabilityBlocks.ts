import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Input, Output } from '../../../shared/api';
import type { AvailabilityBlock, BlockKind } from '../../../shared/domain/availabilityBlock';
import { withinMaxSpan } from '../../../shared/domain/interval';
import { AppError } from '../../../shared/errors';
import { availabilityBlocks } from '../../db/schema';
import { availabilityBlockSpans, minuteOf, overlapping } from '../../db/spans';
import { afterCursor, DEFAULT_LIMIT, pageOf } from '../kernel/paging';
import { talentInScope, teamCondition, teamOf } from '../kernel/scope';
import type { Session } from '../kernel/session';
import { diff, newId, type Store } from '../kernel/store';
import type { AllDayEvent } from '../workspace/files/icalendar';
import { talentChildRows } from './talents/talentChildRows';

type Row = typeof availabilityBlocks.$inferSelect & { stageName: string; manager: string };

function toBlock({ stageName, manager: _manager, ...row }: Row): AvailabilityBlock {
  return {
    ...row,
    kind: row.kind as BlockKind,
    expanded: { talentProfile: { id: row.talentProfile, stageName } },
  };
}

/** An export is bounded like the schedule's range (schedule.ts MAX_ENTRIES). */
const MAX_EXPORTED = 5_000;

const KIND_LABEL: Record<BlockKind, string> = {
  unavailable: 'Unavailable',
  out_of_town: 'Out of town',
};

/**
 * A period as an all-day event over the days it touches in its own zone: a period ending at
 * midnight does not take the day it ends on. The exact times stay in the description.
 */
function toCalendarEvent(row: Row, withNote: boolean): AllDayEvent {
  const start = DateTime.fromISO(row.start, { zone: row.timezone });
  const end = DateTime.fromISO(row.end, { zone: row.timezone });
  const endsAtMidnight = end.equals(end.startOf('day'));
  const at = (time: DateTime) => time.toFormat('yyyy-MM-dd HH:mm');
  const label = KIND_LABEL[row.kind as BlockKind];
  return {
    uid: `${row.id}@greenroom`,
    summary: `${row.stageName}: ${label}${withNote && row.note ? ` (${row.note})` : ''}`,
    description: `${label} from ${at(start)} to ${at(end)}, time zone ${row.timezone}`,
    firstDay: start.toISODate()!,
    lastDay: (endsAtMidnight ? end.minus({ days: 1 }) : end).toISODate()!,
    sequence: row.version - 1,
    updatedAt: row.updatedAt,
  };
}

const blockRowid = sql`${availabilityBlocks}.rowid`;
const spanOfRow = eq(availabilityBlockSpans.id, blockRowid);

/** A talent's unavailable and out-of-town periods, in the team scope of the talent's manager. */
export function createAvailabilityBlockService(store: Store) {
  const { db } = store;
  const { select, load } = talentChildRows<Row>(
    db,
    availabilityBlocks,
    'availability',
    'That availability block does not exist or is not on your team.',
  );

  /**
   * The blocks overlapping [from, to) in the caller's scope, found through their R*Tree boxes
   * (db/spans.ts): the talent's or team's periods of that range, however long any period is.
   */
  function inRange(
    session: Session,
    input: { from: string; to: string; talentProfile?: string | undefined },
  ): (SQL | undefined)[] {
    const team = teamOf(session, 'availability', 'read');
    return [
      teamCondition(session, 'availability', 'read'),
      overlapping(
        availabilityBlockSpans,
        blockRowid,
        availabilityBlocks.start,
        availabilityBlocks.end,
        {
          from: input.from,
          to: input.to,
          fromMinute: minuteOf(input.from),
          toMinute: minuteOf(input.to),
          talent: input.talentProfile,
          team: team ?? undefined,
        },
      ),
      input.talentProfile ? eq(availabilityBlocks.talentProfile, input.talentProfile) : undefined,
    ];
  }

  return {
    list(session: Session, input: Input<'blocks.list'>): Output<'blocks.list'> {
      const limit = input.limit ?? DEFAULT_LIMIT;
      const where = inRange(session, input);
      if (input.cursor) {
        where.push(
          afterCursor(input.cursor, availabilityBlocks.start, availabilityBlocks.id, 'asc'),
        );
      }
      const rows = select()
        .innerJoin(availabilityBlockSpans, spanOfRow)
        .where(and(...where))
        .orderBy(asc(availabilityBlocks.start), asc(availabilityBlocks.id))
        .limit(limit + 1)
        .all() as Row[];
      return pageOf(rows, limit, toBlock, (item) => [item.start, item.id]);
    },

    /**
     * The periods overlapping [from, to) as all-day calendar events, on the days they cover in
     * their own zone (the .ics export, overview/calendarExport.ts): the same rows and scope as
     * blocks.list. SEQUENCE is the version less one, as for schedule entries.
     */
    calendarEvents(
      session: Session,
      input: { from: string; to: string; talentProfile?: string | undefined },
      /** Calendar feeds leave notes out: their URL may end up in someone else's calendar app. */
      { withNotes = true }: { withNotes?: boolean } = {},
    ): AllDayEvent[] {
      const rows = select()
        .innerJoin(availabilityBlockSpans, spanOfRow)
        .where(and(...inRange(session, input)))
        .orderBy(asc(availabilityBlocks.start), asc(availabilityBlocks.id))
        .limit(MAX_EXPORTED + 1)
        .all() as Row[];
      if (rows.length > MAX_EXPORTED) {
        throw new AppError(
          'VALIDATION',
          `More than ${MAX_EXPORTED} availability periods in this range: choose a shorter range or a talent.`,
          { to: 'Range too large' },
        );
      }
      return rows.map((row) => toCalendarEvent(row, withNotes));
    },

    create(session: Session, input: Input<'blocks.create'>): Output<'blocks.create'> {
      return store.write(session.user.id, (w) => {
        const talent = talentInScope(db, session, input.talentProfile, 'availability', 'create');
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
