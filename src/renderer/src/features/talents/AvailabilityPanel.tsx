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
  TextField,
  Typography,
} from '@mui/material';
import { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker';
import { useQuery } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/access';
import type { BlockKind } from '../../../../shared/domain/availabilityBlock';
import { BLOCK_KINDS } from '../../../../shared/domain/vocabulary';
import { AppError } from '../../../../shared/errors';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/useChannelMutation';
import { FormDialog } from '../../components/FormDialog';
import { PermittedButton } from '../../components/PermittedButton';
import { SYSTEM_TIMEZONE, TimezoneField } from '../../components/TimezoneField';
import { useFormatters } from '../../components/useFormatters';
import { useNotify } from '../../components/useNotify';
import { VocabularySelect } from '../../components/VocabularySelect';
import { useCurrentUser } from '../session';

const AHEAD_DAYS = 120;

/** A talent's unavailable and out-of-town periods from today on, with add and remove. */
export function AvailabilityPanel({ talentProfile }: { talentProfile: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const notify = useNotify();
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
                        .catch((error: unknown) =>
                          notify(
                            error instanceof AppError ? error.message : t('common.unexpected'),
                            'error',
                          ),
                        )
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

function AddBlockDialog({
  talentProfile,
  onClose,
}: {
  talentProfile: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useChannelMutation('blocks.create', ['availability']);
  const [kind, setKind] = useState<BlockKind>('out_of_town');
  const [timezone, setTimezone] = useState(SYSTEM_TIMEZONE);
  const [start, setStart] = useState<DateTime | null>(
    DateTime.now().plus({ days: 1 }).startOf('day'),
  );
  const [end, setEnd] = useState<DateTime | null>(DateTime.now().plus({ days: 2 }).startOf('day'));
  const [note, setNote] = useState('');
  return (
    <FormDialog
      title={t('awayPeriods.add')}
      onClose={onClose}
      onSubmit={async () => {
        await create.mutateAsync({
          talentProfile,
          kind,
          timezone,
          start: start?.isValid ? start.toUTC().toISO()! : '',
          end: end?.isValid ? end.toUTC().toISO()! : '',
          note: note.trim() || null,
        });
        onClose();
      }}
    >
      {(fieldError) => (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 6 }}>
            <VocabularySelect
              label={t('awayPeriods.kind')}
              values={BLOCK_KINDS}
              labels="calendar.block"
              fullWidth
              value={kind}
              onChange={(e) => setKind(e.target.value as BlockKind)}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TimezoneField label={t('bookings.timezone')} value={timezone} onChange={setTimezone} />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <DateTimePicker
              label={t('bookings.start')}
              value={start}
              timezone={timezone}
              onChange={(next: DateTime | null) => setStart(next)}
              slotProps={{
                textField: {
                  fullWidth: true,
                  error: !!fieldError('start'),
                  helperText: fieldError('start'),
                },
              }}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <DateTimePicker
              label={t('bookings.end')}
              value={end}
              timezone={timezone}
              onChange={(next: DateTime | null) => setEnd(next)}
              slotProps={{
                textField: {
                  fullWidth: true,
                  error: !!fieldError('end'),
                  helperText: fieldError('end'),
                },
              }}
            />
          </Grid>
          <Grid size={12}>
            <TextField
              label={t('awayPeriods.note')}
              fullWidth
              value={note}
              onChange={(e) => setNote(e.target.value)}
              error={!!fieldError('note')}
              helperText={fieldError('note')}
            />
          </Grid>
        </Grid>
      )}
    </FormDialog>
  );
}
