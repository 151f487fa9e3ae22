/**
 * Integrated loudness (LUFS) per ITU-R BS.1770-4: K-weighting, 400 ms blocks every 100 ms, an
 * absolute gate at -70 LUFS and a relative gate 10 LU below the ungated level. Fed in chunks, so
 * an hour of audio never sits in memory at once. Every channel weighs 1 (mono and stereo demos).
 */

interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

/** The two K-weighting stages, designed for any sample rate (BS.1770 gives them at 48 kHz). */
function kWeighting(sampleRate: number): [Biquad, Biquad] {
  // Stage 1: high shelf (+4 dB above ~1.5 kHz), modelling the head.
  const f0 = 1681.974450955533;
  const gain = 3.999843853973347;
  const q = 0.7071752369554196;
  const k = Math.tan((Math.PI * f0) / sampleRate);
  const vh = Math.pow(10, gain / 20);
  const vb = Math.pow(vh, 0.4996667741545416);
  const a0 = 1 + k / q + k * k;
  const shelf: Biquad = {
    b0: (vh + (vb * k) / q + k * k) / a0,
    b1: (2 * (k * k - vh)) / a0,
    b2: (vh - (vb * k) / q + k * k) / a0,
    a1: (2 * (k * k - 1)) / a0,
    a2: (1 - k / q + k * k) / a0,
  };
  // Stage 2: high pass (RLB), removing what is below ~38 Hz.
  const f1 = 38.13547087602444;
  const q1 = 0.5003270373238773;
  const k1 = Math.tan((Math.PI * f1) / sampleRate);
  const a01 = 1 + k1 / q1 + k1 * k1;
  const highPass: Biquad = {
    b0: 1,
    b1: -2,
    b2: 1,
    a1: (2 * (k1 * k1 - 1)) / a01,
    a2: (1 - k1 / q1 + k1 * k1) / a01,
  };
  return [shelf, highPass];
}

export class LoudnessMeter {
  private readonly filters: [Biquad, Biquad];
  /** Per channel, per stage: the filter's two previous inputs and outputs. */
  private readonly state: Float64Array[] = [];
  private readonly hop: number;
  /** Mean squares of each 100 ms step (summed over channels); a block is four of them. */
  private readonly steps: number[] = [];
  private stepSum = 0;
  private stepFill = 0;

  constructor(sampleRate: number) {
    this.filters = kWeighting(sampleRate);
    this.hop = Math.max(1, Math.round(sampleRate / 10));
  }

  /**
   * Planar channels of one decoded chunk, samples in [-1, 1]. The channel count may change from
   * one chunk to the next (an MP3 decoder folds dual mono into one channel until they differ).
   */
  push(channels: readonly Float32Array[]): void {
    if (channels.length === 0) return;
    const length = Math.min(...channels.map((data) => data.length));
    while (this.state.length < channels.length) this.state.push(new Float64Array(8));
    const [s1, s2] = this.filters;
    for (let i = 0; i < length; i += 1) {
      let energy = 0;
      for (let c = 0; c < channels.length; c += 1) {
        const st = this.state[c]!;
        const x = channels[c]![i]!;
        const y1 = s1.b0 * x + s1.b1 * st[0]! + s1.b2 * st[1]! - s1.a1 * st[2]! - s1.a2 * st[3]!;
        st[1] = st[0]!;
        st[0] = x;
        st[3] = st[2]!;
        st[2] = y1;
        const y2 = s2.b0 * y1 + s2.b1 * st[4]! + s2.b2 * st[5]! - s2.a1 * st[6]! - s2.a2 * st[7]!;
        st[5] = st[4]!;
        st[4] = y1;
        st[7] = st[6]!;
        st[6] = y2;
        energy += y2 * y2;
      }
      this.stepSum += energy;
      this.stepFill += 1;
      if (this.stepFill === this.hop) {
        this.steps.push(this.stepSum / this.hop);
        this.stepSum = 0;
        this.stepFill = 0;
      }
    }
  }

  /** The integrated loudness, or null for silence or less than one 400 ms block. */
  integrated(): number | null {
    const blocks: number[] = [];
    for (let i = 3; i < this.steps.length; i += 1) {
      blocks.push(
        (this.steps[i - 3]! + this.steps[i - 2]! + this.steps[i - 1]! + this.steps[i]!) / 4,
      );
    }
    const lufs = (power: number) => -0.691 + 10 * Math.log10(power);
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const audible = blocks.filter((power) => power > 0 && lufs(power) > -70);
    if (audible.length === 0) return null;
    const relativeGate = lufs(mean(audible)) - 10;
    const gated = audible.filter((power) => lufs(power) > relativeGate);
    return Math.round(lufs(mean(gated)) * 10) / 10;
  }
}
