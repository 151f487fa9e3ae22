import { z } from 'zod';
import { id } from './common';

/**
 * A subscribable calendar feed (GET /feeds/<token>.ics): the token is shown once, at creation;
 * afterwards only the feed's id and what it covers.
 */
export const calendarFeed = z.object({
  id: z.string(),
  /** One talent's schedule, or (null) everything the owner's calendar shows. */
  talentProfile: z.string().nullable(),
  createdAt: z.string(),
  expanded: z.object({ talentProfile: z.object({ stageName: z.string() }).nullable() }),
});
export type CalendarFeed = z.infer<typeof calendarFeed>;

export const calendarFeedCreated = calendarFeed.extend({
  /** `/feeds/<token>.ics` on the host that answered: the only time the token is given. */
  path: z.string(),
});

export const calendarFeedCreate = z.strictObject({ talentProfile: id.optional() });
export const calendarFeedList = z.strictObject({ talentProfile: id.optional() });

/** The route's own shape, so the host and the renderer read one definition. */
export const FEED_PATH_PREFIX = '/feeds/';
export const FEED_PATH_SUFFIX = '.ics';
