import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Audition } from '../../../../shared/domain/audition';

/** Moving to callback: notes for the callback travel with the move. */
export function CallbackDialog({
  audition,
  onDone,
}: {
  audition: Audition;
  onDone: (notes: string | null) => void;
}) {
  const { t } = useTranslation();
  const [notes, setNotes] = useState(audition.callbackNotes ?? '');
  return (
    <Dialog
      open
      onClose={() => onDone(null)}
      fullWidth
      maxWidth="sm"
      aria-labelledby="callback-title"
    >
      <DialogTitle id="callback-title">
        {t('auditions.callbackTitle', { name: audition.expanded.talentProfile.stageName })}
      </DialogTitle>
      <DialogContent>
        <TextField
          label={t('auditions.callbackNotes')}
          fullWidth
          multiline
          minRows={3}
          autoFocus
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          sx={{ mt: 1 }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onDone(null)}>{t('common.cancel')}</Button>
        <Button variant="contained" onClick={() => onDone(notes)}>
          {t('common.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
