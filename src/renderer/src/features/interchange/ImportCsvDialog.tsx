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
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvImportEntity, ImportPreview } from '../../../../shared/domain/interchange';
import { bridge, call } from '../../api/client';
import { FormDialog } from '../../components/FormDialog';
import { useNotify } from '../../components/useNotify';
import { useCurrentUser } from '../session';
import { can } from '../../../../shared/access';

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
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<{ file: string; fileName: string } | null>(null);
  const preview = useMutation({
    mutationFn: (file: string) => call('imports.preview', { entity, file }),
  });
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
    preview.mutate(file.file);
  };

  const result: ImportPreview | undefined = preview.data;
  const ready = result && result.errorCount === 0 && result.rows > 0;
  const busy = preview.isPending || commit.isPending;

  return (
    <FormDialog
      title={t('interchange.importTitle', { entity: t(`interchange.entities.${entity}`) })}
      onClose={onClose}
      onSubmit={async () => {
        if (picked) await commit.mutateAsync(picked.file);
      }}
      submitLabel={t('interchange.importRows', { count: result?.rows ?? 0 })}
      disabled={!ready || busy}
      maxWidth="md"
    >
      {() => (
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary">
            {t(`interchange.columns.${entity}`)}
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
          {busy && (
            <Box>
              <LinearProgress aria-label={t('interchange.checking')} />
              <Typography variant="caption" color="text.secondary">
                {commit.isPending
                  ? t('interchange.importing', { count: result?.rows ?? 0 })
                  : t('interchange.checking')}
              </Typography>
            </Box>
          )}
          {preview.error && <Alert severity="error">{preview.error.message}</Alert>}
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
                    <TableCell>{error.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Stack>
      )}
    </FormDialog>
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
