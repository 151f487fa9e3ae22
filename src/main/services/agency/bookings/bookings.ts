import { and, asc, count, eq, gte, inArray, isNotNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import { redact } from '../../../../shared/access';
import type { Input, Output } from '../../../../shared/api';
import {
  RELEASED,
  type Booking,
  type Clash,
  type ReleasedHold,
} from '../../../../shared/domain/booking';
import { AppError } from '../../../../shared/errors';
import { auditions, bookings, scheduleEntries, talentProfiles } from '../../../db/schema';
import { bookingSpans, minuteOf, overlapping } from '../../../db/spans';
import { blockingClashes, findOverlaps } from '../clashes';
import { rerankHolds } from './holdRanks';
import {
  afterCursorPlaceholder,
  cursorParams,
  DEFAULT_LIMIT,
  likeContains,
  pageOf,
  preparedByShape,
} from '../../kernel/paging';
import { talentInScope, teamOf } from '../../kernel/scope';
import type { Session } from '../../kernel/session';
import { talentChildRows } from '../talents/talentChildRows';
import { diff, newId, type Store, type WriteContext } from '../../kernel/store';
import { valueRows } from '../../kernel/valueRows';
import type { AuditAction } from '../../../../shared/domain/auditAction';

/** Which filters a list call has: one prepared statement per combination. */
interface ListShape {
  readonly team: 'all' | 'one' | 'none';
  readonly status: boolean;
  readonly talentProfile: boolean;
  readonly q: boolean;
  readonly from: boolean;
  readonly to: boolean;
  readonly cursor: boolean;
}

type Row = Omit<typeof bookings.$inferSelect, 'teamManager'> & {
  stageName: string;
  manager: string;
};

/** Field by field, not by spreading the row: a page of bookings is made of these. */
function toBooking(row: Row): Booking {
  return {
    id: row.id,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    talentProfile: row.talentProfile,
    audition: row.audition,
    clientName: row.clientName,
    projectName: row.projectName,
    startDateTime: row.startDateTime,
    endDateTime: row.endDateTime,
    status: row.status as Booking['status'],
    holdRank: row.holdRank,
    rate: row.rate,
    currency: row.currency,
    timezone: row.timezone,
    notes: row.notes,
    cancelReason: row.cancelReason,
    challengeDeadline: row.challengeDeadline,
    challengedBy: row.challengedBy,
    releasedBy: row.releasedBy,
    expanded: { talentProfile: { id: row.talentProfile, stageName: row.stageName } },
  };
}

/** A released hold as the confirmed booking lists it: a client to call. */
const releasedColumns = {
  id: bookings.id,
  clientName: bookings.clientName,
  projectName: bookings.projectName,
  startDateTime: bookings.startDateTime,
  endDateTime: bookings.endDateTime,
};

function describe(clashes: readonly Clash[]): string {
  const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');
  return clashes
    .map((c) => `${c.label} (${c.status}, ${when(c.start)}–${when(c.end)} UTC)`)
    .join('; ');
}

export function createBookingService(store: Store) {
  const { db } = store;
  const { fields, select, load } = talentChildRows<Row>(
    db,
    bookings,
    'bookings',
    'That booking does not exist or is not on your team.',
  );
  const out = (session: Session, row: Row): Booking =>
    redact(session.user.role, 'bookings', toBooking(row));

  // The writes' own statements, prepared once (drizzle would build and SQLite compile them on
  // every call, several times the cost of running them). They run on the one connection, so
  // inside a write they are part of its transaction.
  const p = sql.placeholder;
  const insertBooking = db
    .insert(bookings)
    .values({
      id: p('id'),
      createdAt: p('createdAt'),
      updatedAt: p('updatedAt'),
      version: p('version'),
      talentProfile: p('talentProfile'),
      audition: p('audition'),
      clientName: p('clientName'),
      projectName: p('projectName'),
      startDateTime: p('startDateTime'),
      endDateTime: p('endDateTime'),
      timezone: p('timezone'),
      status: p('status'),
      holdRank: p('holdRank'),
      rate: p('rate'),
      currency: p('currency'),
      notes: p('notes'),
      cancelReason: p('cancelReason'),
      challengeDeadline: p('challengeDeadline'),
      challengedBy: p('challengedBy'),
    })
    .prepare();
  /** Out of the hold queue: confirmed (no cancelReason) or cancelled (with one). */
  const leaveQueue = db
    .update(bookings)
    .set({
      status: sql`${p('status')}`,
      holdRank: null,
      cancelReason: sql`${p('cancelReason')}`,
      challengeDeadline: null,
      challengedBy: null,
      updatedAt: sql`${p('now')}`,
      version: sql`${p('version')}`,
    })
    .where(eq(bookings.id, p('id')))
    .prepare();
  const insertEntry = db
    .insert(scheduleEntries)
    .values({
      id: p('id'),
      createdAt: p('createdAt'),
      updatedAt: p('updatedAt'),
      version: p('version'),
      talentProfile: p('talentProfile'),
      booking: p('booking'),
      entryType: p('entryType'),
      title: p('title'),
      start: p('start'),
      end: p('end'),
      timezone: p('timezone'),
      status: p('status'),
      source: p('source'),
    })
    .prepare();
  const entryOfBooking = db
    .select({ id: scheduleEntries.id, version: scheduleEntries.version })
    .from(scheduleEntries)
    .where(eq(scheduleEntries.booking, p('booking')))
    .prepare();

  // The list (a talent's page, the bookings view), prepared once per shape of its filters. The
  // row's own team copy scopes it: the list reads the team's index range in list order.
  const listWhere = (shape: ListShape): SQL | undefined =>
    and(
      shape.team === 'one' ? eq(bookings.teamManager, p('team')) : undefined,
      shape.team === 'none' ? sql`0` : undefined,
      shape.status ? eq(bookings.status, p('status')) : undefined,
      shape.talentProfile ? eq(bookings.talentProfile, p('talentProfile')) : undefined,
      shape.q
        ? sql`(${bookings.clientName} LIKE ${p('q')} ESCAPE '\\' OR ${bookings.projectName} LIKE ${p('q')} ESCAPE '\\')`
        : undefined,
      shape.from ? gte(bookings.endDateTime, p('from')) : undefined,
      shape.to ? lt(bookings.startDateTime, p('to')) : undefined,
    );
  const listCount = preparedByShape((shape: ListShape) =>
    db
      .select({ total: count() })
      .from(bookings)
      .innerJoin(talentProfiles, eq(talentProfiles.id, bookings.talentProfile))
      .where(listWhere(shape))
      .prepare(),
  );
  const listRow = valueRows<Row>(fields);
  const listRows = preparedByShape((shape: ListShape) =>
    select()
      .where(
        and(
          listWhere(shape),
          shape.cursor
            ? afterCursorPlaceholder(bookings.startDateTime, bookings.id, 'asc')
            : undefined,
        ),
      )
      .orderBy(asc(bookings.startDateTime), asc(bookings.id))
      .limit(p('limit'))
      .prepare(),
  );

  /** CONFLICT naming what the booking would clash with; nothing is written. */
  function assertNoClash(
    b: {
      talentProfile: string;
      startDateTime: string;
      endDateTime: string;
      status: 'hold' | 'confirmed';
      clientName: string;
      projectName: string;
    },
    excludeBooking?: string,
  ): Clash[] {
    const overlaps = findOverlaps(db, {
      talentProfile: b.talentProfile,
      start: b.startDateTime,
      end: b.endDateTime,
      excludeBooking,
    });
    const blocking = blockingClashes(overlaps, b);
    if (blocking.length > 0) {
      throw new AppError('CONFLICT', `This time clashes with ${describe(blocking)}.`, {
        startDateTime: `Clashes with ${blocking.map((c) => c.label).join(', ')}`,
      });
    }
    return overlaps;
  }

  /** The booking's schedule entry: created or moved in the same transaction as the booking. */
  function syncEntry(w: WriteContext, booking: Row, status: 'confirmed' | 'cancelled'): void {
    const values = {
      talentProfile: booking.talentProfile,
      booking: booking.id,
      entryType: 'booking',
      title: `${booking.clientName} · ${booking.projectName}`,
      start: booking.startDateTime,
      end: booking.endDateTime,
      timezone: booking.timezone,
      status,
      source: 'booking',
      updatedAt: w.now,
    };
    const existing = entryOfBooking.get({ booking: booking.id });
    if (existing) {
      w.tx
        .update(scheduleEntries)
        .set({ ...values, version: existing.version + 1 })
        .where(eq(scheduleEntries.id, existing.id))
        .run();
      w.audit({
        action: 'schedule.syncFromBooking',
        entity: 'schedule',
        entityId: existing.id,
        changes: { status, start: values.start, end: values.end },
      });
      w.emit({
        entity: 'schedule',
        id: existing.id,
        action: 'updated',
        teamManager: booking.manager,
      });
    } else if (status === 'confirmed') {
      const id = newId();
      insertEntry.run({ id, createdAt: w.now, version: 1, ...values });
      w.audit({
        action: 'schedule.createFromBooking',
        entity: 'schedule',
        entityId: id,
        changes: { booking: booking.id, start: values.start, end: values.end },
      });
      w.emit({ entity: 'schedule', id, action: 'created', teamManager: booking.manager });
    }
  }

  /**
   * After a booking row changed: its schedule entry follows (confirmed -> on the schedule,
   * cancelled -> entry cancelled), the change is audited and announced, and the caller gets it.
   */
  function saved(w: WriteContext, session: Session, before: Row, action: AuditAction): Booking {
    const after = load(w.tx, session, before.id, 'read');
    if (after.status === 'confirmed' || after.status === 'cancelled')
      syncEntry(w, after, after.status);
    w.audit({ action, entity: 'bookings', entityId: before.id, changes: diff(before, after) });
    w.emit({ entity: 'bookings', id: before.id, action: 'updated', teamManager: before.manager });
    return out(session, after);
  }

  const holdsAmong = (overlaps: readonly Clash[]): Clash[] =>
    overlaps.filter((c) => c.kind === 'booking' && c.status === 'hold');

  function holdRank(overlaps: readonly Clash[]): number {
    return holdsAmong(overlaps).length + 1;
  }

  /** The other holds on a booking's time: what confirming it releases. */
  function overlappingHolds(booking: Row): Clash[] {
    return holdsAmong(
      findOverlaps(db, {
        talentProfile: booking.talentProfile,
        start: booking.startDateTime,
        end: booking.endDateTime,
        excludeBooking: booking.id,
      }),
    );
  }

  /**
   * Cancels the other holds on a confirmed booking's time ("released"), returning their clients.
   * `others` are those holds, as the clash check just read them in the same write.
   */
  function releaseOverlapping(
    w: WriteContext,
    confirmed: Row,
    others: readonly Clash[],
  ): ReleasedHold[] {
    const released = [];
    for (const clash of others) {
      const hold = w.tx.select().from(bookings).where(eq(bookings.id, clash.id)).get()!;
      w.tx
        .update(bookings)
        .set({
          status: 'cancelled',
          holdRank: null,
          cancelReason: RELEASED,
          challengeDeadline: null,
          challengedBy: null,
          releasedBy: confirmed.id,
          updatedAt: w.now,
          version: hold.version + 1,
        })
        .where(eq(bookings.id, hold.id))
        .run();
      w.audit({
        action: 'bookings.release',
        entity: 'bookings',
        entityId: hold.id,
        changes: {
          status: ['hold', 'cancelled'],
          cancelReason: [null, RELEASED],
          by: confirmed.id,
        },
      });
      w.emit({
        entity: 'bookings',
        id: hold.id,
        action: 'updated',
        teamManager: confirmed.manager,
      });
      released.push({
        id: hold.id,
        clientName: hold.clientName,
        projectName: hold.projectName,
        startDateTime: hold.startDateTime,
        endDateTime: hold.endDateTime,
      });
    }
    return released;
  }

  return {
    list(session: Session, input: Input<'bookings.list'>): Output<'bookings.list'> {
      const limit = input.limit ?? DEFAULT_LIMIT;
      const team = teamOf(session, 'bookings', 'read');
      const shape: ListShape = {
        team: team === undefined ? 'all' : team === null ? 'none' : 'one',
        status: input.status !== undefined,
        talentProfile: input.talentProfile !== undefined,
        q: Boolean(input.q),
        from: input.from !== undefined,
        to: input.to !== undefined,
        cursor: Boolean(input.cursor),
      };
      const params = {
        team,
        status: input.status,
        talentProfile: input.talentProfile,
        q: input.q ? likeContains(input.q) : undefined,
        from: input.from,
        to: input.to,
        limit: limit + 1,
        ...(input.cursor ? cursorParams(input.cursor) : {}),
      };
      // A first page says how many match; later pages come after it (see firstPageTotal).
      const total = input.cursor ? undefined : listCount(shape).get(params)?.total;
      const rows = listRows(shape).values(params).map(listRow);
      return pageOf(
        rows,
        limit,
        (row) => out(session, row),
        (item) => [item.startDateTime, item.id],
        total,
      );
    },

    get(session: Session, input: Input<'bookings.get'>): Output<'bookings.get'> {
      const row = load(db, session, input.id, 'read');
      // The released holds are the same talent's, so in the same team scope as the booking.
      const released = db
        .select(releasedColumns)
        .from(bookings)
        .where(eq(bookings.releasedBy, row.id))
        .orderBy(asc(bookings.startDateTime), asc(bookings.id))
        .all();
      return { ...out(session, row), released };
    },

    /** The holds confirming this one would release now, for the user to see before saying yes. */
    releasePreview(
      session: Session,
      input: Input<'bookings.releasePreview'>,
    ): Output<'bookings.releasePreview'> {
      const booking = load(db, session, input.id, 'update');
      const ids = booking.status === 'hold' ? overlappingHolds(booking).map((c) => c.id) : [];
      if (ids.length === 0) return { holds: [] };
      return {
        holds: db
          .select(releasedColumns)
          .from(bookings)
          .where(inArray(bookings.id, ids))
          .orderBy(asc(bookings.startDateTime), asc(bookings.id))
          .all(),
      };
    },

    checkClashes(session: Session, input: Input<'clashes.check'>): Output<'clashes.check'> {
      const talent = talentInScope(db, session, input.talentProfile, 'bookings', 'read');
      return {
        clashes: findOverlaps(db, {
          talentProfile: talent.id,
          start: input.start,
          end: input.end,
          // The booking or schedule entry being moved (ids are unique across both).
          excludeBooking: input.excludeId,
          excludeEntry: input.excludeId,
        }),
      };
    },

    create(session: Session, input: Input<'bookings.create'>): Output<'bookings.create'> {
      return store.write(session.user.id, (w) => {
        const talent = talentInScope(db, session, input.talentProfile, 'bookings', 'create');
        if (input.audition) {
          const audition = w.tx
            .select({ talentProfile: auditions.talentProfile })
            .from(auditions)
            .where(eq(auditions.id, input.audition))
            .get();
          if (!audition || audition.talentProfile !== talent.id) {
            throw new AppError(
              'VALIDATION',
              'The audition must be one of this talent’s auditions.',
              { audition: 'Not this talent’s audition' },
            );
          }
        }
        const status = input.status ?? 'hold';
        const overlaps = assertNoClash({ ...input, talentProfile: talent.id, status });
        const id = newId();
        const values = {
          id,
          createdAt: w.now,
          updatedAt: w.now,
          version: 1,
          talentProfile: talent.id,
          audition: input.audition ?? null,
          clientName: input.clientName,
          projectName: input.projectName,
          startDateTime: input.startDateTime,
          endDateTime: input.endDateTime,
          timezone: input.timezone ?? 'UTC',
          status,
          holdRank: status === 'hold' ? holdRank(overlaps) : null,
          rate: input.rate ?? null,
          currency: input.currency ?? null,
          notes: input.notes ?? null,
          cancelReason: null,
          challengeDeadline: null,
          challengedBy: null,
        };
        insertBooking.run(values);
        w.audit({
          action: 'bookings.create',
          entity: 'bookings',
          entityId: id,
          changes: { ...values },
        });
        w.emit({ entity: 'bookings', id, action: 'created', teamManager: talent.manager });
        // The row as written (nothing else writes in this transaction): no read back.
        const row: Row = {
          ...values,
          releasedBy: null,
          stageName: talent.stageName,
          manager: talent.manager,
        };
        if (status === 'confirmed') syncEntry(w, row, 'confirmed');
        return out(session, row);
      });
    },

    update(session: Session, input: Input<'bookings.update'>): Output<'bookings.update'> {
      return store.write(session.user.id, (w) => {
        const before = load(w.tx, session, input.id, 'update');
        if (before.version !== input.version) {
          throw new AppError(
            'CONFLICT',
            'Someone else changed this booking since you opened it. Reload to see their changes.',
          );
        }
        if (before.status === 'cancelled' || before.status === 'completed') {
          throw new AppError('CONFLICT', `A ${before.status} booking cannot be changed.`);
        }
        const next = { ...before, ...input.patch };
        if (next.endDateTime <= next.startDateTime) {
          throw new AppError('VALIDATION', 'The end must be after the start.', {
            endDateTime: 'Must be after the start',
          });
        }
        assertNoClash({ ...next, status: before.status as 'hold' | 'confirmed' }, before.id);
        w.tx
          .update(bookings)
          .set({ ...input.patch, updatedAt: w.now, version: before.version + 1 })
          .where(eq(bookings.id, before.id))
          .run();
        if (before.status === 'hold') {
          const talent = { id: before.talentProfile, manager: before.manager };
          rerankHolds(w, talent, { start: before.startDateTime, end: before.endDateTime });
          rerankHolds(w, talent, { start: next.startDateTime, end: next.endDateTime });
        }
        return saved(w, session, before, 'bookings.update');
      });
    },

    /**
     * Only the 1st hold on its time confirms, unless the caller releases those ahead; confirming
     * releases every overlapping hold in the same transaction and lists their clients.
     */
    confirm(session: Session, input: Input<'bookings.confirm'>): Output<'bookings.confirm'> {
      return store.write(session.user.id, (w) => {
        const before = load(w.tx, session, input.id, 'update');
        // Idempotent: a second (racing) confirm finds it confirmed and changes nothing.
        if (before.status === 'confirmed') return { ...out(session, before), released: [] };
        if (before.status !== 'hold')
          throw new AppError('CONFLICT', `A ${before.status} booking cannot be confirmed.`);
        if ((before.holdRank ?? 1) > 1 && !input.releaseAhead) {
          throw new AppError(
            'CONFLICT',
            `This is hold ${before.holdRank} on its time: the holds ahead of it must confirm, release, or be released first.`,
            { releaseAhead: 'Confirm anyway, releasing the holds ahead' },
          );
        }
        const overlaps = assertNoClash({ ...before, status: 'confirmed' }, before.id);
        const released = releaseOverlapping(w, before, holdsAmong(overlaps));
        leaveQueue.run({
          status: 'confirmed',
          cancelReason: before.cancelReason,
          now: w.now,
          version: before.version + 1,
          id: before.id,
        });
        // Everything that overlapped what left the hold queue may move up.
        const talent = { id: before.talentProfile, manager: before.manager };
        rerankHolds(w, talent, { start: before.startDateTime, end: before.endDateTime });
        for (const hold of released)
          rerankHolds(w, talent, { start: hold.startDateTime, end: hold.endDateTime });
        const confirmed = saved(w, session, before, 'bookings.confirm');
        return { ...confirmed, released };
      });
    },

    /** A lower hold gives the 1st on its time a deadline to confirm. */
    challenge(session: Session, input: Input<'bookings.challenge'>): Output<'bookings.challenge'> {
      return store.write(session.user.id, (w) => {
        const challenger = load(w.tx, session, input.id, 'update');
        if (challenger.status !== 'hold' || (challenger.holdRank ?? 1) <= 1) {
          throw new AppError('CONFLICT', 'Only a 2nd or lower hold can challenge the 1st.', {
            id: 'Not a lower hold',
          });
        }
        const first = w.tx
          .select({ id: bookings.id, challengeDeadline: bookings.challengeDeadline })
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
                  from: challenger.startDateTime,
                  to: challenger.endDateTime,
                  fromMinute: minuteOf(challenger.startDateTime),
                  toMinute: minuteOf(challenger.endDateTime),
                  talent: challenger.talentProfile,
                },
              ),
              eq(bookings.talentProfile, challenger.talentProfile),
              eq(bookings.status, 'hold'),
              eq(bookings.holdRank, 1),
            ),
          )
          .orderBy(asc(bookings.createdAt), sql`${bookings}.rowid`)
          .get();
        if (!first)
          throw new AppError('CONFLICT', 'There is no 1st hold on this time to challenge.');
        if (first.challengeDeadline) {
          throw new AppError(
            'CONFLICT',
            `The 1st hold is already challenged until ${first.challengeDeadline}.`,
          );
        }
        const deadline = new Date(Date.parse(w.now) + input.hours * 3_600_000).toISOString();
        w.tx
          .update(bookings)
          .set({ challengeDeadline: deadline, challengedBy: challenger.id, updatedAt: w.now })
          .where(eq(bookings.id, first.id))
          .run();
        w.audit({
          action: 'bookings.challenge',
          entity: 'bookings',
          entityId: first.id,
          changes: { challengeDeadline: [null, deadline], challengedBy: [null, challenger.id] },
        });
        w.emit({
          entity: 'bookings',
          id: first.id,
          action: 'updated',
          teamManager: challenger.manager,
        });
        return out(session, load(w.tx, session, first.id, 'read'));
      });
    },

    /**
     * Releases every 1st hold whose challenge deadline has passed; the next hold moves up. Run on
     * a timer in main and at start-up, so a deadline that passed while the app was closed applies.
     */
    expireChallenges(): number {
      return store.write(null, (w) => {
        const expired = w.tx
          .select({
            id: bookings.id,
            talentProfile: bookings.talentProfile,
            startDateTime: bookings.startDateTime,
            endDateTime: bookings.endDateTime,
            challengeDeadline: bookings.challengeDeadline,
            manager: talentProfiles.manager,
          })
          .from(bookings)
          .innerJoin(talentProfiles, eq(talentProfiles.id, bookings.talentProfile))
          .where(
            and(
              eq(bookings.status, 'hold'),
              isNotNull(bookings.challengeDeadline),
              lte(bookings.challengeDeadline, w.now),
            ),
          )
          .all();
        for (const hold of expired) {
          w.tx
            .update(bookings)
            .set({
              status: 'cancelled',
              holdRank: null,
              cancelReason: `${RELEASED}: challenge expired`,
              challengeDeadline: null,
              challengedBy: null,
              updatedAt: w.now,
              version: sql`${bookings.version} + 1`,
            })
            .where(eq(bookings.id, hold.id))
            .run();
          w.audit({
            action: 'bookings.challengeExpired',
            entity: 'bookings',
            entityId: hold.id,
            changes: { status: ['hold', 'cancelled'], deadline: hold.challengeDeadline },
          });
          w.emit({ entity: 'bookings', id: hold.id, action: 'updated', teamManager: hold.manager });
          rerankHolds(
            w,
            { id: hold.talentProfile, manager: hold.manager },
            { start: hold.startDateTime, end: hold.endDateTime },
          );
        }
        return expired.length;
      });
    },

    cancel(session: Session, input: Input<'bookings.cancel'>): Output<'bookings.cancel'> {
      return store.write(session.user.id, (w) => {
        const before = load(w.tx, session, input.id, 'update');
        if (before.status === 'cancelled') return out(session, before);
        if (before.status === 'completed')
          throw new AppError('CONFLICT', 'A completed booking cannot be cancelled.');
        leaveQueue.run({
          status: 'cancelled',
          cancelReason: input.reason ?? null,
          now: w.now,
          version: before.version + 1,
          id: before.id,
        });
        if (before.status === 'hold') {
          rerankHolds(
            w,
            { id: before.talentProfile, manager: before.manager },
            { start: before.startDateTime, end: before.endDateTime },
          );
        }
        return saved(w, session, before, 'bookings.cancel');
      });
    },
  };
}
