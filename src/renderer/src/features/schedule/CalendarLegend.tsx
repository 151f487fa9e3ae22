import { Box, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { SCHEDULE_ENTRY_TYPES } from '../../../../shared/domain/vocabulary';
import { BLOCK_COLORS, CONTRACT_DATE_COLORS, ENTRY_COLORS } from './entryStyle';

function Swatch({ color, label, dashed }: { color: string; label: string; dashed?: boolean }) {
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }} component="li">
      <Box
        aria-hidden
        sx={{
          width: 12,
          height: 12,
          borderRadius: 0.5,
          bgcolor: dashed ? 'transparent' : color,
          border: `2px ${dashed ? 'dashed' : 'solid'} ${color}`,
        }}
      />
      <Typography variant="caption">{label}</Typography>
    </Stack>
  );
}

/** What each colour and border on the calendar means, in one line under it. */
export function CalendarLegend({ contractDates }: { contractDates: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack
      component="ul"
      aria-label={t('calendar.legend')}
      direction="row"
      sx={{ flexWrap: 'wrap', columnGap: 1.5, rowGap: 0.5, listStyle: 'none', p: 0, m: 0, mt: 1 }}
    >
      {SCHEDULE_ENTRY_TYPES.map((type) => (
        <Swatch key={type} color={ENTRY_COLORS[type]} label={t(`schedule.entryType.${type}`)} />
      ))}
      <Swatch color="#757575" dashed label={t('schedule.status.tentative')} />
      <Swatch color={BLOCK_COLORS.unavailable} label={t('calendar.block.unavailable')} />
      <Swatch color={BLOCK_COLORS.out_of_town} label={t('calendar.block.out_of_town')} />
      {contractDates &&
        (Object.keys(CONTRACT_DATE_COLORS) as (keyof typeof CONTRACT_DATE_COLORS)[]).map((kind) => (
          <Swatch
            key={kind}
            color={CONTRACT_DATE_COLORS[kind]}
            label={t(`calendar.contractDate.${kind}`)}
          />
        ))}
    </Stack>
  );
}
