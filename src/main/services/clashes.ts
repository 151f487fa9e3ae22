import { and, eq, gt, gte, inArray, isNull, lt, ne, or } from 'drizzle-orm';
import type { Clash } from '../../shared/domain/booking';
import { earliestOverlappingStart } from '../../shared/domain/interval';
import type { Db } from '../db/open';
import { bookings, scheduleEntries } from '../db/schema';

export interface ClashQuery {
  readonly talentProfile: string;
  readonly start: string;
  readonly end: string;
  /** The booking being changed: neither it nor its own schedule entry clashes with it. */
  readonly excludeBooking?: string;
  /** The schedule entry being changed. */
  readonly excludeEntry?: string;
}

/**
 * Everything of one talent that overlaps [start, end): non-cancelled bookings and confirmed
 * schedule entries. Half-open: an interval that ends as another starts does not overlap.
 */
export function findOverlaps(tx: Pick<Db, 'select'>, q: ClashQuery): Clash[] {
  // Nothing lasts longer than MAX_SPAN, so only starts in [start - MAX_SPAN, end) can overlap.
  const earliest = earliestOverlappingStart(q.start);
  const booked = tx
    .select({
      id: bookings.id,
      clientName: bookings.clientName,
      projectName: bookings.projectName,
      start: bookings.startDateTime,
      end: bookings.endDateTime,
      status: bookings.status,
    })
    .from(bookings)
    .where(
      and(
        eq(bookings.talentProfile, q.talentProfile),
        inArray(bookings.status, ['hold', 'confirmed', 'completed']),
        gte(bookings.startDateTime, earliest),
        lt(bookings.startDateTime, q.end),
        gt(bookings.endDateTime, q.start),
        q.excludeBooking ? ne(bookings.id, q.excludeBooking) : undefined,
      ),
    )
    .all()
    .map((b) => ({
      kind: 'booking' as const,
      id: b.id,
      label: `${b.clientName} · ${b.projectName}`,
      start: b.start,
      end: b.end,
      status: b.status,
    }));
  const scheduled = tx
    .select({
      id: scheduleEntries.id,
      booking: scheduleEntries.booking,
      title: scheduleEntries.title,
      entryType: scheduleEntries.entryType,
      start: scheduleEntries.start,
      end: scheduleEntries.end,
      status: scheduleEntries.status,
    })
    .from(scheduleEntries)
    .where(
      and(
        eq(scheduleEntries.talentProfile, q.talentProfile),
        eq(scheduleEntries.status, 'confirmed'),
        gte(scheduleEntries.start, earliest),
        lt(scheduleEntries.start, q.end),
        gt(scheduleEntries.end, q.start),
        q.excludeBooking
          ? or(isNull(scheduleEntries.booking), ne(scheduleEntries.booking, q.excludeBooking))
          : undefined,
        q.excludeEntry ? ne(scheduleEntries.id, q.excludeEntry) : undefined,
      ),
    )
    .all()
    // A booking's own entry says nothing the booking does not: list the booking once.
    .filter((e) => !e.booking || !booked.some((b) => b.id === e.booking))
    .map((e) => ({
      kind: 'schedule' as const,
      id: e.id,
      label: e.title ?? e.entryType,
      start: e.start,
      end: e.end,
      status: e.status,
    }));
  return [...booked, ...scheduled].sort((a, b) => (a.start < b.start ? -1 : 1));
}

/**
 * What blocks a booking: confirmed (or completed) bookings and confirmed schedule entries
 * always; for a hold also another hold for the same client and project (no duplicate holds).
 * Other clients' holds do not block: they queue behind it (hold rank).
 */
export function blockingClashes(
  overlaps: readonly Clash[],
  booking: { status: 'hold' | 'confirmed'; clientName: string; projectName: string },
  labelOf: (clash: Clash) => string = (c) => c.label,
): Clash[] {
  const duplicateLabel = `${booking.clientName} · ${booking.projectName}`.toLowerCase();
  return overlaps.filter(
    (c) =>
      c.kind === 'schedule' ||
      c.status === 'confirmed' ||
      c.status === 'completed' ||
      (booking.status === 'hold' &&
        c.status === 'hold' &&
        labelOf(c).toLowerCase() === duplicateLabel),
  );
}
