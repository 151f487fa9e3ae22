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
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MANUAL_ENTRY_TYPES, type ScheduleEntry } from '../../../../shared/domain/scheduleEntry';
import { SCHEDULE_STATUSES } from '../../../../shared/domain/vocabulary';
import { AppError } from '../../../../shared/errors';
import { call } from '../../api/client';
import { TalentPicker } from '../../components/TalentPicker';
import { TimezoneField } from '../../components/TimezoneField';
import { VocabularySelect } from '../../components/VocabularySelect';

export interface EntryDraft {
  readonly start: string;
  readonly end: string;
  readonly timezone: string;
  readonly talent?: { id: string; stageName: string; fullName: string };
}

/** Creates a manual entry (from a selected range) or edits one. */
export function EntryDialog({
  entry,
  draft,
  onClose,
}: {
  entry: ScheduleEntry | null;
  draft?: EntryDraft;
  onClose: (message?: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const zone0 = entry?.timezone ?? draft?.timezone ?? 'UTC';
  const [talent, setTalent] = useState(
    entry
      ? { id: entry.talentProfile, stageName: entry.expanded.talentProfile.stageName, fullName: '' }
      : (draft?.talent ?? null),
  );
  const [entryType, setEntryType] = useState<string>(entry?.entryType ?? 'rehearsal');
  const [status, setStatus] = useState<string>(entry?.status ?? 'tentative');
  const [title, setTitle] = useState(entry?.title ?? '');
  const [timezone, setTimezone] = useState(zone0);
  const [start, setStart] = useState<DateTime | null>(
    DateTime.fromISO(entry?.start ?? draft?.start ?? new Date().toISOString(), { zone: zone0 }),
  );
  const [end, setEnd] = useState<DateTime | null>(
    DateTime.fromISO(entry?.end ?? draft?.end ?? new Date().toISOString(), { zone: zone0 }),
  );
  const [error, setError] = useState<AppError | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['schedule'] });

  const save = useMutation({
    mutationFn: async () => {
      const startIso = start?.isValid ? start.toUTC().toISO() : null;
      const endIso = end?.isValid ? end.toUTC().toISO() : null;
      if (!talent || !startIso || !endIso) throw new AppError('VALIDATION', t('errors.VALIDATION'));
      const fields = {
        entryType,
        title: title.trim() || null,
        start: startIso,
        end: endIso,
        timezone,
        status: status as ScheduleEntry['status'],
      };
      return entry
        ? call('schedule.update', { id: entry.id, version: entry.version, patch: fields })
        : call('schedule.create', { talentProfile: talent.id, ...fields });
    },
    onSuccess: async () => {
      await refresh();
      onClose(t('calendar.saved'));
    },
    onError: (caught) =>
      setError(
        caught instanceof AppError ? caught : new AppError('INTERNAL', t('common.unexpected')),
      ),
  });
  const cancel = useMutation({
    mutationFn: () => call('schedule.cancel', { id: entry!.id }),
    onSuccess: async () => {
      await refresh();
      onClose(t('calendar.saved'));
    },
    onError: (caught) =>
      setError(
        caught instanceof AppError ? caught : new AppError('INTERNAL', t('common.unexpected')),
      ),
  });

  return (
    <Dialog
      open
      onClose={() => onClose()}
      fullWidth
      maxWidth="sm"
      aria-labelledby="entry-dialog-title"
    >
      <DialogTitle id="entry-dialog-title">
        {entry ? t('calendar.editEntry') : t('calendar.newEntry')}
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
              label={t('bookings.talent')}
              value={talent}
              onChange={setTalent}
              disabled={!!entry}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <VocabularySelect
              label={t('fields.talentType')}
              values={MANUAL_ENTRY_TYPES}
              labels="schedule.entryType"
              fullWidth
              value={entryType}
              onChange={(e) => setEntryType(e.target.value)}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <VocabularySelect
              label={t('bookings.status')}
              values={SCHEDULE_STATUSES}
              labels="schedule.status"
              fullWidth
              value={status}
              onChange={(e) => setStatus(e.target.value)}
            />
          </Grid>
          <Grid size={12}>
            <TextField
              label={t('calendar.entryTitle')}
              fullWidth
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          </Grid>
          <Grid size={12}>
            <TimezoneField
              label={t('bookings.timezone')}
              value={timezone}
              onChange={(zone) => {
                setTimezone(zone);
                setStart((s) => s?.setZone(zone, { keepLocalTime: true }) ?? null);
                setEnd((e) => e?.setZone(zone, { keepLocalTime: true }) ?? null);
              }}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <DateTimePicker
              label={t('bookings.start')}
              value={start}
              timezone={timezone}
              onChange={setStart}
              slotProps={{ textField: { fullWidth: true } }}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <DateTimePicker
              label={t('bookings.end')}
              value={end}
              timezone={timezone}
              onChange={setEnd}
              slotProps={{ textField: { fullWidth: true } }}
            />
          </Grid>
        </Grid>
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        {entry && entry.status !== 'cancelled' && (
          <Button color="warning" sx={{ mr: 'auto' }} onClick={() => cancel.mutate()}>
            {t('calendar.cancelEntry')}
          </Button>
        )}
        <Button onClick={() => onClose()}>{t('common.cancel')}</Button>
        <Button variant="contained" disabled={save.isPending} onClick={() => save.mutate()}>
          {entry ? t('common.save') : t('common.create')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
