import { z } from 'zod';
import { ruleParams } from '../fieldIssue';

/** Every id is an opaque string (a UUID today). */
export const id = z.string().min(1, 'Required').max(64, 'Too long');
/**
 * The dates a record may carry unless its field says otherwise: a typo such as 1900 or 2099
 * typed into the month would otherwise be saved and drop out of every view. The date pickers
 * take their minDate and maxDate from these too.
 */
export const EARLIEST_DATE = '2000-01-01';
export const LATEST_DATE = '2100-12-31';

/**
 * The instants of those days wherever the user is: from midnight 2000-01-01 at UTC+14 to the
 * end of 2100-12-31 at UTC-12, so a wall-clock time on an allowed day passes in any zone.
 */
const EARLIEST_INSTANT = '1999-12-31T10:00:00.000Z';
const LATEST_INSTANT = '2101-01-01T12:00:00.000Z';

/**
 * An instant: ISO 8601 in UTC, e.g. 2026-11-23T09:30:00.000Z. Stored in exactly that form (with
 * milliseconds), so instants compare correctly as text in SQL.
 */
export const instant = z.iso
  .datetime({ message: 'Must be an ISO 8601 UTC instant' })
  .transform((value) => new Date(value).toISOString())
  .refine((value) => value >= EARLIEST_INSTANT, {
    message: `On or after ${EARLIEST_DATE}`,
    ...ruleParams('date_min', { minimum: EARLIEST_DATE }),
  })
  .refine((value) => value <= LATEST_INSTANT, {
    message: `On or before ${LATEST_DATE}`,
    ...ruleParams('date_max', { maximum: LATEST_DATE }),
  });

/** A calendar date with no time of day, between EARLIEST_DATE and LATEST_DATE. */
export const calendarDate = z.iso
  .date({ message: 'Must be a date (YYYY-MM-DD)' })
  .refine((value) => value >= EARLIEST_DATE, {
    message: `On or after ${EARLIEST_DATE}`,
    ...ruleParams('date_min', { minimum: EARLIEST_DATE }),
  })
  .refine((value) => value <= LATEST_DATE, {
    message: `On or before ${LATEST_DATE}`,
    ...ruleParams('date_max', { maximum: LATEST_DATE }),
  });

/** Today's date (YYYY-MM-DD) where this code runs: the user's own machine, or their desk's. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A calendar date that has happened: not after today. */
export const pastCalendarDate = calendarDate.refine((value) => value <= localToday(), {
  message: 'Cannot be in the future',
  ...ruleParams('not_future'),
});

export const requiredText = (max: number) =>
  z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`);
export const optionalText = (max: number) =>
  z.string().trim().max(max, `At most ${max} characters`).nullable().optional();

/** Links opened outside the app must be http(s): never javascript:, file: or custom schemes. */
export const webUrl = z
  .string()
  .trim()
  .max(2000, 'At most 2000 characters')
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'http:' || url.protocol === 'https:';
      } catch {
        return false;
      }
    },
    { message: 'Must be an http or https link', ...ruleParams('web_url') },
  );

/** A file in the media store, as stored in audioUrl, documentUrl and headshotUrl. */
export const mediaRef = z
  .string()
  .regex(/^media:[A-Za-z0-9-]{1,64}$/, 'Must be a media:<id> reference');

export const MAX_LIST_LIMIT = 100;
export const listPaging = {
  limit: z.number().int().min(1).max(MAX_LIST_LIMIT).optional(),
  cursor: z.string().max(512).optional(),
};

export const rowMeta = {
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
};

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/**
 * A page of a list a grid pages through: `total` is how many rows match the filter in the
 * caller's scope, on the first page (no cursor); later pages leave it out (the client has it).
 */
export const countedPage = <T extends z.ZodType>(item: T) =>
  page(item).extend({ total: z.number().int().min(0).optional() });

export const userSummary = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
});
export type UserSummary = z.infer<typeof userSummary>;

export const empty = z.strictObject({});
