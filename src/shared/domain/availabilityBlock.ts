import { z } from 'zod';
import { ruleParams } from '../fieldIssue';
import { id, instant, listPaging, optionalText, rowMeta } from './common';
import { MAX_SPAN_DAYS, whenEndsValid, withinMaxSpan } from './interval';
import { timezone } from './scheduleEntry';
import { BLOCK_KINDS } from './vocabulary';

export type BlockKind = (typeof BLOCK_KINDS)[number];

const span = <T extends z.ZodType<{ start?: string; end?: string }>>(schema: T) =>
  schema
    .refine((b) => !b.start || !b.end || b.end > b.start, {
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

/** A talent's unavailable or out-of-town period. */
export const availabilityBlockCreate = span(
  z.strictObject({
    talentProfile: id,
    start: instant,
    end: instant,
    timezone,
    kind: z.enum(BLOCK_KINDS),
    note: optionalText(1_000),
  }),
);

export const availabilityBlockUpdate = z.strictObject({
  id,
  version: z.number().int().min(1),
  patch: span(
    z.strictObject({
      start: instant.optional(),
      end: instant.optional(),
      timezone: timezone.optional(),
      kind: z.enum(BLOCK_KINDS).optional(),
      note: optionalText(1_000),
    }),
  ),
});

/** Blocks overlapping [from, to), for one talent or every talent the caller may see. */
export const availabilityBlockList = z
  .strictObject({ talentProfile: id.optional(), from: instant, to: instant, ...listPaging })
  .refine((q) => q.to > q.from, { path: ['to'], message: 'Must be after from' });

export const availabilityBlock = z.object({
  ...rowMeta,
  talentProfile: z.string(),
  start: z.string(),
  end: z.string(),
  timezone: z.string(),
  kind: z.enum(BLOCK_KINDS),
  note: z.string().nullable(),
  expanded: z.object({ talentProfile: z.object({ id: z.string(), stageName: z.string() }) }),
});
export type AvailabilityBlock = z.infer<typeof availabilityBlock>;
