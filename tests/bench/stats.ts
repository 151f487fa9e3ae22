/** Percentiles of a sample of durations in milliseconds. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export interface Summary {
  readonly p50: number;
  readonly p95: number;
  readonly mean: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
  };
}

/**
 * Runs the candidates interleaved (A B A B …) so machine noise hits both alike; returns the
 * per-call durations of each.
 */
export async function interleave(
  candidates: Record<string, () => unknown | Promise<unknown>>,
  iterations: number,
  warmup: number,
): Promise<Record<string, number[]>> {
  const names = Object.keys(candidates);
  for (let i = 0; i < warmup; i++) for (const name of names) await candidates[name]!();
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < iterations; i++) {
    for (const name of names) {
      const started = process.hrtime.bigint();
      await candidates[name]!();
      samples[name]!.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  return samples;
}

export const ms = (value: number): string => `${value.toFixed(3)} ms`;
