import { Chip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { AvailabilityStatus } from '../../../../shared/domain/vocabulary';

const COLORS = {
  available: 'success',
  on_hold: 'warning',
  booked: 'info',
  unavailable: 'default',
} as const satisfies Record<AvailabilityStatus, string>;

export function AvailabilityChip({ status }: { status: AvailabilityStatus }) {
  const { t } = useTranslation();
  return (
    <Chip
      size="small"
      variant="outlined"
      color={COLORS[status]}
      label={t(`availability.${status}`)}
    />
  );
}
