import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Clash } from '../../../../shared/domain/booking';
import { ClashWarning } from '../bookings';

/** A drag onto holds, auditions or travel: shown before anything is saved. */
export function MoveOverClashesDialog({
  clashes,
  onCancel,
  onConfirm,
}: {
  clashes: readonly Clash[];
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open onClose={onCancel} aria-labelledby="move-over-clashes" maxWidth="sm" fullWidth>
      <DialogTitle id="move-over-clashes">{t('calendar.moveOverTitle')}</DialogTitle>
      <DialogContent>
        <ClashWarning clashes={clashes} clientName="" projectName="" />
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>{t('calendar.keepWhereItWas')}</Button>
        <Button variant="contained" onClick={onConfirm} autoFocus>
          {t('calendar.moveAnyway')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
