import BackupIcon from '@mui/icons-material/Backup';
import DownloadIcon from '@mui/icons-material/Download';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import RestoreIcon from '@mui/icons-material/Restore';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingsSection } from '../../components/SettingsSection';
import type { Backup, DatabaseCheck } from '../../../../shared/domain/maintenance';
import { call } from '../../api/client';
import { downloadMedia } from '../../api/downloadMedia';
import { useFormatters } from '../../components/useFormatters';
import { useNotify } from '../../components/useNotify';
import { useSession } from '../session';
import { useErrorText } from '../../components/form';
import { ErrorAlert } from '../../components/ErrorAlert';

function CheckResult({ result }: { result: DatabaseCheck }) {
  const { t } = useTranslation();
  if (result.ok) {
    return <Alert severity="success">{t('maintenance.checkOk', { ms: result.durationMs })}</Alert>;
  }
  return (
    <Alert severity="error">
      {t('maintenance.checkFailed')}
      <Box component="ul" sx={{ m: 0, pl: 2 }}>
        {result.integrity
          .filter((line) => line !== 'ok')
          .slice(0, 10)
          .map((line) => (
            <li key={line}>{line}</li>
          ))}
        {result.foreignKeys.slice(0, 10).map((row) => (
          <li key={`${row.table}:${row.rowid}:${row.parent}`}>
            {t('maintenance.brokenReference', { table: row.table, parent: row.parent })}
          </li>
        ))}
      </Box>
    </Alert>
  );
}

function RestoreDialog({ backup, onClose }: { backup: Backup; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const session = useSession();
  const restore = useMutation({
    mutationFn: () => call('maintenance.restore', { name: backup.name }),
  });
  if (restore.isSuccess) {
    return (
      <Dialog open aria-labelledby="restored-title">
        <DialogTitle id="restored-title">{t('maintenance.restoredTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {t('maintenance.restoredBody', { when: format.dateTime(backup.createdAt) })}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button variant="contained" autoFocus onClick={() => void session.signOut()}>
            {t('maintenance.signInAgain')}
          </Button>
        </DialogActions>
      </Dialog>
    );
  }
  return (
    <Dialog open onClose={restore.isPending ? undefined : onClose} aria-labelledby="restore-title">
      <DialogTitle id="restore-title">{t('maintenance.restoreTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {t('maintenance.restoreBody', { when: format.dateTime(backup.createdAt) })}
        </DialogContentText>
        {restore.isPending && (
          <LinearProgress sx={{ mt: 2 }} aria-label={t('maintenance.restoring')} />
        )}
        <ErrorAlert error={restore.error} sx={{ mt: 2 }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={restore.isPending}>
          {t('common.cancel')}
        </Button>
        <Button
          color="warning"
          variant="contained"
          onClick={() => restore.mutate()}
          disabled={restore.isPending}
        >
          {t('maintenance.restore')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Admins: backups and restore, the database check and the full workspace export. */
export function MaintenancePanel() {
  const { t } = useTranslation();
  const format = useFormatters();
  const notify = useNotify();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [restoring, setRestoring] = useState<Backup | null>(null);
  const backups = useQuery({
    queryKey: ['maintenance', 'backups'],
    queryFn: () => call('maintenance.backups', {}),
  });
  const backupNow = useMutation({
    mutationFn: () => call('maintenance.backupNow', {}),
    onSuccess: () => {
      notify(t('maintenance.backedUp'));
      return queryClient.invalidateQueries({ queryKey: ['maintenance', 'backups'] });
    },
    onError: (error) => notify(errorText(error), 'error'),
  });
  const check = useMutation({ mutationFn: () => call('maintenance.check', {}) });
  const exportAll = useMutation({
    mutationFn: () => call('maintenance.exportWorkspace', {}),
    onSuccess: (exported) => downloadMedia(exported.media, exported.fileName),
    onError: (error) => notify(errorText(error), 'error'),
  });
  const busy = backupNow.isPending || check.isPending || exportAll.isPending;

  return (
    <SettingsSection title={t('maintenance.title')} intro={t('maintenance.intro')}>
      <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: 'wrap', rowGap: 1 }}>
        <Button
          variant="contained"
          startIcon={<BackupIcon />}
          onClick={() => backupNow.mutate()}
          disabled={busy}
        >
          {t('maintenance.backupNow')}
        </Button>
        <Button
          variant="outlined"
          startIcon={<FactCheckIcon />}
          onClick={() => check.mutate()}
          disabled={busy}
        >
          {t('maintenance.check')}
        </Button>
        <Button
          variant="outlined"
          startIcon={<DownloadIcon />}
          onClick={() => exportAll.mutate()}
          disabled={busy}
        >
          {t('maintenance.exportWorkspace')}
        </Button>
      </Stack>
      {busy && (
        <Box sx={{ mb: 2 }}>
          <LinearProgress aria-label={t('maintenance.working')} />
          <Typography variant="caption" color="text.secondary">
            {exportAll.isPending ? t('maintenance.exporting') : t('maintenance.working')}
          </Typography>
        </Box>
      )}
      <ErrorAlert error={check.error} />
      {check.data && (
        <Box sx={{ mb: 2 }} role="status">
          <CheckResult result={check.data} />
        </Box>
      )}
      <ErrorAlert error={backups.error} />
      {backups.data && backups.data.items.length === 0 && (
        <Typography color="text.secondary">{t('maintenance.noBackups')}</Typography>
      )}
      {backups.data && backups.data.items.length > 0 && (
        <Table size="small" aria-label={t('maintenance.backups')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('maintenance.takenAt')}</TableCell>
              <TableCell>{t('maintenance.kind')}</TableCell>
              <TableCell align="right">{t('maintenance.size')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {backups.data.items.map((item) => (
              <TableRow key={item.name} hover>
                <TableCell>{format.dateTime(item.createdAt)}</TableCell>
                <TableCell>{t(`maintenance.kinds.${item.kind}`)}</TableCell>
                <TableCell align="right">
                  {t('maintenance.megabytes', { mb: (item.size / 1024 ** 2).toFixed(1) })}
                </TableCell>
                <TableCell align="right">
                  <Button
                    size="small"
                    startIcon={<RestoreIcon />}
                    onClick={() => setRestoring(item)}
                    aria-label={t('maintenance.restoreFrom', {
                      when: format.dateTime(item.createdAt),
                    })}
                  >
                    {t('maintenance.restore')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {restoring && <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} />}
    </SettingsSection>
  );
}
