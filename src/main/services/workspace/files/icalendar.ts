import ical, { ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { DateTime, IANAZone } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';

/** What every exported event has, timed or all-day. */
interface EventBase {
  /** Unique and stable across exports (a row id, or a contract id and which date). */
  readonly uid: string;
  readonly summary: string;
  readonly description?: string;
  /**
   * RFC 5545 3.8.7.4: 0 when created, and greater after every change of start, end or status,
   * so calendar apps replace what they imported before instead of ignoring it.
   */
  readonly sequence: number;
  /** When the information last changed (DTSTAMP and LAST-MODIFIED). */
  readonly updatedAt: string;
  readonly status?: 'tentative' | 'confirmed' | 'cancelled';
}

/** An event at instants, written as wall-clock times in its own zone. */
export interface TimedEvent extends EventBase {
  readonly start: string;
  readonly end: string;
  /** The IANA zone it was made for. */
  readonly timezone: string;
}

/** An all-day event (VALUE=DATE) over calendar days, both inclusive. */
export interface AllDayEvent extends EventBase {
  readonly firstDay: string;
  readonly lastDay: string;
  /** Shown but not busy time (a reminder such as a contract's notice date). */
  readonly free?: boolean;
}

export type CalendarEvent = TimedEvent | AllDayEvent;

const STATUS: Record<NonNullable<EventBase['status']>, ICalEventStatus> = {
  tentative: ICalEventStatus.TENTATIVE,
  confirmed: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
};

interface ZoneDefinition {
  /** The TZID written on the event and its VTIMEZONE. */
  readonly tzid: string;
  readonly vtimezone: string;
}

const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Etc/Zulu']);

/**
 * The VTIMEZONE for a zone, from timezones-ical-library's bundled tz data (no network). An
 * alias resolves to its canonical zone (Asia/Calcutta is written as Asia/Kolkata), so the
 * event's TZID and the VTIMEZONE's always match. Null for UTC (written as UTC, "...Z") and for
 * a zone the library lacks, which is written in UTC too rather than with a TZID no VTIMEZONE
 * defines.
 */
function zoneDefinition(zone: string): ZoneDefinition | null {
  if (UTC_NAMES.has(zone)) return null;
  const block = tzlib_get_ical_block(zone);
  if (!Array.isArray(block) || !block[0]) return null;
  const canonical = /^TZID:(.+)$/m.exec(block[0])?.[1]?.trim();
  if (!canonical || UTC_NAMES.has(canonical)) return null;
  // The wall clock is computed by Luxon from the TZID: where this runtime's tz data does not
  // know the library's (newer) canonical name, keep the name the entry was made with.
  if (IANAZone.isValidZone(canonical)) return { tzid: canonical, vtimezone: block[0] };
  return { tzid: zone, vtimezone: block[0].replace(/^TZID:.+$/m, `TZID:${zone}`) };
}

const isAllDay = (event: CalendarEvent): event is AllDayEvent => 'firstDay' in event;

/**
 * An RFC 5545 calendar: every timed event in its own zone (DTSTART;TZID=...) with one VTIMEZONE
 * per zone used, so a 10:00 New York booking reads 10:00 New York in any client; all-day items
 * as VALUE=DATE. UIDs are stable, so re-importing an export updates events instead of
 * duplicating them.
 */
export function toICalendar(
  name: string,
  events: readonly CalendarEvent[],
  options: {
    /** For a subscribed feed: how often calendar apps should fetch it again (REFRESH-INTERVAL,
     *  X-PUBLISHED-TTL), in seconds. */
    readonly refreshSeconds?: number;
  } = {},
): string {
  const zones = new Map<string, ZoneDefinition | null>();
  const zoneOf = (zone: string) => {
    if (!zones.has(zone)) zones.set(zone, zoneDefinition(zone));
    return zones.get(zone)!;
  };
  const vtimezones = new Map<string, string>();
  const calendar = ical({
    name,
    prodId: { company: 'Greenroom', product: 'Greenroom', language: 'EN' },
    // No calendar-wide zone (its name would be written as X-WR-TIMEZONE): only the generator,
    // which ical-generator asks for each event's zone.
    timezone: { name: '', generator: (tzid) => vtimezones.get(tzid) ?? null },
    ...(options.refreshSeconds ? { ttl: options.refreshSeconds } : {}),
  });
  for (const event of events) {
    const common = {
      id: event.uid,
      summary: event.summary,
      sequence: event.sequence,
      stamp: new Date(event.updatedAt),
      lastModified: new Date(event.updatedAt),
      ...(event.status ? { status: STATUS[event.status] } : {}),
      ...(event.description ? { description: event.description } : {}),
    };
    if (isAllDay(event)) {
      const day = (date: string) => DateTime.fromISO(date, { zone: 'utc' });
      calendar.createEvent({
        ...common,
        allDay: true,
        start: day(event.firstDay),
        // DTEND of a VALUE=DATE event is the day after the last one.
        end: day(event.lastDay).plus({ days: 1 }),
        transparency: event.free ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
      });
      continue;
    }
    const zone = zoneOf(event.timezone);
    if (zone) vtimezones.set(zone.tzid, zone.vtimezone);
    // Luxon values, not Dates: ical-generator would read a Date's wall clock in the process's
    // own zone.
    calendar.createEvent({
      ...common,
      start: DateTime.fromISO(event.start, { zone: 'utc' }),
      end: DateTime.fromISO(event.end, { zone: 'utc' }),
      timezone: zone?.tzid ?? null,
    });
  }
  // RFC 5545 3.1: every content line ends with CRLF, the last one too.
  return `${calendar.toString()}\r\n`;
}
