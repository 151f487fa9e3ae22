import { z } from 'zod';
import { id, requiredText, rowMeta } from './common';
import { NOTE_TYPES, NOTE_VISIBILITIES } from './vocabulary';

/** Notes are append-only: a correction is a new note that `replaces` the old one. */
export const reviewNoteCreate = z.strictObject({
  artist: id,
  demo: id.nullable().optional(),
  noteType: z.enum(NOTE_TYPES),
  body: requiredText(20_000),
  visibility: z.enum(NOTE_VISIBILITIES),
  atSeconds: z.number().min(0).max(86_400).nullable().optional(),
  replaces: id.nullable().optional(),
});

export const reviewNote = z.object({
  ...rowMeta,
  artist: z.string(),
  demo: z.string().nullable(),
  author: z.string(),
  noteType: z.enum(NOTE_TYPES),
  body: z.string(),
  visibility: z.enum(NOTE_VISIBILITIES),
  atSeconds: z.number().nullable(),
  replaces: z.string().nullable(),
});
export type ReviewNote = z.infer<typeof reviewNote>;
