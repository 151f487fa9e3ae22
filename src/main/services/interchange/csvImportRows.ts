import type { z } from 'zod';
import { contract } from '../../../shared/api';
import { artistPatch } from '../../../shared/domain/artist';
import { bookingPatch } from '../../../shared/domain/booking';
import type { CsvImportEntity, ImportRowError } from '../../../shared/domain/interchange';
import { talentPatch } from '../../../shared/domain/talent';
import { toMinor } from './money';

/**
 * What one CSV row becomes: pure, so it runs in the import worker (csvImportWorker.ts), off the
 * event loop. References are resolved through `Lookups` (the worker's read-only connection).
 */
type Kind = 'text' | 'number' | 'user' | 'artist' | 'money';

/** The columns each import reads: the entity's field names (design: users by id or username). */
export const IMPORT_COLUMNS: { [E in CsvImportEntity]: Record<string, Kind> } = {
  talents: {
    stageName: 'text',
    fullName: 'text',
    talentType: 'text',
    availabilityStatus: 'text',
    manager: 'user',
    portfolioUrl: 'text',
    notes: 'text',
  },
  artists: {
    artistName: 'text',
    genre: 'text',
    status: 'text',
    priorityScore: 'number',
    owner: 'user',
  },
  growthLogs: {
    artist: 'artist',
    platform: 'text',
    followerCount: 'number',
    engagementRate: 'number',
    captureDate: 'text',
  },
  bookings: {
    talentProfile: 'text',
    clientName: 'text',
    projectName: 'text',
    startDateTime: 'text',
    endDateTime: 'text',
    timezone: 'text',
    status: 'text',
    // Major units (1234.56) in the row's currency; stored as minor units.
    rate: 'money',
    currency: 'text',
    notes: 'text',
  },
};

/** Columns that say which record a row updates: read, never listed as ignored. */
export const ROW_KEY_COLUMNS = ['id', 'version'] as const;

export const CREATE_CHANNEL = {
  talents: 'talents.create',
  artists: 'artists.create',
  growthLogs: 'growthLogs.create',
  bookings: 'bookings.create',
} as const;

/** The entity's edit path; growth logs are a record of what was counted, never edited. */
export const UPDATE_CHANNEL = {
  talents: 'talents.update',
  artists: 'artists.update',
  growthLogs: null,
  bookings: 'bookings.update',
} as const;

const PATCH: { [E in CsvImportEntity]: z.ZodObject | null } = {
  talents: talentPatch,
  artists: artistPatch,
  growthLogs: null,
  bookings: bookingPatch,
};

export interface Lookups {
  userId(value: string): string | null;
  artistId(value: string): string | null | 'ambiguous';
}

export type PlannedRow =
  | { readonly row: number; readonly action: 'create'; readonly input: Record<string, unknown> }
  | {
      readonly row: number;
      readonly action: 'update';
      readonly input: { id: string; version: number; patch: Record<string, unknown> };
    }
  | { readonly row: number; readonly errors: ImportRowError[] };

const NUMBER = /^-?\d+(\.\d+)?$/;
const VERSION = /^\d{1,9}$/;

function zodErrors(
  error: z.ZodError,
  row: number,
  given: Record<string, unknown>,
  prefix: string | null,
): ImportRowError[] {
  const errors: ImportRowError[] = [];
  for (const issue of error.issues) {
    const path = prefix && issue.path[0] === prefix ? issue.path.slice(1) : issue.path;
    const field = path.length ? path.join('.') : '_';
    // An empty cell is a missing value: say so, not what type zod expected.
    const message =
      given[field] === undefined && issue.code === 'invalid_type' ? 'Required' : issue.message;
    if (!errors.some((e) => e.field === field)) errors.push({ row, field, message });
  }
  return errors;
}

/**
 * One CSV row as its channel's input: a row with an `id` updates that record through the
 * entity's update path (with the `version` it was exported at, so an edit made since is a
 * conflict rather than overwritten); a row without one creates.
 */
export function planRow(
  entity: CsvImportEntity,
  columns: ReadonlySet<string>,
  raw: Record<string, string>,
  row: number,
  lookups: Lookups,
  decimalComma: boolean,
): PlannedRow {
  const errors: ImportRowError[] = [];
  const id = raw.id?.trim();
  const patchSchema = PATCH[entity];
  const updating = Boolean(id);
  if (updating && !patchSchema) {
    return {
      row,
      errors: [
        {
          row,
          field: 'id',
          message: 'Growth logs cannot be changed by an import: leave id empty to add the row',
        },
      ],
    };
  }

  const input: Record<string, unknown> = {};
  for (const [field, kind] of Object.entries(IMPORT_COLUMNS[entity])) {
    if (updating && !(field in patchSchema!.shape)) continue;
    const value = raw[field]?.trim();
    if (value === undefined || value === '') {
      // In an edited export an emptied cell clears the field; a required one says so below.
      if (updating && columns.has(field)) input[field] = null;
      continue;
    }
    if (kind === 'number') {
      input[field] = NUMBER.test(value) ? Number(value) : value;
    } else if (kind === 'money') {
      const amount = toMinor(value, raw.currency?.trim() || null, decimalComma);
      if ('minor' in amount) input[field] = amount.minor;
      else errors.push({ row, field, message: amount.error });
    } else if (kind === 'user') {
      const found = lookups.userId(value);
      if (found) input[field] = found;
      else errors.push({ row, field, message: `No user with the id or username “${value}”` });
    } else if (kind === 'artist') {
      const found = lookups.artistId(value);
      if (found === 'ambiguous')
        errors.push({
          row,
          field,
          message: `More than one artist is named “${value}”: use the id`,
        });
      else if (found) input[field] = found;
      else errors.push({ row, field, message: `No artist with the id or name “${value}”` });
    } else {
      input[field] = value;
    }
  }

  if (!updating) {
    const parsed = contract[CREATE_CHANNEL[entity]].input.safeParse(input);
    if (!parsed.success) {
      for (const e of zodErrors(parsed.error, row, input, null)) {
        if (!errors.some((x) => x.field === e.field)) errors.push(e);
      }
    }
    return errors.length || !parsed.success
      ? { row, errors }
      : { row, action: 'create', input: parsed.data as Record<string, unknown> };
  }

  const version = raw.version?.trim() ?? '';
  if (!VERSION.test(version)) {
    errors.push({
      row,
      field: 'version',
      message: 'Required to change a record: export the list again to get it',
    });
  }
  // A required field emptied in the sheet: null is refused by its schema; say "Required".
  for (const [field, value] of Object.entries(input)) {
    if (value === null && !patchSchema!.shape[field]!.safeParse(null).success) {
      errors.push({ row, field, message: 'Required' });
      delete input[field];
    }
  }
  const update = { id: id!, version: Number(version) || 1, patch: input };
  const parsed = contract[UPDATE_CHANNEL[entity]!].input.safeParse(update);
  if (!parsed.success) {
    for (const e of zodErrors(parsed.error, row, input, 'patch')) {
      if (!errors.some((x) => x.field === e.field)) errors.push(e);
    }
  }
  return errors.length || !parsed.success
    ? { row, errors }
    : {
        row,
        action: 'update',
        input: parsed.data as { id: string; version: number; patch: Record<string, unknown> },
      };
}
