/** How many peaks a waveform gets, whatever the length: enough for a wide window, small to store. */
export const PEAK_COUNT = 2000;

/**
 * The largest absolute sample in each of PEAK_COUNT equal slices of the audio, across channels,
 * as wavesurfer draws them. Fed decoded chunks as they come, without knowing the length up front
 * (a compressed file's header may be wrong or missing): peaks are kept per bucket of frames, and
 * when all BUCKETS are full, neighbours merge and buckets double. A bucket is then at most an
 * eighth of a slice, so a peak lands in its own slice; memory stays fixed whatever the duration.
 */
const BUCKETS = PEAK_COUNT * 16;

export class PeakAccumulator {
  private buckets = new Float32Array(BUCKETS);
  private bucketFrames = 1;
  /** The bucket being filled, and how many frames it holds so far. */
  private index = 0;
  private filled = 0;
  private total = 0;

  /** Frames seen so far. */
  get frames(): number {
    return this.total;
  }

  /** Planar channels of one decoded chunk; a chunk with no channels adds nothing. */
  push(channels: readonly Float32Array[]): void {
    const length = Math.min(...channels.map((data) => data.length));
    if (channels.length === 0 || length === 0) return;
    let i = 0;
    while (i < length) {
      if (this.filled === this.bucketFrames) this.nextBucket();
      const end = Math.min(length, i + this.bucketFrames - this.filled);
      let peak = this.buckets[this.index]!;
      for (const data of channels) {
        for (let j = i; j < end; j += 1) {
          const value = data[j]!;
          if (value > peak) peak = value;
          else if (-value > peak) peak = -value;
        }
      }
      this.buckets[this.index] = peak;
      this.filled += end - i;
      this.total += end - i;
      i = end;
    }
  }

  private nextBucket(): void {
    this.index += 1;
    this.filled = 0;
    if (this.index < this.buckets.length) return;
    const merged = new Float32Array(BUCKETS);
    for (let b = 0; b < BUCKETS / 2; b += 1) {
      merged[b] = Math.max(this.buckets[2 * b]!, this.buckets[2 * b + 1]!);
    }
    this.buckets = merged;
    this.bucketFrames *= 2;
    this.index = BUCKETS / 2;
  }

  /** Rounded to 3 decimals: the stored JSON stays small and the drawing is the same. */
  result(): number[] {
    const count = Math.min(PEAK_COUNT, this.total);
    const peaks = new Float32Array(count);
    // Each bucket goes to the slice holding its middle frame.
    for (let b = 0; b <= this.index && count > 0; b += 1) {
      const frames = b === this.index ? this.filled : this.bucketFrames;
      if (frames === 0) continue;
      const middle = b * this.bucketFrames + (frames - 1) / 2;
      const slot = Math.min(count - 1, Math.floor((middle * count) / this.total));
      peaks[slot] = Math.max(peaks[slot]!, this.buckets[b]!);
    }
    return Array.from(peaks, (v) => Math.round(Math.min(1, v) * 1000) / 1000);
  }
}
