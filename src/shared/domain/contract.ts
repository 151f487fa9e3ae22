import { z } from 'zod';
import { calendarDate, id, optionalText, rowMeta } from './common';
import { CONTRACT_STATUSES, CONTRACT_TYPES } from './vocabulary';

export const contractCreate = z.strictObject({
  artist: id,
  contractType: z.enum(CONTRACT_TYPES),
  legalOwner: id,
  effectiveDate: calendarDate.nullable().optional(),
  terms: optionalText(50_000),
  optionDate: calendarDate.nullable().optional(),
  noticeDate: calendarDate.nullable().optional(),
  expiryDate: calendarDate.nullable().optional(),
});

export const contract = z.object({
  ...rowMeta,
  artist: z.string(),
  contractType: z.enum(CONTRACT_TYPES),
  status: z.enum(CONTRACT_STATUSES),
  effectiveDate: z.string().nullable(),
  signedAt: z.string().nullable(),
  // Set only by attaching or generating the document; required to enter `signed`.
  documentUrl: z.string().nullable(),
  legalOwner: z.string(),
  terms: z.string().nullable(),
  optionDate: z.string().nullable(),
  noticeDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
});
export type Contract = z.infer<typeof contract>;
