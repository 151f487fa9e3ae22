import { Grid } from '@mui/material';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { auditionCreate, auditionPatch, type Audition } from '../../../../shared/domain/audition';
import { AUDITION_TYPES } from '../../../../shared/domain/vocabulary';
import {
  FormKitDialog,
  FormDateTimePicker,
  FormTalentPicker,
  FormTextField,
  FormVocabularySelect,
  instantInput,
  optionalTextInput,
  useSchemaForm,
} from '../../components/form';
import { ClashWarning, useClashes } from '../bookings';
import { useAuditionActions } from './useAuditions';

interface AuditionForm {
  talent: { id: string; stageName: string; fullName: string } | null;
  clientName: string;
  projectName: string;
  auditionType: (typeof AUDITION_TYPES)[number];
  auditionDate: DateTime | null;
  location: string;
}

export function AuditionDialog({
  audition,
  onClose,
}: {
  audition: Audition | null;
  onClose: (message?: string) => void;
}) {
  const { t } = useTranslation();
  const actions = useAuditionActions();
  const fields = (values: AuditionForm) => ({
    clientName: values.clientName,
    projectName: values.projectName,
    auditionType: values.auditionType,
    auditionDate: instantInput(values.auditionDate),
    location: optionalTextInput(values.location),
  });
  const kit = useSchemaForm<AuditionForm, unknown>({
    schema: audition ? auditionPatch : auditionCreate,
    defaultValues: {
      talent: audition
        ? {
            id: audition.talentProfile,
            stageName: audition.expanded.talentProfile.stageName,
            fullName: '',
          }
        : null,
      clientName: audition?.clientName ?? '',
      projectName: audition?.projectName ?? '',
      auditionType: audition?.auditionType ?? 'in_person',
      auditionDate: audition
        ? DateTime.fromISO(audition.auditionDate)
        : DateTime.now().plus({ days: 2 }).startOf('hour').set({ hour: 11 }),
      location: audition?.location ?? '',
    },
    toInput: (values) =>
      audition ? fields(values) : { talentProfile: values.talent?.id ?? '', ...fields(values) },
    fieldOf: { talentProfile: 'talent' },
  });
  const { control, watch } = kit.form;
  const [talent, date, clientName, projectName] = watch([
    'talent',
    'auditionDate',
    'clientName',
    'projectName',
  ]);
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

  const onSubmit = kit.submit(async (input) => {
    if (audition) {
      await actions.update.mutateAsync({
        id: audition.id,
        version: audition.version,
        patch: input as Parameters<typeof actions.update.mutateAsync>[0]['patch'],
      });
    } else {
      await actions.create.mutateAsync(input as Parameters<typeof actions.create.mutateAsync>[0]);
    }
    onClose(t('auditions.created'));
  });

  return (
    <FormKitDialog
      title={
        audition
          ? t('auditions.editTitle', { name: audition.expanded.talentProfile.stageName })
          : t('auditions.newTitle')
      }
      onClose={() => onClose()}
      onSubmit={onSubmit}
      alert={kit.alert}
      pending={kit.form.formState.isSubmitting}
      submitLabel={audition ? t('common.save') : t('common.create')}
    >
      <Grid container spacing={2}>
        <Grid size={12}>
          <FormTalentPicker
            control={control}
            name="talent"
            label={t('auditions.talent')}
            disabled={!!audition}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <FormTextField
            control={control}
            name="clientName"
            label={t('auditions.clientName')}
            required
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <FormTextField
            control={control}
            name="projectName"
            label={t('auditions.projectName')}
            required
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <FormVocabularySelect
            control={control}
            name="auditionType"
            label={t('auditions.auditionType')}
            values={AUDITION_TYPES}
            labels="auditionType"
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <FormDateTimePicker
            control={control}
            name="auditionDate"
            label={t('auditions.auditionDate')}
            required
          />
        </Grid>
        <Grid size={12}>
          <FormTextField control={control} name="location" label={t('auditions.location')} />
        </Grid>
      </Grid>
      <ClashWarning clashes={others} clientName={clientName} projectName={projectName} />
    </FormKitDialog>
  );
}
