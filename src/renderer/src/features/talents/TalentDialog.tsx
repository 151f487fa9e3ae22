import { Alert, Box, Grid, Tab, Tabs } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { talentCreate, talentPatch, type Talent } from '../../../../shared/domain/talent';
import { AVAILABILITY_STATUSES, TALENT_TYPES } from '../../../../shared/domain/vocabulary';
import { AppError } from '../../../../shared/errors';
import { PermittedButton } from '../../components/PermittedButton';
import {
  FormKitDialog,
  FormSelect,
  FormTextField,
  FormVocabularySelect,
  optionalTextInput,
  useSchemaForm,
} from '../../components/form';
import { HistoryPanel } from '../audit';
import { useCurrentUser } from '../session';
import {
  useArchiveTalent,
  useAssignableManagers,
  useCreateTalent,
  useUpdateTalent,
} from './useTalents';

interface TalentForm {
  stageName: string;
  fullName: string;
  talentType: Talent['talentType'];
  availabilityStatus: Talent['availabilityStatus'];
  portfolioUrl: string;
  notes: string;
  manager: string;
}

interface Props {
  /** null creates a new talent. */
  readonly talent: Talent | null;
  readonly onClose: (message?: string) => void;
}

export function TalentDialog({ talent, onClose }: Props) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isAdmin = user.role === 'admin';
  const managers = useAssignableManagers(isAdmin);
  const create = useCreateTalent();
  const update = useUpdateTalent();
  const archive = useArchiveTalent();
  const [tab, setTab] = useState<'details' | 'history'>('details');
  const conflict = update.error instanceof AppError && update.error.code === 'CONFLICT';

  const kit = useSchemaForm<TalentForm, unknown>({
    schema: talent ? talentPatch : talentCreate,
    defaultValues: {
      stageName: talent?.stageName ?? '',
      fullName: talent?.fullName ?? '',
      talentType: talent?.talentType ?? 'actor',
      availabilityStatus: talent?.availabilityStatus ?? 'available',
      portfolioUrl: talent?.portfolioUrl ?? '',
      notes: talent?.notes ?? '',
      manager: talent?.manager ?? user.id,
    },
    toInput: (values) => ({
      stageName: values.stageName,
      fullName: values.fullName,
      talentType: values.talentType,
      availabilityStatus: values.availabilityStatus,
      portfolioUrl: optionalTextInput(values.portfolioUrl),
      notes: optionalTextInput(values.notes),
      // Only admins choose the team; for others main keeps (or picks) their own manager.
      ...(isAdmin ? { manager: values.manager } : {}),
    }),
  });
  const { control } = kit.form;

  const onSubmit = kit.submit(async (input) => {
    if (talent) {
      const saved = await update.mutateAsync({
        id: talent.id,
        version: talent.version,
        patch: input as Parameters<typeof update.mutateAsync>[0]['patch'],
      });
      onClose(t('talents.updated', { name: saved.stageName }));
    } else {
      const saved = await create.mutateAsync(input as Parameters<typeof create.mutateAsync>[0]);
      onClose(t('talents.created', { name: saved.stageName }));
    }
  });

  const onArchive = () => {
    if (!talent || !window.confirm(t('talents.archiveConfirm', { name: talent.stageName }))) return;
    void kit.run(async () => {
      await archive.mutateAsync(talent.id);
      onClose(t('talents.archived', { name: talent.stageName }));
    });
  };

  const managerOptions = (managers.data ?? []).map((manager) => ({
    value: manager.id,
    label: `${manager.fullName} (${t(`roles.${manager.role}`)})`,
  }));

  return (
    <FormKitDialog
      title={talent ? t('talents.editTitle', { name: talent.stageName }) : t('talents.newTitle')}
      onClose={() => onClose()}
      onSubmit={onSubmit}
      alert={conflict ? null : kit.alert}
      pending={kit.form.formState.isSubmitting}
      submitLabel={talent ? t('common.save') : t('common.create')}
      header={
        talent && (
          <Tabs
            value={tab}
            onChange={(_e, next: 'details' | 'history') => setTab(next)}
            sx={{ px: 3 }}
          >
            <Tab value="details" label={t('audit.details')} />
            <Tab value="history" label={t('audit.history')} />
          </Tabs>
        )
      }
      actions={
        talent && (
          <PermittedButton
            needs={{ entity: 'talents', action: 'archive' }}
            color="warning"
            onClick={onArchive}
            sx={{ mr: 'auto' }}
            disabled={kit.form.formState.isSubmitting}
          >
            {t('common.archive')}
          </PermittedButton>
        )
      }
    >
      <Box sx={{ minHeight: 320 }}>
        {talent && tab === 'history' && <HistoryPanel entity="talents" id={talent.id} />}
        {/* Hidden, not unmounted: switching tabs keeps what was typed. */}
        <Box hidden={tab !== 'details'}>
          {conflict && (
            <Alert severity="warning" sx={{ mb: 2 }}>
              {t('talents.conflict')}
            </Alert>
          )}
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, sm: 6 }}>
              <FormTextField
                control={control}
                name="stageName"
                label={t('fields.stageName')}
                required
                autoFocus
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <FormTextField
                control={control}
                name="fullName"
                label={t('fields.fullName')}
                required
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <FormVocabularySelect
                control={control}
                name="talentType"
                label={t('fields.talentType')}
                values={TALENT_TYPES}
                labels="talentType"
                required
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <FormVocabularySelect
                control={control}
                name="availabilityStatus"
                label={t('fields.availabilityStatus')}
                values={AVAILABILITY_STATUSES}
                labels="availability"
                required
              />
            </Grid>
            {isAdmin && (
              <Grid size={12}>
                <FormSelect
                  control={control}
                  name="manager"
                  label={t('fields.manager')}
                  options={managerOptions}
                  fallbackLabel={talent?.expanded.manager.fullName ?? user.fullName}
                />
              </Grid>
            )}
            <Grid size={12}>
              <FormTextField
                control={control}
                name="portfolioUrl"
                label={t('fields.portfolioUrl')}
                type="url"
                placeholder="https://"
              />
            </Grid>
            <Grid size={12}>
              <FormTextField
                control={control}
                name="notes"
                label={t('fields.notes')}
                multiline
                minRows={3}
              />
            </Grid>
          </Grid>
        </Box>
      </Box>
    </FormKitDialog>
  );
}
