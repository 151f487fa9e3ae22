import { z } from 'zod';
import { calendarDate, id, listPaging, requiredText, rowMeta, userSummary } from './common';
import { ARTIST_STATUSES } from './vocabulary';

export const artistCreate = z.strictObject({
  artistName: requiredText(160),
  genre: requiredText(80),
  status: z.enum(ARTIST_STATUSES).optional(),
  priorityScore: z.number().int().min(0).max(100).nullable().optional(),
  owner: id.optional(),
});

export const artistList = z.strictObject({
  genre: z.string().trim().max(80).optional(),
  status: z.enum(ARTIST_STATUSES).optional(),
  owner: id.optional(),
  q: z.string().trim().max(160).optional(),
  ...listPaging,
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
  expanded: z.object({ owner: userSummary }),
});
export type Artist = z.infer<typeof artist>;
