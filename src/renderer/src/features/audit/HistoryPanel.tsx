import {
  Alert,
  CircularProgress,
  List,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Entity } from '../../../../shared/access';
import { ChangeList } from './ChangeList';
import { useAuditList } from './useAudit';

/** The audit trail of one record, newest first. */
export function HistoryPanel({ entity, id }: { entity: Entity; id: string }) {
  const { t, i18n } = useTranslation();
  const history = useAuditList({ entity, entityId: id, limit: 100 });
  const dateTime = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
    [i18n.language],
  );
  if (history.isPending) return <CircularProgress size={24} aria-label={t('common.loading')} />;
  if (history.error) return <Alert severity="error">{history.error.message}</Alert>;
  if (history.data.items.length === 0)
    return <Typography color="text.secondary">{t('audit.empty')}</Typography>;
  return (
    <List dense aria-label={t('audit.history')}>
      {history.data.items.map((entry) => (
        <ListItem key={entry.id} divider alignItems="flex-start">
          <ListItemText
            primary={
              <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between' }}>
                <span>
                  {entry.expanded.actor?.fullName ?? t('audit.system')} · {entry.action}
                </span>
                <Typography component="span" variant="caption" color="text.secondary">
                  {dateTime.format(new Date(entry.at))}
                </Typography>
              </Stack>
            }
            secondary={<ChangeList changes={entry.changes} />}
            slotProps={{ secondary: { component: 'div' } }}
          />
        </ListItem>
      ))}
    </List>
  );
}
