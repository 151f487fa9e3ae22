/**
 * The R*Tree indexes over the timed tables (migration 0014_range_indexes): one box per row, in
 * minutes since 1970 (start rounded down and end up, with a minute's margin), the talent's rowid
 * and its manager's rowid. Triggers write them in the row's own transaction; nothing here does.
 * Declared for typed queries only: drizzle-kit reads schema.ts, which does not hold them.
 */
import { and, eq, gt, lt, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { integer, sqliteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { talentProfiles, users } from './schema';

const spanColumns = {
  id: integer().primaryKey(),
  startMinute: integer().notNull(),
  endMinute: integer().notNull(),
  talentLo: integer().notNull(),
  talentHi: integer().notNull(),
  teamLo: integer().notNull(),
  teamHi: integer().notNull(),
};

export const scheduleEntrySpans = sqliteTable('schedule_entry_spans', spanColumns);
export const bookingSpans = sqliteTable('booking_spans', spanColumns);
export const availabilityBlockSpans = sqliteTable('availability_block_spans', spanColumns);

type Spans = typeof scheduleEntrySpans | typeof bookingSpans | typeof availabilityBlockSpans;

const MINUTE = 60_000;

/** The minute an instant falls in (the R*Tree's unit). */
export const minuteOf = (iso: string): number => Math.floor(Date.parse(iso) / MINUTE);

/** A value given now, or a named placeholder bound when a prepared statement runs. */
type Value = string | number | Placeholder;

export interface OverlapQuery {
  /** The range [from, to) as instants, and the minutes they fall in (see minuteOf). */
  readonly from: Value;
  readonly to: Value;
  readonly fromMinute: Value;
  readonly toMinute: Value;
  /** One talent's rows (a talent id). */
  readonly talent?: Value | undefined;
  /** One team's rows (the manager's user id). */
  readonly team?: Value | undefined;
}

/**
 * The rows of `table` whose [start, end) overlaps [from, to): the R*Tree box finds candidates
 * (a superset, by the minute), the row's own instants decide. `rowid` is the table's rowid.
 * A talent or team narrows the box search itself, so a week costs the same whatever the longest
 * row and however many other talents or teams share it.
 */
export function overlapping(
  spans: Spans,
  rowid: SQL,
  start: SQLiteColumn,
  end: SQLiteColumn,
  q: OverlapQuery,
): SQL {
  const conditions: SQL[] = [
    eq(spans.id, rowid),
    sql`${spans.startMinute} <= ${q.toMinute}`,
    sql`${spans.endMinute} >= ${q.fromMinute}`,
    lt(start, q.to),
    gt(end, q.from),
  ];
  if (q.talent !== undefined) {
    const talentRowid = sql`(SELECT rowid FROM ${talentProfiles} WHERE ${talentProfiles.id} = ${q.talent})`;
    conditions.push(
      sql`${spans.talentLo} <= ${talentRowid}`,
      sql`${spans.talentHi} >= ${talentRowid}`,
    );
  }
  if (q.team !== undefined) {
    const teamRowid = sql`(SELECT rowid FROM ${users} WHERE ${users.id} = ${q.team})`;
    conditions.push(sql`${spans.teamLo} <= ${teamRowid}`, sql`${spans.teamHi} >= ${teamRowid}`);
  }
  return and(...conditions)!;
}
