import { and, asc, eq, gt, lt, type SQL, getTableColumns } from 'drizzle-orm';
import type { Input, Output } from '../../shared/api';
import type { ScheduleEntry } from '../../shared/domain/scheduleEntry';
import { AppError } from '../../shared/errors';
import { scheduleEntries, talentProfiles } from '../db/schema';
import { teamCondition } from './scope';
import type { Session } from './session';
import type { Store } from './store';

/** A range fetch is bounded: the calendar asks for what it shows. */
const MAX_ENTRIES = 5_000;

export function createScheduleService(store: Store) {
  const { db } = store;
  return {
    list(session: Session, input: Input<'schedule.list'>): Output<'schedule.list'> {
      const where: (SQL | undefined)[] = [
        teamCondition(session, 'schedule', 'read'),
        lt(scheduleEntries.start, input.to),
        gt(scheduleEntries.end, input.from),
      ];
      if (input.talentProfile) where.push(eq(scheduleEntries.talentProfile, input.talentProfile));
      const rows = db
        .select({ ...getTableColumns(scheduleEntries), stageName: talentProfiles.stageName })
        .from(scheduleEntries)
        .innerJoin(talentProfiles, eq(talentProfiles.id, scheduleEntries.talentProfile))
        .where(and(...where))
        .orderBy(asc(scheduleEntries.start), asc(scheduleEntries.id))
        .limit(MAX_ENTRIES + 1)
        .all();
      if (rows.length > MAX_ENTRIES) {
        throw new AppError(
          'VALIDATION',
          `More than ${MAX_ENTRIES} entries in this range: choose a shorter range or a talent.`,
          { to: 'Range too large' },
        );
      }
      const items = rows.map(({ stageName, ...entry }): ScheduleEntry => ({
        ...entry,
        entryType: entry.entryType as ScheduleEntry['entryType'],
        status: entry.status as ScheduleEntry['status'],
        source: entry.source as ScheduleEntry['source'],
        expanded: { talentProfile: { id: entry.talentProfile, stageName } },
      }));
      return { items, nextCursor: null };
    },
  };
}
