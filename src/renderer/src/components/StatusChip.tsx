import { Chip, type ChipProps } from '@mui/material';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, ChipProps['color']> = {
  invited: 'default',
  callback: 'info',
  booked: 'success',
  declined: 'default',
  hold: 'warning',
  confirmed: 'success',
  cancelled: 'default',
  completed: 'info',
  tentative: 'warning',
  submitted: 'default',
  in_review: 'info',
  shortlisted: 'success',
  passed: 'default',
  draft: 'default',
  sent: 'info',
  signed: 'primary',
  active: 'success',
  expired: 'default',
  terminated: 'error',
  prospect: 'default',
  in_talks: 'info',
};

/** A status from one of the vocabularies, labelled from the catalog section `labels`. */
export function StatusChip({ status, labels }: { status: string; labels: string }) {
  const { t } = useTranslation();
  return (
    <Chip
      size="small"
      variant="outlined"
      color={COLORS[status] ?? 'default'}
      label={t(`${labels}.${status}`)}
    />
  );
}
