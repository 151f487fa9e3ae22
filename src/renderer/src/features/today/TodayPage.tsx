import CheckIcon from '@mui/icons-material/Check';
import SnoozeIcon from '@mui/icons-material/Snooze';
import {
  Box,
  Chip,
  CircularProgress,
  IconButton,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  Paper,
  Stack,
  Tooltip,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { URGENCIES, type TodayItem, type Urgency } from '../../../../shared/domain/today';
import { useChannelMutation } from '../../api/useChannelMutation';
import { useFormatters } from '../../components/useFormatters';
import { useNotify } from '../../components/useNotify';
import { useCurrentUser } from '../session';
import { DesktopRemindersPrompt } from './DesktopRemindersPrompt';
import { pathOf } from './todayPaths';
import { useToday } from './useToday';
import { useTodayTitle } from './useTodayTitle';
import { ErrorAlert } from '../../components/ErrorAlert';

const COLOR: Record<Urgency, 'error' | 'warning' | 'default'> = {
  overdue: 'error',
  today: 'warning',
  soon: 'default',
};

/** The home screen: what is overdue, due today and coming up this week, on every desk. */
export function TodayPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const notify = useNotify();
  const format = useFormatters();
  const today = useToday();
  const mark = useChannelMutation('today.mark', ['today']);
  const titleOf = useTodayTitle();
  const failed = () => notify(t('common.unexpected'), 'error');
  const snooze = (item: TodayItem) =>
    void mark
      .mutateAsync({ key: item.key, action: 'snooze' })
      .then(() => notify(t('today.snoozed')), failed);
  // Done is one click, so it can be taken back for a few seconds.
  const done = (item: TodayItem) =>
    void mark.mutateAsync({ key: item.key, action: 'done' }).then(
      () =>
        notify(t('today.markedDone'), 'success', {
          label: t('common.undo'),
          run: () =>
            void mark
              .mutateAsync({ key: item.key, action: 'reopen' })
              .then(() => notify(t('common.undone')), failed),
        }),
      failed,
    );
  const due = (item: TodayItem) =>
    item.due.length > 10 ? format.dateTime(item.due) : format.date(item.due);

  return (
    <Box sx={{ p: 3, maxWidth: 960 }}>
      <Typography variant="h5" component="h1">
        {t('today.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('today.greeting', { name: user.fullName })}
      </Typography>
      <DesktopRemindersPrompt />
      {today.isPending && <CircularProgress aria-label={t('common.loading')} />}
      <ErrorAlert error={today.error} />
      {today.data?.items.length === 0 && (
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Typography>{t('today.nothing')}</Typography>
        </Paper>
      )}
      <Stack spacing={2}>
        {URGENCIES.map((urgency) => {
          const items = today.data?.items.filter((i) => i.urgency === urgency) ?? [];
          if (items.length === 0) return null;
          return (
            <Paper
              key={urgency}
              variant="outlined"
              component="section"
              aria-label={t(`today.${urgency}`)}
            >
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', px: 2, pt: 1.5 }}>
                <Typography variant="subtitle1" component="h2">
                  {t(`today.${urgency}`)}
                </Typography>
                <Chip size="small" color={COLOR[urgency]} label={items.length} />
              </Stack>
              <List dense>
                {items.map((item) => (
                  <ListItem
                    key={item.key}
                    disablePadding
                    secondaryAction={
                      <>
                        <Tooltip title={t('today.snooze')}>
                          <IconButton aria-label={t('today.snooze')} onClick={() => snooze(item)}>
                            <SnoozeIcon />
                          </IconButton>
                        </Tooltip>
                        <Tooltip title={t('today.done')}>
                          <IconButton
                            edge="end"
                            aria-label={t('today.done')}
                            onClick={() => done(item)}
                          >
                            <CheckIcon />
                          </IconButton>
                        </Tooltip>
                      </>
                    }
                  >
                    <ListItemButton onClick={() => void navigate(pathOf(item))} sx={{ pr: 12 }}>
                      <ListItemText
                        primary={titleOf(item)}
                        secondary={`${t(`today.kind.${item.kind}`)} · ${due(item)}`}
                      />
                    </ListItemButton>
                  </ListItem>
                ))}
              </List>
            </Paper>
          );
        })}
      </Stack>
    </Box>
  );
}
