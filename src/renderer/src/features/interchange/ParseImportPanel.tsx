import CloudDownloadOutlinedIcon from '@mui/icons-material/CloudDownloadOutlined';
import { Box, Button, LinearProgress, Stack, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParseImportInput } from '../../../../shared/domain/interchange';
import { SettingsSection } from '../../components/SettingsSection';
import { SYSTEM_TIMEZONE, TimezoneField } from '../../components/TimezoneField';
import { bridge, call } from '../../api/client';
import { ParseImportReportView, type Choices } from './ParseImportReport';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * Admins: bring a workspace over from the hosted Back4app apps' JSON class exports. Choosing the
 * files runs a preview (the import, rolled back): the person sees the zone dates are read in,
 * who was matched, maps the Parse users nobody matched, settles conflicts, reads what the ACLs
 * hid, and only then imports. Every choice re-runs the preview, so it always shows what the
 * import will do.
 */
export function ParseImportPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<string[] | null>(null);
  const [timezone, setTimezone] = useState(SYSTEM_TIMEZONE);
  const [choices, setChoices] = useState<Choices>({ userMap: {}, resolutions: {} });

  const input = (staged: string[]): ParseImportInput => ({
    files: staged,
    timezone,
    userMap: choices.userMap,
    resolutions: choices.resolutions,
  });
  const preview = useMutation({
    mutationFn: (staged: string[]) => call('imports.parsePreview', input(staged)),
  });
  const commit = useMutation({
    mutationFn: (staged: string[]) => call('imports.parse', input(staged)),
    // Everything may have changed: every list reloads.
    onSuccess: () => {
      setFiles(null);
      void queryClient.invalidateQueries();
    },
  });
  // Greenroom users a Parse user may be mapped to.
  const people = useQuery({
    queryKey: ['users.list', 'parseImport'],
    queryFn: async () => (await call('users.list', { limit: 100 })).items,
    enabled: files !== null,
  });

  // The zone and every choice change what the import will do: preview again.
  const { mutate: runPreview } = preview;
  useEffect(() => {
    if (files) runPreview(files);
  }, [files, timezone, choices, runPreview]);

  const choose = async () => {
    const picked = await bridge.pickFiles('parseExport', true);
    if (picked.length === 0) return;
    commit.reset();
    setChoices({ userMap: {}, resolutions: {} });
    setFiles(picked.map((file) => file.file));
  };
  const busy = preview.isPending || commit.isPending;
  const error = commit.error ?? preview.error;
  const report = files ? preview.data : commit.data;

  return (
    <SettingsSection title={t('parseImport.title')} intro={t('parseImport.intro')}>
      <Stack direction="row" spacing={2} alignItems="center" flexWrap="wrap" useFlexGap>
        <Button
          variant="outlined"
          startIcon={<CloudDownloadOutlinedIcon />}
          onClick={() => void choose()}
          disabled={busy}
        >
          {t('parseImport.choose')}
        </Button>
        <Box sx={{ minWidth: 280 }}>
          <TimezoneField
            label={t('parseImport.zoneLabel')}
            value={timezone}
            onChange={setTimezone}
            size="small"
          />
        </Box>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {t('parseImport.zoneHelp')}
      </Typography>
      {busy && (
        <LinearProgress
          sx={{ mt: 2 }}
          aria-label={commit.isPending ? t('parseImport.running') : t('parseImport.previewing')}
        />
      )}
      <ErrorAlert error={error} sx={{ mt: 2 }} />
      {report && (
        <ParseImportReportView
          report={report}
          people={people.data ?? []}
          choices={choices}
          onChoices={files ? setChoices : undefined}
        />
      )}
      {files && preview.data && (
        <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
          <Button variant="contained" onClick={() => commit.mutate(files)} disabled={busy}>
            {t('parseImport.import')}
          </Button>
          <Button onClick={() => setFiles(null)} disabled={busy}>
            {t('parseImport.cancel')}
          </Button>
        </Stack>
      )}
    </SettingsSection>
  );
}
