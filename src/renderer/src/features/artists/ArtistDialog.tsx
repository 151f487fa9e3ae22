import { Grid } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { artistCreate, artistPatch, type Artist } from '../../../../shared/domain/artist';
import { ARTIST_STATUSES } from '../../../../shared/domain/vocabulary';
import { useChannelMutation } from '../../api/useChannelMutation';
import {
  FormKitDialog,
  FormTextField,
  FormUserSelect,
  FormVocabularySelect,
  numberInput,
  useSchemaForm,
} from '../../components/form';
import { useCurrentUser } from '../session';

interface ArtistForm {
  artistName: string;
  genre: string;
  status: Artist['status'];
  /** As typed; the call takes a whole number from 0 to 100, or null. */
  priorityScore: string;
  owner: string;
}

/** New artist, or an edit of one (owner changes are for admins, who can list A&R users). */
export function ArtistDialog({
  artist,
  onClose,
}: {
  artist: Artist | null;
  onClose: (saved?: Artist) => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const create = useChannelMutation('artists.create', ['artists']);
  const update = useChannelMutation('artists.update', ['artists']);
  const owner0 = artist?.owner ?? user.id;

  const kit = useSchemaForm<ArtistForm, unknown>({
    schema: artist ? artistPatch : artistCreate,
    defaultValues: {
      artistName: artist?.artistName ?? '',
      genre: artist?.genre ?? '',
      status: artist?.status ?? 'prospect',
      priorityScore: artist?.priorityScore?.toString() ?? '',
      owner: owner0,
    },
    toInput: (values) => ({
      artistName: values.artistName,
      genre: values.genre,
      status: values.status,
      priorityScore: numberInput(values.priorityScore),
      // Sent only when changed: a new artist is the creator's unless an admin names someone.
      ...(values.owner !== owner0 ? { owner: values.owner } : {}),
    }),
  });
  const { control } = kit.form;

  const onSubmit = kit.submit(async (input) => {
    const saved = artist
      ? await update.mutateAsync({
          id: artist.id,
          version: artist.version,
          patch: input as Parameters<typeof update.mutateAsync>[0]['patch'],
        })
      : await create.mutateAsync(input as Parameters<typeof create.mutateAsync>[0]);
    onClose(saved);
  });

  return (
    <FormKitDialog
      title={artist ? t('artists.editTitle', { name: artist.artistName }) : t('artists.newTitle')}
      onClose={() => onClose()}
      onSubmit={onSubmit}
      alert={kit.alert}
      pending={kit.form.formState.isSubmitting}
    >
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, sm: 7 }}>
          <FormTextField
            control={control}
            name="artistName"
            label={t('artists.artistName')}
            required
            autoFocus
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 5 }}>
          <FormTextField control={control} name="genre" label={t('artists.genre')} required />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <FormVocabularySelect
            control={control}
            name="status"
            label={t('artists.status')}
            values={ARTIST_STATUSES}
            labels="artistStatus"
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <FormTextField
            control={control}
            name="priorityScore"
            label={t('artists.priorityScore')}
            type="number"
            helperText={t('artists.priorityHint')}
            slotProps={{ htmlInput: { min: 0, max: 100, step: 1 } }}
          />
        </Grid>
        {user.role === 'admin' && (
          <Grid size={12}>
            <FormUserSelect
              control={control}
              name="owner"
              label={t('artists.owner')}
              roles={['AandR', 'admin']}
            />
          </Grid>
        )}
      </Grid>
    </FormKitDialog>
  );
}
