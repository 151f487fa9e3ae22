import {
  Alert,
  Button,
  CircularProgress,
  FormControlLabel,
  Paper,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { Fingerprint } from './Fingerprint';
import { JoinTeamDialog } from './JoinTeamDialog';
import { useAction } from './useAction';
import { useWorkstation } from './useWorkstation';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * Settings → Team workspace. On the desktop: share this workspace on the network (admins), or
 * join a team workspace, or leave it. In a browser: where this workspace is served from.
 */
export function TeamWorkspacePanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useWorkstation();
  const [port, setPort] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);
  const { busy, error, run } = useAction();
  const change = (work: () => Promise<unknown>) =>
    run(async () => {
      queryClient.setQueryData(['workstation'], await work());
    });

  const current = status.data;
  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 560 }}>
      <Stack spacing={2}>
        <Typography variant="h6" component="h2">
          {t('workstation.title')}
        </Typography>
        {status.isPending && <CircularProgress aria-label={t('common.loading')} />}
        {status.isSuccess && current === null && (
          <Typography variant="body2" color="text.secondary">
            {t('workstation.browser', { origin: window.location.origin })}
          </Typography>
        )}
        {current?.mode === 'joined' && current.joined && (
          <>
            <Typography variant="body2">
              {t('workstation.joinedTo', { url: current.joined.url })}
            </Typography>
            <Fingerprint value={current.joined.fingerprint} />
            <Button
              variant="outlined"
              disabled={busy}
              onClick={() => void change(() => call('workstation.leave', {}))}
              sx={{ alignSelf: 'flex-start' }}
            >
              {t('workstation.leave')}
            </Button>
          </>
        )}
        {current?.mode === 'local' && (
          <>
            <Typography variant="body2" color="text.secondary">
              {t('workstation.shareIntro')}
            </Typography>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <FormControlLabel
                control={
                  <Switch
                    checked={current.sharing.enabled}
                    disabled={busy}
                    onChange={(event) =>
                      void change(() =>
                        call('workstation.share', {
                          enabled: event.target.checked,
                          port: Number(port ?? current.sharing.port),
                        }),
                      )
                    }
                  />
                }
                label={t('workstation.share')}
              />
              <TextField
                label={t('workstation.port')}
                size="small"
                type="number"
                value={port ?? String(current.sharing.port)}
                onChange={(event) => setPort(event.target.value)}
                disabled={current.sharing.enabled || busy}
                slotProps={{ htmlInput: { min: 1024, max: 65535 } }}
                sx={{ width: 120 }}
              />
            </Stack>
            {current.sharing.problem && <Alert severity="error">{current.sharing.problem}</Alert>}
            {current.sharing.enabled && current.sharing.fingerprint && (
              <Stack spacing={1}>
                <Typography variant="body2">{t('workstation.giveColleagues')}</Typography>
                {current.sharing.urls.map((url) => (
                  <Typography key={url} component="code" sx={{ fontFamily: 'monospace' }}>
                    {url}
                  </Typography>
                ))}
                <Fingerprint value={current.sharing.fingerprint} />
              </Stack>
            )}
            <Button
              variant="text"
              onClick={() => setJoining(true)}
              sx={{ alignSelf: 'flex-start' }}
            >
              {t('workstation.joinTeam')}
            </Button>
          </>
        )}
        <ErrorAlert error={error} />
      </Stack>
      {joining && <JoinTeamDialog onClose={() => setJoining(false)} />}
    </Paper>
  );
}
