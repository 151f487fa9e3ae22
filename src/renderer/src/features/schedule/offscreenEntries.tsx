import type { EventApi, ViewApi } from '@fullcalendar/core';
import { Button } from '@mui/material';
import { IANAZone } from 'luxon';
import { offsetsOf } from './zoneOffsets';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Less of an entry than this in view, and it counts as out of view. */
const SLACK = 10 * 60_000;

/** Where the scroller shows the grid (ms of the day) and where it sits in the frame (px). */
interface Shown {
  readonly earlier: number;
  readonly later: number;
  /** The time to scroll to for each hint: the nearest entry out of view on that side. */
  readonly earlierAt: number;
  readonly laterAt: number;
  readonly top: number;
  readonly bottom: number;
}

const NOTHING: Shown = { earlier: 0, later: 0, earlierAt: 0, laterAt: 0, top: 0, bottom: 0 };

/**
 * The week and day grids' entries out of view above or below the hours the scroller shows: the
 * grid opens at 7:00, and a week whose entries are all at night looked empty. Each entry is kept
 * as the times of day it covers (one span per day it touches, in the display zone), worked out
 * once per set of events, so a scroll only compares numbers.
 */
export function createOffscreenTracker() {
  let entries: (readonly [number, number])[][] = [];
  let shown: Shown = NOTHING;
  let frame: HTMLElement | null = null;
  const listeners = new Set<() => void>();

  const tracker = {
    /** From FullCalendar's eventsSet: the timed entries of the visible range, as day spans. */
    setEvents(events: readonly EventApi[], view: ViewApi, zoneName: string) {
      entries = [];
      if (!view.type.startsWith('timeGrid')) return tracker.measure();
      const offset = offsetsOf(IANAZone.create(zoneName));
      const local = (ms: number) => ms + offset(ms) * 60_000;
      const firstDay = Math.floor(local(view.activeStart.getTime()) / DAY);
      const lastDay = Math.floor((local(view.activeEnd.getTime()) - 1) / DAY);
      for (const event of events) {
        if (event.allDay || event.display === 'background' || !event.start) continue;
        const start = local(event.start.getTime());
        const end = event.end ? local(event.end.getTime()) : start + HOUR;
        const spans: (readonly [number, number])[] = [];
        for (let day = Math.floor(start / DAY); day * DAY < end; day += 1) {
          if (day < firstDay || day > lastDay) continue;
          spans.push([Math.max(start - day * DAY, 0), Math.min(end - day * DAY, DAY)]);
        }
        if (spans.length > 0) entries.push(spans);
      }
      tracker.measure();
    },
    /** The earliest time of day any entry of the range is drawn at, or null with none. */
    earliest(): number | null {
      let first: number | null = null;
      for (const spans of entries)
        for (const [from] of spans) if (first === null || from < first) first = from;
      return first;
    },
    attach(el: HTMLElement | null) {
      frame = el;
    },
    /** Counts what is above and below the hours in view, and where the hints go. */
    measure() {
      const scroller = frame?.querySelector('.fc-timegrid-body')?.closest('.fc-scroller');
      const slots = frame?.querySelector('.fc-timegrid-slots');
      let next = NOTHING;
      if (frame && scroller && slots && entries.length > 0) {
        const box = scroller.getBoundingClientRect();
        const grid = slots.getBoundingClientRect();
        const frameTop = frame.getBoundingClientRect().top;
        const at = (y: number) => ((y - grid.top) / grid.height) * DAY;
        const top = at(box.top);
        const bottom = at(box.bottom);
        let earlier = 0;
        let later = 0;
        let earlierAt = DAY;
        let laterAt = DAY;
        for (const spans of entries) {
          if (spans.some(([from, to]) => to > top + SLACK && from < bottom - SLACK)) continue;
          if (spans.some(([, to]) => to <= top + SLACK)) {
            earlier += 1;
            earlierAt = Math.min(earlierAt, ...spans.map(([from]) => from));
          } else {
            later += 1;
            laterAt = Math.min(laterAt, ...spans.map(([from]) => from));
          }
        }
        next = {
          earlier,
          later,
          earlierAt,
          laterAt,
          top: box.top - frameTop,
          bottom: box.bottom - frameTop,
        };
      }
      if (
        next.earlier !== shown.earlier ||
        next.later !== shown.later ||
        next.earlierAt !== shown.earlierAt ||
        next.laterAt !== shown.laterAt ||
        next.top !== shown.top ||
        next.bottom !== shown.bottom
      ) {
        shown = next;
        for (const listener of listeners) listener();
      }
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: () => shown,
  };
  return tracker;
}

export type OffscreenTracker = ReturnType<typeof createOffscreenTracker>;

/** The whole hour at or before a time of day, as "HH:00:00" for FullCalendar's scrollToTime. */
export function hourOf(ms: number): string {
  return `${String(Math.floor(ms / HOUR)).padStart(2, '0')}:00:00`;
}

/**
 * "3 entries earlier" at the top edge of the grid and "2 entries later" at its bottom edge, each
 * scrolling to the nearest of them when clicked. Its own component on a small store: a scroll
 * re-renders the two buttons, not the calendar.
 */
export function OffscreenHints({
  tracker,
  scrollTo,
}: {
  tracker: OffscreenTracker;
  scrollTo: (time: string) => void;
}) {
  const { t } = useTranslation();
  const shown = useSyncExternalStore(tracker.subscribe, tracker.get);
  const hint = { position: 'absolute', left: '50%', transform: 'translateX(-50%)', zIndex: 5 };
  return (
    <>
      {shown.earlier > 0 && (
        <Button
          size="small"
          variant="contained"
          color="secondary"
          onClick={() => scrollTo(hourOf(shown.earlierAt))}
          sx={{ ...hint, top: shown.top + 4 }}
        >
          <span aria-hidden>↑&nbsp;</span>
          {t('calendar.entriesEarlier', { count: shown.earlier })}
        </Button>
      )}
      {shown.later > 0 && (
        <Button
          size="small"
          variant="contained"
          color="secondary"
          onClick={() => scrollTo(hourOf(shown.laterAt))}
          sx={{ ...hint, top: shown.bottom - 36 }}
        >
          {t('calendar.entriesLater', { count: shown.later })}
          <span aria-hidden>&nbsp;↓</span>
        </Button>
      )}
    </>
  );
}
