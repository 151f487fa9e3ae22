import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import KeyboardIcon from '@mui/icons-material/KeyboardOutlined';
import PauseIcon from '@mui/icons-material/Pause';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import SkipNextIcon from '@mui/icons-material/SkipNext';
import SkipPreviousIcon from '@mui/icons-material/SkipPrevious';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  FormControlLabel,
  IconButton,
  Link,
  Paper,
  Skeleton,
  Stack,
  Switch,
  Tooltip,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Link as RouterLink,
  useLocation,
  useNavigate,
  useParams,
  useSearchParams,
} from 'react-router';
import type { Input } from '../../../../shared/api';
import { REVIEW_TRANSITIONS, type ReviewStatus } from '../../../../shared/domain/demo';
import { REVIEW_STATUSES, SUBMISSION_SOURCES } from '../../../../shared/domain/vocabulary';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/useChannelMutation';
import { StatusChip } from '../../components/StatusChip';
import { decidesDemos, formatDuration, mayDecide, NOT_DECIDER } from '../demos/useDemos';
import { missingAudioText } from '../demos/missingAudioText';
import { RelinkButton } from '../demos/RelinkButton';
import { useCurrentUser } from '../session';
import { can } from '../../../../shared/access';
import { DemoScore } from '../demos/DemoScore';
import { KeyboardHelp } from './KeyboardHelp';
import { NoteAtPlayhead } from './NoteAtPlayhead';
import { playerMemory } from './playerMemory';
import { seekBy } from './seekBy';
import { NotMeasuredNotice } from '../demos/NotMeasured';
import { TimedNotes } from './TimedNotes';
import { usePlayerKeys } from './usePlayerKeys';
import { usePlayerNotices } from './usePlayerNotices';
import { WaveformPlayer, type Marker, type PlayerApi } from './WaveformPlayer';
import { useMediaUrl } from '../../api/useMediaUrl';
import { useErrorText } from '../../components/form';
import { ErrorAlert } from '../../components/ErrorAlert';

const RATES = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;
const DECISION_KEYS: Record<'decide1' | 'decide2' | 'decide3', ReviewStatus> = {
  decide1: 'in_review',
  decide2: 'shortlisted',
  decide3: 'passed',
};

/** The queue the player walks: the demo list's filters, carried in the URL. */
function queueFilters(params: URLSearchParams): Input<'demos.list'> {
  const status = params.get('status');
  const source = params.get('source');
  const artist = params.get('artist');
  return {
    limit: 100,
    ...(status && (REVIEW_STATUSES as readonly string[]).includes(status)
      ? { reviewStatus: status as ReviewStatus }
      : {}),
    ...(status === 'undecided' ? { undecided: true as const } : {}),
    ...(source && (SUBMISSION_SOURCES as readonly string[]).includes(source)
      ? { submissionSource: source as (typeof SUBMISSION_SOURCES)[number] }
      : {}),
    ...(artist ? { artist } : {}),
  };
}

/** Auditioning one demo: waveform, timestamped notes, decisions, and the queue around it. */
export function DemoPlayerPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  // Notices about this demo go when another demo is opened.
  const { notify, notices } = usePlayerNotices(id);
  const errorText = useErrorText();
  const decide = useChannelMutation('demos.setReviewStatus', ['demos', 'reviewNotes']);
  const api = useRef<PlayerApi | null>(null);
  const lastSaved = useRef(0);
  // The playhead belongs to one demo: after switching, the old demo's time is never shown.
  const [clock, setClock] = useState({ demo: id, seconds: 0 });
  const time = clock.demo === id ? clock.seconds : playerMemory.position(user.id, id);
  const [playing, setPlaying] = useState(false);
  const [rate, setRate] = useState(1);
  const [loop, setLoop] = useState(false);
  const [help, setHelp] = useState(false);
  const [noteAt, setNoteAt] = useState<number | null>(null);
  const [autoAdvance, setAutoAdvance] = useState(playerMemory.autoAdvance());

  const demo = useQuery({
    queryKey: ['demos', 'one', id],
    queryFn: () => call('demos.get', { id }),
  });
  const peaks = useQuery({
    queryKey: ['demos', 'peaks', id],
    queryFn: () => call('demos.peaks', { id }),
    staleTime: Infinity,
  });
  const audioSrc = useMediaUrl(demo.data && !demo.data.audioMissing ? demo.data.audioUrl : null, {
    playback: true,
  });
  const filters = useMemo(() => queueFilters(params), [params]);
  const queue = useQuery({
    queryKey: ['demos', 'list', filters],
    queryFn: () => call('demos.list', filters),
  });
  const notes = useQuery({
    enabled: !!demo.data,
    queryKey: ['reviewNotes', 'demo', id],
    queryFn: () => call('reviewNotes.list', { artist: demo.data!.artist, demo: id, limit: 100 }),
  });

  const items = queue.data?.items ?? [];
  const index = items.findIndex((d) => d.id === id);
  const go = (offset: number, autoplay: boolean) => {
    const next = items[index + offset];
    if (!next) return;
    void navigate(`/demos/${next.id}?${params.toString()}`, { state: { autoplay } });
  };

  const markers = useMemo<Marker[]>(
    () =>
      (notes.data?.items ?? [])
        .filter((n) => n.atSeconds !== null)
        .sort((a, b) => a.atSeconds! - b.atSeconds!)
        .map((n, i) => ({ id: n.id, at: n.atSeconds!, label: String(i + 1) })),
    [notes.data],
  );

  const d = demo.data;
  const length = peaks.data?.duration ?? d?.durationSeconds ?? null;
  const mayDecideHere = !!d && mayDecide(user, d);
  const open = d ? REVIEW_TRANSITIONS[d.reviewStatus] : [];
  const keyOf = (to: ReviewStatus) =>
    Object.entries(DECISION_KEYS)
      .find(([, s]) => s === to)?.[0]
      .slice(-1);
  const decideTo = async (to: ReviewStatus) => {
    if (!d) return;
    // A key that cannot act says why, rather than doing nothing.
    if (!mayDecideHere) return notify(t(NOT_DECIDER), 'info');
    if (!open.includes(to)) {
      const status = t(`reviewStatus.${d.reviewStatus}`);
      return notify(
        open.length === 0
          ? t('player.noDecisionLeft', { status })
          : t('player.decisionNotOpen', {
              status,
              options: open.map((s) => `${keyOf(s)} ${t(`demos.decide.${s}`)}`).join(', '),
            }),
        'info',
      );
    }
    try {
      const from = d.reviewStatus;
      await decide.mutateAsync({ id: d.id, status: to });
      // A decision by one key press is easy to make by mistake: it can be taken back for a moment.
      notify(t('player.decided', { status: t(`reviewStatus.${to}`) }), 'success', {
        label: t('common.undo'),
        run: () =>
          void decide.mutateAsync({ id: d.id, status: from, undo: true }).then(
            () => notify(t('common.undone')),
            () => notify(t('common.undoTooLate'), 'error'),
          ),
      });
    } catch (error) {
      notify(errorText(error), 'error');
    }
  };

  const mayScore = can(user.role, 'demoScores', 'create');
  const rateDemo = useChannelMutation('demos.rate', ['demos']);
  const scoreAs = async (score: number) => {
    if (!d) return;
    try {
      await rateDemo.mutateAsync({ id: d.id, score });
      notify(t('scores.saved', { score }));
    } catch (error) {
      notify(errorText(error), 'error');
    }
  };

  const onKey = (key: Parameters<Parameters<typeof usePlayerKeys>[0]>[0]) => {
    const ws = api.current?.wavesurfer;
    const seek = (delta: number) => ws && seekBy(ws, delta);
    const changeRate = (step: number) => {
      const at = RATES.indexOf(rate as (typeof RATES)[number]);
      const next = RATES[Math.min(RATES.length - 1, Math.max(0, at + step))]!;
      setRate(next);
      ws?.setPlaybackRate(next, true);
    };
    switch (key) {
      case 'toggle':
        void ws?.playPause();
        break;
      case 'back5':
        seek(-5);
        break;
      case 'forward5':
        seek(5);
        break;
      case 'back10':
        seek(-10);
        break;
      case 'pause':
        ws?.pause();
        break;
      case 'forward10':
        seek(10);
        break;
      case 'slower':
        changeRate(-1);
        break;
      case 'faster':
        changeRate(1);
        break;
      case 'note':
        ws?.pause();
        setNoteAt(ws?.getCurrentTime() ?? 0);
        break;
      case 'previous':
        go(-1, playing);
        break;
      case 'next':
        go(1, playing);
        break;
      case 'help':
        setHelp(true);
        break;
      case 'score1':
      case 'score2':
      case 'score3':
      case 'score4':
      case 'score5':
        if (d && mayScore) void scoreAs(Number(key.slice(-1)));
        break;
      default:
        void decideTo(DECISION_KEYS[key]);
    }
  };
  usePlayerKeys(onKey, noteAt === null && !help);

  if (demo.isPending || peaks.isPending)
    return <CircularProgress sx={{ m: 4 }} aria-label={t('common.loading')} />;
  if (demo.error) {
    return (
      <Box sx={{ p: 3 }}>
        <ErrorAlert error={demo.error} />
      </Box>
    );
  }
  const demoData = demo.data;
  const lufs = peaks.data?.loudnessLufs ?? demoData.loudnessLufs;
  const failure = peaks.data?.failure ?? demoData.analysis.failure;
  const autoplay = (location.state as { autoplay?: boolean } | null)?.autoplay === true;
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });

  return (
    <Box sx={{ p: 3, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Button
        component={RouterLink}
        to={`/demos?${params.toString()}`}
        startIcon={<ArrowBackIcon />}
        sx={{ alignSelf: 'flex-start' }}
      >
        {t('player.back')}
      </Button>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Box sx={{ flexGrow: 1 }}>
          <Typography variant="h5" component="h1">
            {demoData.title}
          </Typography>
          <Link component={RouterLink} to={`/artists/${demoData.artist}`}>
            {demoData.expanded.artist.artistName}
          </Link>
        </Box>
        <DemoScore
          scores={demoData.scores}
          {...(mayScore ? { onRate: (score: number) => void scoreAs(score) } : {})}
        />
        <StatusChip status={demoData.reviewStatus} labels="reviewStatus" />
        {decidesDemos(user) &&
          open.map((to) => {
            const button = (
              <Button
                key={to}
                variant="outlined"
                disabled={!mayDecideHere}
                onClick={() => void decideTo(to)}
              >
                {t(`demos.decide.${to}`)}{' '}
                <Chip size="small" label={keyOf(to)} sx={{ ml: 1, height: 18, fontSize: 11 }} />
              </Button>
            );
            return mayDecideHere ? (
              button
            ) : (
              <Tooltip key={to} title={t(NOT_DECIDER)}>
                {/* A disabled button fires no events: the span carries the tooltip. */}
                <span>{button}</span>
              </Tooltip>
            );
          })}
      </Stack>
      <Stack
        direction="row"
        spacing={3}
        useFlexGap
        sx={{ flexWrap: 'wrap', color: 'text.secondary' }}
      >
        <Typography variant="body2">
          {t('demos.duration')}: {formatDuration(peaks.data?.duration ?? demoData.durationSeconds)}
        </Typography>
        <Typography variant="body2">
          {t('demos.sampleRate')}:{' '}
          {demoData.sampleRate ? `${number.format(demoData.sampleRate / 1000)} kHz` : '—'}
        </Typography>
        <Tooltip title={t('player.lufsHint')}>
          <Typography variant="body2">
            {t('player.loudness')}:{' '}
            {lufs != null
              ? `${number.format(lufs)} LUFS`
              : failure
                ? t('demos.notMeasured.chip')
                : t('player.measuring')}
          </Typography>
        </Tooltip>
        <Typography variant="body2">
          {index >= 0 && items.length > 0
            ? t('player.position', { n: index + 1, total: items.length })
            : ''}
        </Typography>
      </Stack>
      {failure && !demoData.audioMissing && <NotMeasuredNotice failure={failure} />}
      {demoData.audioMissing ? (
        <Alert severity="warning" action={<RelinkButton demo={demoData} />}>
          {t(missingAudioText(demoData).hint)}
        </Alert>
      ) : (
        <Paper variant="outlined" sx={{ p: 2 }}>
          {audioSrc ? (
            <WaveformPlayer
              key={demoData.id}
              src={audioSrc}
              peaks={peaks.data?.peaks ?? null}
              duration={peaks.data?.duration ?? null}
              markers={markers}
              startAt={playerMemory.position(user.id, demoData.id)}
              autoplay={autoplay}
              onApi={(created) => {
                api.current = created;
                created?.wavesurfer.on('play', () => setPlaying(true));
                created?.wavesurfer.on('pause', () => setPlaying(false));
                created?.wavesurfer.setPlaybackRate(rate, true);
              }}
              onTime={(seconds) => {
                setClock({ demo: demoData.id, seconds });
                if (Math.abs(seconds - lastSaved.current) > 2) {
                  lastSaved.current = seconds;
                  playerMemory.remember(user.id, demoData.id, seconds);
                }
              }}
              onFinish={() => {
                playerMemory.forget(user.id, demoData.id);
                if (autoAdvance) go(1, true);
              }}
              onLoop={(region) => setLoop(!!region)}
            />
          ) : (
            <Skeleton variant="rounded" height={128} aria-label={t('common.loading')} />
          )}
          <Stack
            direction="row"
            spacing={1}
            sx={{ alignItems: 'center', mt: 1, flexWrap: 'wrap' }}
            useFlexGap
          >
            <Tooltip title={t('player.keys.previous')}>
              <span>
                <IconButton
                  disabled={index <= 0}
                  onClick={() => go(-1, playing)}
                  aria-label={t('player.previous')}
                >
                  <SkipPreviousIcon />
                </IconButton>
              </span>
            </Tooltip>
            <IconButton
              color="primary"
              size="large"
              onClick={() => void api.current?.wavesurfer.playPause()}
              aria-label={playing ? t('player.pause') : t('player.play')}
            >
              {playing ? <PauseIcon /> : <PlayArrowIcon />}
            </IconButton>
            <Tooltip title={t('player.keys.next')}>
              <span>
                <IconButton
                  disabled={index < 0 || index >= items.length - 1}
                  onClick={() => go(1, playing)}
                  aria-label={t('player.next')}
                >
                  <SkipNextIcon />
                </IconButton>
              </span>
            </Tooltip>
            <Typography
              sx={{ fontVariantNumeric: 'tabular-nums', minWidth: 110 }}
              aria-label={t('player.currentTime')}
            >
              {formatDuration(Math.min(time, length ?? time))} / {formatDuration(length)}
            </Typography>
            <Chip label={`${rate}×`} size="small" aria-label={t('player.rate')} />
            {loop && (
              <Chip
                label={t('player.looping')}
                size="small"
                color="primary"
                onDelete={() => api.current?.regions.clearRegions()}
              />
            )}
            <Box sx={{ flexGrow: 1 }} />
            <Button onClick={() => onKey('note')}>{t('player.addNote')}</Button>
            <FormControlLabel
              control={
                <Switch
                  checked={autoAdvance}
                  onChange={(e) => {
                    setAutoAdvance(e.target.checked);
                    playerMemory.setAutoAdvance(e.target.checked);
                  }}
                />
              }
              label={t('player.autoAdvance')}
            />
            <Tooltip title={t('player.keysTitle')}>
              <IconButton onClick={() => setHelp(true)} aria-label={t('player.keysTitle')}>
                <KeyboardIcon />
              </IconButton>
            </Tooltip>
          </Stack>
          {noteAt !== null && (
            <NoteAtPlayhead
              artist={demoData.artist}
              demo={demoData.id}
              at={noteAt}
              onDone={() => setNoteAt(null)}
            />
          )}
        </Paper>
      )}
      <TimedNotes
        notes={notes.data?.items ?? []}
        markers={markers}
        onSeek={(seconds) => api.current?.wavesurfer.setTime(seconds)}
      />
      {help && <KeyboardHelp onClose={() => setHelp(false)} />}
      {notices}
    </Box>
  );
}
