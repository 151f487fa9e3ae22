import LogoutIcon from '@mui/icons-material/Logout';
import {
  Box,
  Button,
  Chip,
  CircularProgress,
  List,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { SignedInSession } from '../../../../shared/domain/signedInSession';
import { useFormatters } from '../../components/useFormatters';
import { useNotify } from '../../components/useNotify';
import { useRevokeSessions, useSessionList } from './useSessions';
import { useErrorText } from '../../components/form';
import { ErrorAlert } from '../../components/ErrorAlert';

/** "Chrome on Linux", "Greenroom desktop": what a person recognises their device by. */
function useDeviceName() {
  const { t } = useTranslation();
  return ({ device }: SignedInSession): string => {
    if (device.kind === 'desktop') return t('sessions.desktop');
    if (device.browser && device.os)
      return t('sessions.browserOn', { browser: device.browser, os: device.os });
    return device.browser ?? device.os ?? t('sessions.unknownDevice');
  };
}

/**
 * Where a user is signed in, with "Sign out" for each session and "Sign out everywhere". One's
 * own list (no `user`) marks this device's session; signing that one out ends this window's too.
 */
export function SessionList({ user, name }: { user?: string; name?: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const notify = useNotify();
  const errorText = useErrorText();
  const deviceName = useDeviceName();
  const list = useSessionList(user);
  const revoke = useRevokeSessions();

  const signOut = async (session: SignedInSession) => {
    try {
      await revoke.mutateAsync({ id: session.id });
      notify(t('sessions.signedOutOne', { device: deviceName(session) }));
    } catch (error) {
      notify(errorText(error), 'error');
    }
  };
  const signOutEverywhere = async () => {
    const target = user ?? list.data?.items[0]?.user;
    if (!target) return;
    if (!window.confirm(t('sessions.confirmEverywhere', { name: name ?? t('sessions.you') })))
      return;
    try {
      const { revoked } = await revoke.mutateAsync({ user: target, all: true });
      notify(t('sessions.signedOutAll', { count: revoked }));
    } catch (error) {
      notify(errorText(error), 'error');
    }
  };

  if (list.isPending) return <CircularProgress size={24} aria-label={t('common.loading')} />;
  if (list.error) return <ErrorAlert error={list.error} />;
  const items = list.data.items;
  return (
    <Stack spacing={1}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle1" component="h2" sx={{ flexGrow: 1 }}>
          {t('sessions.title')}
        </Typography>
        <Button
          color="warning"
          startIcon={<LogoutIcon />}
          disabled={items.length === 0 || revoke.isPending}
          onClick={() => void signOutEverywhere()}
        >
          {t('sessions.signOutEverywhere')}
        </Button>
      </Stack>
      {items.length === 0 ? (
        <Typography color="text.secondary">{t('sessions.none')}</Typography>
      ) : (
        <List dense aria-label={t('sessions.title')} disablePadding>
          {items.map((session) => (
            <ListItem
              key={session.id}
              divider
              // Room for the Sign out button, in either language.
              sx={{ pr: 14 }}
              secondaryAction={
                <Button
                  size="small"
                  disabled={revoke.isPending}
                  onClick={() => void signOut(session)}
                  aria-label={t('sessions.signOutDevice', { device: deviceName(session) })}
                >
                  {t('sessions.signOut')}
                </Button>
              }
            >
              <ListItemText
                primary={
                  <Box
                    component="span"
                    sx={{ display: 'inline-flex', gap: 1, alignItems: 'center' }}
                  >
                    {deviceName(session)}
                    {session.current && (
                      <Chip size="small" color="primary" label={t('sessions.thisDevice')} />
                    )}
                  </Box>
                }
                secondary={t('sessions.details', {
                  address:
                    session.clientAddress === 'local' || !session.clientAddress
                      ? t('sessions.thisComputer')
                      : session.clientAddress,
                  signedIn: format.dateTime(session.createdAt),
                  lastSeen: format.relative(session.lastSeenAt),
                })}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Stack>
  );
}
