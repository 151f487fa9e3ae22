import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ReleasedHold } from '../../../../shared/domain/booking';
import { ReleasedHoldList } from './ReleasedHolds';

/** Asks before a confirmation that releases other clients' holds, naming the clients to call. */
export function ConfirmReleaseDialog({
  holds,
  onDone,
}: {
  holds: readonly ReleasedHold[];
  onDone: (confirmed: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      open
      onClose={() => onDone(false)}
      fullWidth
      maxWidth="sm"
      aria-labelledby="confirm-release-title"
    >
      <DialogTitle id="confirm-release-title">{t('bookings.releaseTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 1 }}>
          {t('bookings.releaseAsk', { count: holds.length })}
        </DialogContentText>
        <ReleasedHoldList holds={holds} />
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onDone(false)}>{t('bookings.releaseKeep')}</Button>
        <Button color="success" variant="contained" onClick={() => onDone(true)}>
          {t('bookings.releaseAndConfirm', { count: holds.length })}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
