import type { Platform } from './growthLog';

export interface Capture {
  readonly platform: Platform;
  readonly followerCount: number;
  readonly captureDate: string;
}

export interface PlatformGrowth {
  readonly platform: Platform;
  readonly latest: number;
  readonly latestDate: string;
  /** Followers gained since the last capture at least 30 (90) days before the latest; null without one. */
  readonly change30: number | null;
  readonly change90: number | null;
}

const DAY_MS = 86_400_000;

function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

/** The latest capture per platform: the last by date, and among equal dates the last logged. */
export function latestByPlatform<T extends Capture>(captures: readonly T[]): Map<Platform, T> {
  const latest = new Map<Platform, T>();
  for (const capture of captures) {
    const seen = latest.get(capture.platform);
    if (!seen || capture.captureDate >= seen.captureDate) latest.set(capture.platform, capture);
  }
  return latest;
}

/** Per platform: the latest count and its change over 30 and 90 days. Captures oldest first. */
export function followerGrowth(captures: readonly Capture[]): PlatformGrowth[] {
  const byPlatform = new Map<Platform, Capture[]>();
  for (const capture of captures) {
    const list = byPlatform.get(capture.platform) ?? [];
    list.push(capture);
    byPlatform.set(capture.platform, list);
  }
  return [...byPlatform].map(([platform, list]) => {
    const sorted = [...list].sort((a, b) => a.captureDate.localeCompare(b.captureDate));
    const last = sorted[sorted.length - 1]!;
    const changeOver = (days: number): number | null => {
      const cutoff = daysBefore(last.captureDate, days);
      const base = sorted.filter((c) => c.captureDate <= cutoff).at(-1);
      return base ? last.followerCount - base.followerCount : null;
    };
    return {
      platform,
      latest: last.followerCount,
      latestDate: last.captureDate,
      change30: changeOver(30),
      change90: changeOver(90),
    };
  });
}
