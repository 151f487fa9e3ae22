/** How many peaks a waveform gets, whatever the length: enough for a wide window, small to store. */
export const PEAK_COUNT = 2000;

/**
 * The largest absolute sample in each of PEAK_COUNT equal slices of the audio, across channels,
 * as wavesurfer draws them. Fed interleaved chunks, knowing the total frame count up front.
 */
export class PeakAccumulator {
  private readonly peaks = new Float32Array(PEAK_COUNT);
  private frame = 0;

  constructor(
    private readonly totalFrames: number,
    private readonly channels: number,
  ) {}

  push(samples: Float32Array): void {
    const perPeak = Math.max(1, this.totalFrames / PEAK_COUNT);
    for (let i = 0; i + this.channels <= samples.length; i += this.channels) {
      const slot = Math.min(PEAK_COUNT - 1, Math.floor(this.frame / perPeak));
      let peak = this.peaks[slot]!;
      for (let c = 0; c < this.channels; c += 1) {
        const value = Math.abs(samples[i + c]!);
        if (value > peak) peak = value;
      }
      this.peaks[slot] = peak;
      this.frame += 1;
    }
  }

  /** Rounded to 3 decimals: the stored JSON stays small and the drawing is the same. */
  result(): number[] {
    const used = Math.min(PEAK_COUNT, Math.max(1, this.totalFrames));
    return Array.from(
      this.peaks.subarray(0, used),
      (v) => Math.round(Math.min(1, v) * 1000) / 1000,
    );
  }
}
