import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, withOwner, type Actors, type TestCore } from '../support/testCore';

let t: TestCore;
let a: Actors;
let contributor: { id: string; token: string };
let artist: string;

beforeEach(async () => {
  t = createTestCore();
  a = await withOwner(t);
  contributor = await a.user('cai', 'contributor');
  const ar = await a.user('ada', 'AandR');
  artist = (await t.call('artists.create', { artistName: 'Paper Tides', genre: 'indie' }, ar.token))
    .id;
});
afterEach(() => t.close());

const log = (platform: 'tiktok' | 'instagram', followerCount: number, captureDate: string) =>
  t.call('growthLogs.create', { artist, platform, followerCount, captureDate }, contributor.token);

describe('growth logs', () => {
  it('are stamped with who captured them and keep socialFollowers at the latest total', async () => {
    const first = await log('tiktok', 1000, '2026-09-01');
    expect(first).toMatchObject({ capturedBy: contributor.id, engagementRate: null });
    await log('instagram', 500, '2026-09-02');
    await log('tiktok', 1500, '2026-10-01');
    // An older capture logged late does not replace the newer count.
    await log('tiktok', 900, '2026-08-01');
    expect((await t.call('artists.get', { id: artist }, contributor.token)).socialFollowers).toBe(
      2000,
    );
    const list = await t.call('growthLogs.list', { artist }, contributor.token);
    expect(list.items.map((l) => l.captureDate)).toEqual([
      '2026-08-01',
      '2026-09-01',
      '2026-09-02',
      '2026-10-01',
    ]);
    const tiktok = await t.call(
      'growthLogs.list',
      { artist, platform: 'tiktok', limit: 2 },
      contributor.token,
    );
    expect(tiktok.items).toHaveLength(2);
    expect(tiktok.nextCursor).not.toBeNull();
  });

  it('are append-only: the database refuses an update or delete', async () => {
    const entry = await log('tiktok', 10, '2026-09-01');
    expect(() =>
      t.core.sqlite
        .prepare('UPDATE social_growth_logs SET follower_count = 1 WHERE id = ?')
        .run(entry.id),
    ).toThrow();
    expect(() =>
      t.core.sqlite.prepare('DELETE FROM social_growth_logs WHERE id = ?').run(entry.id),
    ).toThrow();
  });

  it('refuse a capture date in the future and take no capturedBy from input', async () => {
    const future = await t.raw(
      'growthLogs.create',
      { artist, platform: 'x', followerCount: 1, captureDate: '2099-01-01' },
      contributor.token,
    );
    expect(future.ok || future.error.fieldCodes?.captureDate).toEqual({
      code: 'custom',
      rule: 'not_future',
    });
    const forged = await t.raw(
      'growthLogs.create',
      { artist, platform: 'x', followerCount: 1, captureDate: '2026-01-01', capturedBy: a.ownerId },
      contributor.token,
    );
    expect(forged.ok || forged.error.code).toBe('VALIDATION');
    expect(t.count('social_growth_logs')).toBe(0);
  });
});

describe('follower spikes', () => {
  it('flag the artist when a capture jumps far above its own trend, and show on its owner’s Today', async () => {
    const ar = await a.user('ana', 'AandR');
    const own = (await t.call('artists.create', { artistName: 'Rising', genre: 'pop' }, ar.token))
      .id;
    const day = (i: number) => new Date(Date.UTC(2026, 8, 1 + i * 7)).toISOString().slice(0, 10);
    for (let i = 0; i < 10; i += 1) {
      await t.call(
        'growthLogs.create',
        {
          artist: own,
          platform: 'tiktok',
          followerCount: 1000 + i * 100 + (i % 3) * 7,
          captureDate: day(i),
        },
        contributor.token,
      );
    }
    expect((await t.call('artists.get', { id: own }, ar.token)).followerSpikeDate).toBeNull();
    await t.call(
      'growthLogs.create',
      { artist: own, platform: 'tiktok', followerCount: 9000, captureDate: day(10) },
      contributor.token,
    );
    const flagged = await t.call('artists.get', { id: own }, ar.token);
    expect(flagged).toMatchObject({ followerSpikeDate: day(10), followerSpikePlatform: 'tiktok' });
    const today = await t.call('today.list', { today: day(11) }, ar.token);
    // The platform is a term the reader's language words, apart from the artist's name.
    expect(today.items.map((i) => [i.kind, i.urgency, i.title, i.term])).toContainEqual([
      'followerSpike',
      'today',
      'Rising',
      { vocabulary: 'platform', value: 'tiktok' },
    ]);
    // A week on it is old news.
    expect((await t.call('today.list', { today: day(12) }, ar.token)).items).toEqual([]);
  });
});
