import LibraryMusicIcon from '@mui/icons-material/LibraryMusic';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/api';
import { AppError } from '../../../../shared/errors';
import { bridge } from '../../api/client';
import { useChannelMutation } from '../../api/useChannelMutation';
import { PermittedButton } from '../../components/PermittedButton';
import { useNotify } from '../../components/useNotify';

type Report = Output<'demos.attachRecordings'>;

/**
 * After a move from Back4app: the recordings of many demos at once, each file going to the demo
 * whose hosted audio had its name. What could not be placed is listed with the reason.
 */
export function AddRecordingsButton() {
  const { t } = useTranslation();
  const notify = useNotify();
  const attach = useChannelMutation('demos.attachRecordings', ['demos']);
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<Report | null>(null);

  const choose = async () => {
    try {
      const picked = await bridge.pickFiles('audio', true, (loaded, total) =>
        setProgress(total > 0 ? Math.round((loaded / total) * 100) : 0),
      );
      if (picked.length === 0) return;
      setReport(await attach.mutateAsync({ files: picked.map((f) => f.file) }));
    } catch (error) {
      notify(error instanceof AppError ? error.message : t('common.unexpected'), 'error');
    } finally {
      setProgress(null);
    }
  };

  return (
    <>
      <PermittedButton
        needs={{ entity: 'demos', action: 'create' }}
        variant="outlined"
        startIcon={<LibraryMusicIcon />}
        disabled={progress !== null || attach.isPending}
        onClick={() => void choose()}
      >
        {progress !== null
          ? t('demos.addRecordings.uploading', { percent: progress })
          : t('demos.addRecordings.open')}
      </PermittedButton>
      {report && (
        <Dialog open onClose={() => setReport(null)} maxWidth="md" fullWidth>
          <DialogTitle>{t('demos.addRecordings.title')}</DialogTitle>
          <DialogContent>
            <Alert
              role="status"
              severity={report.unmatched.length === 0 ? 'success' : 'warning'}
              sx={{ mb: 2 }}
            >
              {t('demos.addRecordings.summary', {
                added: report.attached.length,
                notAdded: report.unmatched.length,
              })}
            </Alert>
            {report.attached.length > 0 && (
              <Table size="small" aria-label={t('demos.addRecordings.added')} sx={{ mb: 2 }}>
                <TableHead>
                  <TableRow>
                    <TableCell sx={{ width: '40%' }}>{t('demos.addRecordings.file')}</TableCell>
                    <TableCell>{t('demos.addRecordings.demo')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {report.attached.map((item) => (
                    <TableRow key={item.demo.id}>
                      <TableCell>{item.fileName}</TableCell>
                      <TableCell>
                        {item.demo.title} · {item.demo.expanded.artist.artistName}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            {report.unmatched.length > 0 && (
              <Table size="small" aria-label={t('demos.addRecordings.notAdded')}>
                <TableHead>
                  <TableRow>
                    <TableCell sx={{ width: '40%' }}>{t('demos.addRecordings.file')}</TableCell>
                    <TableCell>{t('demos.addRecordings.why')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {report.unmatched.map((item, index) => (
                    <TableRow key={`${item.fileName}-${index}`}>
                      <TableCell>{item.fileName}</TableCell>
                      <TableCell>{item.reason}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
              {t('demos.addRecordings.hint')}
            </Typography>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setReport(null)}>{t('common.close')}</Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
}
