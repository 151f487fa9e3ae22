import { z } from 'zod';
import { ruleParams } from '../fieldIssue';
import { id, instant, listPaging, optionalText, requiredText, rowMeta } from './common';
import { MAX_SPAN_DAYS, whenEndsValid, withinMaxSpan } from './interval';
import { timezone } from './scheduleEntry';
import { BOOKING_STATUSES } from './vocabulary';

/** ISO 4217 code; amounts are integer minor units (cents, fen), never floats. */
export const currency = z.string().refine((value) => /^[A-Z]{3}$/.test(value), {
  message: 'Must be a 3-letter currency code',
  ...ruleParams('currency'),
});
export const rate = z.number().int('Whole minor units (cents)').min(0).max(1e12);

const endsAfterStart = (b: { startDateTime?: string; endDateTime?: string }) =>
  !b.startDateTime || !b.endDateTime || b.endDateTime > b.startDateTime;
const END_MESSAGE = {
  path: ['endDateTime'],
  message: 'Must be after the start',
  ...ruleParams('after_start'),
  ...whenEndsValid('startDateTime', 'endDateTime'),
};
const SPAN_MESSAGE = {
  path: ['endDateTime'],
  message: `At most ${MAX_SPAN_DAYS} days after the start`,
  ...ruleParams('max_span', { days: MAX_SPAN_DAYS }),
  ...whenEndsValid('startDateTime', 'endDateTime'),
};
const spanOk = (b: { startDateTime?: string; endDateTime?: string }) =>
  withinMaxSpan({ start: b.startDateTime, end: b.endDateTime });

export const bookingCreate = z
  .strictObject({
    talentProfile: id,
    audition: id.nullable().optional(),
    clientName: requiredText(160),
    projectName: requiredText(160),
    startDateTime: instant,
    endDateTime: instant,
    timezone: timezone.optional(),
    status: z.enum(['hold', 'confirmed']).optional(),
    rate: rate.nullable().optional(),
    currency: currency.nullable().optional(),
    notes: optionalText(10_000),
  })
  .refine(endsAfterStart, END_MESSAGE)
  .refine(spanOk, SPAN_MESSAGE);

/** No talentProfile, audition or status: those change through their own actions. */
export const bookingPatch = z
  .strictObject({
    clientName: requiredText(160).optional(),
    projectName: requiredText(160).optional(),
    startDateTime: instant.optional(),
    endDateTime: instant.optional(),
    timezone: timezone.optional(),
    rate: rate.nullable().optional(),
    currency: currency.nullable().optional(),
    notes: optionalText(10_000),
  })
  .refine(endsAfterStart, END_MESSAGE)
  .refine(spanOk, SPAN_MESSAGE);

export const bookingUpdate = z.strictObject({
  id,
  version: z.number().int().min(1),
  patch: bookingPatch,
});

export const bookingList = z.strictObject({
  status: z.enum(BOOKING_STATUSES).optional(),
  talentProfile: id.optional(),
  q: z.string().trim().max(160).optional(),
  from: instant.optional(),
  to: instant.optional(),
  ...listPaging,
});

export const clashCheck = z
  .strictObject({ talentProfile: id, start: instant, end: instant, excludeId: id.optional() })
  .refine((c) => c.end > c.start, { path: ['end'], message: 'Must be after the start' });

/**
 * Something on a talent's time. `blocking` items refuse a booking or a move over them (confirmed
 * bookings and entries, unavailable periods); the rest inform (holds with their rank, auditions,
 * out-of-town periods).
 */
export const clash = z.object({
  kind: z.enum(['booking', 'schedule', 'audition', 'block']),
  id: z.string(),
  label: z.string(),
  start: z.string(),
  end: z.string(),
  status: z.string(),
  holdRank: z.number().int().nullable(),
  blocking: z.boolean(),
});
export type Clash = z.infer<typeof clash>;

export const booking = z.object({
  ...rowMeta,
  talentProfile: z.string(),
  audition: z.string().nullable(),
  clientName: z.string(),
  projectName: z.string(),
  startDateTime: z.string(),
  endDateTime: z.string(),
  timezone: z.string(),
  status: z.enum(BOOKING_STATUSES),
  holdRank: z.number().int().nullable(),
  rate: z.number().int().nullable().optional(),
  currency: z.string().nullable(),
  notes: z.string().nullable().optional(),
  cancelReason: z.string().nullable(),
  challengeDeadline: z.string().nullable(),
  challengedBy: z.string().nullable(),
  /** The booking whose confirmation released this hold. */
  releasedBy: z.string().nullable(),
  expanded: z.object({ talentProfile: z.object({ id: z.string(), stageName: z.string() }) }),
});
export type Booking = z.infer<typeof booking>;

/** Confirming releases the overlapping holds; their clients are listed for follow-up. */
export const bookingConfirm = z.strictObject({
  id,
  /** Confirm a 2nd or lower hold anyway, releasing the holds ahead of it. */
  releaseAhead: z.boolean().optional(),
});
/** A hold that confirming this booking released: a client to call, with the time it held. */
export const releasedHold = z.object({
  id: z.string(),
  clientName: z.string(),
  projectName: z.string(),
  startDateTime: z.string(),
  endDateTime: z.string(),
});
export type ReleasedHold = z.infer<typeof releasedHold>;
export const confirmedBooking = booking.extend({ released: z.array(releasedHold) });
/** One booking as `bookings.get` reads it: with the holds its confirmation released. */
export const bookingDetail = confirmedBooking;
/** What confirming a hold would release now, asked before confirming (nothing is written). */
export const releasePreview = z.object({ holds: z.array(releasedHold) });

/** A lower hold challenges the 1st on its time: confirm within `hours` or be released. */
export const bookingChallenge = z.strictObject({
  id,
  hours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
});

/** The reason a released hold carries. */
export const RELEASED = 'released';
