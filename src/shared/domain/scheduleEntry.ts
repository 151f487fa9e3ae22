import { z } from 'zod';
import { id, instant, optionalText, rowMeta } from './common';
import { MAX_SPAN_DAYS, withinMaxSpan } from './interval';
import { SCHEDULE_ENTRY_TYPES, SCHEDULE_SOURCES, SCHEDULE_STATUSES } from './vocabulary';

/** An IANA zone name the runtime knows, e.g. America/New_York. */
export const timezone = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return zone.includes('/') || zone === 'UTC';
    } catch {
      return false;
    }
  }, 'Must be an IANA time zone such as Europe/London');

export const scheduleEntryCreate = z
  .strictObject({
    talentProfile: id,
    entryType: z.enum(SCHEDULE_ENTRY_TYPES),
    title: optionalText(200),
    start: instant,
    end: instant,
    timezone,
    status: z.enum(SCHEDULE_STATUSES).optional(),
  })
  .refine((e) => e.end > e.start, { path: ['end'], message: 'Must be after the start' })
  .refine(withinMaxSpan, {
    path: ['end'],
    message: `At most ${MAX_SPAN_DAYS} days after the start`,
  });

export const scheduleEntry = z.object({
  ...rowMeta,
  talentProfile: z.string(),
  booking: z.string().nullable(),
  entryType: z.enum(SCHEDULE_ENTRY_TYPES),
  title: z.string().nullable(),
  start: z.string(),
  end: z.string(),
  timezone: z.string(),
  status: z.enum(SCHEDULE_STATUSES),
  source: z.enum(SCHEDULE_SOURCES),
  expanded: z.object({ talentProfile: z.object({ id: z.string(), stageName: z.string() }) }),
});

export const scheduleList = z
  .strictObject({ from: instant, to: instant, talentProfile: id.optional() })
  .refine((r) => r.to > r.from, { path: ['to'], message: 'Must be after from' })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 400 * 24 * 3_600_000, {
    path: ['to'],
    message: 'At most 400 days at a time',
  });
export type ScheduleEntry = z.infer<typeof scheduleEntry>;
