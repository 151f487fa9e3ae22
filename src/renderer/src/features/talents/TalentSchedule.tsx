import { Box, CircularProgress, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { StatusChip } from '../../components/StatusChip';
import { useFormatters } from '../../components/useFormatters';
import { ErrorAlert } from '../../components/ErrorAlert';

const DAY = 86_400_000;

/** The talent's next 90 days, each entry in its own time zone. */
export function TalentSchedule({ talentProfile }: { talentProfile: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [range] = useState(() => ({
    from: new Date(Date.now() - DAY).toISOString(),
    to: new Date(Date.now() + 90 * DAY).toISOString(),
  }));
  const entries = useQuery({
    queryKey: ['schedule', 'talent', talentProfile, range],
    queryFn: () => call('schedule.list', { ...range, talentProfile }),
  });
  if (entries.isPending) return <CircularProgress size={24} aria-label={t('common.loading')} />;
  if (entries.error) return <ErrorAlert error={entries.error} />;
  if (entries.data.items.length === 0)
    return <Typography color="text.secondary">{t('schedule.empty')}</Typography>;
  return (
    <Box component="section" aria-labelledby="talent-upcoming">
      <Typography id="talent-upcoming" variant="subtitle1" component="h3">
        {t('schedule.upcoming')}
      </Typography>
      <List dense aria-label={t('schedule.upcoming')}>
        {entries.data.items.map((entry) => (
          <ListItem
            key={entry.id}
            divider
            secondaryAction={<StatusChip status={entry.status} labels="schedule.status" />}
          >
            <ListItemText
              primary={[t(`schedule.entryType.${entry.entryType}`), entry.title]
                .filter(Boolean)
                .join(' · ')}
              secondary={`${format.timeRange(entry.start, entry.end, entry.timezone)} (${format.zoneName(entry.timezone, entry.start)})`}
            />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}
