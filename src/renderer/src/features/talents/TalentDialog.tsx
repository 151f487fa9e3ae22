import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Grid,
  MenuItem,
  Tab,
  Tabs,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PermittedButton } from '../../components/PermittedButton';
import { VocabularySelect } from '../../components/VocabularySelect';
import { z } from 'zod';
import { optionalText, webUrl } from '../../../../shared/domain/common';
import { talentFields, type Talent } from '../../../../shared/domain/talent';
import { AVAILABILITY_STATUSES, TALENT_TYPES } from '../../../../shared/domain/vocabulary';
import { HistoryPanel } from '../audit';
import { useServerErrors } from '../session/useServerErrors';
import { useCurrentUser } from '../session';
import {
  useArchiveTalent,
  useAssignableManagers,
  useCreateTalent,
  useUpdateTalent,
} from './useTalents';

/** The form edits strings; empty optional text becomes null on the way out. */
const formSchema = z.object({
  stageName: talentFields.stageName,
  fullName: talentFields.fullName,
  talentType: talentFields.talentType,
  availabilityStatus: talentFields.availabilityStatus,
  portfolioUrl: z.union([z.literal(''), webUrl]),
  notes: optionalText(10_000).transform((v) => v ?? ''),
  manager: z.string(),
});
type TalentForm = z.input<typeof formSchema>;
const FIELDS = [
  'stageName',
  'fullName',
  'talentType',
  'availabilityStatus',
  'portfolioUrl',
  'notes',
  'manager',
] as const;

function defaults(talent: Talent | null, managerId: string): TalentForm {
  return {
    stageName: talent?.stageName ?? '',
    fullName: talent?.fullName ?? '',
    talentType: talent?.talentType ?? 'actor',
    availabilityStatus: talent?.availabilityStatus ?? 'available',
    portfolioUrl: talent?.portfolioUrl ?? '',
    notes: talent?.notes ?? '',
    manager: talent?.manager ?? managerId,
  };
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
  const form = useForm<TalentForm>({
    resolver: zodResolver(formSchema),
    defaultValues: defaults(talent, user.id),
  });
  const server = useServerErrors(form.setError, FIELDS);
  const create = useCreateTalent();
  const update = useUpdateTalent();
  const archive = useArchiveTalent();
  const { errors, isSubmitting } = form.formState;
  const [tab, setTab] = useState<'details' | 'history'>('details');
  const conflict = (update.error as { code?: string } | null)?.code === 'CONFLICT';

  const onSubmit = form.handleSubmit(async (raw) => {
    server.clear();
    const values = formSchema.parse(raw);
    const fields = {
      stageName: values.stageName,
      fullName: values.fullName,
      talentType: values.talentType,
      availabilityStatus: values.availabilityStatus,
      portfolioUrl: values.portfolioUrl === '' ? null : values.portfolioUrl,
      notes: values.notes === '' ? null : values.notes,
      ...(isAdmin ? { manager: values.manager } : {}),
    };
    try {
      if (talent) {
        const saved = await update.mutateAsync({
          id: talent.id,
          version: talent.version,
          patch: fields,
        });
        onClose(t('talents.updated', { name: saved.stageName }));
      } else {
        const saved = await create.mutateAsync(fields);
        onClose(t('talents.created', { name: saved.stageName }));
      }
    } catch (error) {
      server.report(error);
    }
  });

  const onArchive = async () => {
    if (!talent || !window.confirm(t('talents.archiveConfirm', { name: talent.stageName }))) return;
    try {
      await archive.mutateAsync(talent.id);
      onClose(t('talents.archived', { name: talent.stageName }));
    } catch (error) {
      server.report(error);
    }
  };

  return (
    <Dialog
      open
      onClose={() => onClose()}
      fullWidth
      maxWidth="sm"
      aria-labelledby="talent-dialog-title"
    >
      <form onSubmit={onSubmit} noValidate>
        <DialogTitle id="talent-dialog-title">
          {talent ? t('talents.editTitle', { name: talent.stageName }) : t('talents.newTitle')}
        </DialogTitle>
        {talent && (
          <Tabs
            value={tab}
            onChange={(_e, next: 'details' | 'history') => setTab(next)}
            sx={{ px: 3 }}
          >
            <Tab value="details" label={t('audit.details')} />
            <Tab value="history" label={t('audit.history')} />
          </Tabs>
        )}
        <DialogContent dividers sx={{ minHeight: 360 }}>
          {talent && tab === 'history' && <HistoryPanel entity="talents" id={talent.id} />}
          {/* Hidden, not unmounted: switching tabs keeps what was typed. */}
          <Box hidden={tab !== 'details'}>
            {conflict ? (
              <Alert severity="warning" sx={{ mb: 2 }}>
                {t('talents.conflict')}
              </Alert>
            ) : (
              server.message && (
                <Alert severity="error" sx={{ mb: 2 }}>
                  {server.message}
                </Alert>
              )
            )}
            <Grid container spacing={2}>
              <Grid size={{ xs: 12, sm: 6 }}>
                <TextField
                  label={t('fields.stageName')}
                  fullWidth
                  required
                  autoFocus
                  {...form.register('stageName')}
                  error={!!errors.stageName}
                  helperText={errors.stageName?.message}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <TextField
                  label={t('fields.fullName')}
                  fullWidth
                  required
                  {...form.register('fullName')}
                  error={!!errors.fullName}
                  helperText={errors.fullName?.message}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <Controller
                  control={form.control}
                  name="talentType"
                  render={({ field }) => (
                    <VocabularySelect
                      label={t('fields.talentType')}
                      values={TALENT_TYPES}
                      labels="talentType"
                      fullWidth
                      required
                      {...field}
                      error={!!errors.talentType}
                      helperText={errors.talentType?.message}
                    />
                  )}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <Controller
                  control={form.control}
                  name="availabilityStatus"
                  render={({ field }) => (
                    <VocabularySelect
                      label={t('fields.availabilityStatus')}
                      values={AVAILABILITY_STATUSES}
                      labels="availability"
                      fullWidth
                      required
                      {...field}
                    />
                  )}
                />
              </Grid>
              {isAdmin && (
                <Grid size={12}>
                  <Controller
                    control={form.control}
                    name="manager"
                    render={({ field }) => (
                      <TextField
                        select
                        label={t('fields.manager')}
                        fullWidth
                        {...field}
                        error={!!errors.manager}
                        helperText={errors.manager?.message}
                      >
                        {(managers.data ?? []).map((manager) => (
                          <MenuItem key={manager.id} value={manager.id}>
                            {manager.fullName} ({t(`roles.${manager.role}`)})
                          </MenuItem>
                        ))}
                        {!managers.data?.some((m) => m.id === field.value) && (
                          <MenuItem value={field.value}>
                            {talent?.expanded.manager.fullName ?? user.fullName}
                          </MenuItem>
                        )}
                      </TextField>
                    )}
                  />
                </Grid>
              )}
              <Grid size={12}>
                <TextField
                  label={t('fields.portfolioUrl')}
                  fullWidth
                  type="url"
                  placeholder="https://"
                  {...form.register('portfolioUrl')}
                  error={!!errors.portfolioUrl}
                  helperText={errors.portfolioUrl?.message}
                />
              </Grid>
              <Grid size={12}>
                <TextField
                  label={t('fields.notes')}
                  fullWidth
                  multiline
                  minRows={3}
                  {...form.register('notes')}
                  error={!!errors.notes}
                  helperText={errors.notes?.message}
                />
              </Grid>
            </Grid>
          </Box>
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          {talent && (
            <PermittedButton
              needs={{ entity: 'talents', action: 'archive' }}
              color="warning"
              onClick={() => void onArchive()}
              sx={{ mr: 'auto' }}
              disabled={isSubmitting}
            >
              {t('common.archive')}
            </PermittedButton>
          )}
          <Button onClick={() => onClose()}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={isSubmitting}>
            {talent ? t('common.save') : t('common.create')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
