import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Grid,
  TextField,
} from '@mui/material';
import { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Audition } from '../../../../shared/domain/audition';
import { AUDITION_TYPES } from '../../../../shared/domain/vocabulary';
import { AppError } from '../../../../shared/errors';
import { TalentPicker } from '../../components/TalentPicker';
import { VocabularySelect } from '../../components/VocabularySelect';
import { ClashWarning, useClashes } from '../bookings';
import { useAuditionActions } from './useAuditions';

type AuditionType = (typeof AUDITION_TYPES)[number];

export function AuditionDialog({
  audition,
  onClose,
}: {
  audition: Audition | null;
  onClose: (message?: string) => void;
}) {
  const { t } = useTranslation();
  const actions = useAuditionActions();
  const [talent, setTalent] = useState(
    audition
      ? {
          id: audition.talentProfile,
          stageName: audition.expanded.talentProfile.stageName,
          fullName: '',
        }
      : null,
  );
  const [clientName, setClientName] = useState(audition?.clientName ?? '');
  const [projectName, setProjectName] = useState(audition?.projectName ?? '');
  const [auditionType, setAuditionType] = useState<AuditionType>(
    audition?.auditionType ?? 'in_person',
  );
  const [date, setDate] = useState<DateTime | null>(
    audition
      ? DateTime.fromISO(audition.auditionDate)
      : DateTime.now().plus({ days: 2 }).startOf('hour').set({ hour: 11 }),
  );
  const [location, setLocation] = useState(audition?.location ?? '');
  const [error, setError] = useState<AppError | null>(null);
  // The same clash check as bookings: what else is on the talent's time in that hour.
  const slotStart = date?.isValid ? date.toUTC().toISO() : null;
  const clashes = useClashes(
    talent && slotStart
      ? {
          talentProfile: talent.id,
          start: slotStart,
          end: date!.plus({ hours: 1 }).toUTC().toISO()!,
        }
      : null,
  );
  const others = (clashes.data?.clashes ?? []).filter((c) => c.id !== audition?.id);
  const fieldError = (name: string) => error?.fields?.[name] ?? error?.fields?.[`patch.${name}`];

  const save = async () => {
    setError(null);
    const auditionDate = date?.isValid ? date.toUTC().toISO() : null;
    if (!talent || !auditionDate) {
      setError(
        new AppError('VALIDATION', t('errors.VALIDATION'), {
          ...(!talent ? { talentProfile: 'Required' } : {}),
          ...(!auditionDate ? { auditionDate: 'Required' } : {}),
        }),
      );
      return;
    }
    const fields = {
      clientName,
      projectName,
      auditionType,
      auditionDate,
      location: location.trim() || null,
    };
    try {
      if (audition)
        await actions.update.mutateAsync({
          id: audition.id,
          version: audition.version,
          patch: fields,
        });
      else await actions.create.mutateAsync({ talentProfile: talent.id, ...fields });
      onClose(t('auditions.created'));
    } catch (caught) {
      setError(
        caught instanceof AppError ? caught : new AppError('INTERNAL', t('common.unexpected')),
      );
    }
  };

  return (
    <Dialog
      open
      onClose={() => onClose()}
      fullWidth
      maxWidth="sm"
      aria-labelledby="audition-dialog-title"
    >
      <DialogTitle id="audition-dialog-title">
        {audition
          ? t('auditions.editTitle', { name: audition.expanded.talentProfile.stageName })
          : t('auditions.newTitle')}
      </DialogTitle>
      <DialogContent dividers>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {error.message}
          </Alert>
        )}
        <Grid container spacing={2}>
          <Grid size={12}>
            <TalentPicker
              label={t('auditions.talent')}
              value={talent}
              onChange={setTalent}
              disabled={!!audition}
              error={fieldError('talentProfile')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField
              label={t('auditions.clientName')}
              fullWidth
              required
              value={clientName}
              onChange={(e) => setClientName(e.target.value)}
              error={!!fieldError('clientName')}
              helperText={fieldError('clientName')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField
              label={t('auditions.projectName')}
              fullWidth
              required
              value={projectName}
              onChange={(e) => setProjectName(e.target.value)}
              error={!!fieldError('projectName')}
              helperText={fieldError('projectName')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <VocabularySelect
              label={t('auditions.auditionType')}
              values={AUDITION_TYPES}
              labels="auditionType"
              fullWidth
              value={auditionType}
              onChange={(e) => setAuditionType(e.target.value as AuditionType)}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <DateTimePicker
              label={t('auditions.auditionDate')}
              value={date}
              onChange={setDate}
              slotProps={{
                textField: {
                  fullWidth: true,
                  required: true,
                  error: !!fieldError('auditionDate'),
                  helperText: fieldError('auditionDate'),
                },
              }}
            />
          </Grid>
          <Grid size={12}>
            <TextField
              label={t('auditions.location')}
              fullWidth
              value={location}
              onChange={(e) => setLocation(e.target.value)}
            />
          </Grid>
        </Grid>
        <ClashWarning clashes={others} clientName={clientName} projectName={projectName} />
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        <Button onClick={() => onClose()}>{t('common.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()}>
          {audition ? t('common.save') : t('common.create')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
