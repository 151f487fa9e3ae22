import { CircularProgress, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Entity } from '../../../../shared/access';
import { useFormatters } from '../../components/useFormatters';
import { ChangeList } from './ChangeList';
import { useAuditList } from './useAudit';
import { useReadableHistory } from './useReadableHistory';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The audit trail of one record, newest first, as sentences. */
export function HistoryPanel({ entity, id }: { entity: Entity; id: string }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const read = useReadableHistory();
  const history = useAuditList({ entity, entityId: id, limit: 100 });
  if (history.isPending) return <CircularProgress size={24} aria-label={t('common.loading')} />;
  if (history.error) return <ErrorAlert error={history.error} />;
  if (history.data.items.length === 0)
    return <Typography color="text.secondary">{t('audit.empty')}</Typography>;
  return (
    <List dense aria-label={t('audit.history')}>
      {history.data.items.map((row) => {
        const entry = read(row);
        return (
          <ListItem key={row.id} divider alignItems="flex-start">
            <ListItemText
              primary={
                <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between' }}>
                  <span>{entry.sentence}</span>
                  <Typography
                    component="time"
                    variant="caption"
                    color="text.secondary"
                    dateTime={row.at}
                    sx={{ flexShrink: 0 }}
                  >
                    {dateTime(row.at)}
                  </Typography>
                </Stack>
              }
              secondary={<ChangeList changes={entry.changes} unshown={entry.unshown} />}
              slotProps={{ secondary: { component: 'div' } }}
            />
          </ListItem>
        );
      })}
    </List>
  );
}
