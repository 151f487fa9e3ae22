import { z } from 'zod';

export const SEARCH_KINDS = [
  'talents',
  'auditions',
  'bookings',
  'artists',
  'demos',
  'contracts',
  'reviewNotes',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const searchQuery = z.strictObject({
  // Control characters are never in a name; NUL would end the term inside SQLite's FTS5.
  q: z
    .string()
    .max(200, 'At most 200 characters')
    .refine(
      (q) => !/\p{Cc}/u.test(q.replace(/[\t\n\r]/g, ' ')),
      'Must not contain control characters',
    ),
  /** Results per kind. */
  limit: z.number().int().min(1).max(20).optional(),
});

export const searchHit = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string(),
  title: z.string(),
  detail: z.string(),
  /** The talent or artist the record belongs to, for opening it. */
  talentProfile: z.string().nullable(),
  artist: z.string().nullable(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchResult = z.object({
  groups: z.array(z.object({ kind: z.enum(SEARCH_KINDS), items: z.array(searchHit) })),
});
