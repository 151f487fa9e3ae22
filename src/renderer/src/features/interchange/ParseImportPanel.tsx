import CloudDownloadOutlinedIcon from '@mui/icons-material/CloudDownloadOutlined';
import {
  Alert,
  Box,
  Button,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SettingsSection } from '../../components/SettingsSection';
import { bridge, call } from '../../api/client';

/** Admins: bring a workspace over from the hosted Back4app apps' JSON class exports. */
export function ParseImportPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: async () => {
      const picked = await bridge.pickFiles('parseExport', true);
      if (picked.length === 0) return null;
      return call('imports.parse', { files: picked.map((file) => file.file) });
    },
    // Everything may have changed: every list reloads.
    onSuccess: (report) => (report ? queryClient.invalidateQueries() : undefined),
  });
  const report = run.data;
  const total = report ? Object.values(report.imported).reduce((sum, n) => sum + n, 0) : 0;

  return (
    <SettingsSection title={t('parseImport.title')} intro={t('parseImport.intro')}>
      <Button
        variant="outlined"
        startIcon={<CloudDownloadOutlinedIcon />}
        onClick={() => run.mutate()}
        disabled={run.isPending}
      >
        {t('parseImport.choose')}
      </Button>
      {run.isPending && <LinearProgress sx={{ mt: 2 }} aria-label={t('parseImport.running')} />}
      {run.error && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {run.error.message}
        </Alert>
      )}
      {report && (
        <Box sx={{ mt: 2 }} role="status">
          <Alert severity={report.skippedCount ? 'warning' : 'success'}>
            {t('parseImport.summary', {
              imported: total,
              skipped: report.skippedCount,
              already: report.alreadyImported,
            })}
          </Alert>
          <Table size="small" aria-label={t('parseImport.files')} sx={{ mt: 1 }}>
            <TableHead>
              <TableRow>
                <TableCell>{t('parseImport.file')}</TableCell>
                <TableCell>{t('parseImport.class')}</TableCell>
                <TableCell align="right">{t('parseImport.objects')}</TableCell>
                <TableCell align="right">{t('parseImport.imported')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {report.files.map((file) => (
                <TableRow key={file.name}>
                  <TableCell>{file.name}</TableCell>
                  <TableCell>{file.className ?? file.note}</TableCell>
                  <TableCell align="right">{file.objects}</TableCell>
                  <TableCell align="right">
                    {file.className ? (report.imported[file.className] ?? 0) : '—'}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {report.skipped.length > 0 && (
            <Table size="small" aria-label={t('parseImport.skipped')} sx={{ mt: 2 }}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('parseImport.class')}</TableCell>
                  <TableCell>objectId</TableCell>
                  <TableCell>{t('parseImport.reason')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {report.skipped.map((skip) => (
                  <TableRow key={`${skip.className}:${skip.objectId}`}>
                    <TableCell>{skip.className}</TableCell>
                    <TableCell>{skip.objectId || '—'}</TableCell>
                    <TableCell>{skip.reason}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Box>
      )}
    </SettingsSection>
  );
}
