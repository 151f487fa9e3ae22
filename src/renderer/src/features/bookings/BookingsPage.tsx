import AddIcon from '@mui/icons-material/Add';
import { Box, Snackbar, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpenFromQuery } from '../../components/useOpenFromQuery';
import { useOpenedRecord } from '../../components/useOpenedRecord';
import { useRecordRoute } from '../../components/useRecordRoute';
import { BOOKING_STATUSES } from '../../../../shared/domain/vocabulary';
import { ExportCsvButton, ImportCsvButton } from '../interchange';
import { PageHeader } from '../../components/PageHeader';
import { VocabularySelect } from '../../components/VocabularySelect';
import { BookingDialog } from './BookingDialog';
import { BookingsGrid } from './BookingsGrid';
import { ErrorAlert } from '../../components/ErrorAlert';

type Status = (typeof BOOKING_STATUSES)[number];

export function BookingsPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<Status | ''>('');
  const [creating, setCreating] = useState(false);
  useOpenFromQuery(() => setCreating(true));
  const [notice, setNotice] = useState<string | null>(null);
  // #/bookings/<id>: the booking at its own link, over the list.
  const record = useRecordRoute('/bookings', 'bookings');
  const opened = useOpenedRecord('bookings.get', record.id);
  return (
    <Box sx={{ p: 3, display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <PageHeader
        title={t('bookings.title')}
        extra={
          <>
            <ExportCsvButton
              entity="bookings"
              filters={{ ...(q.trim() ? { q: q.trim() } : {}), ...(status ? { status } : {}) }}
            />
            <ImportCsvButton entity="bookings" />
          </>
        }
        action={{
          label: t('bookings.new'),
          icon: <AddIcon />,
          needs: { entity: 'bookings', action: 'create' },
          onClick: () => setCreating(true),
        }}
      />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1.5} sx={{ mb: 2 }}>
        <TextField
          size="small"
          placeholder={t('bookings.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          sx={{ flexGrow: 1 }}
          slotProps={{ htmlInput: { 'aria-label': t('bookings.search'), maxLength: 160 } }}
        />
        <VocabularySelect
          size="small"
          label={t('bookings.status')}
          values={BOOKING_STATUSES}
          labels="bookingStatus"
          withAll
          value={status}
          onChange={(e) => setStatus(e.target.value as Status | '')}
          sx={{ minWidth: 160 }}
        />
      </Stack>
      <ErrorAlert error={opened.error} onClose={record.close} sx={{ mb: 2 }} />
      <BookingsGrid
        key={`${q}|${status}`}
        filters={{ ...(q.trim() ? { q: q.trim() } : {}), ...(status ? { status } : {}) }}
        onOpen={(booking) => record.open(booking.id)}
      />
      {opened.record && (
        <BookingDialog
          key={opened.record.id}
          booking={opened.record}
          onClose={(message) => {
            record.close();
            if (message) setNotice(message);
          }}
        />
      )}
      {creating && (
        <BookingDialog
          booking={null}
          onClose={(message) => {
            setCreating(false);
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
