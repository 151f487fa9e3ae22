import { and, asc, eq, sql } from 'drizzle-orm';
import { overlaps } from '../../../../shared/domain/interval';
import { bookings } from '../../../db/schema';
import { bookingSpans, minuteOf, overlapping } from '../../../db/spans';
import type { Db } from '../../../db/open';
import { perConnection } from '../../kernel/perConnection';
import type { WriteContext } from '../../kernel/store';

interface Hold {
  readonly id: string;
  readonly createdAt: string;
  /** Insertion order: breaks ties between holds made in the same millisecond. */
  readonly seq: number;
  readonly startDateTime: string;
  readonly endDateTime: string;
  readonly holdRank: number | null;
}

const p = sql.placeholder;

function prepareHoldQueries(db: Db) {
  return {
    overlapping: db
      .select({
        id: bookings.id,
        createdAt: bookings.createdAt,
        seq: sql<number>`${bookings}.rowid`,
        startDateTime: bookings.startDateTime,
        endDateTime: bookings.endDateTime,
        holdRank: bookings.holdRank,
      })
      .from(bookingSpans)
      .innerJoin(bookings, sql`${bookings}.rowid = ${bookingSpans.id}`)
      .where(
        and(
          overlapping(
            bookingSpans,
            sql`${bookings}.rowid`,
            bookings.startDateTime,
            bookings.endDateTime,
            {
              from: p('start'),
              to: p('end'),
              fromMinute: p('startMinute'),
              toMinute: p('endMinute'),
              talent: p('talent'),
            },
          ),
          eq(bookings.talentProfile, p('talent')),
          eq(bookings.status, 'hold'),
        ),
      )
      .orderBy(asc(bookings.createdAt), sql`${bookings}.rowid`)
      .prepare(),
    setRank: db
      .update(bookings)
      .set({ holdRank: sql`${p('rank')}`, updatedAt: sql`${p('now')}` })
      .where(eq(bookings.id, p('id')))
      .prepare(),
  };
}

/** Every write that moves a hold re-ranks: its statements are prepared once per database. */
const queriesOf = perConnection(prepareHoldQueries);

/** A talent's holds overlapping [start, end), in arrival order, through the bookings' R*Tree. */
function holdsOverlapping(
  w: WriteContext,
  talent: string,
  span: { start: string; end: string },
): Hold[] {
  return queriesOf(w.db).overlapping.all({
    talent,
    start: span.start,
    end: span.end,
    startMinute: minuteOf(span.start),
    endMinute: minuteOf(span.end),
  });
}

/** Arrival order: who pencilled the time first. */
const before = (a: Hold, b: Hold) =>
  a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.seq < b.seq);

/**
 * Re-ranks a talent's holds around [start, end) after a hold arrived, moved, confirmed, or was
 * released: each hold's rank is 1 + the holds overlapping it that arrived earlier, so releasing
 * the 1st moves the next one up. Changed ranks are audited and announced.
 */
export function rerankHolds(
  w: WriteContext,
  talent: { id: string; manager: string },
  span: { start: string; end: string },
): void {
  const touching = holdsOverlapping(w, talent.id, span);
  if (touching.length === 0) return;
  // A touching hold's rank counts the earlier holds overlapping it: all of them overlap the
  // stretch from the first touching hold's start to the last one's end.
  const holds = holdsOverlapping(w, talent.id, {
    start: touching.reduce((min, h) => (h.startDateTime < min ? h.startDateTime : min), span.start),
    end: touching.reduce((max, h) => (h.endDateTime > max ? h.endDateTime : max), span.end),
  });
  for (const hold of touching) {
    const rank =
      1 +
      holds.filter(
        (other) =>
          other.id !== hold.id &&
          before(other, hold) &&
          overlaps(
            { start: other.startDateTime, end: other.endDateTime },
            { start: hold.startDateTime, end: hold.endDateTime },
          ),
      ).length;
    if (rank === hold.holdRank) continue;
    queriesOf(w.db).setRank.run({ rank, now: w.now, id: hold.id });
    w.audit({
      action: 'bookings.rank',
      entity: 'bookings',
      entityId: hold.id,
      changes: { holdRank: [hold.holdRank, rank] },
    });
    w.emit({ entity: 'bookings', id: hold.id, action: 'updated', teamManager: talent.manager });
  }
}
