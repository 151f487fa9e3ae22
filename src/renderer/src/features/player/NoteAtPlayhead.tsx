import { Button, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noteVisibilitiesFor } from '../../../../shared/access';
import type { NoteVisibility } from '../../../../shared/domain/reviewNote';
import { useChannelMutation } from '../../api/useChannelMutation';
import { VocabularySelect } from '../../components/VocabularySelect';
import { formatDuration } from '../demos/useDemos';
import { useCurrentUser } from '../session';
import { useErrorText } from '../../components/form';

/** A listening note pinned to the playhead: Enter saves, Escape drops it. */
export function NoteAtPlayhead({
  artist,
  demo,
  at,
  onDone,
}: {
  artist: string;
  demo: string;
  at: number;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const create = useChannelMutation('reviewNotes.create', ['reviewNotes']);
  const visibilities: NoteVisibility[] = ['private', ...noteVisibilitiesFor(user.role)];
  const [visibility, setVisibility] = useState<NoteVisibility>(
    visibilities.includes('team') ? 'team' : (visibilities.at(-1) ?? 'private'),
  );
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const errorText = useErrorText({ body: t('notes.body'), visibility: t('notes.visibility') });
  const save = async () => {
    if (!body.trim()) return;
    try {
      await create.mutateAsync({
        artist,
        demo,
        noteType: 'listening',
        body,
        visibility,
        atSeconds: Math.round(at * 10) / 10,
      });
      onDone();
    } catch (caught) {
      setError(errorText(caught));
    }
  };
  return (
    <Stack
      direction={{ xs: 'column', sm: 'row' }}
      spacing={1}
      sx={{ mt: 2, alignItems: 'flex-start' }}
    >
      <TextField
        autoFocus
        fullWidth
        size="small"
        label={t('player.noteAt', { time: formatDuration(at) })}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={!!error}
        helperText={error ?? t('player.noteHint')}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            void save();
          } else if (e.key === 'Escape') {
            onDone();
          }
        }}
      />
      <VocabularySelect
        size="small"
        label={t('notes.visibility')}
        values={visibilities}
        labels="noteVisibility"
        value={visibility}
        onChange={(e) => setVisibility(e.target.value as NoteVisibility)}
        sx={{ minWidth: 180 }}
      />
      <Button
        variant="contained"
        onClick={() => void save()}
        disabled={!body.trim() || create.isPending}
      >
        {t('notes.add')}
      </Button>
    </Stack>
  );
}
