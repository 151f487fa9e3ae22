import type { EventInput, EventSourceFuncArg } from '@fullcalendar/core';
import { DateTime } from 'luxon';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/access';
import type { ContractKeyDate } from '../../../../shared/domain/contract';
import { call } from '../../api/client';
import { useCurrentUser } from '../session';

/**
 * Contract option, notice and expiry dates as all-day calendar items, for those who work them
 * (legal and admins); nothing for anyone else. A calendar date has no zone: it is shown on its
 * day whatever the display zone.
 */
export function useContractDateSource() {
  const { t } = useTranslation();
  const role = useCurrentUser().role;
  return useCallback(
    (
      info: EventSourceFuncArg,
      success: (events: EventInput[]) => void,
      failure: (error: Error) => void,
    ) => {
      if (!can(role, 'contracts', 'update')) return success([]);
      // The range's end is exclusive; the channel's is inclusive.
      const from = DateTime.fromJSDate(info.start, { zone: info.timeZone }).toISODate()!;
      const to = DateTime.fromJSDate(info.end, { zone: info.timeZone })
        .minus({ days: 1 })
        .toISODate()!;
      call('contracts.keyDates', { from, to: to < from ? from : to })
        .then(({ items }) =>
          success(
            items.map((keyDate: ContractKeyDate) => ({
              id: `contract:${keyDate.contract}:${keyDate.kind}`,
              title: `${t(`calendar.contractDate.${keyDate.kind}`)} · ${keyDate.artistName} · ${t(`contractType.${keyDate.contractType}`)}`,
              start: keyDate.date,
              allDay: true,
              editable: false,
              classNames: ['gr-contract-date', `gr-contract-${keyDate.kind}`],
              extendedProps: { keyDate },
            })),
          ),
        )
        .catch((error: unknown) =>
          failure(error instanceof Error ? error : new Error(String(error))),
        );
    },
    [role, t],
  );
}
