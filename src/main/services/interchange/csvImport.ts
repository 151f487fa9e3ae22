import { readFileSync, statSync } from 'node:fs';
import { eq, or } from 'drizzle-orm';
import { can } from '../../../shared/access';
import { contract, type Output } from '../../../shared/api';
import type {
  CsvImportEntity,
  ImportPreview,
  ImportRowError,
} from '../../../shared/domain/interchange';
import { AppError } from '../../../shared/errors';
import { artists, users } from '../../db/schema';
import type { Session } from '../kernel/session';
import type { Staging } from '../workspace/files/staging';
import type { Store } from '../kernel/store';
import { fromCsv } from '../workspace/files/csv';

type Kind = 'text' | 'number' | 'user' | 'artist';

/** The columns each import reads: the entity's field names (design: users by id or username). */
const IMPORT_COLUMNS: { [E in CsvImportEntity]: Record<string, Kind> } = {
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
};

const CREATE_CHANNEL = {
  talents: 'talents.create',
  artists: 'artists.create',
  growthLogs: 'growthLogs.create',
} as const;

export type CreateCalls = { [E in CsvImportEntity]: (session: Session, input: never) => unknown };

const MAX_CSV_BYTES = 200 * 1024 * 1024;
const MAX_LISTED_ERRORS = 200;
const SAMPLE_ROWS = 5;
const NUMBER = /^-?\d+(\.\d+)?$/;

class RolledBack extends Error {}

/**
 * CSV imports: a preview that runs the whole import in a transaction and rolls it back (so it
 * finds exactly what the import would refuse, row by row), then the import itself, all rows or
 * none, in one transaction through the same create calls as the screens, audited.
 */
export function createCsvImport(store: Store, staging: Staging, creates: CreateCalls) {
  const { db } = store;

  function readCsv(path: string) {
    if (statSync(path).size > MAX_CSV_BYTES) {
      throw new AppError('VALIDATION', 'A CSV file can be at most 200 MB.', { file: 'Too large' });
    }
    const text = readFileSync(path, 'utf8');
    if (text.includes('\uFFFD')) {
      throw new AppError('VALIDATION', 'The file is not UTF-8 text. Save it as “CSV UTF-8”.', {
        file: 'Not UTF-8',
      });
    }
    try {
      return fromCsv(text);
    } catch (error) {
      throw new AppError(
        'VALIDATION',
        `The file is not valid CSV (${error instanceof Error ? error.message : String(error)}).`,
        { file: 'Not CSV' },
      );
    }
  }

  // Files repeat the same few users and artists on every row: each is looked up once per run.
  let resolved = new Map<string, string | null>();

  function userId(value: string): string | null {
    const key = `user:${value}`;
    if (resolved.has(key)) return resolved.get(key)!;
    const row = db
      .select({ id: users.id })
      .from(users)
      .where(or(eq(users.id, value), eq(users.username, value)))
      .get();
    resolved.set(key, row?.id ?? null);
    return row?.id ?? null;
  }

  function artistId(value: string): string | null | 'ambiguous' {
    const key = `artist:${value}`;
    if (resolved.has(key)) return resolved.get(key) as string | null | 'ambiguous';
    const found = findArtist(value);
    resolved.set(key, found);
    return found;
  }

  function findArtist(value: string): string | null | 'ambiguous' {
    const byId = db.select({ id: artists.id }).from(artists).where(eq(artists.id, value)).get();
    if (byId) return byId.id;
    const named = db
      .select({ id: artists.id })
      .from(artists)
      .where(eq(artists.artistName, value))
      .limit(2)
      .all();
    if (named.length > 1) return 'ambiguous';
    return named[0]?.id ?? null;
  }

  /** One CSV row as the create channel's input, or what is wrong with it. */
  function toInput(
    entity: CsvImportEntity,
    raw: Record<string, string>,
    row: number,
  ): { input: Record<string, unknown> } | { errors: ImportRowError[] } {
    const errors: ImportRowError[] = [];
    const input: Record<string, unknown> = {};
    for (const [field, kind] of Object.entries(IMPORT_COLUMNS[entity])) {
      const value = raw[field]?.trim();
      if (value === undefined || value === '') continue;
      if (kind === 'number') {
        input[field] = NUMBER.test(value) ? Number(value) : value;
      } else if (kind === 'user') {
        const id = userId(value);
        if (id) input[field] = id;
        else errors.push({ row, field, message: `No user with the id or username “${value}”` });
      } else if (kind === 'artist') {
        const id = artistId(value);
        if (id === 'ambiguous')
          errors.push({
            row,
            field,
            message: `More than one artist is named “${value}”: use the id`,
          });
        else if (id) input[field] = id;
        else errors.push({ row, field, message: `No artist with the id or name “${value}”` });
      } else {
        input[field] = value;
      }
    }
    const parsed = contract[CREATE_CHANNEL[entity]].input.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.length ? issue.path.join('.') : '_';
        // An empty cell is a missing value: say so, not what type zod expected.
        const message =
          input[field] === undefined && issue.code === 'invalid_type' ? 'Required' : issue.message;
        if (!errors.some((e) => e.field === field)) errors.push({ row, field, message });
      }
    }
    return errors.length ? { errors } : { input: parsed.data as Record<string, unknown> };
  }

  function rowErrors(error: unknown, row: number): ImportRowError[] {
    if (error instanceof AppError) {
      const fields = Object.entries(error.fields ?? {});
      if (fields.length) return fields.map(([field, message]) => ({ row, field, message }));
      return [{ row, field: '_', message: error.message }];
    }
    throw error;
  }

  /** Runs every row through its create call in one transaction; keeps it only if asked and clean. */
  function run(
    session: Session,
    entity: CsvImportEntity,
    path: string,
    keep: boolean,
    fileName: string,
  ) {
    if (!can(session.user.role, entity, 'create')) {
      throw new AppError('FORBIDDEN', 'Your role does not allow this.');
    }
    const { columns, rows } = readCsv(path);
    resolved = new Map();
    const known = IMPORT_COLUMNS[entity];
    const errors: ImportRowError[] = [];
    const sample: Record<string, unknown>[] = [];
    let badRows = 0;
    const create = creates[entity] as (s: Session, input: Record<string, unknown>) => unknown;
    try {
      store.write(session.user.id, (w) => {
        rows.forEach((raw, index) => {
          const row = index + 1;
          const mapped = toInput(entity, raw, row);
          let failed: ImportRowError[] = [];
          if ('errors' in mapped) failed = mapped.errors;
          else {
            try {
              w.savepoint(() => create(session, mapped.input));
              if (sample.length < SAMPLE_ROWS) sample.push(mapped.input);
            } catch (error) {
              failed = rowErrors(error, row);
            }
          }
          if (failed.length) {
            badRows += 1;
            errors.push(...failed);
          }
        });
        if (!keep || badRows > 0) throw new RolledBack();
        w.audit({
          action: 'imports.commit',
          entity,
          entityId: null,
          changes: { rows: rows.length, fileName },
        });
      });
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error;
    }
    return {
      columns,
      rows: rows.length,
      badRows,
      errors,
      sample,
      ignored: columns.filter((column) => !(column in known)),
    };
  }

  return {
    preview(session: Session, input: { entity: CsvImportEntity; file: string }): ImportPreview {
      const file = staging.peek(session.user.id, input.file);
      const result = run(session, input.entity, file.path, false, file.fileName);
      return {
        entity: input.entity,
        columns: result.columns,
        rows: result.rows,
        valid: result.rows - result.badRows,
        errors: result.errors.slice(0, MAX_LISTED_ERRORS),
        errorCount: result.errors.length,
        sample: result.sample,
        ignored: result.ignored,
      };
    },

    async commit(
      session: Session,
      input: { entity: CsvImportEntity; file: string },
    ): Promise<Output<'imports.commit'>> {
      return staging.use(session.user.id, input.file, async (file) => {
        const result = run(session, input.entity, file.path, true, file.fileName);
        if (result.badRows > 0) {
          const fields: Record<string, string> = {};
          for (const error of result.errors.slice(0, 20)) {
            fields[`row ${error.row}: ${error.field}`] = error.message;
          }
          throw new AppError(
            'VALIDATION',
            `Nothing was imported: ${result.badRows} of ${result.rows} rows have errors.`,
            fields,
          );
        }
        if (result.rows === 0) {
          throw new AppError('VALIDATION', 'The file has no rows to import.', { file: 'Empty' });
        }
        return { entity: input.entity, imported: result.rows };
      });
    },
  };
}
