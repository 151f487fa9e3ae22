import type { TodayItem } from '../../../../shared/domain/today';

/** Where a Today item opens. */
export function pathOf(item: TodayItem): string {
  switch (item.entity) {
    case 'contracts':
      return `/contracts?open=${item.id}`;
    case 'demos':
      return `/demos/${item.id}`;
    case 'artists':
      return `/artists/${item.id}`;
    default:
      return `/talents/${item.talentProfile ?? ''}`;
  }
}

/** Due now: the items a reminder is for (not those merely coming up). */
export const isDue = (item: TodayItem): boolean =>
  item.urgency === 'overdue' || item.urgency === 'today';
