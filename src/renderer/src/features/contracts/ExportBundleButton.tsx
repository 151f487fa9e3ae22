import FolderZipOutlinedIcon from '@mui/icons-material/FolderZipOutlined';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
} from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../shared/api';
import { call } from '../../api/client';
import { downloadMedia } from '../../api/downloadMedia';
import { useNotify } from '../../components/useNotify';
import { useErrorText } from '../../components/form';

type Filters = Input<'contracts.exportBundle'>;

/** The job's progress, with Cancel; downloads the zip when it is ready. */
function BundleProgress({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const notify = useNotify();
  const job = useQuery({
    queryKey: ['jobs', id],
    queryFn: () => call('jobs.get', { id }),
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 300 : false),
  });
  const cancel = useMutation({ mutationFn: () => call('jobs.cancel', { id }) });
  const state = job.data?.state;
  const result = job.data?.result;
  const downloading = useRef(false);
  useEffect(() => {
    if (state === 'done' && result) {
      if (downloading.current) return;
      downloading.current = true;
      // Said once the download has started (its link needs a ticket first).
      void downloadMedia(result.media, result.fileName).finally(() => {
        notify(t('contracts.bundle.ready'));
        onClose();
      });
    } else if (state === 'cancelled') {
      notify(t('contracts.bundle.cancelled'), 'info');
      onClose();
    }
  }, [state, result, notify, onClose, t]);
  const done = job.data?.done ?? 0;
  const total = job.data?.total ?? 0;
  return (
    <Dialog open aria-labelledby={titleId} fullWidth maxWidth="xs">
      <DialogTitle id={titleId}>{t('contracts.bundle.title')}</DialogTitle>
      <DialogContent>
        {job.data?.state === 'failed' ? (
          <Alert severity="error">{job.data.error}</Alert>
        ) : (
          <>
            <DialogContentText sx={{ mb: 2 }}>
              {total
                ? t('contracts.bundle.progress', { done, total })
                : t('contracts.bundle.preparing')}
            </DialogContentText>
            <LinearProgress
              variant={total ? 'determinate' : 'indeterminate'}
              value={total ? (100 * done) / total : 0}
              aria-label={t('contracts.bundle.title')}
            />
          </>
        )}
      </DialogContent>
      <DialogActions>
        {state === 'failed' ? (
          <Button onClick={onClose}>{t('common.close')}</Button>
        ) : (
          <Button onClick={() => cancel.mutate()} disabled={cancel.isPending}>
            {t('common.cancel')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

/** Exports every contract the list's filters match as one zip. */
export function ExportBundleButton({ filters }: { filters: Filters }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const errorText = useErrorText();
  const [job, setJob] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => call('contracts.exportBundle', filters),
    onSuccess: (started) => setJob(started.id),
    onError: (error) => notify(errorText(error), 'error'),
  });
  return (
    <>
      <Button
        variant="outlined"
        startIcon={<FolderZipOutlinedIcon />}
        disabled={start.isPending || job !== null}
        onClick={() => start.mutate()}
      >
        {t('contracts.bundle.open')}
      </Button>
      {job && <BundleProgress id={job} onClose={() => setJob(null)} />}
    </>
  );
}
