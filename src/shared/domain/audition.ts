import { z } from 'zod';
import { id, instant, listPaging, optionalText, requiredText, rowMeta } from './common';
import { AUDITION_STATUSES, AUDITION_TYPES } from './vocabulary';

export type AuditionStatus = (typeof AUDITION_STATUSES)[number];

/**
 * The pipeline: invited -> callback | booked | declined; callback -> booked | declined. Only an
 * admin may reopen (move anywhere else).
 */
export const AUDITION_TRANSITIONS: Readonly<Record<AuditionStatus, readonly AuditionStatus[]>> = {
  invited: ['callback', 'booked', 'declined'],
  callback: ['booked', 'declined'],
  booked: [],
  declined: [],
};

const editable = {
  clientName: requiredText(160),
  projectName: requiredText(160),
  auditionType: z.enum(AUDITION_TYPES),
  auditionDate: instant,
  location: optionalText(300),
  callbackNotes: optionalText(10_000),
};

export const auditionCreate = z.strictObject({
  talentProfile: id,
  ...editable,
  // Only the workflow (auditions.setStatus) moves it on; a new audition starts invited.
  status: z.enum(AUDITION_STATUSES).optional(),
});

/** No talentProfile or status: an audition is not moved to another talent by an edit. */
export const auditionPatch = z.strictObject({
  clientName: editable.clientName.optional(),
  projectName: editable.projectName.optional(),
  auditionType: editable.auditionType.optional(),
  auditionDate: editable.auditionDate.optional(),
  location: editable.location,
  callbackNotes: editable.callbackNotes,
});

export const auditionUpdate = z.strictObject({
  id,
  version: z.number().int().min(1),
  patch: auditionPatch,
});

export const auditionSetStatus = z.strictObject({
  id,
  status: z.enum(AUDITION_STATUSES),
  callbackNotes: optionalText(10_000),
  /** Takes back the caller's own latest move (within a minute), even against the forward-only rules. */
  undo: z.literal(true).optional(),
});

export const auditionList = z.strictObject({
  status: z.enum(AUDITION_STATUSES).optional(),
  talentProfile: id.optional(),
  clientName: z.string().trim().max(160).optional(),
  projectName: z.string().trim().max(160).optional(),
  from: instant.optional(),
  to: instant.optional(),
  ...listPaging,
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
  expanded: z.object({ talentProfile: z.object({ id: z.string(), stageName: z.string() }) }),
});
export type Audition = z.infer<typeof audition>;
