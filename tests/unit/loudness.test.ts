import { describe, expect, it } from 'vitest';
import { LoudnessMeter } from '../../src/main/services/label/demos/audio/loudness';
import { PEAK_COUNT, PeakAccumulator } from '../../src/main/services/label/demos/audio/peaks';

function sine(seconds: number, rate: number, amplitude: number, channels = 1, hz = 997) {
  const frames = Math.round(seconds * rate);
  const out = new Float32Array(frames * channels);
  for (let i = 0; i < frames; i += 1) {
    const v = amplitude * Math.sin((2 * Math.PI * hz * i) / rate);
    for (let c = 0; c < channels; c += 1) out[i * channels + c] = v;
  }
  return out;
}

describe('integrated loudness (BS.1770)', () => {
  it.each([44_100, 48_000, 22_050])(
    'reads a 997 Hz tone at -20 dBFS as -23 LUFS at %i Hz, fed in chunks',
    (rate) => {
      const meter = new LoudnessMeter(rate, 1);
      const tone = sine(5, rate, 0.1);
      for (let i = 0; i < tone.length; i += 4099) meter.push(tone.subarray(i, i + 4099));
      expect(meter.integrated()).toBeCloseTo(-23, 0);
    },
  );

  it('sums channels: the same tone on two channels is 3 dB louder', () => {
    const meter = new LoudnessMeter(48_000, 2);
    meter.push(sine(3, 48_000, 0.1, 2));
    expect(meter.integrated()).toBeCloseTo(-20, 0);
  });

  it('gates out silence around a passage, and reports silence or a too-short clip as null', () => {
    const rate = 48_000;
    const gated = new LoudnessMeter(rate, 1);
    gated.push(new Float32Array(rate * 5));
    gated.push(sine(3, rate, 0.1));
    gated.push(new Float32Array(rate * 5));
    expect(gated.integrated()).toBeCloseTo(-23, 0);
    const silent = new LoudnessMeter(rate, 1);
    silent.push(new Float32Array(rate * 2));
    expect(silent.integrated()).toBeNull();
    const short = new LoudnessMeter(rate, 1);
    short.push(sine(0.2, rate, 0.5));
    expect(short.integrated()).toBeNull();
  });
});

describe('waveform peaks', () => {
  it('keep the loudest sample of each slice across channels, whatever the chunking', () => {
    const frames = PEAK_COUNT * 10;
    const samples = new Float32Array(frames * 2);
    samples[2 * 15 + 1] = -0.75; // slice 1, right channel
    samples[2 * (frames - 1)] = 0.5; // last slice, left channel
    const peaks = new PeakAccumulator(frames, 2);
    for (let i = 0; i < samples.length; i += 6) peaks.push(samples.subarray(i, i + 6));
    const result = peaks.result();
    expect(result).toHaveLength(PEAK_COUNT);
    expect(result[1]).toBe(0.75);
    expect(result[PEAK_COUNT - 1]).toBe(0.5);
    expect(result.filter((v) => v !== 0)).toHaveLength(2);
  });

  it('give a short clip one peak per frame', () => {
    const peaks = new PeakAccumulator(3, 1);
    peaks.push(Float32Array.from([0.1, -0.2, 0.3]));
    expect(peaks.result()).toEqual([0.1, 0.2, 0.3]);
  });
});
