import { Alert, AlertTitle, Box } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ReleasedHold } from '../../../../shared/domain/booking';
import { useFormatters } from '../../components/useFormatters';

/**
 * The other clients' holds a booking's confirmation released: the people to call. Shown before
 * confirming (what will be released) and on the booking afterwards (what was), from what main says.
 */
export function ReleasedHoldList({ holds }: { holds: readonly ReleasedHold[] }) {
  const format = useFormatters();
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }}>
      {holds.map((hold) => (
        <li key={hold.id}>
          <strong>{hold.clientName}</strong> · {hold.projectName} —{' '}
          {format.timeRange(hold.startDateTime, hold.endDateTime)}
        </li>
      ))}
    </Box>
  );
}

/** On a confirmed booking: the clients whose holds it released, kept after the confirmation. */
export function ClientsToCall({ holds }: { holds: readonly ReleasedHold[] }) {
  const { t } = useTranslation();
  if (holds.length === 0) return null;
  return (
    <Alert severity="info" role="region" aria-label={t('bookings.clientsToCall')}>
      <AlertTitle>{t('bookings.clientsToCall')}</AlertTitle>
      {t('bookings.clientsToCallWhy', { count: holds.length })}
      <ReleasedHoldList holds={holds} />
    </Alert>
  );
}
