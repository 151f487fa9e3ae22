import { z } from 'zod';
import { id, listPaging, requiredText, rowMeta, userSummary } from './common';
import { NOTE_TYPES, NOTE_VISIBILITIES } from './vocabulary';

export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];

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

/** Newest first. */
export const reviewNoteList = z.strictObject({
  artist: id,
  demo: id.optional(),
  ...listPaging,
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
  expanded: z.object({ author: userSummary }),
});
export type ReviewNote = z.infer<typeof reviewNote>;
