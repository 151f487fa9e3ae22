import { z } from 'zod';
import { ruleParams } from '../fieldIssue';
import { id, instant, optionalText, rowMeta } from './common';
import { MAX_SPAN_DAYS, whenEndsValid, withinMaxSpan } from './interval';
import { SCHEDULE_ENTRY_TYPES, SCHEDULE_SOURCES, SCHEDULE_STATUSES } from './vocabulary';

/** An IANA zone name the runtime knows, e.g. America/New_York. */
export const timezone = z
  .string()
  .max(64)
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return zone.includes('/') || zone === 'UTC';
      } catch {
        return false;
      }
    },
    { message: 'Must be an IANA time zone such as Europe/London', ...ruleParams('timezone') },
  );

/** Booking entries come from bookings.confirm; everything else is entered by hand. */
export const MANUAL_ENTRY_TYPES = SCHEDULE_ENTRY_TYPES.filter((type) => type !== 'booking');

export const scheduleEntryCreate = z
  .strictObject({
    talentProfile: id,
    entryType: z.enum(MANUAL_ENTRY_TYPES as [string, ...string[]]),
    title: optionalText(200),
    start: instant,
    end: instant,
    timezone,
    status: z.enum(SCHEDULE_STATUSES).optional(),
  })
  .refine((e) => e.end > e.start, {
    path: ['end'],
    message: 'Must be after the start',
    ...ruleParams('after_start'),
    ...whenEndsValid('start', 'end'),
  })
  .refine(withinMaxSpan, {
    path: ['end'],
    message: `At most ${MAX_SPAN_DAYS} days after the start`,
    ...ruleParams('max_span', { days: MAX_SPAN_DAYS }),
    ...whenEndsValid('start', 'end'),
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

export const scheduleEntryPatch = z
  .strictObject({
    entryType: z.enum(MANUAL_ENTRY_TYPES as [string, ...string[]]).optional(),
    title: optionalText(200),
    start: instant.optional(),
    end: instant.optional(),
    timezone: timezone.optional(),
    status: z.enum(SCHEDULE_STATUSES).optional(),
  })
  .refine((e) => !e.start || !e.end || e.end > e.start, {
    path: ['end'],
    message: 'Must be after the start',
    ...ruleParams('after_start'),
    ...whenEndsValid('start', 'end'),
  })
  .refine(withinMaxSpan, {
    path: ['end'],
    message: `At most ${MAX_SPAN_DAYS} days after the start`,
    ...ruleParams('max_span', { days: MAX_SPAN_DAYS }),
    ...whenEndsValid('start', 'end'),
  });

export const scheduleEntryUpdate = z.strictObject({
  id,
  version: z.number().int().min(1),
  patch: scheduleEntryPatch,
});

const scheduleRange = {
  from: instant,
  to: instant,
  talentProfile: id.optional(),
  /** A manager's team (admins); managers and coordinators always see their own team only. */
  manager: id.optional(),
  entryType: z.enum(SCHEDULE_ENTRY_TYPES).optional(),
  status: z.enum(SCHEDULE_STATUSES).optional(),
};

export const scheduleExport = z
  .strictObject(scheduleRange)
  .refine((r) => r.to > r.from, { path: ['to'], message: 'Must be after from' })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 400 * 24 * 3_600_000, {
    path: ['to'],
    message: 'At most 400 days at a time',
  });

/**
 * The calendar's .ics export: the range and filters on screen, and the zone the calendar shows
 * it in, whose days decide which all-day items (contract dates) fall in [from, to) and name
 * the file; UTC when not given.
 */
export const scheduleIcsExport = z
  .strictObject({ ...scheduleRange, timezone: timezone.optional() })
  .refine((r) => r.to > r.from, { path: ['to'], message: 'Must be after from' })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 400 * 24 * 3_600_000, {
    path: ['to'],
    message: 'At most 400 days at a time',
  });

export const scheduleList = z
  .strictObject(scheduleRange)
  .refine((r) => r.to > r.from, { path: ['to'], message: 'Must be after from' })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 400 * 24 * 3_600_000, {
    path: ['to'],
    message: 'At most 400 days at a time',
  });
export type ScheduleEntry = z.infer<typeof scheduleEntry>;
