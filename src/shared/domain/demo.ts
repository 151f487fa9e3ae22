import { z } from 'zod';
import { id, requiredText, rowMeta } from './common';
import { REVIEW_STATUSES, SUBMISSION_SOURCES } from './vocabulary';

/** `file` is a staged-file token (files.pick or POST /upload), never a path. */
export const demoImport = z.strictObject({
  artist: id,
  title: requiredText(200),
  submissionSource: z.enum(SUBMISSION_SOURCES),
  file: z.string().min(1).max(128),
});

export const demo = z.object({
  ...rowMeta,
  artist: z.string(),
  title: z.string(),
  audioUrl: z.string(),
  submissionSource: z.enum(SUBMISSION_SOURCES),
  reviewStatus: z.enum(REVIEW_STATUSES),
  submittedBy: z.string(),
  receivedAt: z.string(),
  durationSeconds: z.number().nullable(),
  sampleRate: z.number().int().nullable(),
  loudnessLufs: z.number().nullable(),
});
export type Demo = z.infer<typeof demo>;
