import { Grid, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Artist } from '../../../../shared/domain/artist';
import { ARTIST_STATUSES } from '../../../../shared/domain/vocabulary';
import { useChannelMutation } from '../../api/useChannelMutation';
import { FormDialog } from '../../components/FormDialog';
import { UserSelect } from '../../components/UserSelect';
import { VocabularySelect } from '../../components/VocabularySelect';
import { useCurrentUser } from '../session';

type Status = (typeof ARTIST_STATUSES)[number];

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
  const [artistName, setArtistName] = useState(artist?.artistName ?? '');
  const [genre, setGenre] = useState(artist?.genre ?? '');
  const [status, setStatus] = useState<Status>(artist?.status ?? 'prospect');
  const [score, setScore] = useState(artist?.priorityScore?.toString() ?? '');
  const [owner, setOwner] = useState(artist?.owner ?? user.id);

  const submit = async () => {
    const priorityScore = score.trim() === '' ? null : Number(score);
    const fields = { artistName, genre, status, priorityScore };
    const saved = artist
      ? await update.mutateAsync({
          id: artist.id,
          version: artist.version,
          patch: { ...fields, ...(owner !== artist.owner ? { owner } : {}) },
        })
      : await create.mutateAsync({ ...fields, ...(owner !== user.id ? { owner } : {}) });
    onClose(saved);
  };

  return (
    <FormDialog
      title={artist ? t('artists.editTitle', { name: artist.artistName }) : t('artists.newTitle')}
      onClose={() => onClose()}
      onSubmit={submit}
    >
      {(fieldError) => (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 7 }}>
            <TextField
              label={t('artists.artistName')}
              fullWidth
              required
              autoFocus
              value={artistName}
              onChange={(e) => setArtistName(e.target.value)}
              error={!!fieldError('artistName')}
              helperText={fieldError('artistName')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 5 }}>
            <TextField
              label={t('artists.genre')}
              fullWidth
              required
              value={genre}
              onChange={(e) => setGenre(e.target.value)}
              error={!!fieldError('genre')}
              helperText={fieldError('genre')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <VocabularySelect
              label={t('artists.status')}
              values={ARTIST_STATUSES}
              labels="artistStatus"
              fullWidth
              value={status}
              onChange={(e) => setStatus(e.target.value as Status)}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField
              label={t('artists.priorityScore')}
              fullWidth
              type="number"
              value={score}
              onChange={(e) => setScore(e.target.value)}
              error={!!fieldError('priorityScore')}
              helperText={fieldError('priorityScore') ?? t('artists.priorityHint')}
              slotProps={{ htmlInput: { min: 0, max: 100, step: 1 } }}
            />
          </Grid>
          {user.role === 'admin' && (
            <Grid size={12}>
              <UserSelect
                label={t('artists.owner')}
                roles={['AandR', 'admin']}
                value={owner}
                onChange={setOwner}
                error={fieldError('owner')}
              />
            </Grid>
          )}
        </Grid>
      )}
    </FormDialog>
  );
}
