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
import { bridge } from '../../api/client';
import { useChannelMutation } from '../../api/useChannelMutation';
import { PermittedButton } from '../../components/PermittedButton';
import { useNotify } from '../../components/useNotify';
import { useErrorText } from '../../components/form';
import { useUnplacedText } from './useUnplacedText';

type Report = Output<'demos.attachRecordings'>;

/** One part of the report: each file and what became of it (nothing when there is none). */
function FileTable({
  label,
  second,
  rows,
}: {
  label: string;
  second: string;
  rows: readonly { key: string; fileName: string; text: string }[];
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <Table size="small" aria-label={label} sx={{ mb: 2 }}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: '40%' }}>{t('demos.addRecordings.file')}</TableCell>
          <TableCell>{second}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key}>
            <TableCell>{row.fileName}</TableCell>
            <TableCell>{row.text}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * After a move from Back4app: the recordings of many demos at once, each file going to the demo
 * whose hosted audio had its name. What could not be placed is listed with the reason.
 */
export function AddRecordingsButton() {
  const { t } = useTranslation();
  const notify = useNotify();
  const errorText = useErrorText();
  const unplacedText = useUnplacedText();
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
      notify(errorText(error), 'error');
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
            <FileTable
              label={t('demos.addRecordings.added')}
              second={t('demos.addRecordings.demo')}
              rows={report.attached.map((item) => ({
                key: item.demo.id,
                fileName: item.fileName,
                text: `${item.demo.title} · ${item.demo.expanded.artist.artistName}`,
              }))}
            />
            <FileTable
              label={t('demos.addRecordings.notAdded')}
              second={t('demos.addRecordings.why')}
              rows={report.unmatched.map((item, index) => ({
                key: `${item.fileName}-${index}`,
                fileName: item.fileName,
                text: unplacedText(item.why),
              }))}
            />
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
