import EventBusyOutlinedIcon from '@mui/icons-material/EventBusyOutlined';
import { List, ListItemButton, ListItemIcon, ListItemText, Paper, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useFormatters } from '../../components/useFormatters';

const HORIZON_DAYS = 90;

/** Active contracts ending within 90 days (or already past their date), soonest first. */
export function UpcomingExpiries({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const today = DateTime.now();
  const input = { expiringBy: today.plus({ days: HORIZON_DAYS }).toISODate()!, limit: 10 };
  const list = useQuery({
    queryKey: ['contracts', 'expiring', input],
    queryFn: () => call('contracts.list', input),
  });
  const items = list.data?.items ?? [];
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
      <Typography variant="subtitle1" component="h2">
        {t('contracts.upcoming', { days: HORIZON_DAYS })}
      </Typography>
      {items.length === 0 ? (
        <Typography color="text.secondary" variant="body2">
          {list.isPending ? t('common.loading') : t('contracts.noneExpiring')}
        </Typography>
      ) : (
        <List dense disablePadding>
          {items.map((c) => {
            const days = Math.round(
              DateTime.fromISO(c.expiryDate!).diff(today.startOf('day'), 'days').days,
            );
            return (
              <ListItemButton key={c.id} onClick={() => onOpen(c.id)}>
                <ListItemIcon sx={{ minWidth: 36 }}>
                  <EventBusyOutlinedIcon color={days <= 30 ? 'warning' : 'action'} />
                </ListItemIcon>
                <ListItemText
                  primary={`${c.expanded.artist.artistName} · ${t(`contractType.${c.contractType}`)}`}
                  secondary={
                    days < 0
                      ? t('contracts.expiredAgo', {
                          date: format.date(c.expiryDate!),
                          count: -days,
                        })
                      : t('contracts.expiresIn', { date: format.date(c.expiryDate!), count: days })
                  }
                />
              </ListItemButton>
            );
          })}
        </List>
      )}
    </Paper>
  );
}
