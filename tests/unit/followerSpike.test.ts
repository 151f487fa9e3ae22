import { describe, expect, it } from 'vitest';
import { isFollowerSpike } from '../../src/shared/domain/followerSpike';

const series = (counts: number[]) =>
  counts.map((followerCount, i) => ({
    platform: 'tiktok' as const,
    followerCount,
    captureDate: new Date(Date.UTC(2026, 0, 1 + i * 7)).toISOString().slice(0, 10),
  }));

describe('follower spikes', () => {
  const steady = [1000, 1100, 1190, 1300, 1405, 1500, 1610, 1700, 1800, 1905];

  it('need the artist’s own trend first: too few captures never alert', () => {
    expect(isFollowerSpike(series([1000, 1100, 50_000]))).toBe(false);
    expect(isFollowerSpike(series([...steady.slice(0, 8), 90_000]))).toBe(false);
  });

  it('stay quiet for growth in line with the trend, and for a fall', () => {
    expect(isFollowerSpike(series([...steady, 2010]))).toBe(false);
    expect(isFollowerSpike(series([...steady, 400]))).toBe(false);
  });

  it('flag a gain far above the prior eight changes, in capture-date order', () => {
    const jump = series([...steady, 9_000]);
    expect(isFollowerSpike(jump)).toBe(true);
    expect(isFollowerSpike([...jump].reverse())).toBe(true);
  });

  it('do not let perfectly steady growth turn a small wobble into a spike', () => {
    const exact = Array.from({ length: 10 }, (_, i) => 1000 + i * 100);
    expect(isFollowerSpike(series([...exact, 2030]))).toBe(false);
    expect(isFollowerSpike(series([...exact, 5000]))).toBe(true);
  });
});
