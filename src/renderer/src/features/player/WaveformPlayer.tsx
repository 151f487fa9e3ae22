import { Alert, Box } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import WaveSurfer from 'wavesurfer.js';
import HoverPlugin from 'wavesurfer.js/dist/plugins/hover.esm.js';
import RegionsPlugin, { type Region } from 'wavesurfer.js/dist/plugins/regions.esm.js';
import TimelinePlugin from 'wavesurfer.js/dist/plugins/timeline.esm.js';
import { formatDuration } from '../demos/useDemos';
import { timelineIntervals } from './timelineIntervals';

export interface Marker {
  readonly id: string;
  readonly at: number;
  readonly label: string;
}

export interface PlayerApi {
  readonly wavesurfer: WaveSurfer;
  readonly regions: ReturnType<typeof RegionsPlugin.create>;
}

interface Props {
  /** A URL the audio element can stream with range requests (never a data URL). */
  readonly src: string;
  /** Stored peaks and duration: the waveform draws without decoding the audio. */
  readonly peaks: number[] | null;
  readonly duration: number | null;
  readonly markers: readonly Marker[];
  readonly startAt: number;
  readonly autoplay: boolean;
  readonly onApi: (api: PlayerApi | null) => void;
  readonly onTime: (seconds: number) => void;
  readonly onFinish: () => void;
  readonly onLoop: (region: Region | null) => void;
}

/**
 * wavesurfer over a streaming <audio> element, with a timeline, a hover time, note markers and a
 * drag-to-select loop. Re-created per source; markers update in place.
 */
export function WaveformPlayer(props: Props) {
  const { src, peaks, duration, markers, startAt, autoplay } = props;
  const { t } = useTranslation();
  const theme = useTheme();
  const container = useRef<HTMLDivElement>(null);
  const timeline = useRef<HTMLDivElement>(null);
  const [api, setApi] = useState<PlayerApi | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const callbacks = useRef(props);
  callbacks.current = props;

  useEffect(() => {
    if (!container.current || !timeline.current) return;
    setState('loading');
    const audio = new Audio();
    audio.preload = 'metadata';
    audio.src = src;
    const regions = RegionsPlugin.create();
    // Labelled at round times for the demo's length, known from its stored peaks or, without
    // them, once the audio is decoded.
    const timelineFor = (seconds: number) => {
      const { label, tick } = timelineIntervals(seconds);
      return TimelinePlugin.create({
        container: timeline.current!,
        formatTimeCallback: formatDuration,
        timeInterval: tick,
        primaryLabelInterval: label,
        secondaryLabelInterval: label,
      });
    };
    const wavesurfer = WaveSurfer.create({
      container: container.current,
      media: audio,
      ...(peaks && duration ? { peaks: [peaks], duration } : { url: src }),
      height: 128,
      waveColor: theme.palette.mode === 'dark' ? '#6b8f7c' : '#9bbfae',
      progressColor: theme.palette.primary.main,
      cursorColor: theme.palette.secondary.main,
      cursorWidth: 2,
      barWidth: 2,
      barGap: 1,
      barRadius: 2,
      normalize: true,
      dragToSeek: true,
      plugins: [
        regions,
        ...(duration ? [timelineFor(duration)] : []),
        HoverPlugin.create({ lineColor: theme.palette.text.secondary, labelSize: 11 }),
      ],
    });
    regions.enableDragSelection({ color: 'rgba(46, 107, 79, 0.18)' });
    regions.on('region-created', (region) => {
      if (region.end > region.start) {
        // One loop at a time: a new selection replaces the last.
        for (const other of regions.getRegions())
          if (other !== region && other.end > other.start) other.remove();
        callbacks.current.onLoop(region);
      }
    });
    regions.on('region-removed', (region) => {
      if (region.end > region.start) callbacks.current.onLoop(null);
    });
    // The selected passage loops: leaving it jumps back to its start.
    regions.on('region-out', (region) => {
      if (region.end > region.start && wavesurfer.isPlaying()) region.play();
    });
    regions.on('region-clicked', (region, event) => {
      event.stopPropagation();
      wavesurfer.setTime(region.start);
    });
    if (!duration) {
      wavesurfer.once('decode', (seconds) => {
        if (seconds > 0) wavesurfer.registerPlugin(timelineFor(seconds));
      });
    }
    wavesurfer.on('redrawcomplete', () => setState((s) => (s === 'error' ? s : 'ready')));
    wavesurfer.on('ready', () => {
      if (startAt > 0 && startAt < wavesurfer.getDuration() - 1) wavesurfer.setTime(startAt);
      if (autoplay) void wavesurfer.play().catch(() => undefined);
    });
    wavesurfer.on('timeupdate', (time) => callbacks.current.onTime(time));
    wavesurfer.on('finish', () => callbacks.current.onFinish());
    wavesurfer.on('error', () => setState('error'));
    const created = { wavesurfer, regions };
    setApi(created);
    callbacks.current.onApi(created);
    return () => {
      callbacks.current.onApi(null);
      setApi(null);
      wavesurfer.destroy();
      audio.removeAttribute('src');
      audio.load();
    };
    // startAt and autoplay apply when a source opens, not when they change later.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [src, peaks, duration, theme]);

  useEffect(() => {
    if (!api) return;
    for (const region of api.regions.getRegions()) if (region.end === region.start) region.remove();
    for (const marker of markers) {
      const label = document.createElement('span');
      label.textContent = marker.label;
      // Regions live in wavesurfer's shadow DOM: page styles do not reach them.
      Object.assign(label.style, {
        fontSize: '11px',
        fontWeight: '600',
        padding: '0 4px',
        borderRadius: '3px',
        background: theme.palette.warning.main,
        color: theme.palette.warning.contrastText,
        cursor: 'pointer',
      });
      api.regions.addRegion({
        id: marker.id,
        start: marker.at,
        content: label,
        color: theme.palette.warning.main,
        drag: false,
        resize: false,
      });
    }
  }, [api, markers, theme]);

  return (
    <Box>
      {state === 'error' && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {t('player.undecodable')}
        </Alert>
      )}
      <Box
        ref={container}
        data-waveform-state={state}
        aria-label={t('player.waveform')}
        role="img"
        sx={{
          minHeight: 128,
          borderRadius: 1,
          bgcolor: 'action.hover',
        }}
      />
      <Box ref={timeline} />
    </Box>
  );
}
