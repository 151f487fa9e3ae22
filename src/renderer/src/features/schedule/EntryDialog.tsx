import { Button, Grid } from '@mui/material';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import {
  MANUAL_ENTRY_TYPES,
  scheduleEntryCreate,
  scheduleEntryPatch,
  type ScheduleEntry,
} from '../../../../shared/domain/scheduleEntry';
import { SCHEDULE_STATUSES } from '../../../../shared/domain/vocabulary';
import { useChannelMutation } from '../../api/useChannelMutation';
import {
  FormKitDialog,
  FormTalentPicker,
  FormTextField,
  FormTimeRange,
  FormTimezoneField,
  FormVocabularySelect,
  instantInput,
  optionalTextInput,
  useSchemaForm,
} from '../../components/form';

export interface EntryDraft {
  readonly start: string;
  readonly end: string;
  readonly timezone: string;
  readonly talent?: { id: string; stageName: string; fullName: string };
}

interface EntryForm {
  talent: { id: string; stageName: string; fullName: string } | null;
  entryType: string;
  status: ScheduleEntry['status'];
  title: string;
  timezone: string;
  start: DateTime | null;
  end: DateTime | null;
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
  const create = useChannelMutation('schedule.create', ['schedule']);
  const update = useChannelMutation('schedule.update', ['schedule']);
  const cancel = useChannelMutation('schedule.cancel', ['schedule']);
  const zone0 = entry?.timezone ?? draft?.timezone ?? 'UTC';
  const at = (iso: string | undefined) =>
    DateTime.fromISO(iso ?? new Date().toISOString(), { zone: zone0 });

  const fields = (values: EntryForm) => ({
    entryType: values.entryType,
    title: optionalTextInput(values.title),
    start: instantInput(values.start),
    end: instantInput(values.end),
    timezone: values.timezone,
    status: values.status,
  });
  const kit = useSchemaForm<EntryForm, unknown>({
    schema: entry ? scheduleEntryPatch : scheduleEntryCreate,
    defaultValues: {
      talent: entry
        ? {
            id: entry.talentProfile,
            stageName: entry.expanded.talentProfile.stageName,
            fullName: '',
          }
        : (draft?.talent ?? null),
      entryType: entry?.entryType ?? 'rehearsal',
      status: entry?.status ?? 'tentative',
      title: entry?.title ?? '',
      timezone: zone0,
      start: at(entry?.start ?? draft?.start),
      end: at(entry?.end ?? draft?.end),
    },
    toInput: (values) =>
      entry ? fields(values) : { talentProfile: values.talent?.id ?? '', ...fields(values) },
    fieldOf: { talentProfile: 'talent' },
  });
  const { control, watch } = kit.form;
  const timezone = watch('timezone');

  const onSubmit = kit.submit(async (input) => {
    if (entry)
      await update.mutateAsync({
        id: entry.id,
        version: entry.version,
        patch: input as Parameters<typeof update.mutateAsync>[0]['patch'],
      });
    else await create.mutateAsync(input as Parameters<typeof create.mutateAsync>[0]);
    onClose(t('calendar.saved'));
  });

  const cancelButton = entry && entry.status !== 'cancelled' && (
    <Button
      color="warning"
      sx={{ mr: 'auto' }}
      onClick={() =>
        void kit.run(async () => {
          await cancel.mutateAsync({ id: entry.id });
          onClose(t('calendar.saved'));
        })
      }
    >
      {t('calendar.cancelEntry')}
    </Button>
  );

  return (
    <FormKitDialog
      title={entry ? t('calendar.editEntry') : t('calendar.newEntry')}
      onClose={() => onClose()}
      onSubmit={onSubmit}
      alert={kit.alert}
      pending={kit.form.formState.isSubmitting}
      submitLabel={entry ? t('common.save') : t('common.create')}
      actions={cancelButton}
    >
      <Grid container spacing={2}>
        <Grid size={12}>
          <FormTalentPicker
            control={control}
            name="talent"
            label={t('bookings.talent')}
            disabled={!!entry}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <FormVocabularySelect
            control={control}
            name="entryType"
            label={t('fields.talentType')}
            values={MANUAL_ENTRY_TYPES}
            labels="schedule.entryType"
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <FormVocabularySelect
            control={control}
            name="status"
            label={t('bookings.status')}
            values={SCHEDULE_STATUSES}
            labels="schedule.status"
          />
        </Grid>
        <Grid size={12}>
          <FormTextField control={control} name="title" label={t('calendar.entryTitle')} />
        </Grid>
        <Grid size={12}>
          <FormTimezoneField form={kit.form} name="timezone" carries={['start', 'end']} />
        </Grid>
        <FormTimeRange control={control} start="start" end="end" timezone={timezone} />
      </Grid>
    </FormKitDialog>
  );
}
