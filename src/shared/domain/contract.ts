import { z } from 'zod';
import {
  calendarDate,
  id,
  instant,
  listPaging,
  optionalText,
  rowMeta,
  userSummary,
} from './common';
import { CONTRACT_STATUSES, CONTRACT_TYPES } from './vocabulary';

export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/**
 * draft -> sent -> signed -> active -> expired | terminated; draft | sent -> terminated.
 * status moves only through contracts.transition.
 */
export const CONTRACT_TRANSITIONS: Readonly<Record<ContractStatus, readonly ContractStatus[]>> = {
  draft: ['sent', 'terminated'],
  sent: ['signed', 'terminated'],
  signed: ['active'],
  active: ['expired', 'terminated'],
  expired: [],
  terminated: [],
};

/**
 * Who made a contract's current document: the app's own export ('generated', unsigned) or a
 * person's upload ('signed'). Only a signed one lets the contract be marked signed.
 */
export const DOCUMENT_SOURCES = ['generated', 'signed'] as const;
export type DocumentSource = (typeof DOCUMENT_SOURCES)[number];

/** A signed document is a PDF, recognised by content. */
export const MAX_DOCUMENT_BYTES = 100 * 1024 * 1024;

const dates = {
  effectiveDate: calendarDate.nullable().optional(),
  optionDate: calendarDate.nullable().optional(),
  noticeDate: calendarDate.nullable().optional(),
  expiryDate: calendarDate.nullable().optional(),
};

/** No status, signedAt or documentUrl: those change only through the workflow. */
export const contractCreate = z.strictObject({
  artist: id,
  contractType: z.enum(CONTRACT_TYPES),
  legalOwner: id.optional(),
  terms: optionalText(50_000),
  ...dates,
});

export const contractPatch = z.strictObject({
  contractType: z.enum(CONTRACT_TYPES).optional(),
  legalOwner: id.optional(),
  terms: optionalText(50_000),
  ...dates,
});

export const contractUpdate = z.strictObject({
  id,
  version: z.number().int().min(1),
  patch: contractPatch,
});

export const contractTransition = z.strictObject({
  id,
  to: z.enum(CONTRACT_STATUSES),
  signedAt: instant.optional(),
  effectiveDate: calendarDate.optional(),
});

export const contractAttachDocument = z.strictObject({ id, file: z.string().min(1).max(128) });

export const contractList = z.strictObject({
  artist: id.optional(),
  status: z.enum(CONTRACT_STATUSES).optional(),
  legalOwner: id.optional(),
  /** Active contracts whose expiryDate falls on or before this date (soonest first). */
  expiringBy: calendarDate.optional(),
  ...listPaging,
});

/** The contract list's filters, for a bulk export of everything they match. */
export const contractBundle = contractList.omit({ limit: true, cursor: true });

export const contract = z.object({
  ...rowMeta,
  artist: z.string(),
  contractType: z.enum(CONTRACT_TYPES),
  status: z.enum(CONTRACT_STATUSES),
  effectiveDate: z.string().nullable(),
  signedAt: z.string().nullable(),
  // Set only by attaching or generating the document; required to enter `signed`.
  documentUrl: z.string().nullable(),
  // Null while there is no document.
  documentSource: z.enum(DOCUMENT_SOURCES).nullable(),
  legalOwner: z.string(),
  terms: z.string().nullable(),
  optionDate: z.string().nullable(),
  noticeDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  expanded: z.object({
    artist: z.object({ id: z.string(), artistName: z.string() }),
    legalOwner: userSummary,
  }),
});
export type Contract = z.infer<typeof contract>;

/** The dates that matter on contracts, for the calendar: `from`..`to` inclusive. */
export const contractKeyDatesQuery = z
  .strictObject({ from: calendarDate, to: calendarDate })
  .refine((r) => r.to >= r.from, { path: ['to'], message: 'Must not be before from' })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 400 * 86_400_000, {
    path: ['to'],
    message: 'At most 400 days at a time',
  });

export const CONTRACT_DATE_KINDS = ['option', 'notice', 'expiry'] as const;

export const contractKeyDate = z.object({
  contract: z.string(),
  kind: z.enum(CONTRACT_DATE_KINDS),
  date: z.string(),
  contractType: z.string(),
  status: z.string(),
  artist: z.string(),
  artistName: z.string(),
});
export type ContractKeyDate = z.infer<typeof contractKeyDate>;
