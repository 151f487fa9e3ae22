import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import { earliestOverlappingStart, overlaps } from '../../../../shared/domain/interval';
import { bookings } from '../../../db/schema';
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
  // Only holds overlapping the span can change rank; their own overlaps reach at most one
  // MAX_SPAN further either way.
  const from = earliestOverlappingStart(earliestOverlappingStart(span.start));
  const to = new Date(
    Date.parse(span.end) +
      (Date.parse(span.start) - Date.parse(earliestOverlappingStart(span.start))),
  ).toISOString();
  const holds = w.tx
    .select({
      id: bookings.id,
      createdAt: bookings.createdAt,
      seq: sql<number>`${bookings}.rowid`,
      startDateTime: bookings.startDateTime,
      endDateTime: bookings.endDateTime,
      holdRank: bookings.holdRank,
    })
    .from(bookings)
    .where(
      and(
        eq(bookings.talentProfile, talent.id),
        eq(bookings.status, 'hold'),
        gte(bookings.startDateTime, from),
        lt(bookings.startDateTime, to),
      ),
    )
    .orderBy(asc(bookings.createdAt), sql`${bookings}.rowid`)
    .all();
  const touching = (h: Hold) => overlaps({ start: h.startDateTime, end: h.endDateTime }, span);
  for (const hold of holds.filter(touching)) {
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
    w.tx
      .update(bookings)
      .set({ holdRank: rank, updatedAt: w.now })
      .where(eq(bookings.id, hold.id))
      .run();
    w.audit({
      action: 'bookings.rank',
      entity: 'bookings',
      entityId: hold.id,
      changes: { holdRank: [hold.holdRank, rank] },
    });
    w.emit({ entity: 'bookings', id: hold.id, action: 'updated', teamManager: talent.manager });
  }
}
