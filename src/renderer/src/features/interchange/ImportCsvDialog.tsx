import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button,
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
import type {
  CsvImportEntity,
  ImportPreview,
  ImportRowError,
} from '../../../../shared/domain/interchange';
import { legacyFieldIssue } from '../../../../shared/fieldIssue';
import { bridge, call } from '../../api/client';
import { FormKitDialog, issueText, useErrorText } from '../../components/form';
import { useNotify } from '../../components/useNotify';
import { useCurrentUser } from '../session';
import { can } from '../../../../shared/access';

/**
 * The check of a picked file runs as a job in main (imports.check): its progress is polled with
 * jobs.get, Cancel stops it, and when it is done imports.preview reads what it found.
 */
/**
 * A row's problem in the reader's language: main's sentence for an English reader (it names the
 * user or artist it could not find), otherwise worded by the problem's code.
 */
function useRowProblem(): (problem: ImportRowError) => string {
  const { t, i18n } = useTranslation();
  return (problem) =>
    i18n.language.startsWith('en')
      ? problem.message
      : issueText(t, i18n.language, legacyFieldIssue(problem.message));
}

function useImportCheck(entity: CsvImportEntity) {
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: async (file: string) => {
      const job = await call('imports.check', { entity, file });
      setJobId(job.id);
      return { file, job: job.id };
    },
  });
  const job = useQuery({
    queryKey: ['jobs', jobId],
    queryFn: () => call('jobs.get', { id: jobId! }),
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 300 : false),
  });
  const state = job.data?.state;
  const file = start.data?.file;
  const preview = useQuery({
    queryKey: ['imports.preview', entity, file, jobId],
    queryFn: () => call('imports.preview', { entity, file: file! }),
    enabled: Boolean(file) && (state === 'done' || state === 'failed'),
    retry: false,
    staleTime: Infinity,
    gcTime: 0,
  });
  const cancel = useMutation({ mutationFn: () => call('jobs.cancel', { id: jobId! }) });
  return {
    run(picked: string) {
      setJobId(null);
      start.mutate(picked);
    },
    cancel: () => cancel.mutate(),
    checking: start.isPending || state === 'running' || (preview.isFetching && !preview.data),
    progress: job.data && job.data.total > 0 ? (100 * job.data.done) / job.data.total : null,
    cancelled: state === 'cancelled',
    result: preview.data,
    error: start.error ?? preview.error,
  };
}

/**
 * Pick a CSV, see what would be imported and every row that would be refused, then import all
 * of it or nothing.
 */
export function ImportCsvDialog({
  entity,
  onClose,
}: {
  entity: CsvImportEntity;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  // Main's refusals (not UTF-8, not CSV, too large) worded by their codes in the reader's language.
  const errorText = useErrorText();
  const rowProblem = useRowProblem();
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<{ file: string; fileName: string } | null>(null);
  const check = useImportCheck(entity);
  const commit = useMutation({
    mutationFn: (file: string) => call('imports.commit', { entity, file }),
    onSuccess: async (result) => {
      notify(t('interchange.imported', { count: result.imported }));
      await queryClient.invalidateQueries({ queryKey: [entity] });
      onClose();
    },
  });

  const choose = async () => {
    const [file] = await bridge.pickFiles('spreadsheet', false);
    if (!file) return;
    setPicked(file);
    commit.reset();
    check.run(file.file);
  };

  const result: ImportPreview | undefined = check.result;
  const ready = result && result.errorCount === 0 && result.rows > 0;
  const busy = check.checking || commit.isPending;

  return (
    <FormKitDialog
      title={t('interchange.importTitle', { entity: t(`interchange.entities.${entity}`) })}
      onClose={onClose}
      onSubmit={async (event) => {
        event?.preventDefault();
        if (picked) commit.mutate(picked.file);
      }}
      alert={commit.error ? errorText(commit.error) : null}
      submitLabel={t('interchange.importRows', { count: result?.rows ?? 0 })}
      pending={!ready || busy}
      maxWidth="md"
    >
      <Stack spacing={2}>
        <Typography variant="body2" color="text.secondary">
          {t(`interchange.columns.${entity}`)} {t('interchange.updateRows')}
        </Typography>
        <Box>
          <Button
            variant="outlined"
            startIcon={<UploadFileIcon />}
            onClick={() => void choose()}
            disabled={busy}
          >
            {picked ? t('interchange.chooseAnother') : t('interchange.chooseFile')}
          </Button>
          {picked && (
            <Typography component="span" sx={{ ml: 2 }}>
              {picked.fileName}
            </Typography>
          )}
        </Box>
        {commit.isPending && (
          <Box>
            <LinearProgress aria-label={t('interchange.importing', { count: result?.rows ?? 0 })} />
            <Typography variant="caption" color="text.secondary">
              {t('interchange.importing', { count: result?.rows ?? 0 })}
            </Typography>
          </Box>
        )}
        {check.checking && (
          <Stack direction="row" spacing={2} alignItems="center">
            <Box sx={{ flexGrow: 1 }}>
              <LinearProgress
                aria-label={t('interchange.checking')}
                variant={check.progress === null ? 'indeterminate' : 'determinate'}
                value={check.progress ?? 0}
              />
              <Typography variant="caption" color="text.secondary">
                {check.progress === null
                  ? t('interchange.checking')
                  : t('interchange.checkingPercent', { percent: Math.floor(check.progress) })}
              </Typography>
            </Box>
            <Button onClick={check.cancel}>{t('interchange.cancelCheck')}</Button>
          </Stack>
        )}
        {check.cancelled && <Alert severity="info">{t('interchange.checkCancelled')}</Alert>}
        {check.error && <Alert severity="error">{errorText(check.error)}</Alert>}
        {result && (
          <Alert
            severity={result.errorCount ? 'error' : result.rows ? 'success' : 'warning'}
            role="status"
          >
            {result.rows === 0
              ? t('interchange.noRows')
              : result.errorCount
                ? t('interchange.previewErrors', {
                    rows: result.rows,
                    bad: result.rows - result.valid,
                  })
                : t('interchange.previewOk', { rows: result.rows })}
            {result.rows > 0 && result.errorCount === 0 && (
              <Box sx={{ mt: 0.5 }}>
                {t('interchange.willChange', {
                  creates: result.creates,
                  updates: result.updates,
                })}
              </Box>
            )}
            <Box sx={{ mt: 0.5 }}>
              {t('interchange.delimiter', {
                delimiter: t(`interchange.delimiters.${result.delimiter}`),
              })}
            </Box>
            {result.ignored.length > 0 && (
              <Box sx={{ mt: 0.5 }}>
                {t('interchange.ignored', { columns: result.ignored.join(', ') })}
              </Box>
            )}
          </Alert>
        )}
        {result && result.errors.length > 0 && (
          <Table size="small" aria-label={t('interchange.errors')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('interchange.row')}</TableCell>
                <TableCell>{t('interchange.field')}</TableCell>
                <TableCell>{t('interchange.problem')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {result.errors.map((error) => (
                <TableRow key={`${error.row}:${error.field}`}>
                  <TableCell>{error.row}</TableCell>
                  <TableCell>{error.field === '_' ? '—' : error.field}</TableCell>
                  <TableCell>{rowProblem(error)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Stack>
    </FormKitDialog>
  );
}

/** Opens the import dialog for one entity; absent for roles that may not create it. */
export function ImportCsvButton({ entity }: { entity: CsvImportEntity }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [open, setOpen] = useState(false);
  if (!can(user.role, entity, 'create')) return null;
  return (
    <>
      <Button variant="outlined" startIcon={<UploadFileIcon />} onClick={() => setOpen(true)}>
        {t('interchange.importCsv')}
      </Button>
      {open && <ImportCsvDialog entity={entity} onClose={() => setOpen(false)} />}
    </>
  );
}
