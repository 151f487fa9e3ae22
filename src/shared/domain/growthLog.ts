import { z } from 'zod';
import { id, pastCalendarDate, listPaging, rowMeta, userSummary } from './common';
import { PLATFORMS } from './vocabulary';

export type Platform = (typeof PLATFORMS)[number];

/**
 * Append-only: a wrong capture is corrected by logging a new one that `replaces` it (same
 * artist and platform). The replaced capture stays, shown struck through, and counts no more.
 */
export const growthLogCreate = z.strictObject({
  artist: id,
  platform: z.enum(PLATFORMS),
  followerCount: z.number().int().min(0).max(1e11),
  engagementRate: z.number().min(0).max(100).nullable().optional(),
  captureDate: pastCalendarDate,
  replaces: id.nullable().optional(),
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
  replaces: z.string().nullable(),
  /** The capture that corrects this one, if any: this one then counts no more. */
  replacedBy: z.string().nullable(),
  expanded: z.object({ capturedBy: userSummary }),
});
export type GrowthLog = z.infer<typeof growthLog>;
