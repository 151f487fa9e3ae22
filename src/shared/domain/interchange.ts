import { z } from 'zod';
import { artistList } from './artist';
import { auditionList } from './audition';
import { bookingList } from './booking';
import { demoList } from './demo';
import { growthLogList } from './growthLog';
import { scheduleExport } from './scheduleEntry';
import { talentList } from './talent';

/** What can be exported as CSV: the lists on screen, with the same filters. */
export const CSV_EXPORT_ENTITIES = [
  'talents',
  'auditions',
  'bookings',
  'schedule',
  'artists',
  'demos',
  'growthLogs',
] as const;
export type CsvExportEntity = (typeof CSV_EXPORT_ENTITIES)[number];

/** What can be imported from CSV. */
export const CSV_IMPORT_ENTITIES = ['talents', 'artists', 'growthLogs', 'bookings'] as const;
export type CsvImportEntity = (typeof CSV_IMPORT_ENTITIES)[number];

const filtersOf = <T extends z.ZodRawShape>(shape: T) => {
  const {
    cursor: _cursor,
    limit: _limit,
    ...filters
  } = shape as T & {
    cursor?: unknown;
    limit?: unknown;
  };
  return filters as Omit<T, 'cursor' | 'limit'>;
};

/** `{ entity, ...filters }`: the entity's list filters, without paging (an export is whole). */
export const csvExport = z.discriminatedUnion('entity', [
  z.strictObject({ entity: z.literal('talents'), ...filtersOf(talentList.shape) }),
  z.strictObject({ entity: z.literal('auditions'), ...filtersOf(auditionList.shape) }),
  z.strictObject({ entity: z.literal('bookings'), ...filtersOf(bookingList.shape) }),
  z
    .strictObject({ entity: z.literal('schedule'), ...scheduleExport.shape })
    .refine((r) => r.to > r.from, { path: ['to'], message: 'Must be after from' })
    .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 400 * 24 * 3_600_000, {
      path: ['to'],
      message: 'At most 400 days at a time',
    }),
  z.strictObject({ entity: z.literal('artists'), ...filtersOf(artistList.shape) }),
  z.strictObject({ entity: z.literal('demos'), ...filtersOf(demoList.shape) }),
  z.strictObject({ entity: z.literal('growthLogs'), ...filtersOf(growthLogList.shape) }),
]);
export type CsvExportInput = z.infer<typeof csvExport>;

export const csvImport = z.strictObject({
  entity: z.enum(CSV_IMPORT_ENTITIES),
  file: z.string().min(1).max(128),
});

export const importRowError = z.object({
  /** 1-based data row (the header is row 0), as a spreadsheet shows it minus the header. */
  row: z.number().int(),
  field: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowError>;

/** The delimiters a CSV file may use: what Excel saves in much of Europe is semicolons. */
export const CSV_DELIMITER_NAMES = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const;

export const importPreview = z.object({
  entity: z.enum(CSV_IMPORT_ENTITIES),
  columns: z.array(z.string()),
  /** How the file's columns are separated, as detected from its header line. */
  delimiter: z.enum(['comma', 'semicolon', 'tab']),
  rows: z.number().int(),
  valid: z.number().int(),
  /** Valid rows that add a record, and valid rows whose `id` names one they will update. */
  creates: z.number().int(),
  updates: z.number().int(),
  /** At most 200, in row order; `errorCount` has them all. */
  errors: z.array(importRowError),
  errorCount: z.number().int(),
  /** Columns the import does not read (ids, timestamps, names shown for people). */
  ignored: z.array(z.string()),
  /** The first rows as they would be imported (an update: `{ id, version, patch }`). */
  sample: z.array(z.record(z.string(), z.unknown())),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const importResult = z.object({
  entity: z.enum(CSV_IMPORT_ENTITIES),
  /** Every row: those that added a record and those that updated one. */
  imported: z.number().int(),
  updated: z.number().int(),
});

/** JSON exports of the hosted Back4app (Parse) classes, one file per class. */
export const parseImport = z.strictObject({
  files: z.array(z.string().min(1).max(128)).min(1, 'Choose at least one file').max(20),
});

export const parseImportReport = z.object({
  files: z.array(
    z.object({
      name: z.string(),
      className: z.string().nullable(),
      objects: z.number().int(),
      note: z.string().optional(),
    }),
  ),
  /** Objects imported, by Parse class. */
  imported: z.record(z.string(), z.number().int()),
  /** At most 500, in file order; `skippedCount` has them all. */
  skipped: z.array(z.object({ className: z.string(), objectId: z.string(), reason: z.string() })),
  skippedCount: z.number().int(),
  /** Objects an earlier run imported: recognised and left alone. */
  alreadyImported: z.number().int(),
});
