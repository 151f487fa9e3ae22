import {
  Dialog,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableRow,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { PLAYER_KEYS } from './usePlayerKeys';

/** The player's keys, opened with ?. */
export function KeyboardHelp({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open onClose={onClose} aria-labelledby="player-keys-title">
      <DialogTitle id="player-keys-title">{t('player.keysTitle')}</DialogTitle>
      <DialogContent>
        <Table size="small">
          <TableBody>
            {PLAYER_KEYS.map(({ keys, action }) => (
              <TableRow key={action}>
                <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{keys}</TableCell>
                <TableCell>{t(`player.keys.${action}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
    </Dialog>
  );
}
