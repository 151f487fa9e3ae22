import type { ScheduleEntry } from '../../../../shared/domain/scheduleEntry';
import type { ContractKeyDate } from '../../../../shared/domain/contract';

/**
 * One colour per entry type, set by a class (CalendarStyles) rather than on every event: a busy
 * week draws hundreds, and an inline style on each is parsed per element and keeps the browser
 * from sharing their computed style. Status is shown by the border and opacity.
 */
export const ENTRY_COLORS: Readonly<Record<ScheduleEntry['entryType'], string>> = {
  audition: '#7b5cd6',
  booking: '#2e7d5b',
  rehearsal: '#1f6fb2',
  fitting: '#c2185b',
  travel: '#8d6e63',
  hold: '#d48806',
  personal: '#607d8b',
};

/** Contract dates, also set by a class: the option date is the one never to miss. */
export const CONTRACT_DATE_COLORS: Readonly<Record<ContractKeyDate['kind'], string>> = {
  option: '#ad1457',
  notice: '#e65100',
  expiry: '#455a64',
};

const classNames = new Map<string, string[]>();

/**
 * The classes of an entry on the calendar: its type's colour and its status's border. One shared
 * list per type and status (a busy week is 2,000 entries of a dozen kinds); not to be changed.
 */
export function entryClassNames(entry: Pick<ScheduleEntry, 'entryType' | 'status'>): string[] {
  const key = `${entry.entryType}|${entry.status}`;
  let names = classNames.get(key);
  if (!names) {
    names = [`gr-type-${entry.entryType}`, `gr-status-${entry.status}`];
    classNames.set(key, names);
  }
  return names;
}

/** Unavailable and out-of-town periods: the badges, the talent rows' lanes and the legend. */
export const BLOCK_COLORS: Readonly<Record<'unavailable' | 'out_of_town', string>> = {
  unavailable: '#b71c1c',
  out_of_town: '#6d4c41',
};
