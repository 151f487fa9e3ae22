import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutline';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutline';
import LibraryMusicOutlinedIcon from '@mui/icons-material/LibraryMusicOutlined';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Grid,
  LinearProgress,
  List,
  ListItem,
  ListItemIcon,
  TextField,
  Typography,
} from '@mui/material';
import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StagedFile } from '../../../../shared/api';
import { SUBMISSION_SOURCES, type SubmissionSource } from '../../../../shared/domain/vocabulary';
import { bridge } from '../../api/client';
import { useChannelMutation } from '../../api/useChannelMutation';
import { ArtistPicker, type ArtistOption } from '../../components/ArtistPicker';
import { VocabularySelect } from '../../components/VocabularySelect';
import { useErrorText } from '../../components/form';

interface Item extends StagedFile {
  title: string;
  state: 'ready' | 'importing' | 'done' | 'failed';
  message?: string;
}

const titleOf = (fileName: string) => fileName.replace(/\.[^.]+$/, '').slice(0, 200);

/**
 * Several audio files at once: picked or dropped, uploaded with a progress bar, then imported one
 * by one, each checked in main and reported on its own line.
 */
export function ImportDemosDialog({
  artist: preset,
  onClose,
}: {
  artist?: ArtistOption;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const importDemo = useChannelMutation('demos.import', ['demos', 'artists']);
  const [artist, setArtist] = useState<ArtistOption | null>(preset ?? null);
  const [source, setSource] = useState<SubmissionSource>('email');
  const [items, setItems] = useState<Item[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [phase, setPhase] = useState<'choose' | 'uploading' | 'importing' | 'finished'>('choose');
  const [error, setError] = useState<string | null>(null);
  const errorText = useErrorText();
  const [dragging, setDragging] = useState(false);

  const staged = (files: readonly StagedFile[]) =>
    setItems((current) => [
      ...current,
      ...files.map((f) => ({ ...f, title: titleOf(f.fileName), state: 'ready' as const })),
    ]);
  const stage = async (
    work: (onProgress: (loaded: number, total: number) => void) => Promise<readonly StagedFile[]>,
  ) => {
    setError(null);
    setPhase('uploading');
    setProgress(0);
    try {
      staged(await work((loaded, total) => setProgress(total ? (loaded / total) * 100 : 100)));
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setPhase('choose');
      setProgress(null);
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length) void stage((onProgress) => bridge.stageDropped(files, onProgress));
  };

  const runImport = async () => {
    if (!artist) {
      setError(t('demos.import.chooseArtist'));
      return;
    }
    setError(null);
    setPhase('importing');
    const queue = items.filter((item) => item.state === 'ready');
    for (const [index, item] of queue.entries()) {
      const update = (patch: Partial<Item>) =>
        setItems((current) => current.map((i) => (i.file === item.file ? { ...i, ...patch } : i)));
      update({ state: 'importing' });
      setProgress((index / queue.length) * 100);
      try {
        const demo = await importDemo.mutateAsync({
          artist: artist.id,
          title: item.title.trim() || titleOf(item.fileName),
          submissionSource: source,
          file: item.file,
        });
        update({
          state: 'done',
          message: demo.duplicate ? t('demos.import.duplicate') : undefined,
        });
      } catch (caught) {
        update({
          state: 'failed',
          message: errorText(caught),
        });
      }
    }
    setProgress(100);
    setPhase('finished');
  };

  const ready = items.filter((item) => item.state === 'ready').length;
  const busy = phase === 'uploading' || phase === 'importing';
  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      fullWidth
      maxWidth="md"
      aria-labelledby={titleId}
    >
      <DialogTitle id={titleId}>{t('demos.import.title')}</DialogTitle>
      <DialogContent dividers>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        <Grid container spacing={2} sx={{ mb: 2 }}>
          <Grid size={{ xs: 12, sm: 7 }}>
            <ArtistPicker
              label={t('demos.artist')}
              value={artist}
              onChange={setArtist}
              disabled={!!preset || busy}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 5 }}>
            <VocabularySelect
              label={t('demos.source')}
              values={SUBMISSION_SOURCES}
              labels="submissionSource"
              fullWidth
              disabled={busy}
              value={source}
              onChange={(e) => setSource(e.target.value as SubmissionSource)}
            />
          </Grid>
        </Grid>
        <Box
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          sx={{
            border: 2,
            borderStyle: 'dashed',
            borderColor: dragging ? 'primary.main' : 'divider',
            bgcolor: dragging ? 'action.hover' : 'transparent',
            borderRadius: 2,
            p: 3,
            textAlign: 'center',
          }}
        >
          <LibraryMusicOutlinedIcon color="action" sx={{ fontSize: 40 }} />
          <Typography sx={{ mb: 1 }}>{t('demos.import.drop')}</Typography>
          <Button
            variant="outlined"
            disabled={busy}
            onClick={() => void stage((onProgress) => bridge.pickFiles('audio', true, onProgress))}
          >
            {t('demos.import.choose')}
          </Button>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('demos.import.hint')}
          </Typography>
        </Box>
        {progress !== null && (
          <Box sx={{ mt: 2 }}>
            <Typography variant="body2" sx={{ mb: 0.5 }}>
              {phase === 'uploading'
                ? t('demos.import.uploading')
                : phase === 'finished'
                  ? t('demos.import.summary', {
                      done: items.filter((i) => i.state === 'done').length,
                      total: items.filter((i) => i.state !== 'ready').length,
                    })
                  : t('demos.import.importing')}
            </Typography>
            <LinearProgress
              variant="determinate"
              value={progress}
              aria-label={t('demos.import.progress')}
            />
          </Box>
        )}
        {items.length > 0 && (
          <List dense aria-label={t('demos.import.files')}>
            {items.map((item) => (
              <ListItem key={item.file} disableGutters>
                <ListItemIcon sx={{ minWidth: 36 }}>
                  {item.state === 'done' && <CheckCircleOutlineIcon color="success" />}
                  {item.state === 'failed' && <ErrorOutlineIcon color="error" />}
                  {(item.state === 'ready' || item.state === 'importing') && (
                    <LibraryMusicOutlinedIcon color="action" />
                  )}
                </ListItemIcon>
                <Box sx={{ flexGrow: 1 }}>
                  {item.state === 'ready' ? (
                    <TextField
                      size="small"
                      fullWidth
                      label={t('demos.title')}
                      value={item.title}
                      disabled={busy}
                      helperText={item.fileName}
                      onChange={(e) =>
                        setItems((current) =>
                          current.map((i) =>
                            i.file === item.file ? { ...i, title: e.target.value } : i,
                          ),
                        )
                      }
                    />
                  ) : (
                    <>
                      <Typography>{item.title}</Typography>
                      <Typography
                        variant="body2"
                        color={item.state === 'failed' ? 'error' : 'text.secondary'}
                      >
                        {item.message ??
                          (item.state === 'done'
                            ? t('demos.import.done')
                            : t('demos.import.importing'))}
                      </Typography>
                    </>
                  )}
                </Box>
              </ListItem>
            ))}
          </List>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {phase === 'finished' ? t('common.close') : t('common.cancel')}
        </Button>
        <Button variant="contained" disabled={busy || ready === 0} onClick={() => void runImport()}>
          {ready ? t('demos.import.run', { count: ready }) : t('demos.import.open')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
