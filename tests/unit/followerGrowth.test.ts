import { describe, expect, it } from 'vitest';
import { followerGrowth, latestByPlatform } from '../../src/shared/domain/followerGrowth';

describe('follower growth', () => {
  const captures = [
    { platform: 'tiktok', followerCount: 1000, captureDate: '2026-06-01' },
    { platform: 'tiktok', followerCount: 1800, captureDate: '2026-08-20' },
    { platform: 'tiktok', followerCount: 2600, captureDate: '2026-09-01' },
    { platform: 'tiktok', followerCount: 3000, captureDate: '2026-10-01' },
    { platform: 'instagram', followerCount: 400, captureDate: '2026-09-25' },
  ] as const;

  it('measures 30- and 90-day change from the last capture at least that old', () => {
    const [tiktok, instagram] = followerGrowth(captures);
    expect(tiktok).toEqual({
      platform: 'tiktok',
      latest: 3000,
      latestDate: '2026-10-01',
      change30: 400, // against 2026-09-01, exactly 30 days before
      change90: 2000, // against 2026-06-01
    });
    expect(instagram).toMatchObject({ latest: 400, change30: null, change90: null });
  });

  it('takes the latest capture per platform by date, not by arrival', () => {
    const latest = latestByPlatform([...captures].reverse());
    expect(latest.get('tiktok')?.followerCount).toBe(3000);
    expect(latest.get('instagram')?.followerCount).toBe(400);
  });
});
