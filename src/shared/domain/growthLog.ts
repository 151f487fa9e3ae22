import { z } from 'zod';
import { calendarDate, id, rowMeta } from './common';
import { PLATFORMS } from './vocabulary';

export const growthLogCreate = z.strictObject({
  artist: id,
  platform: z.enum(PLATFORMS),
  followerCount: z.number().int().min(0).max(1e11),
  engagementRate: z.number().min(0).max(100).nullable().optional(),
  captureDate: calendarDate,
});

export const growthLog = z.object({
  ...rowMeta,
  artist: z.string(),
  platform: z.enum(PLATFORMS),
  followerCount: z.number().int(),
  engagementRate: z.number().nullable(),
  captureDate: z.string(),
  capturedBy: z.string(),
});
export type GrowthLog = z.infer<typeof growthLog>;
