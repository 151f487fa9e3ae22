import {
  Alert,
  Button,
  Chip,
  CircularProgress,
  Grid,
  List,
  ListItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, noteVisibilitiesFor } from '../../../../shared/access';
import type { NoteVisibility, ReviewNote } from '../../../../shared/domain/reviewNote';
import { NOTE_TYPES, type NoteType } from '../../../../shared/domain/vocabulary';
import { AppError } from '../../../../shared/errors';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/useChannelMutation';
import { useFormatters } from '../../components/useFormatters';
import { VocabularySelect } from '../../components/VocabularySelect';
import { useCurrentUser } from '../session';
import { useIssueText } from '../../components/form';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * An artist's review notes, newest first. Notes are never edited: a correction is a new note that
 * replaces the old one, which stays visible, struck through.
 */
export function NotesPanel({ artist }: { artist: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { dateTime } = useFormatters();
  const create = useChannelMutation('reviewNotes.create', ['reviewNotes']);
  const visibilities: NoteVisibility[] = ['private', ...noteVisibilitiesFor(user.role)];
  const [noteType, setNoteType] = useState<NoteType>('listening');
  const [visibility, setVisibility] = useState<NoteVisibility>(visibilities.at(-1) ?? 'private');
  const [body, setBody] = useState('');
  const [replacing, setReplacing] = useState<ReviewNote | null>(null);
  const [error, setError] = useState<unknown>(null);
  const issueText = useIssueText();
  const bodyIssue = error instanceof AppError ? error.fieldCodes?.body : undefined;
  const notes = useInfiniteQuery({
    queryKey: ['reviewNotes', 'artist', artist],
    queryFn: ({ pageParam }) =>
      call('reviewNotes.list', { artist, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = useMemo(() => notes.data?.pages.flatMap((p) => p.items) ?? [], [notes.data]);
  const correctedBy = useMemo(
    () => new Map(items.filter((n) => n.replaces).map((n) => [n.replaces!, n])),
    [items],
  );

  const submit = async () => {
    setError(null);
    try {
      await create.mutateAsync({
        artist,
        noteType,
        visibility,
        body,
        ...(replacing ? { replaces: replacing.id } : {}),
      });
      setBody('');
      setReplacing(null);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <Stack spacing={2} sx={{ maxWidth: 860 }}>
      {can(user.role, 'reviewNotes', 'create') && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <ErrorAlert
            error={error}
            labels={{
              body: t('notes.body'),
              noteType: t('notes.type'),
              visibility: t('notes.visibility'),
            }}
            sx={{ mb: 2 }}
          />
          {replacing && (
            <Alert severity="info" sx={{ mb: 2 }} onClose={() => setReplacing(null)}>
              {t('notes.correcting', { body: replacing.body.slice(0, 80) })}
            </Alert>
          )}
          <Grid container spacing={2}>
            <Grid size={12}>
              <TextField
                label={t('notes.body')}
                fullWidth
                multiline
                minRows={2}
                value={body}
                onChange={(e) => setBody(e.target.value)}
                error={!!bodyIssue}
                helperText={bodyIssue && issueText(bodyIssue)}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              <VocabularySelect
                size="small"
                label={t('notes.type')}
                values={NOTE_TYPES}
                labels="noteType"
                fullWidth
                value={noteType}
                onChange={(e) => setNoteType(e.target.value as NoteType)}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }}>
              <VocabularySelect
                size="small"
                label={t('notes.visibility')}
                values={visibilities}
                labels="noteVisibility"
                fullWidth
                value={visibility}
                onChange={(e) => setVisibility(e.target.value as NoteVisibility)}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 4 }} sx={{ display: 'flex', alignItems: 'center' }}>
              <Button
                variant="contained"
                disabled={!body.trim() || create.isPending}
                onClick={() => void submit()}
              >
                {replacing ? t('notes.addCorrection') : t('notes.add')}
              </Button>
            </Grid>
          </Grid>
        </Paper>
      )}
      {notes.isPending && <CircularProgress aria-label={t('common.loading')} />}
      <ErrorAlert error={notes.error} />
      {items.length === 0 && !notes.isPending && (
        <Typography color="text.secondary">{t('notes.empty')}</Typography>
      )}
      <List aria-label={t('notes.title')} disablePadding>
        {items.map((note) => {
          const correction = correctedBy.get(note.id);
          return (
            <ListItem key={note.id} divider disableGutters sx={{ display: 'block' }}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
                <Typography variant="subtitle2">{note.expanded.author.fullName}</Typography>
                <Typography variant="body2" color="text.secondary">
                  {dateTime(note.createdAt)}
                </Typography>
                <Chip size="small" label={t(`noteType.${note.noteType}`)} />
                <Chip
                  size="small"
                  variant="outlined"
                  label={t(`noteVisibility.${note.visibility}`)}
                />
                {note.replaces && <Chip size="small" color="info" label={t('notes.correction')} />}
                {correction && <Chip size="small" label={t('notes.corrected')} />}
                {note.author === user.id && !correction && (
                  <Button
                    size="small"
                    onClick={() => {
                      setReplacing(note);
                      setBody(note.body);
                      setNoteType(note.noteType);
                      setVisibility(note.visibility);
                    }}
                  >
                    {t('notes.correct')}
                  </Button>
                )}
              </Stack>
              <Typography
                sx={{
                  whiteSpace: 'pre-wrap',
                  ...(correction
                    ? { textDecoration: 'line-through', color: 'text.secondary' }
                    : {}),
                }}
              >
                {note.body}
              </Typography>
            </ListItem>
          );
        })}
      </List>
      {notes.hasNextPage && (
        <Button onClick={() => void notes.fetchNextPage()} disabled={notes.isFetchingNextPage}>
          {t('notes.more')}
        </Button>
      )}
    </Stack>
  );
}
