import { DateTime } from 'luxon';
import { useSyncExternalStore } from 'react';
import type { AvailabilityBlock } from '../../../../shared/domain/availabilityBlock';

/** One talent away on one day: what a day's badge and a talent-day cell show. */
export interface TalentAway {
  readonly talent: string;
  readonly stageName: string;
  readonly kind: AvailabilityBlock['kind'];
  readonly note: string | null;
  /** The period itself, for the detail ("Dec 3, 9:00 – Dec 5, 17:00"). */
  readonly start: string;
  readonly end: string;
}

/**
 * The availability periods of the visible range, kept outside FullCalendar: day headers, month
 * cells and the talent rows read them through a subscription, so periods arriving re-render
 * those few badges and not the calendar's (possibly thousands of) events.
 */
export function createBlockStore() {
  let blocks: readonly AvailabilityBlock[] = [];
  let zone = 'UTC';
  let byDay = new Map<string, TalentAway[]>();
  let generation = 0;
  const listeners = new Set<() => void>();
  const index = () => {
    byDay = new Map();
    for (const block of blocks) {
      const end = DateTime.fromISO(block.end, { zone });
      // A period ending at midnight does not touch the day it ends on.
      let day = DateTime.fromISO(block.start, { zone }).startOf('day');
      for (let n = 0; day < end && n < 400; n += 1, day = day.plus({ days: 1 })) {
        const key = day.toISODate()!;
        const list = byDay.get(key) ?? [];
        // One badge per talent-day, even when two periods of theirs touch that day.
        if (!list.some((away) => away.talent === block.talentProfile)) {
          list.push({
            talent: block.talentProfile,
            stageName: block.expanded.talentProfile.stageName,
            kind: block.kind,
            note: block.note,
            start: block.start,
            end: block.end,
          });
          byDay.set(key, list);
        }
      }
    }
    for (const list of byDay.values()) list.sort((a, b) => a.stageName.localeCompare(b.stageName));
  };
  return {
    set(next: readonly AvailabilityBlock[], displayZone: string) {
      blocks = next;
      zone = displayZone;
      index();
      generation += 1;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Changes whenever new periods are set: a snapshot for hooks reading several days. */
    version: () => generation,
    /** The talents away on a day (`YYYY-MM-DD` in the display zone), by stage name. */
    awayOn(day: string): readonly TalentAway[] {
      return byDay.get(day) ?? NONE;
    },
  };
}
export type BlockStore = ReturnType<typeof createBlockStore>;

const NONE: readonly TalentAway[] = [];

export function useAwayOn(store: BlockStore, day: string): readonly TalentAway[] {
  return useSyncExternalStore(store.subscribe, () => store.awayOn(day));
}

/** Who is away on each of several days: one subscription for a whole week of rows. */
export function useAwayOnAnyDay(
  store: BlockStore,
  days: readonly string[],
): Map<string, readonly TalentAway[]> {
  // The store's snapshot for a key changes only when its periods are set again.
  const version = useSyncExternalStore(store.subscribe, store.version);
  void version;
  return new Map(days.map((day) => [day, store.awayOn(day)]));
}
