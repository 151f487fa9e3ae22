import CloseIcon from '@mui/icons-material/Close';
import {
  Alert,
  AlertTitle,
  Button,
  Collapse,
  IconButton,
  List,
  ListItem,
  ListItemText,
  Stack,
} from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { REMINDED_PER_CALL, type TodayItem } from '../../../../shared/domain/today';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/useChannelMutation';
import { desktopNotifications } from './desktopNotifications';
import { isDue, pathOf } from './todayPaths';
import { useToday } from './useToday';
import { useTodayTitle } from './useTodayTitle';

/** More than this at once (after days away) become one summary notification. */
const SINGLE_NOTIFICATIONS = 3;
/** Items listed in the panel; the rest are counted, a click away on Today. */
const PANEL_ITEMS = 3;

/**
 * Reminds once of each item as it becomes due, including those that fell due while the app was
 * closed: a desktop notification when allowed, and a panel here with snooze and done. Shown
 * reminders are recorded in main, so no window or later session shows them again.
 */
export function Reminders() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const today = useToday();
  const mark = useChannelMutation('today.mark', ['today']);
  const [shown, setShown] = useState<TodayItem[]>([]);
  const handled = useRef(new Set<string>());
  const titleOf = useTodayTitle();

  useEffect(() => {
    const fresh = (today.data?.items ?? []).filter(
      (item) => isDue(item) && !item.reminded && !handled.current.has(item.key),
    );
    if (fresh.length === 0) return;
    for (const item of fresh) handled.current.add(item.key);
    const label = (item: TodayItem) => `${t(`today.kind.${item.kind}`)}: ${titleOf(item)}`;
    if (fresh.length <= SINGLE_NOTIFICATIONS) {
      for (const item of fresh)
        desktopNotifications.show(
          t('reminders.title'),
          label(item),
          item.key,
          () => void navigate(pathOf(item)),
        );
    } else {
      desktopNotifications.show(
        t('reminders.title'),
        t('reminders.many', { count: fresh.length }),
        'greenroom-reminders',
        () => void navigate('/today'),
      );
    }
    setShown((current) => [...current, ...fresh]);
    // Recorded once shown, however many; a failure here only means it may show again next time.
    const keys = fresh.map((item) => item.key);
    for (let at = 0; at < keys.length; at += REMINDED_PER_CALL)
      void call('today.reminded', { keys: keys.slice(at, at + REMINDED_PER_CALL) }).catch(
        () => undefined,
      );
  }, [today.data, navigate, t, titleOf]);

  const dismiss = (key: string) => setShown((current) => current.filter((i) => i.key !== key));
  const act = (item: TodayItem, action: 'done' | 'snooze') =>
    void mark.mutateAsync({ key: item.key, action }).then(() => dismiss(item.key));

  return (
    // In the page's flow above the content, never floating over it: the rows and buttons it
    // would cover at a laptop's width stay reachable.
    <Collapse in={shown.length > 0} unmountOnExit sx={{ flexShrink: 0 }}>
      <Alert
        severity="warning"
        variant="outlined"
        sx={{ bgcolor: 'background.paper', mx: 3, mt: 2, '& .MuiAlert-message': { flexGrow: 1 } }}
        role="region"
        aria-label={t('reminders.title')}
        action={
          <IconButton
            size="small"
            aria-label={t('reminders.closeAll')}
            onClick={() => setShown([])}
          >
            <CloseIcon fontSize="small" />
          </IconButton>
        }
      >
        <AlertTitle>{t('reminders.title')}</AlertTitle>
        <List dense disablePadding>
          {shown.slice(0, PANEL_ITEMS).map((item) => (
            <ListItem
              key={item.key}
              disableGutters
              sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}
            >
              <ListItemText
                sx={{ flex: '1 1 260px', minWidth: 0 }}
                primary={titleOf(item)}
                secondary={`${t(`today.kind.${item.kind}`)} · ${t(`today.${item.urgency}`)}`}
              />
              <Stack direction="row" spacing={1} sx={{ '& button': { whiteSpace: 'nowrap' } }}>
                <Button
                  size="small"
                  onClick={() => {
                    dismiss(item.key);
                    void navigate(pathOf(item));
                  }}
                >
                  {t('reminders.open')}
                </Button>
                <Button size="small" onClick={() => act(item, 'snooze')}>
                  {t('today.snooze')}
                </Button>
                <Button size="small" onClick={() => act(item, 'done')}>
                  {t('today.done')}
                </Button>
              </Stack>
            </ListItem>
          ))}
        </List>
        {shown.length > PANEL_ITEMS && (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 1 }}>
            <span>{t('reminders.more', { count: shown.length - PANEL_ITEMS })}</span>
            <Button
              size="small"
              onClick={() => {
                setShown([]);
                void navigate('/today');
              }}
            >
              {t('reminders.openToday')}
            </Button>
          </Stack>
        )}
      </Alert>
    </Collapse>
  );
}
