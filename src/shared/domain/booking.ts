import { z } from 'zod';
import { id, instant, optionalText, requiredText, rowMeta } from './common';
import { BOOKING_STATUSES } from './vocabulary';

/** ISO 4217 code; amounts are integer minor units (cents, fen), never floats. */
export const currency = z.string().regex(/^[A-Z]{3}$/, 'Must be a 3-letter currency code');

export const bookingCreate = z
  .strictObject({
    talentProfile: id,
    audition: id.nullable().optional(),
    clientName: requiredText(160),
    projectName: requiredText(160),
    startDateTime: instant,
    endDateTime: instant,
    status: z.enum(BOOKING_STATUSES).optional(),
    rate: z.number().int('Whole minor units (cents)').min(0).max(1e12).nullable().optional(),
    currency: currency.nullable().optional(),
    notes: optionalText(10_000),
  })
  .refine((b) => b.endDateTime > b.startDateTime, {
    path: ['endDateTime'],
    message: 'Must be after the start',
  });

export const booking = z.object({
  ...rowMeta,
  talentProfile: z.string(),
  audition: z.string().nullable(),
  clientName: z.string(),
  projectName: z.string(),
  startDateTime: z.string(),
  endDateTime: z.string(),
  status: z.enum(BOOKING_STATUSES),
  holdRank: z.number().int().nullable(),
  rate: z.number().int().nullable().optional(),
  currency: z.string().nullable(),
  notes: z.string().nullable().optional(),
});
export type Booking = z.infer<typeof booking>;
