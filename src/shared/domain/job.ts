import { z } from 'zod';

/** Long work started by a call and followed by polling `jobs.get`: progress, then a result. */
export const JOB_STATES = ['running', 'done', 'cancelled', 'failed'] as const;

export const job = z.object({
  id: z.string(),
  kind: z.string(),
  state: z.enum(JOB_STATES),
  done: z.number().int(),
  total: z.number().int(),
  /** Set when done: the file it made, read from /media/<media> (null for a job that makes none). */
  result: z.object({ media: z.string(), fileName: z.string(), contentType: z.string() }).nullable(),
  error: z.string().nullable(),
});
export type Job = z.infer<typeof job>;

export const jobRef = z.strictObject({ id: z.string().min(1).max(64) });
