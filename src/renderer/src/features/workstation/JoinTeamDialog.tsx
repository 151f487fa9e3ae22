import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/api';
import { call } from '../../api/client';
import { Fingerprint } from './Fingerprint';
import { useAction } from './useAction';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * Join a team workspace: look the server up by its address, compare the certificate's
 * fingerprint with the one shown where the server runs, and confirm it once. The app then
 * restarts its window against the server.
 */
export function JoinTeamDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [address, setAddress] = useState('');
  const [found, setFound] = useState<Output<'workstation.probe'> | null>(null);
  const [matches, setMatches] = useState(false);
  const { busy, error, run } = useAction();

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{t('workstation.joinTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2" color="text.secondary">
            {t('workstation.joinIntro')}
          </Typography>
          <TextField
            label={t('workstation.address')}
            placeholder="https://greenroom-office:5443"
            value={address}
            onChange={(event) => {
              setAddress(event.target.value);
              setFound(null);
              setMatches(false);
            }}
            autoFocus
          />
          {found && (
            <>
              <Fingerprint value={found.fingerprint} />
              <Alert severity="info">{t('workstation.compare')}</Alert>
              <FormControlLabel
                control={
                  <Checkbox
                    checked={matches}
                    onChange={(event) => setMatches(event.target.checked)}
                  />
                }
                label={t('workstation.itMatches')}
              />
            </>
          )}
          <ErrorAlert error={error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        {found ? (
          <Button
            variant="contained"
            disabled={!matches || busy}
            onClick={() =>
              void run(async () => {
                await call('workstation.join', { url: found.url, fingerprint: found.fingerprint });
              })
            }
          >
            {t('workstation.join')}
          </Button>
        ) : (
          <Button
            variant="contained"
            disabled={!address.trim() || busy}
            onClick={() =>
              void run(async () => setFound(await call('workstation.probe', { url: address })))
            }
          >
            {t('workstation.lookUp')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
