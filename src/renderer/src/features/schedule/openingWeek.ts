import { DateTime } from 'luxon';
import type { Input, Output } from '../../../../shared/api';
import { bridge, call } from '../../api/client';

type ListQuery = Input<'schedule.list'>;
type ListReply = Output<'schedule.list'>;

/** An early reply older than this is asked for again rather than drawn. */
const FRESH_MS = 5_000;

/** The first day of the week FullCalendar draws in a language (its zh-cn locale: Monday). */
export function weekStartsOn(language: string): 0 | 1 {
  return language === 'zh-CN' ? 1 : 0;
}

/**
 * The week view's range around `now`, as FullCalendar asks for it: from midnight of the week's
 * first day in the display zone to the same wall-clock time seven days later (across a DST change
 * that is not 168 hours), as UTC instants.
 */
export function weekAround(
  now: DateTime,
  zone: string,
  firstDay: 0 | 1,
): { from: string; to: string } {
  const today = now.setZone(zone).startOf('day');
  const from = today.minus({ days: ((today.weekday % 7) - firstDay + 7) % 7 });
  return { from: from.toUTC().toISO()!, to: from.plus({ days: 7 }).toUTC().toISO()! };
}

const keyOf = (query: ListQuery) =>
  JSON.stringify(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : 1)));

let early: { key: string; at: number; reply: Promise<ListReply> } | null = null;
let watching = false;

/**
 * Asks for the entries the schedule page opens on as the page starts to render, not when
 * FullCalendar has mounted and drawn its empty grid: on a busy week the reply (0.9 MB for 2,000
 * entries) then travels while the page and the grid are being built. Only the next
 * `listSchedule` with the same query takes it, once.
 */
export function prefetchScheduleList(query: ListQuery): void {
  const key = keyOf(query);
  if (early?.key === key && Date.now() - early.at < FRESH_MS) return;
  if (!watching) {
    watching = true;
    // A change in between would make the early reply stale: the calendar asks again instead.
    bridge.on('change', (event) => {
      if (event.entity === 'schedule' || event.entity === 'bookings') early = null;
    });
  }
  const reply = call('schedule.list', query);
  // Its failure is told by the calendar that takes it (or by the calendar's own call).
  reply.catch(() => undefined);
  early = { key, at: Date.now(), reply };
}

/** `schedule.list`, answered by the early request when it asked the same and is fresh. */
export function listSchedule(query: ListQuery): Promise<ListReply> {
  const taken = early;
  early = null;
  if (taken && taken.key === keyOf(query) && Date.now() - taken.at < FRESH_MS) return taken.reply;
  return call('schedule.list', query);
}
