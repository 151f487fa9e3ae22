import { and, eq, gt, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Clash } from '../../../shared/domain/booking';
import type { Db } from '../../db/open';
import { perConnection } from '../kernel/perConnection';
import { auditions, availabilityBlocks, bookings, scheduleEntries } from '../../db/schema';
import {
  availabilityBlockSpans,
  bookingSpans,
  minuteOf,
  overlapping,
  scheduleEntrySpans,
  type OverlapQuery,
} from '../../db/spans';

export interface ClashQuery {
  readonly talentProfile: string;
  readonly start: string;
  readonly end: string;
  /** The booking being changed: neither it nor its own schedule entry clashes with it. */
  readonly excludeBooking?: string;
  /** The schedule entry being changed. */
  readonly excludeEntry?: string;
}

/** An audition occupies the hour from its start on the talent's time. */
const AUDITION_MS = 3_600_000;

const p = sql.placeholder;

/** One talent's rows over [start, end), found through the tables' R*Tree boxes. */
const talentRange: OverlapQuery = {
  from: p('start'),
  to: p('end'),
  fromMinute: p('startMinute'),
  toMinute: p('endMinute'),
  talent: p('talent'),
};

/** The four overlap queries, prepared once per connection: a clash check runs on every save. */
function prepareOverlapQueries(db: Db) {
  return {
    booked: db
      .select({
        id: bookings.id,
        clientName: bookings.clientName,
        projectName: bookings.projectName,
        start: bookings.startDateTime,
        end: bookings.endDateTime,
        status: bookings.status,
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
            talentRange,
          ),
          eq(bookings.talentProfile, p('talent')),
          inArray(bookings.status, ['hold', 'confirmed', 'completed']),
          ne(bookings.id, p('excludeBooking')),
        ),
      )
      .prepare(),
    scheduled: db
      .select({
        id: scheduleEntries.id,
        booking: scheduleEntries.booking,
        title: scheduleEntries.title,
        entryType: scheduleEntries.entryType,
        start: scheduleEntries.start,
        end: scheduleEntries.end,
        status: scheduleEntries.status,
      })
      .from(scheduleEntrySpans)
      .innerJoin(scheduleEntries, sql`${scheduleEntries}.rowid = ${scheduleEntrySpans.id}`)
      .where(
        and(
          overlapping(
            scheduleEntrySpans,
            sql`${scheduleEntries}.rowid`,
            scheduleEntries.start,
            scheduleEntries.end,
            talentRange,
          ),
          eq(scheduleEntries.talentProfile, p('talent')),
          eq(scheduleEntries.status, 'confirmed'),
          or(isNull(scheduleEntries.booking), ne(scheduleEntries.booking, p('excludeBooking'))),
          ne(scheduleEntries.id, p('excludeEntry')),
        ),
      )
      .prepare(),
    blocks: db
      .select({
        id: availabilityBlocks.id,
        start: availabilityBlocks.start,
        end: availabilityBlocks.end,
        kind: availabilityBlocks.kind,
        note: availabilityBlocks.note,
      })
      .from(availabilityBlockSpans)
      .innerJoin(
        availabilityBlocks,
        sql`${availabilityBlocks}.rowid = ${availabilityBlockSpans.id}`,
      )
      .where(
        and(
          overlapping(
            availabilityBlockSpans,
            sql`${availabilityBlocks}.rowid`,
            availabilityBlocks.start,
            availabilityBlocks.end,
            talentRange,
          ),
          eq(availabilityBlocks.talentProfile, p('talent')),
        ),
      )
      .prepare(),
    auditioning: db
      .select()
      .from(auditions)
      .where(
        and(
          eq(auditions.talentProfile, p('talent')),
          inArray(auditions.status, ['invited', 'callback']),
          gt(auditions.auditionDate, p('auditionStartFrom')),
          lt(auditions.auditionDate, p('end')),
        ),
      )
      .prepare(),
  };
}

const overlapQueries = perConnection(prepareOverlapQueries);

/**
 * Everything of one talent that overlaps [start, end): non-cancelled bookings, confirmed
 * schedule entries, open auditions and availability blocks, each marked blocking or not.
 * Half-open: an interval that ends as another starts does not overlap. `db` is the connection,
 * also inside a transaction (one connection: the transaction's own writes are seen).
 */
export function findOverlaps(db: Db, q: ClashQuery): Clash[] {
  const queries = overlapQueries(db);
  const params = {
    talent: q.talentProfile,
    start: q.start,
    end: q.end,
    startMinute: minuteOf(q.start),
    endMinute: minuteOf(q.end),
    auditionStartFrom: new Date(Date.parse(q.start) - AUDITION_MS).toISOString(),
    // Ids are never empty: '' excludes nothing.
    excludeBooking: q.excludeBooking ?? '',
    excludeEntry: q.excludeEntry ?? '',
  };
  const booked = queries.booked.all(params).map((b) => ({
    kind: 'booking' as const,
    id: b.id,
    label: `${b.clientName} · ${b.projectName}`,
    start: b.start,
    end: b.end,
    status: b.status,
    holdRank: b.holdRank,
    blocking: b.status !== 'hold',
  }));
  const scheduled = queries.scheduled
    .all(params)
    // A booking's own entry says nothing the booking does not: list the booking once.
    .filter((e) => !e.booking || !booked.some((b) => b.id === e.booking))
    .map((e) => ({
      kind: 'schedule' as const,
      id: e.id,
      label: e.title ?? e.entryType,
      start: e.start,
      end: e.end,
      status: e.status,
      holdRank: null,
      blocking: true,
    }));
  const blocks = queries.blocks.all(params).map((b) => ({
    kind: 'block' as const,
    id: b.id,
    label: b.note ? `${b.kind}: ${b.note}` : b.kind,
    start: b.start,
    end: b.end,
    status: b.kind,
    holdRank: null,
    // Out of town may still be bookable (travel); unavailable is not.
    blocking: b.kind === 'unavailable',
  }));
  const auditioning = queries.auditioning.all(params).map((a) => ({
    kind: 'audition' as const,
    id: a.id,
    label: `${a.clientName} · ${a.projectName}`,
    start: a.auditionDate,
    end: new Date(Date.parse(a.auditionDate) + AUDITION_MS).toISOString(),
    status: a.status,
    holdRank: null,
    blocking: false,
  }));
  return [...booked, ...scheduled, ...blocks, ...auditioning].sort((a, b) =>
    a.start < b.start ? -1 : 1,
  );
}

/**
 * What blocks a booking: everything marked blocking; for a hold also another hold for the same
 * client and project (no duplicate holds). Other clients' holds do not block: they queue behind
 * it (hold rank).
 */
export function blockingClashes(
  overlaps: readonly Clash[],
  booking: { status: 'hold' | 'confirmed'; clientName: string; projectName: string },
  labelOf: (clash: Clash) => string = (c) => c.label,
): Clash[] {
  const duplicateLabel = `${booking.clientName} · ${booking.projectName}`.toLowerCase();
  return overlaps.filter(
    (c) =>
      c.blocking ||
      (booking.status === 'hold' &&
        c.kind === 'booking' &&
        c.status === 'hold' &&
        labelOf(c).toLowerCase() === duplicateLabel),
  );
}
