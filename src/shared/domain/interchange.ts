import { z } from 'zod';
import { isErrorBody, type ErrorBody } from '../errors';
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
  /**
   * The zone date-only fields (effectiveDate, lastDemoDate, ...) are read in, and the zone of a
   * booking that has none: an IANA name, or a name such as "Beijing" that maps to one. Default:
   * this computer's.
   */
  timezone: z.string().trim().min(1).max(64).optional(),
  /** Parse users to take as existing Greenroom users: `{ parseObjectId: greenroomUserId }`. */
  userMap: z.record(z.string().min(1).max(64), z.string().min(1).max(64)).optional(),
  /**
   * How to settle a record changed in Parse and in Greenroom since the last import, by
   * `Class:objectId`: `parse` takes the Parse version, `greenroom` keeps ours. Unsettled ones
   * are reported as conflicts and left alone.
   */
  resolutions: z.record(z.string().min(1).max(200), z.enum(['parse', 'greenroom'])).optional(),
});
export type ParseImportInput = z.infer<typeof parseImport>;

const parseUser = z.object({
  objectId: z.string(),
  username: z.string().nullable(),
  email: z.string().nullable(),
});

/**
 * Why an object of a Parse export was not imported, as a code and its parameters for the renderer
 * to word in the reader's language (`reason` says the same in English, for API readers): `field`
 * is the Parse column, named as the export names it; `refused` carries the error Greenroom's own
 * rules gave.
 */
export const SKIP_CODES = [
  'notText',
  'tooLong',
  'missing',
  'notOneOf',
  'notNumber',
  'noUrl',
  'notDate',
  'wrongPointer',
  'notPointer',
  'notAfter',
  'notWholeBetween',
  'notWholeAtLeast',
  'notImported',
  'wrongRole',
  'severalRoles',
  'noRole',
  'recordGone',
  'userExists',
  'conflict',
  'notObject',
  'refused',
] as const;
export type SkipCode = (typeof SKIP_CODES)[number];

export const skipReason = z.object({
  code: z.enum(SKIP_CODES),
  field: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])).optional(),
  error: z.custom<ErrorBody>(isErrorBody).optional(),
});
export type SkipReason = z.infer<typeof skipReason>;

export const parseImportReport = z.object({
  /** False for imports.parsePreview: what the import would do, nothing written. */
  committed: z.boolean(),
  files: z.array(
    z.object({
      name: z.string(),
      className: z.string().nullable(),
      objects: z.number().int(),
      note: z.string().optional(),
    }),
  ),
  /** The zone date-only fields were read in, and where it came from. */
  timezone: z.object({
    zone: z.string(),
    /** `chosen` as given, `mapped` from a name such as "Beijing", `default` this computer's. */
    source: z.enum(['chosen', 'mapped', 'default']),
    asked: z.string().optional(),
  }),
  /** Objects imported, by Parse class. */
  imported: z.record(z.string(), z.number().int()),
  /** Records imported before and changed in Parse since: brought up to date, by Parse class. */
  updated: z.record(z.string(), z.number().int()),
  /** At most 500, in file order; `skippedCount` has them all. */
  skipped: z.array(
    z.object({
      className: z.string(),
      objectId: z.string(),
      reason: z.string(),
      why: skipReason,
    }),
  ),
  skippedCount: z.number().int(),
  /** Objects an earlier run imported, unchanged since (or settled): recognised and left alone. */
  alreadyImported: z.number().int(),
  /** Parse users taken as existing Greenroom users, and how they were matched. */
  matchedUsers: z.array(
    parseUser.extend({
      userId: z.string(),
      greenroomUsername: z.string(),
      by: z.enum(['username', 'email', 'map']),
    }),
  ),
  /** Parse users matching no Greenroom user: created (inactive) unless mapped, or skipped. */
  unmatchedUsers: z.array(
    parseUser.extend({
      role: z.string().nullable(),
      outcome: z.enum(['create', 'skip']),
      reason: z.string().optional(),
    }),
  ),
  /** Parse roles (`_Role`) and the Greenroom role their members were given, if any. */
  roles: z.array(z.object({ name: z.string(), role: z.string().nullable(), members: z.number() })),
  /**
   * Changed in Parse and in Greenroom since the last import, at most 500: left as they are unless
   * settled (`resolution`). `conflictCount` counts the unsettled ones.
   */
  conflicts: z.array(
    z.object({
      className: z.string(),
      objectId: z.string(),
      entity: z.string(),
      entityId: z.string(),
      parseUpdatedAt: z.string().nullable(),
      greenroomUpdatedAt: z.string(),
      fields: z.array(z.object({ field: z.string(), parse: z.unknown(), greenroom: z.unknown() })),
      resolution: z.enum(['parse', 'greenroom']).nullable(),
    }),
  ),
  conflictCount: z.number().int(),
  /**
   * Objects whose Parse ACL let fewer people read them than Greenroom's rules will: the readers
   * the ACL had, and who in Greenroom gains sight of it. At most 500.
   */
  narrowerAcls: z.array(
    z.object({
      className: z.string(),
      objectId: z.string(),
      entity: z.string(),
      entityId: z.string(),
      readers: z.array(z.object({ kind: z.enum(['user', 'role']), name: z.string() })),
      gainedBy: z.array(z.string()),
    }),
  ),
  narrowerAclCount: z.number().int(),
  /** Entries of a file's `results` that are not objects: never imported, each named here. */
  dropped: z.array(
    z.object({
      file: z.string(),
      index: z.number().int(),
      reason: z.string(),
      why: skipReason,
    }),
  ),
  droppedCount: z.number().int(),
  /** Zone names in the data that are not IANA names: mapped, or (ambiguous/unknown) replaced. */
  zones: z.array(
    z.object({
      value: z.string(),
      mappedTo: z.string().nullable(),
      /** When not mapped: the candidates (ambiguous) or none (unknown); the import zone is used. */
      candidates: z.array(z.string()),
      objects: z.number().int(),
    }),
  ),
});
export type ParseImportReport = z.infer<typeof parseImportReport>;
