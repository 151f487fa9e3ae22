import { z } from 'zod';
import { id, instant, optionalText, rowMeta } from './common';
import { MAX_SPAN_DAYS, withinMaxSpan } from './interval';
import { timezone } from './scheduleEntry';
import { BLOCK_KINDS } from './vocabulary';

export const availabilityBlockCreate = z
  .strictObject({
    talentProfile: id,
    start: instant,
    end: instant,
    timezone,
    kind: z.enum(BLOCK_KINDS),
    note: optionalText(1_000),
  })
  .refine((b) => b.end > b.start, { path: ['end'], message: 'Must be after the start' })
  .refine(withinMaxSpan, {
    path: ['end'],
    message: `At most ${MAX_SPAN_DAYS} days after the start`,
  });

export const availabilityBlock = z.object({
  ...rowMeta,
  talentProfile: z.string(),
  start: z.string(),
  end: z.string(),
  timezone: z.string(),
  kind: z.enum(BLOCK_KINDS),
  note: z.string().nullable(),
});
export type AvailabilityBlock = z.infer<typeof availabilityBlock>;
