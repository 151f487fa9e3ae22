import { Box, Tooltip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useAwayOn, type BlockStore, type TalentAway } from './availability';
import { BLOCK_COLORS } from './entryStyle';

/** "Mia Lux · Out of town · Family trip": one talent's line in a badge's detail. */
export function useAwayLine() {
  const { t } = useTranslation();
  return (away: TalentAway) =>
    [away.stageName, t(`calendar.block.${away.kind}`), away.note].filter(Boolean).join(' · ');
}

/**
 * Who is away on a day, as one small badge in the day's header ("3 away") whatever their number:
 * the names, kinds and notes are its tooltip, on hover and on keyboard focus alike.
 */
export function DayAvailabilityBadge({ store, day }: { store: BlockStore; day: string }) {
  const { t } = useTranslation();
  const away = useAwayOn(store, day);
  const line = useAwayLine();
  if (away.length === 0) return null;
  const detail = away.map(line).join('\n');
  const allOutOfTown = away.every((a) => a.kind === 'out_of_town');
  return (
    <Tooltip title={<Box sx={{ whiteSpace: 'pre-line' }}>{detail}</Box>} arrow>
      <span
        className="gr-availability-badge"
        tabIndex={0}
        role="note"
        aria-label={`${t('calendar.away', { count: away.length })}: ${detail}`}
        style={{
          background: allOutOfTown ? BLOCK_COLORS.out_of_town : BLOCK_COLORS.unavailable,
        }}
      >
        {t('calendar.away', { count: away.length })}
      </span>
    </Tooltip>
  );
}

/** One talent away on one day of the talent rows: a thin lane across the cell, detail on hover/focus. */
export function TalentDayAvailability({ away }: { away: TalentAway }) {
  const line = useAwayLine();
  const { t } = useTranslation();
  return (
    <Tooltip title={line(away)} arrow>
      <span
        className="gr-availability-badge gr-availability-lane"
        tabIndex={0}
        role="note"
        aria-label={line(away)}
        style={{ background: BLOCK_COLORS[away.kind] }}
      >
        {t(`calendar.block.${away.kind}`)}
      </span>
    </Tooltip>
  );
}
