import ical, { ICalEventStatus } from 'ical-generator';

export interface CalendarEvent {
  readonly id: string;
  readonly summary: string;
  readonly start: string;
  readonly end: string;
  readonly timezone: string;
  readonly status: 'tentative' | 'confirmed' | 'cancelled';
  readonly updatedAt: string;
  readonly description?: string;
}

const STATUS: Record<CalendarEvent['status'], ICalEventStatus> = {
  tentative: ICalEventStatus.TENTATIVE,
  confirmed: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
};

/**
 * An RFC 5545 calendar. Times are written in UTC (exact whatever the reader's zone); each
 * event's own zone is named in its description. UIDs are the entry ids, so re-importing an
 * export updates events instead of duplicating them.
 */
export function toICalendar(name: string, events: readonly CalendarEvent[]): string {
  const calendar = ical({
    name,
    prodId: { company: 'Greenroom', product: 'Greenroom', language: 'EN' },
  });
  for (const event of events) {
    calendar.createEvent({
      id: `${event.id}@greenroom`,
      summary: event.summary,
      start: new Date(event.start),
      end: new Date(event.end),
      stamp: new Date(event.updatedAt),
      lastModified: new Date(event.updatedAt),
      status: STATUS[event.status],
      description: event.description ?? `Time zone: ${event.timezone}`,
    });
  }
  return calendar.toString();
}
