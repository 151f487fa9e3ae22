import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import {
  Grid,
  IconButton,
  List,
  ListItem,
  ListItemText,
  Paper,
  Stack,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/access';
import {
  availabilityBlockCreate,
  type BlockKind,
} from '../../../../shared/domain/availabilityBlock';
import { BLOCK_KINDS } from '../../../../shared/domain/vocabulary';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/useChannelMutation';
import {
  FormKitDialog,
  FormTextField,
  FormTimeRange,
  FormTimezoneField,
  FormVocabularySelect,
  instantInput,
  optionalTextInput,
  useErrorText,
  useSchemaForm,
} from '../../components/form';
import { PermittedButton } from '../../components/PermittedButton';
import { SYSTEM_TIMEZONE } from '../../components/TimezoneField';
import { useFormatters } from '../../components/useFormatters';
import { useNotify } from '../../components/useNotify';
import { useCurrentUser } from '../session';

const AHEAD_DAYS = 120;

/** A talent's unavailable and out-of-town periods from today on, with add and remove. */
export function AvailabilityPanel({ talentProfile }: { talentProfile: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const notify = useNotify();
  const errorText = useErrorText();
  const format = useFormatters();
  const [adding, setAdding] = useState(false);
  const remove = useChannelMutation('blocks.delete', ['availability']);
  const range = {
    from: DateTime.now().startOf('day').toUTC().toISO()!,
    to: DateTime.now().plus({ days: AHEAD_DAYS }).toUTC().toISO()!,
  };
  const blocks = useQuery({
    queryKey: ['availability', 'talent', talentProfile, range.from],
    queryFn: () => call('blocks.list', { talentProfile, ...range, limit: 100 }),
  });
  const items = blocks.data?.items ?? [];
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle1" component="h2" sx={{ flexGrow: 1 }}>
          {t('awayPeriods.title')}
        </Typography>
        <PermittedButton
          needs={{ entity: 'availability', action: 'create' }}
          startIcon={<AddIcon />}
          onClick={() => setAdding(true)}
        >
          {t('awayPeriods.add')}
        </PermittedButton>
      </Stack>
      {items.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {blocks.isPending ? t('common.loading') : t('awayPeriods.none')}
        </Typography>
      ) : (
        <List dense aria-label={t('awayPeriods.title')}>
          {items.map((block) => (
            <ListItem
              key={block.id}
              disableGutters
              secondaryAction={
                can(user.role, 'availability', 'archive') && (
                  <IconButton
                    edge="end"
                    aria-label={t('awayPeriods.remove')}
                    onClick={() =>
                      remove
                        .mutateAsync({ id: block.id })
                        .then(() => notify(t('awayPeriods.removed')))
                        .catch((error: unknown) => notify(errorText(error), 'error'))
                    }
                  >
                    <DeleteOutlineIcon />
                  </IconButton>
                )
              }
            >
              <ListItemText
                primary={`${t(`calendar.block.${block.kind}`)}${block.note ? ` · ${block.note}` : ''}`}
                secondary={format.timeRange(block.start, block.end, block.timezone)}
              />
            </ListItem>
          ))}
        </List>
      )}
      {adding && <AddBlockDialog talentProfile={talentProfile} onClose={() => setAdding(false)} />}
    </Paper>
  );
}

interface BlockForm {
  kind: BlockKind;
  timezone: string;
  start: DateTime | null;
  end: DateTime | null;
  note: string;
}

function AddBlockDialog({
  talentProfile,
  onClose,
}: {
  talentProfile: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useChannelMutation('blocks.create', ['availability']);
  const kit = useSchemaForm<BlockForm, unknown>({
    schema: availabilityBlockCreate,
    defaultValues: {
      kind: 'out_of_town',
      timezone: SYSTEM_TIMEZONE,
      start: DateTime.now().plus({ days: 1 }).startOf('day'),
      end: DateTime.now().plus({ days: 2 }).startOf('day'),
      note: '',
    },
    toInput: (values) => ({
      talentProfile,
      kind: values.kind,
      timezone: values.timezone,
      start: instantInput(values.start),
      end: instantInput(values.end),
      note: optionalTextInput(values.note),
    }),
  });
  const { control, watch } = kit.form;
  const timezone = watch('timezone');
  const onSubmit = kit.submit(async (input) => {
    await create.mutateAsync(input as Parameters<typeof create.mutateAsync>[0]);
    onClose();
  });
  return (
    <FormKitDialog
      title={t('awayPeriods.add')}
      onClose={onClose}
      onSubmit={onSubmit}
      alert={kit.alert}
      pending={kit.form.formState.isSubmitting}
    >
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, sm: 6 }}>
          <FormVocabularySelect
            control={control}
            name="kind"
            label={t('awayPeriods.kind')}
            values={BLOCK_KINDS}
            labels="calendar.block"
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <FormTimezoneField form={kit.form} name="timezone" carries={['start', 'end']} />
        </Grid>
        <FormTimeRange control={control} start="start" end="end" timezone={timezone} />
        <Grid size={12}>
          <FormTextField control={control} name="note" label={t('awayPeriods.note')} />
        </Grid>
      </Grid>
    </FormKitDialog>
  );
}
