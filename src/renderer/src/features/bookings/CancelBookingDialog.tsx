import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks before cancelling, with an optional reason (window.prompt does not exist in Electron). */
export function CancelBookingDialog({ onDone }: { onDone: (reason: string | null) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Dialog
      open
      onClose={() => onDone(null)}
      fullWidth
      maxWidth="xs"
      aria-labelledby="cancel-booking-title"
    >
      <DialogTitle id="cancel-booking-title">{t('bookings.cancelBooking')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{t('bookings.cancelConfirm')}</DialogContentText>
        <TextField
          label={t('bookings.cancelReason')}
          fullWidth
          autoFocus
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          slotProps={{ htmlInput: { maxLength: 500 } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onDone(null)}>{t('common.close')}</Button>
        <Button color="warning" variant="contained" onClick={() => onDone(reason.trim())}>
          {t('bookings.cancelBooking')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
