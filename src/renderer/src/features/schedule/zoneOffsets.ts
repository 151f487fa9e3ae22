import type { IANAZone } from 'luxon';

const HOUR = 3_600_000;

/**
 * A zone's UTC offset at an instant, remembered per hour: luxon asks Intl on every call, and a
 * busy week asked 4,000 times (a seventh of its drawing time). An hour whose first and last
 * millisecond have the same offset has it throughout; one with a change in it is asked exactly.
 */
export function offsetsOf(zone: IANAZone): (ms: number) => number {
  const byHour = new Map<number, number | null>();
  return (ms) => {
    const hour = Math.floor(ms / HOUR);
    let offset = byHour.get(hour);
    if (offset === undefined) {
      const first = zone.offset(hour * HOUR);
      offset = first === zone.offset((hour + 1) * HOUR - 1) ? first : null;
      byHour.set(hour, offset);
    }
    return offset ?? zone.offset(ms);
  };
}
