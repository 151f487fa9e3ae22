import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Input, Output } from '../../../../shared/api';
import type { ScheduleEntry } from '../../../../shared/domain/scheduleEntry';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../../db/open';
import { scheduleEntries, talentProfiles } from '../../../db/schema';
import { minuteOf, overlapping, scheduleEntrySpans } from '../../../db/spans';
import { findOverlaps } from '../clashes';
import type { TimedEvent } from '../../workspace/files/icalendar';
import { talentInScope, teamOf } from '../../kernel/scope';
import type { Session } from '../../kernel/session';
import { talentChildRows } from '../talents/talentChildRows';
import { diff, newId, type Store, type WriteContext } from '../../kernel/store';

/** A range fetch is bounded: the calendar asks for what it shows. */
const MAX_ENTRIES = 5_000;

type Row = typeof scheduleEntries.$inferSelect & { stageName: string; manager: string };

/** Which filters a range query has: one prepared statement per combination. */
interface RangeShape {
  readonly team: boolean;
  readonly talentProfile: boolean;
  readonly manager: boolean;
  readonly entryType: boolean;
  readonly status: boolean;
}

/** The range query's columns, in the order entryOfValues reads them. */
const RANGE_COLUMNS = {
  id: scheduleEntries.id,
  createdAt: scheduleEntries.createdAt,
  updatedAt: scheduleEntries.updatedAt,
  version: scheduleEntries.version,
  talentProfile: scheduleEntries.talentProfile,
  booking: scheduleEntries.booking,
  entryType: scheduleEntries.entryType,
  title: scheduleEntries.title,
  start: scheduleEntries.start,
  end: scheduleEntries.end,
  timezone: scheduleEntries.timezone,
  status: scheduleEntries.status,
  source: scheduleEntries.source,
  stageName: talentProfiles.stageName,
  manager: talentProfiles.manager,
};
type RangeValues = [
  string,
  string,
  string,
  number,
  string,
  string | null,
  ScheduleEntry['entryType'],
  string | null,
  string,
  string,
  string,
  ScheduleEntry['status'],
  ScheduleEntry['source'],
  string,
  string,
];

/** A raw row of the range query as its entry: one object (and its talent), nothing between. */
function entryOfValues(v: RangeValues): ScheduleEntry {
  return {
    id: v[0],
    createdAt: v[1],
    updatedAt: v[2],
    version: v[3],
    talentProfile: v[4],
    booking: v[5],
    entryType: v[6],
    title: v[7],
    start: v[8],
    end: v[9],
    timezone: v[10],
    status: v[11],
    source: v[12],
    expanded: { talentProfile: { id: v[4], stageName: v[13] } },
  };
}

function toEntry({ stageName, manager: _manager, ...entry }: Row): ScheduleEntry {
  return {
    ...entry,
    entryType: entry.entryType as ScheduleEntry['entryType'],
    status: entry.status as ScheduleEntry['status'],
    source: entry.source as ScheduleEntry['source'],
    expanded: { talentProfile: { id: entry.talentProfile, stageName } },
  };
}

/** Where an entry may not go: over anything blocking on its talent's time (see findOverlaps). */
function assertFree(
  db: Db,
  entry: { talentProfile: string; start: string; end: string; status: string },
  excludeEntry?: string,
): void {
  if (entry.status === 'cancelled') return;
  const blocking = findOverlaps(db, {
    talentProfile: entry.talentProfile,
    start: entry.start,
    end: entry.end,
    excludeEntry,
  }).filter((c) => c.blocking);
  if (blocking.length > 0) {
    throw new AppError(
      'CONFLICT',
      `That time clashes with ${blocking.map((c) => `${c.label} (${c.status})`).join('; ')}.`,
      {
        start: `Clashes with ${blocking.map((c) => c.label).join(', ')}`,
      },
    );
  }
}

export function createScheduleService(store: Store) {
  const { db } = store;
  const { load } = talentChildRows<Row>(
    db,
    scheduleEntries,
    'schedule',
    'That schedule entry does not exist or is not on your team.',
  );

  function manualOnly(row: Row): void {
    if (row.source === 'booking') {
      throw new AppError(
        'CONFLICT',
        'This entry comes from a booking: change the booking instead.',
        { booking: row.booking ?? '' },
      );
    }
  }

  /**
   * The range query, prepared once per combination of filters (the calendar asks on every view
   * change): entries found through their R*Tree boxes (db/spans.ts), so a week reads that week
   * of the talent's or team's entries and nothing before it.
   */
  function buildRange(shape: RangeShape) {
    const p = sql.placeholder;
    const where: (SQL | undefined)[] = [
      overlapping(
        scheduleEntrySpans,
        sql`${scheduleEntries}.rowid`,
        scheduleEntries.start,
        scheduleEntries.end,
        {
          from: p('from'),
          to: p('to'),
          fromMinute: p('fromMinute'),
          toMinute: p('toMinute'),
          talent: shape.talentProfile ? p('talentProfile') : undefined,
          team: shape.team ? p('team') : shape.manager ? p('manager') : undefined,
        },
      ),
      shape.team ? eq(talentProfiles.manager, p('team')) : undefined,
      shape.manager ? eq(talentProfiles.manager, p('manager')) : undefined,
      shape.talentProfile ? eq(scheduleEntries.talentProfile, p('talentProfile')) : undefined,
      shape.entryType ? eq(scheduleEntries.entryType, p('entryType')) : undefined,
      shape.status ? eq(scheduleEntries.status, p('status')) : undefined,
    ];
    return db
      .select(RANGE_COLUMNS)
      .from(scheduleEntrySpans)
      .innerJoin(scheduleEntries, sql`${scheduleEntries}.rowid = ${scheduleEntrySpans.id}`)
      .innerJoin(talentProfiles, eq(talentProfiles.id, scheduleEntries.talentProfile))
      .where(and(...where))
      .orderBy(asc(scheduleEntries.start), asc(scheduleEntries.id))
      .limit(MAX_ENTRIES + 1)
      .prepare();
  }
  const statements = new Map<string, ReturnType<typeof buildRange>>();

  /** The prepared statement and its parameters for a range; null when the caller sees no team. */
  function rangeQuery(session: Session, input: Input<'schedule.list'>) {
    const team = teamOf(session, 'schedule', 'read');
    if (team === null) return null;
    const shape: RangeShape = {
      team: team !== undefined,
      talentProfile: input.talentProfile !== undefined,
      manager: input.manager !== undefined,
      entryType: input.entryType !== undefined,
      status: input.status !== undefined,
    };
    const key = JSON.stringify(shape);
    let statement = statements.get(key);
    if (!statement) {
      statement = buildRange(shape);
      statements.set(key, statement);
    }
    const params = {
      from: input.from,
      to: input.to,
      fromMinute: minuteOf(input.from),
      toMinute: minuteOf(input.to),
      team,
      talentProfile: input.talentProfile,
      manager: input.manager,
      entryType: input.entryType,
      status: input.status,
    };
    return { statement, params };
  }

  function bounded<T>(rows: T[]): T[] {
    if (rows.length > MAX_ENTRIES) {
      throw new AppError(
        'VALIDATION',
        `More than ${MAX_ENTRIES} entries in this range: choose a shorter range or a talent.`,
        { to: 'Range too large' },
      );
    }
    return rows;
  }

  function range(session: Session, input: Input<'schedule.list'>): Row[] {
    const query = rangeQuery(session, input);
    return query ? bounded(query.statement.all(query.params) as Row[]) : [];
  }

  /** The list's hot path: the statement's raw rows, each made into its entry in one step. */
  function listEntries(session: Session, input: Input<'schedule.list'>): ScheduleEntry[] {
    const query = rangeQuery(session, input);
    if (!query) return [];
    return bounded(query.statement.values(query.params) as RangeValues[]).map(entryOfValues);
  }

  function emit(w: WriteContext, row: Row, action: 'created' | 'updated'): void {
    w.emit({ entity: 'schedule', id: row.id, action, teamManager: row.manager });
  }

  return {
    list(session: Session, input: Input<'schedule.list'>): Output<'schedule.list'> {
      return { items: listEntries(session, input), nextCursor: null };
    },

    /** One entry by id (its link, #/schedule/entries/<id>); another team's reads as absent. */
    get(session: Session, input: Input<'schedule.get'>): Output<'schedule.get'> {
      return toEntry(load(db, session, input.id, 'read'));
    },

    create(session: Session, input: Input<'schedule.create'>): Output<'schedule.create'> {
      return store.write(session.user.id, (w) => {
        const talent = talentInScope(db, session, input.talentProfile, 'schedule', 'create');
        const status = input.status ?? 'tentative';
        assertFree(db, { talentProfile: talent.id, start: input.start, end: input.end, status });
        const id = newId();
        const values = {
          id,
          createdAt: w.now,
          updatedAt: w.now,
          version: 1,
          talentProfile: talent.id,
          booking: null,
          entryType: input.entryType,
          title: input.title ?? null,
          start: input.start,
          end: input.end,
          timezone: input.timezone,
          status,
          source: 'manual',
        };
        w.tx.insert(scheduleEntries).values(values).run();
        const row = load(w.tx, session, id, 'read');
        w.audit({
          action: 'schedule.create',
          entity: 'schedule',
          entityId: id,
          changes: { ...values },
        });
        emit(w, row, 'created');
        return toEntry(row);
      });
    },

    update(session: Session, input: Input<'schedule.update'>): Output<'schedule.update'> {
      return store.write(session.user.id, (w) => {
        const before = load(w.tx, session, input.id, 'update');
        manualOnly(before);
        if (before.version !== input.version) {
          throw new AppError(
            'CONFLICT',
            'Someone else changed this entry since you opened it. Reload to see their change.',
          );
        }
        const next = { ...before, ...input.patch };
        if (next.end <= next.start)
          throw new AppError('VALIDATION', 'The end must be after the start.', {
            end: 'Must be after the start',
          });
        assertFree(db, next, before.id);
        w.tx
          .update(scheduleEntries)
          .set({ ...input.patch, updatedAt: w.now, version: before.version + 1 })
          .where(eq(scheduleEntries.id, before.id))
          .run();
        const after = load(w.tx, session, before.id, 'read');
        w.audit({
          action: 'schedule.update',
          entity: 'schedule',
          entityId: before.id,
          changes: diff(before, after),
        });
        emit(w, after, 'updated');
        return toEntry(after);
      });
    },

    cancel(session: Session, input: Input<'schedule.cancel'>): Output<'schedule.cancel'> {
      return store.write(session.user.id, (w) => {
        const before = load(w.tx, session, input.id, 'update');
        manualOnly(before);
        if (before.status === 'cancelled') return toEntry(before);
        w.tx
          .update(scheduleEntries)
          .set({ status: 'cancelled', updatedAt: w.now, version: before.version + 1 })
          .where(eq(scheduleEntries.id, before.id))
          .run();
        const after = load(w.tx, session, before.id, 'read');
        w.audit({
          action: 'schedule.cancel',
          entity: 'schedule',
          entityId: before.id,
          changes: diff(before, after),
        });
        emit(w, after, 'updated');
        return toEntry(after);
      });
    },

    /**
     * The range's entries as calendar events, each in its own zone (overview/calendarExport.ts
     * writes the .ics). SEQUENCE is the row's version less one: 0 when created, and every write
     * that moves an entry or changes its status (schedule.update, schedule.cancel, a booking's
     * sync) bumps the version in the same transaction under the stale-version check, so it
     * always grows then. It also grows on other edits (a new title), which RFC 5545 allows.
     */
    calendarEvents(session: Session, input: Input<'schedule.list'>): TimedEvent[] {
      return range(session, input).map((row) => ({
        uid: `${row.id}@greenroom`,
        summary: `${row.stageName}: ${row.title ?? row.entryType}`,
        description: `${row.entryType} · ${row.status} · time zone ${row.timezone}`,
        start: row.start,
        end: row.end,
        timezone: row.timezone,
        status: row.status as ScheduleEntry['status'],
        sequence: row.version - 1,
        updatedAt: row.updatedAt,
      }));
    },
  };
}
