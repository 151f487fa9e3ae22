import { z } from 'zod';
import { calendarDate, id, requiredText, rowMeta } from './common';
import { ARTIST_STATUSES } from './vocabulary';

export const artistCreate = z.strictObject({
  artistName: requiredText(160),
  genre: requiredText(80),
  status: z.enum(ARTIST_STATUSES).optional(),
  priorityScore: z.number().int().min(0).max(100).nullable().optional(),
  owner: id.optional(),
});

export const artist = z.object({
  ...rowMeta,
  artistName: z.string(),
  genre: z.string(),
  status: z.enum(ARTIST_STATUSES),
  priorityScore: z.number().int().nullable(),
  socialFollowers: z.number().int().nullable(),
  lastDemoDate: calendarDate.nullable(),
  owner: z.string(),
});
export type Artist = z.infer<typeof artist>;
