import { describe, expect, it } from 'vitest';
import { LoudnessMeter } from '../../src/main/services/label/demos/audio/loudness';
import { PEAK_COUNT, PeakAccumulator } from '../../src/main/services/label/demos/audio/peaks';

/** Planar channels of a tone, as a decoder hands them over. */
function sine(seconds: number, rate: number, amplitude: number, channels = 1, hz = 997) {
  const frames = Math.round(seconds * rate);
  const out = new Float32Array(frames);
  for (let i = 0; i < frames; i += 1) out[i] = amplitude * Math.sin((2 * Math.PI * hz * i) / rate);
  return Array.from({ length: channels }, () => out);
}
const silence = (frames: number) => [new Float32Array(frames)];
const slice = (channels: Float32Array[], from: number, to: number) =>
  channels.map((data) => data.subarray(from, to));

describe('integrated loudness (BS.1770)', () => {
  it.each([44_100, 48_000, 22_050])(
    'reads a 997 Hz tone at -20 dBFS as -23 LUFS at %i Hz, fed in chunks',
    (rate) => {
      const meter = new LoudnessMeter(rate);
      const tone = sine(5, rate, 0.1);
      for (let i = 0; i < tone[0]!.length; i += 4099) meter.push(slice(tone, i, i + 4099));
      expect(meter.integrated()).toBeCloseTo(-23, 0);
    },
  );

  it('sums channels: the same tone on two channels is 3 dB louder', () => {
    const meter = new LoudnessMeter(48_000);
    meter.push(sine(3, 48_000, 0.1, 2));
    expect(meter.integrated()).toBeCloseTo(-20, 0);
  });

  it('gates out silence around a passage, and reports silence or a too-short clip as null', () => {
    const rate = 48_000;
    const gated = new LoudnessMeter(rate);
    gated.push(silence(rate * 5));
    gated.push(sine(3, rate, 0.1));
    gated.push(silence(rate * 5));
    expect(gated.integrated()).toBeCloseTo(-23, 0);
    const silent = new LoudnessMeter(rate);
    silent.push(silence(rate * 2));
    expect(silent.integrated()).toBeNull();
    const short = new LoudnessMeter(rate);
    short.push(sine(0.2, rate, 0.5));
    expect(short.integrated()).toBeNull();
  });
});

describe('waveform peaks', () => {
  it('keep the loudest sample of each slice across channels, whatever the chunking', () => {
    const frames = PEAK_COUNT * 10;
    const left = new Float32Array(frames);
    const right = new Float32Array(frames);
    right[15] = -0.75; // slice 1, right channel
    left[frames - 1] = 0.5; // last slice, left channel
    const peaks = new PeakAccumulator();
    for (let i = 0; i < frames; i += 3)
      peaks.push([left.subarray(i, i + 3), right.subarray(i, i + 3)]);
    const result = peaks.result();
    expect(result).toHaveLength(PEAK_COUNT);
    expect(result[1]).toBe(0.75);
    expect(result[PEAK_COUNT - 1]).toBe(0.5);
    expect(result.filter((v) => v !== 0)).toHaveLength(2);
  });

  it('need no length up front: an hour at 48 kHz lands each peak in its slice, in fixed memory', () => {
    const frames = 3600 * 48_000 + 17;
    const chunk = new Float32Array(1 << 16);
    const peaks = new PeakAccumulator();
    // One click a third of the way in (slice 666 of 2000) and one in the very last frame.
    const click = Math.floor(frames / 3);
    for (let at = 0; at < frames; at += chunk.length) {
      const length = Math.min(chunk.length, frames - at);
      const data = new Float32Array(length);
      if (click >= at && click < at + length) data[click - at] = 0.9;
      if (frames - 1 < at + length) data[frames - 1 - at] = -0.4;
      peaks.push([data]);
    }
    const result = peaks.result();
    expect(peaks.frames).toBe(frames);
    expect(result).toHaveLength(PEAK_COUNT);
    expect(result[Math.floor((click * PEAK_COUNT) / frames)]).toBe(0.9);
    expect(result[PEAK_COUNT - 1]).toBe(0.4);
    expect(result.filter((v) => v !== 0)).toHaveLength(2);
  });

  it('give a short clip one peak per frame, and take nothing from a chunk with no channels', () => {
    const peaks = new PeakAccumulator();
    peaks.push([]);
    peaks.push([Float32Array.from([0.1, -0.2, 0.3])]);
    expect(peaks.result()).toEqual([0.1, 0.2, 0.3]);
  });
});

describe('a loudness meter', () => {
  it('takes nothing from a chunk with no channels', () => {
    const meter = new LoudnessMeter(48_000);
    meter.push([]);
    meter.push(sine(3, 48_000, 0.1));
    expect(meter.integrated()).toBeCloseTo(-23, 0);
  });
});
