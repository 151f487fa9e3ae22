import { z } from 'zod';
import { calendarDate, id, listPaging, requiredText, rowMeta, userSummary } from './common';
import { ARTIST_STATUSES } from './vocabulary';

const editable = {
  artistName: requiredText(160),
  genre: requiredText(80),
  status: z.enum(ARTIST_STATUSES),
  priorityScore: z.number().int().min(0).max(100).nullable(),
  owner: id,
};

/** socialFollowers and lastDemoDate are derived (growth logs, demo imports), never taken. */
export const artistCreate = z.strictObject({
  artistName: editable.artistName,
  genre: editable.genre,
  status: editable.status.optional(),
  priorityScore: editable.priorityScore.optional(),
  owner: editable.owner.optional(),
});

export const artistPatch = z.strictObject({
  artistName: editable.artistName.optional(),
  genre: editable.genre.optional(),
  status: editable.status.optional(),
  priorityScore: editable.priorityScore.optional(),
  owner: editable.owner.optional(),
});

export const artistUpdate = z.strictObject({
  id,
  version: z.number().int().min(1),
  patch: artistPatch,
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
  /** The last capture far above the artist's own trend, if any. */
  followerSpikeDate: z.string().nullable(),
  followerSpikePlatform: z.string().nullable(),
  owner: z.string(),
  expanded: z.object({ owner: userSummary }),
});
export type Artist = z.infer<typeof artist>;
