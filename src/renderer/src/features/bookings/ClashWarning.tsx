import { Alert, AlertTitle, Box } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Clash } from '../../../../shared/domain/booking';
import { useFormatters } from '../../components/useFormatters';

/** What the chosen time overlaps, before saving: blocking items in red, queued holds in amber. */
export function ClashWarning({
  clashes,
  clientName,
  projectName,
  ownRank = null,
}: {
  clashes: readonly Clash[];
  clientName: string;
  projectName: string;
  /** This booking's own place in the queue when it is a hold already; a new one joins last. */
  ownRank?: number | null;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (clashes.length === 0) return null;
  const duplicate = `${clientName} · ${projectName}`.toLowerCase();
  const blocks = (c: Clash) =>
    c.blocking || (c.kind === 'booking' && c.label.toLowerCase() === duplicate);
  const why = (c: Clash) =>
    blocks(c)
      ? t('bookings.clashBlocks')
      : c.kind === 'booking'
        ? t(
            ownRank !== null && (c.holdRank ?? 1) > ownRank
              ? 'bookings.clashBehind'
              : 'bookings.clashAhead',
            { rank: t('bookings.rank', { count: c.holdRank ?? 1, ordinal: true }) },
          )
        : t(`bookings.clashInforms.${c.kind}`);
  const severity = clashes.some(blocks) ? 'error' : 'warning';
  return (
    <Alert severity={severity} role="status">
      <AlertTitle>{t('bookings.clashTitle')}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2 }}>
        {clashes.map((c) => (
          <li key={c.id}>
            {c.label} — {format.timeRange(c.start, c.end)} ({why(c)})
          </li>
        ))}
      </Box>
    </Alert>
  );
}
