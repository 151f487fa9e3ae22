import { z } from 'zod';
import { id, instant, optionalText, requiredText, rowMeta } from './common';
import { AUDITION_STATUSES, AUDITION_TYPES } from './vocabulary';

export const auditionCreate = z.strictObject({
  talentProfile: id,
  clientName: requiredText(160),
  projectName: requiredText(160),
  auditionType: z.enum(AUDITION_TYPES),
  auditionDate: instant,
  // Only the workflow (auditions.setStatus) moves it on; a new audition starts invited.
  status: z.enum(AUDITION_STATUSES).optional(),
  location: optionalText(300),
  callbackNotes: optionalText(10_000),
});

export const audition = z.object({
  ...rowMeta,
  talentProfile: z.string(),
  clientName: z.string(),
  projectName: z.string(),
  auditionType: z.enum(AUDITION_TYPES),
  auditionDate: z.string(),
  status: z.enum(AUDITION_STATUSES),
  location: z.string().nullable(),
  callbackNotes: z.string().nullable().optional(),
});
export type Audition = z.infer<typeof audition>;
