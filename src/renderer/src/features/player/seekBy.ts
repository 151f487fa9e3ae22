import type WaveSurfer from 'wavesurfer.js';

/**
 * Moves the playhead by `delta` seconds from where the last seek aimed.
 *
 * wavesurfer's setTime holds a seek back while the media element is still buffering the previous
 * one (readyState below HAVE_FUTURE_DATA) and then drops it when that earlier seek's 'seeking'
 * event arrives, so quick arrow presses lost steps. The element itself takes every seek at once
 * and reads back the newest target, so rapid presses add up exactly.
 */
export function seekBy(wavesurfer: WaveSurfer, delta: number): void {
  const media = wavesurfer.getMediaElement();
  const target = Math.max(0, wavesurfer.getCurrentTime() + delta);
  const duration = wavesurfer.getDuration();
  if (!media || media.readyState === HTMLMediaElement.HAVE_NOTHING) {
    wavesurfer.setTime(target);
    return;
  }
  media.currentTime = duration > 0 ? Math.min(target, duration) : target;
}
