import type { TodayItem } from '../../../../shared/domain/today';
import { recordPath } from '../../components/recordLinks';

/** Where a Today item (or its reminder) opens: the record itself, e.g. a callback's audition. */
export function pathOf(item: TodayItem): string {
  return recordPath(item.entity, item.id) ?? '/today';
}

/** Due now: the items a reminder is for (not those merely coming up). */
export const isDue = (item: TodayItem): boolean =>
  item.urgency === 'overdue' || item.urgency === 'today';
