/**
 * The time axis under the waveform: a label every `label` seconds and a notch every `tick`,
 * chosen by the demo's length so that it carries about six to ten labels on round times
 * (every 10 s for a minute, 30 s for a song, 1 min for a long mix, 5 min or more for a set).
 * wavesurfer's own choice depends on pixels per second and, at a song's length in a window,
 * labels nothing but 0:00.
 */
const STEPS: readonly { readonly label: number; readonly tick: number }[] = [
  { label: 5, tick: 1 },
  { label: 10, tick: 2 },
  { label: 15, tick: 5 },
  { label: 30, tick: 5 },
  { label: 60, tick: 10 },
  { label: 120, tick: 30 },
  { label: 300, tick: 60 },
  { label: 600, tick: 120 },
  { label: 900, tick: 300 },
  { label: 1800, tick: 300 },
  { label: 3600, tick: 600 },
];

/** At most this many labels on the axis. */
const MAX_LABELS = 10;

export function timelineIntervals(durationSeconds: number): { label: number; tick: number } {
  const wanted = durationSeconds / MAX_LABELS;
  return STEPS.find((step) => step.label >= wanted) ?? STEPS[STEPS.length - 1]!;
}
