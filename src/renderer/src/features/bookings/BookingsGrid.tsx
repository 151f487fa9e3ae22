import { Box, Chip, Snackbar } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../shared/api';
import type { Booking } from '../../../../shared/domain/booking';
import { PagedGrid } from '../../components/PagedGrid';
import { StatusChip } from '../../components/StatusChip';
import { useCursorPaging } from '../../components/useCursorPaging';
import { useFormatters } from '../../components/useFormatters';
import { BookingDialog } from './BookingDialog';
import { useBookingList } from './useBookings';
import { useGridLocaleText } from '../../components/useGridLocaleText';
import { CHIP_PADDING, fitWidth } from '../../components/gridColumns';
import { BOOKING_STATUSES } from '../../../../shared/domain/vocabulary';

const PAGE_SIZE = 50;

/**
 * Bookings in start order; a row (clicked, or Enter on it) opens the booking: at its own link
 * when `onOpen` is given (the bookings page), in place otherwise (a talent's Bookings tab).
 */
export function BookingsGrid({
  filters,
  showTalent = true,
  onOpen,
}: {
  filters: Omit<Input<'bookings.list'>, 'limit' | 'cursor'>;
  showTalent?: boolean;
  onOpen?: (booking: Booking) => void;
}) {
  const { t } = useTranslation();
  const localeText = useGridLocaleText(t('bookings.empty'));
  const format = useFormatters();
  const paging = useCursorPaging(PAGE_SIZE);
  const list = useBookingList({
    ...filters,
    limit: PAGE_SIZE,
    ...(paging.cursor ? { cursor: paging.cursor } : {}),
  });
  const [open, setOpen] = useState<Booking | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const columns = useMemo<GridColDef<Booking>[]>(
    () => [
      ...(showTalent
        ? [
            {
              field: 'talent',
              headerName: t('bookings.talent'),
              width: 120,
              valueGetter: (_v: unknown, row: Booking) => row.expanded.talentProfile.stageName,
            } satisfies GridColDef<Booking>,
          ]
        : []),
      { field: 'clientName', headerName: t('bookings.clientName'), flex: 1, minWidth: 110 },
      { field: 'projectName', headerName: t('bookings.projectName'), flex: 1, minWidth: 110 },
      {
        field: 'startDateTime',
        headerName: t('bookings.start'),
        width: 220,
        valueGetter: (_v, row) => format.zoned(row.startDateTime, row.timezone),
      },
      {
        field: 'status',
        headerName: t('bookings.status'),
        // The longest status chip in the reader's language ("Completed", "3rd hold") fits.
        width: fitWidth(
          t('bookings.status'),
          [
            ...BOOKING_STATUSES.map((status) => t(`bookingStatus.${status}`)),
            t('bookings.rank', { count: 3, ordinal: true }),
          ],
          CHIP_PADDING,
        ),
        // A ranked hold says which: "1st hold" is the status a coordinator reads, not "Hold".
        renderCell: ({ row }) =>
          row.holdRank ? (
            <Chip
              size="small"
              color={row.holdRank === 1 ? 'warning' : 'default'}
              label={t('bookings.rank', { count: row.holdRank, ordinal: true })}
            />
          ) : (
            <StatusChip status={row.status} labels="bookingStatus" />
          ),
      },
      {
        field: 'challengeDeadline',
        headerName: t('bookings.challengeColumn'),
        width: 144,
        valueGetter: (_v, row) =>
          row.challengeDeadline
            ? t('bookings.confirmBy', { when: format.relative(row.challengeDeadline) })
            : '',
      },
      {
        field: 'rate',
        headerName: t('bookings.rate'),
        width: 116,
        valueGetter: (_v, row) => format.money(row.rate, row.currency),
      },
    ],
    [t, format, showTalent],
  );

  return (
    <Box sx={{ flexGrow: 1, minHeight: 280, display: 'flex', flexDirection: 'column' }}>
      <PagedGrid<Booking>
        label={t('bookings.title')}
        page={list.data}
        fetching={list.isFetching}
        paging={paging}
        columns={columns}
        onOpen={onOpen ?? setOpen}
        localeText={localeText}
      />
      {open && (
        <BookingDialog
          booking={open}
          onClose={(message) => {
            setOpen(null);
            if (message) setNotice(message);
          }}
        />
      )}
      <Snackbar
        open={notice !== null}
        autoHideDuration={4000}
        onClose={() => setNotice(null)}
        message={notice ?? ''}
      />
    </Box>
  );
}
