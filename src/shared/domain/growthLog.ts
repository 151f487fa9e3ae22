import { z } from 'zod';
import { calendarDate, id, listPaging, rowMeta, userSummary } from './common';
import { PLATFORMS } from './vocabulary';

export type Platform = (typeof PLATFORMS)[number];

/** Append-only: a wrong capture is corrected by logging a new one. */
export const growthLogCreate = z.strictObject({
  artist: id,
  platform: z.enum(PLATFORMS),
  followerCount: z.number().int().min(0).max(1e11),
  engagementRate: z.number().min(0).max(100).nullable().optional(),
  captureDate: calendarDate,
});

/** Oldest first, the order a chart draws them. */
export const growthLogList = z.strictObject({
  artist: id,
  platform: z.enum(PLATFORMS).optional(),
  ...listPaging,
});

export const growthLog = z.object({
  ...rowMeta,
  artist: z.string(),
  platform: z.enum(PLATFORMS),
  followerCount: z.number().int(),
  engagementRate: z.number().nullable(),
  captureDate: z.string(),
  capturedBy: z.string(),
  expanded: z.object({ capturedBy: userSummary }),
});
export type GrowthLog = z.infer<typeof growthLog>;
