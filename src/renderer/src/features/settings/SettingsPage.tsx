import {
  Box,
  Button,
  CircularProgress,
  FormControlLabel,
  Paper,
  Snackbar,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceSettings } from '../../../../shared/domain/settings';
import { call } from '../../api/client';
import { ParseImportPanel } from '../interchange';
import { MaintenancePanel } from './MaintenancePanel';
import { TeamWorkspacePanel } from '../workstation';
import { useIssueText } from '../../components/form';
import { AppError } from '../../../../shared/errors';
import { ErrorAlert } from '../../components/ErrorAlert';

function SettingsForm({ current }: { current: WorkspaceSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [signUpEnabled, setSignUpEnabled] = useState(current.signUpEnabled);
  const [idle, setIdle] = useState(String(current.idleTimeoutMinutes));
  const [maxDays, setMaxDays] = useState(String(current.sessionMaxDays));
  const [decisionDays, setDecisionDays] = useState(String(current.demoDecisionDays));
  const [organizationName, setOrganizationName] = useState(current.organizationName);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      call('settings.update', {
        version: current.version,
        patch: {
          signUpEnabled,
          idleTimeoutMinutes: Number(idle),
          sessionMaxDays: Number(maxDays),
          demoDecisionDays: Number(decisionDays),
          organizationName,
        },
      }),
    onSuccess: () => {
      setNotice(t('settings.saved'));
      return queryClient.invalidateQueries({ queryKey: ['settings'] });
    },
  });
  // Main's field problems by their codes, worded in the reader's language at their fields.
  const issueText = useIssueText();
  const codes = save.error instanceof AppError ? (save.error.fieldCodes ?? {}) : {};
  const problem = (field: string) => {
    const issue = codes[`patch.${field}`];
    return issue ? issueText(issue) : undefined;
  };
  const fieldError = problem('idleTimeoutMinutes');
  const maxDaysError = problem('sessionMaxDays');
  const decisionError = problem('demoDecisionDays');
  const organizationError = problem('organizationName');
  useEffect(() => setSignUpEnabled(current.signUpEnabled), [current.signUpEnabled]);

  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 560 }}>
      <Stack
        spacing={2}
        component="form"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        {save.error && !fieldError && !maxDaysError && !decisionError && !organizationError && (
          <ErrorAlert error={save.error} />
        )}
        <TextField
          label={t('settings.organizationName')}
          value={organizationName}
          onChange={(event) => setOrganizationName(event.target.value)}
          error={!!organizationError}
          helperText={organizationError ?? t('settings.organizationNameHint')}
          slotProps={{ htmlInput: { maxLength: 200 } }}
        />
        <FormControlLabel
          control={
            <Switch checked={signUpEnabled} onChange={(_e, checked) => setSignUpEnabled(checked)} />
          }
          label={t('settings.signUpEnabled')}
        />
        <TextField
          type="number"
          label={t('settings.idleTimeoutMinutes')}
          value={idle}
          onChange={(event) => setIdle(event.target.value)}
          error={!!fieldError}
          helperText={fieldError}
          slotProps={{ htmlInput: { min: 5, max: 10080 } }}
        />
        <TextField
          type="number"
          label={t('settings.sessionMaxDays')}
          value={maxDays}
          onChange={(event) => setMaxDays(event.target.value)}
          error={!!maxDaysError}
          helperText={maxDaysError ?? t('settings.sessionMaxDaysHint')}
          slotProps={{ htmlInput: { min: 1, max: 365 } }}
        />
        <TextField
          type="number"
          label={t('settings.demoDecisionDays')}
          value={decisionDays}
          onChange={(event) => setDecisionDays(event.target.value)}
          error={!!decisionError}
          helperText={decisionError ?? t('settings.demoDecisionDaysHint')}
          slotProps={{ htmlInput: { min: 1, max: 180 } }}
        />
        <Box>
          <Button type="submit" variant="contained" disabled={save.isPending}>
            {t('common.save')}
          </Button>
        </Box>
      </Stack>
      <Snackbar
        open={notice !== null}
        autoHideDuration={3000}
        onClose={() => setNotice(null)}
        message={notice ?? ''}
      />
    </Paper>
  );
}

/**
 * Admins: sign-up, idle sign-out and the longest a session lasts, demo deadlines; backups,
 * restore and the database check.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => call('settings.get', {}) });
  return (
    <Box sx={{ p: 3 }}>
      <Typography variant="h5" component="h1" sx={{ mb: 2 }}>
        {t('settings.title')}
      </Typography>
      <ErrorAlert error={settings.error} />
      {settings.isPending ? (
        <CircularProgress aria-label={t('common.loading')} />
      ) : (
        settings.data && <SettingsForm key={settings.data.version} current={settings.data} />
      )}
      <Box sx={{ mt: 3 }}>
        <TeamWorkspacePanel />
      </Box>
      <Box sx={{ mt: 3 }}>
        <MaintenancePanel />
      </Box>
      <Box sx={{ mt: 3 }}>
        <ParseImportPanel />
      </Box>
    </Box>
  );
}
