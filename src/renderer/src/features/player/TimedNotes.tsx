import { Chip, List, ListItemButton, ListItemText, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ReviewNote } from '../../../../shared/domain/reviewNote';
import { formatDuration } from '../demos/useDemos';
import type { Marker } from './WaveformPlayer';

/** This demo's notes: timestamped ones in playback order (numbered like their markers), then the rest. */
export function TimedNotes({
  notes,
  markers,
  onSeek,
}: {
  notes: readonly ReviewNote[];
  markers: readonly Marker[];
  onSeek: (seconds: number) => void;
}) {
  const { t } = useTranslation();
  const numbered = new Map(markers.map((m) => [m.id, m.label]));
  const ordered = [
    ...notes.filter((n) => n.atSeconds !== null).sort((a, b) => a.atSeconds! - b.atSeconds!),
    ...notes.filter((n) => n.atSeconds === null),
  ];
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="subtitle1" component="h2">
        {t('player.notes')}
      </Typography>
      {ordered.length === 0 ? (
        <Typography color="text.secondary" variant="body2">
          {t('player.noNotes')}
        </Typography>
      ) : (
        <List dense aria-label={t('player.notes')}>
          {ordered.map((note) => (
            <ListItemButton
              key={note.id}
              disabled={note.atSeconds === null}
              sx={{ '&.Mui-disabled': { opacity: 1 } }}
              onClick={() => note.atSeconds !== null && onSeek(note.atSeconds)}
            >
              {note.atSeconds !== null && (
                <Chip
                  size="small"
                  color="warning"
                  label={`${numbered.get(note.id) ?? ''} · ${formatDuration(note.atSeconds)}`}
                  sx={{ mr: 1.5, fontVariantNumeric: 'tabular-nums' }}
                />
              )}
              <ListItemText
                primary={note.body}
                secondary={`${note.expanded.author.fullName} · ${t(`noteType.${note.noteType}`)}`}
              />
            </ListItemButton>
          ))}
        </List>
      )}
    </Paper>
  );
}
