import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { SessionList } from './SessionList';

/** The account menu's "Signed-in devices": one's own sessions. */
export function SessionsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="sessions-title">
      <DialogTitle id="sessions-title">{t('sessions.myTitle')}</DialogTitle>
      <DialogContent dividers>
        <SessionList />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
