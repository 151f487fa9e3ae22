import { parseFile } from 'music-metadata';
import type { AnalysisFailureReason } from '../../../../../shared/domain/demo';
import { readHead } from '../../../workspace/files/fileKinds';
import { decodeStream } from './decodeStream';
import { audioFormatOf, HEAD_BYTES } from './formats';
import { LoudnessMeter } from './loudness';
import { mp4IndexAtEnd } from './mp4Layout';
import { PeakAccumulator } from './peaks';
import { isPlainWav, readWavSamples, wavHeaderProblem, wavLayout } from './wavReader';

export interface AudioAnalysis {
  readonly peaks: number[];
  readonly durationSeconds: number;
  readonly sampleRate: number;
  readonly loudnessLufs: number | null;
}

/** Why a file could not be measured: a reason the UI words, and the detail behind it. */
export class AnalysisFailure extends Error {
  constructor(
    readonly reason: AnalysisFailureReason,
    message: string,
  ) {
    super(message);
  }
}

/**
 * An M4A whose index follows its audio is decoded only once all of it has been read, and then in
 * one piece: past this length that piece would be hundreds of MB, so it is not measured (it still
 * plays). Saved with "fast start", any length streams.
 */
export const MAX_INDEX_AT_END_SECONDS = 5 * 60;

/**
 * Peaks and loudness of a stored audio file, decoded chunk by chunk (PCM WAV read directly, every
 * other format through audio-decode's streaming decoders), so memory stays the same for a minute
 * or an hour of audio.
 */
export async function analyzeAudio(path: string): Promise<AudioAnalysis> {
  const format = audioFormatOf(await readHead(path, HEAD_BYTES));
  if (!format) throw new AnalysisFailure('unreadable', 'Not an audio format Greenroom reads.');
  let sampleRate = 0;
  let peaks: PeakAccumulator | null = null;
  let meter: LoudnessMeter | null = null;
  const take = (channels: Float32Array[], rate: number) => {
    // A chained Ogg may change rate midway: the loudness filters keep the first one's.
    if (!meter) {
      sampleRate = rate;
      peaks = new PeakAccumulator();
      meter = new LoudnessMeter(rate);
    }
    peaks!.push(channels);
    meter.push(channels);
  };
  const layout = format.codec === 'wav' ? await wavLayout(path) : null;
  const problem = layout && wavHeaderProblem(layout);
  if (problem) throw new AnalysisFailure('unreadable', `This WAV cannot be read: ${problem}.`);
  if (layout && isPlainWav(layout)) {
    await readWavSamples(path, layout, (channels) => take(channels, layout.sampleRate));
  } else {
    let heldWhole = false;
    if (format.codec === 'm4a' && (await mp4IndexAtEnd(path))) {
      const { duration } = (await parseFile(path, { duration: true, skipCovers: true })).format;
      if (!duration || duration > MAX_INDEX_AT_END_SECONDS) {
        throw new AnalysisFailure(
          'index_at_end',
          `This M4A keeps its index after its audio and is longer than ${MAX_INDEX_AT_END_SECONDS / 60} minutes.`,
        );
      }
      heldWhole = true;
    }
    try {
      await decodeStream(path, format.codec, take, { wholeFile: heldWhole });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new AnalysisFailure('unreadable', `The decoder stopped: ${detail}`.slice(0, 300));
    }
  }
  const measured = peaks as PeakAccumulator | null;
  if (!measured || measured.frames === 0 || !(sampleRate > 0)) {
    throw new AnalysisFailure('no_audio', 'No part of the file decodes to sound.');
  }
  return {
    peaks: measured.result(),
    durationSeconds: measured.frames / sampleRate,
    sampleRate,
    loudnessLufs: (meter as LoudnessMeter | null)?.integrated() ?? null,
  };
}
