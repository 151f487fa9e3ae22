import { Alert, Grid } from '@mui/material';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import {
  growthLogCreate,
  type GrowthLog,
  type Platform,
} from '../../../../shared/domain/growthLog';
import { PLATFORMS } from '../../../../shared/domain/vocabulary';
import { useChannelMutation } from '../../api/useChannelMutation';
import {
  calendarDateInput,
  calendarDateValue,
  FormDatePicker,
  FormKitDialog,
  FormTextField,
  FormVocabularySelect,
  numberInput,
  useSchemaForm,
} from '../../components/form';
import { useFormatters } from '../../components/useFormatters';

interface GrowthForm {
  platform: Platform;
  followerCount: string;
  engagementRate: string;
  captureDate: DateTime | null;
}

/**
 * One capture of a platform's followers. Logs are append-only: a mistake is fixed by a new
 * capture that replaces it (`correcting`), on the same platform; the old one stays, struck through.
 */
export function LogFollowersDialog({
  artist,
  correcting,
  onClose,
}: {
  artist: string;
  correcting?: GrowthLog;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const create = useChannelMutation('growthLogs.create', ['growthLogs', 'artists']);
  const kit = useSchemaForm<GrowthForm, unknown>({
    schema: growthLogCreate,
    defaultValues: {
      platform: correcting?.platform ?? 'instagram',
      followerCount: correcting ? String(correcting.followerCount) : '',
      engagementRate: correcting?.engagementRate != null ? String(correcting.engagementRate) : '',
      captureDate: correcting
        ? calendarDateValue(correcting.captureDate)
        : DateTime.now().startOf('day'),
    },
    toInput: (values) => ({
      artist,
      platform: values.platform,
      followerCount: numberInput(values.followerCount),
      engagementRate: numberInput(values.engagementRate),
      captureDate: calendarDateInput(values.captureDate),
      ...(correcting ? { replaces: correcting.id } : {}),
    }),
  });
  const { control } = kit.form;
  const onSubmit = kit.submit(async (input) => {
    await create.mutateAsync(input as Parameters<typeof create.mutateAsync>[0]);
    onClose();
  });
  return (
    <FormKitDialog
      title={correcting ? t('growth.correctTitle') : t('growth.logTitle')}
      submitLabel={correcting ? t('growth.correct') : t('growth.log')}
      maxWidth="xs"
      onClose={onClose}
      onSubmit={onSubmit}
      alert={kit.alert}
      pending={kit.form.formState.isSubmitting}
    >
      {correcting && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('growth.correcting', {
            followers: correcting.followerCount.toLocaleString(i18n.language),
            date: format.date(correcting.captureDate),
          })}
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid size={12}>
          <FormVocabularySelect
            control={control}
            name="platform"
            label={t('growth.platform')}
            values={PLATFORMS}
            labels="platform"
            disabled={!!correcting}
          />
        </Grid>
        <Grid size={6}>
          <FormTextField
            control={control}
            name="followerCount"
            label={t('growth.followers')}
            type="number"
            required
            autoFocus
            slotProps={{ htmlInput: { min: 0, step: 1 } }}
          />
        </Grid>
        <Grid size={6}>
          <FormTextField
            control={control}
            name="engagementRate"
            label={t('growth.engagement')}
            type="number"
            helperText="%"
            slotProps={{ htmlInput: { min: 0, max: 100, step: 0.1 } }}
          />
        </Grid>
        <Grid size={12}>
          <FormDatePicker
            control={control}
            name="captureDate"
            label={t('growth.captureDate')}
            required
            disableFuture
          />
        </Grid>
      </Grid>
    </FormKitDialog>
  );
}
