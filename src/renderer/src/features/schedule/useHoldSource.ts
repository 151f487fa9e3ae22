import type { EventInput, EventSourceFuncArg } from '@fullcalendar/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/access';
import type { Booking } from '../../../../shared/domain/booking';
import { call } from '../../api/client';
import { useCurrentUser } from '../session';

/** More holds than this in one visible range are left to the Bookings list. */
const MAX_PAGES = 5;

/**
 * Pencilled holds on the calendar, dashed in the hold colour and labelled with their rank and
 * client, so every desk sees the time being held before it is confirmed. A hold moves by
 * editing the booking, not by dragging; clicking one opens its booking.
 */
export function useHoldSource(talentProfile: string | undefined) {
  const { t } = useTranslation();
  const role = useCurrentUser().role;
  return useCallback(
    (
      info: EventSourceFuncArg,
      success: (events: EventInput[]) => void,
      failure: (error: Error) => void,
    ) => {
      if (!can(role, 'bookings', 'read')) return success([]);
      const range = {
        status: 'hold' as const,
        from: new Date(info.startStr).toISOString(),
        to: new Date(info.endStr).toISOString(),
        limit: 100,
        ...(talentProfile ? { talentProfile } : {}),
      };
      void (async () => {
        const holds: Booking[] = [];
        let cursor: string | undefined;
        for (let page = 0; page < MAX_PAGES; page += 1) {
          const { items, nextCursor } = await call('bookings.list', {
            ...range,
            ...(cursor ? { cursor } : {}),
          });
          holds.push(...items);
          if (!nextCursor) break;
          cursor = nextCursor;
        }
        success(
          holds.map((hold) => ({
            id: `hold:${hold.id}`,
            title: `${hold.expanded.talentProfile.stageName} · ${t('bookings.rank', {
              count: hold.holdRank ?? 1,
              ordinal: true,
            })} · ${hold.clientName}`,
            start: hold.startDateTime,
            end: hold.endDateTime,
            editable: false,
            classNames: ['gr-type-hold', 'gr-status-tentative', 'gr-booking-hold'],
            extendedProps: { hold },
          })),
        );
      })().catch((error: unknown) =>
        failure(error instanceof Error ? error : new Error(String(error))),
      );
    },
    [role, t, talentProfile],
  );
}
