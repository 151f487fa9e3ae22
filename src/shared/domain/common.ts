import { z } from 'zod';

/** Every id is an opaque string (a UUID today). */
export const id = z.string().min(1, 'Required').max(64, 'Too long');
/**
 * An instant: ISO 8601 in UTC, e.g. 2026-11-23T09:30:00.000Z. Stored in exactly that form (with
 * milliseconds), so instants compare correctly as text in SQL.
 */
export const instant = z.iso
  .datetime({ message: 'Must be an ISO 8601 UTC instant' })
  .transform((value) => new Date(value).toISOString());
/** A calendar date with no time of day. */
export const calendarDate = z.iso.date({ message: 'Must be a date (YYYY-MM-DD)' });

export const requiredText = (max: number) =>
  z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`);
export const optionalText = (max: number) =>
  z.string().trim().max(max, `At most ${max} characters`).nullable().optional();

/** Links opened outside the app must be http(s): never javascript:, file: or custom schemes. */
export const webUrl = z
  .string()
  .trim()
  .max(2000, 'At most 2000 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Must be an http or https link');

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
