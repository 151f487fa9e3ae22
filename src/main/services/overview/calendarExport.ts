import filenamify from 'filenamify';
import { DateTime } from 'luxon';
import { can } from '../../../shared/access';
import type { Input, Output } from '../../../shared/api';
import type { createAvailabilityBlockService } from '../agency/availabilityBlocks';
import type { createScheduleService } from '../agency/schedule/schedule';
import { talentInScope } from '../kernel/scope';
import type { Session } from '../kernel/session';
import type { Store } from '../kernel/store';
import { contractDateEvents } from '../label/contracts/contractDates';
import { toICalendar, type CalendarEvent } from '../workspace/files/icalendar';
import type { MediaStore } from '../workspace/files/media';
import { saveExport } from '../workspace/files/savedExport';

/** A stage name as part of a file name any file system takes, keeping every script's letters. */
function fileNamePart(name: string): string {
  return (
    filenamify(name.replace(/\s+/g, ' ').trim(), { replacement: '-', maxLength: 80 }) || 'talent'
  );
}

/**
 * The calendar's Export .ics: what the calendar shows for the range, as one file. It lives
 * here because it reads both desks: the schedule's entries and the availability blocks (agency)
 * and, for those who see them on the calendar (legal and admins), contract option, notice and
 * expiry dates (label). Entry filters (type, status, team) narrow the entries as on screen; a
 * talent narrows the file to that talent's entries and blocks, so it holds no contract dates
 * and is named after the talent.
 */
export function createCalendarExport(
  store: Store,
  media: MediaStore,
  agency: {
    schedule: Pick<ReturnType<typeof createScheduleService>, 'calendarEvents'>;
    blocks: Pick<ReturnType<typeof createAvailabilityBlockService>, 'calendarEvents'>;
  },
) {
  const { db } = store;

  return {
    async exportIcs(
      session: Session,
      input: Input<'schedule.exportIcs'>,
    ): Promise<Output<'schedule.exportIcs'>> {
      const role = session.user.role;
      const { timezone: zone = 'UTC', ...range } = input;
      const talent = range.talentProfile
        ? talentInScope(db, session, range.talentProfile, 'schedule', 'read')
        : null;
      // The calendar's days in its zone: [from, to) covers from's day to the day before to's.
      const dayOf = (instant: string) => DateTime.fromISO(instant, { zone }).toISODate()!;
      const days = {
        from: dayOf(range.from),
        to: DateTime.fromISO(range.to, { zone }).minus({ milliseconds: 1 }).toISODate()!,
      };
      const events: CalendarEvent[] = [
        ...agency.schedule.calendarEvents(session, range),
        ...(can(role, 'availability', 'read')
          ? agency.blocks.calendarEvents(session, {
              from: range.from,
              to: range.to,
              talentProfile: range.talentProfile,
            })
          : []),
        // The calendar's contract dates follow the same rule (useContractDateSource).
        ...(!talent && can(role, 'contracts', 'update') ? contractDateEvents(db, days) : []),
      ];
      const text = toICalendar(
        talent ? `${talent.stageName} · Greenroom schedule` : 'Greenroom schedule',
        events,
      );
      const holder = talent ? fileNamePart(talent.stageName) : 'greenroom';
      const fileName = `${holder}-schedule-${days.from}-to-${dayOf(range.to)}.ics`;
      const stored = await media.storeBytes(Buffer.from(text, 'utf8'));
      return saveExport(store, media, session, stored, {
        fileName,
        contentType: 'text/calendar; charset=utf-8',
        audit: {
          action: 'schedule.exportIcs',
          entity: 'schedule',
          entityId: null,
          changes: {
            from: range.from,
            to: range.to,
            ...(talent ? { talentProfile: talent.id } : {}),
            events: events.length,
          },
        },
      });
    },
  };
}
