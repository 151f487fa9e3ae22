import type { Capture } from './followerGrowth';

/** How many earlier changes set an artist's own trend on a platform. */
export const SPIKE_WINDOW = 8;
export const SPIKE_SIGMAS = 3;

/**
 * Whether the newest capture's gain is far above the artist's own recent trend on that platform:
 * more than three standard deviations above the mean of the SPIKE_WINDOW changes before it.
 * Too few captures say nothing. The deviation has a floor (1 follower, or a tenth of the mean
 * change) so that perfectly steady growth does not make any small wobble a spike.
 */
export function isFollowerSpike(captures: readonly Capture[]): boolean {
  const sorted = [...captures].sort((a, b) => a.captureDate.localeCompare(b.captureDate));
  if (sorted.length < SPIKE_WINDOW + 2) return false;
  const changes = sorted.slice(1).map((c, i) => c.followerCount - sorted[i]!.followerCount);
  const latest = changes.at(-1)!;
  const prior = changes.slice(-SPIKE_WINDOW - 1, -1);
  const mean = prior.reduce((a, b) => a + b, 0) / prior.length;
  const variance = prior.reduce((a, b) => a + (b - mean) ** 2, 0) / prior.length;
  const deviation = Math.max(Math.sqrt(variance), Math.abs(mean) / 10, 1);
  return latest > 0 && latest > mean + SPIKE_SIGMAS * deviation;
}
