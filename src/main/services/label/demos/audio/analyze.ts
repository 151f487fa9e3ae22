import { readFile } from 'node:fs/promises';
import { LoudnessMeter } from './loudness';
import { PeakAccumulator } from './peaks';
import { readWavSamples, wavLayout } from './wavReader';

export interface AudioAnalysis {
  readonly peaks: number[];
  readonly durationSeconds: number;
  readonly sampleRate: number;
  readonly loudnessLufs: number | null;
}

/**
 * Peaks and loudness of a stored audio file. WAV is streamed (an hour of it never sits in
 * memory); compressed formats are decoded whole by audio-decode, fine for demo lengths.
 */
export async function analyzeAudio(path: string): Promise<AudioAnalysis> {
  const layout = await wavLayout(path);
  if (layout) {
    const frames = layout.dataBytes / ((layout.bitsPerSample / 8) * layout.channels);
    const peaks = new PeakAccumulator(Math.floor(frames), layout.channels);
    const meter = new LoudnessMeter(layout.sampleRate, layout.channels);
    await readWavSamples(path, layout, (samples) => {
      peaks.push(samples);
      meter.push(samples);
    });
    return {
      peaks: peaks.result(),
      durationSeconds: Math.floor(frames) / layout.sampleRate,
      sampleRate: layout.sampleRate,
      loudnessLufs: meter.integrated(),
    };
  }
  const { default: decode } = await import('audio-decode');
  const { channelData, sampleRate } = await decode(await readFile(path));
  const channels = channelData.length;
  const frames = channelData[0]?.length ?? 0;
  const interleaved = new Float32Array(frames * channels);
  channelData.forEach((data, c) => {
    for (let i = 0; i < frames; i += 1) interleaved[i * channels + c] = data[i]!;
  });
  const peaks = new PeakAccumulator(frames, channels);
  const meter = new LoudnessMeter(sampleRate, channels);
  peaks.push(interleaved);
  meter.push(interleaved);
  return {
    peaks: peaks.result(),
    durationSeconds: frames / sampleRate,
    sampleRate,
    loudnessLufs: meter.integrated(),
  };
}
