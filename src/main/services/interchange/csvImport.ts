import { setImmediate as nextTurn } from 'node:timers/promises';
import { can } from '../../../shared/access';
import type { Output } from '../../../shared/api';
import {
  CSV_DELIMITER_NAMES,
  type CsvImportEntity,
  type ImportPreview,
  type ImportRowError,
} from '../../../shared/domain/interchange';
import type { Job } from '../../../shared/domain/job';
import { AppError } from '../../../shared/errors';
import { JobCancelled, type JobControl, type Jobs } from '../kernel/jobs';
import type { Session } from '../kernel/session';
import type { Store, WriteContext } from '../kernel/store';
import type { CsvDelimiter } from '../workspace/files/csv';
import type { Staging } from '../workspace/files/staging';
import { IMPORT_COLUMNS, ROW_KEY_COLUMNS, type PlannedRow } from './csvImportRows';
import { readPlannedRows } from './csvImportReader';
import { rule } from '../../../shared/fieldIssue';

type Call = (session: Session, input: never) => unknown;
export interface ImportCalls {
  readonly create: { [E in CsvImportEntity]: Call };
  /** Each entity's edit path (growth logs have none). */
  readonly update: { [E in Exclude<CsvImportEntity, 'growthLogs'>]: Call };
}

const MAX_CSV_BYTES = 200 * 1024 * 1024;
const MAX_LISTED_ERRORS = 200;
const SAMPLE_ROWS = 5;
/**
 * The check writes each row for real and rolls it back, in slices this long: between slices
 * everyone else's calls are answered.
 */
const SLICE_MS = 10;
/** A finished check waits this long for imports.preview to read it. */
const CHECK_KEPT_MS = 10 * 60 * 1000;

class RolledBack extends Error {}

/** What a run found, row by row, kept small however large the file. */
class Tally {
  columns: string[] = [];
  delimiter: CsvDelimiter = ',';
  rows = 0;
  badRows = 0;
  creates = 0;
  updates = 0;
  errorCount = 0;
  readonly errors: ImportRowError[] = [];
  readonly sample: Record<string, unknown>[] = [];
  /** Records an update row names, and the row that named it first. */
  readonly updated = new Map<string, number>();

  fail(errors: ImportRowError[]): void {
    this.badRows += 1;
    this.errorCount += errors.length;
    for (const error of errors) {
      if (this.errors.length < MAX_LISTED_ERRORS) this.errors.push(error);
    }
  }
}

/**
 * CSV imports. The file is read in a worker thread (csvImportWorker.ts: parsing, schema checks,
 * references); each row then goes through its entity's create or update call, exactly as an edit
 * on screen would, with its access and version rules. The check (imports.check, a job with
 * progress and cancel; imports.preview reads what it found) writes the rows in short slices that
 * are rolled back, so the rest of the app keeps answering. The import itself (imports.commit)
 * writes every row in one transaction: all rows or none, audited.
 */
export function createCsvImport(store: Store, staging: Staging, jobs: Jobs, calls: ImportCalls) {
  const databaseFile = store.db.$client.name;
  const checks = new Map<string, { job: Job; result: Promise<ImportPreview> }>();
  const keyOf = (session: Session, input: { entity: CsvImportEntity; file: string }) =>
    `${session.user.id}\u0000${input.entity}\u0000${input.file}`;

  function assertMayImport(session: Session, entity: CsvImportEntity): void {
    if (!can(session.user.role, entity, 'create')) {
      throw new AppError('FORBIDDEN', 'Your role does not allow this.');
    }
  }

  function rowErrors(error: unknown, row: number): ImportRowError[] {
    if (error instanceof AppError) {
      const fields = Object.entries(error.fields ?? {});
      if (fields.length) return fields.map(([field, message]) => ({ row, field, message }));
      // An id that names nothing the caller may change: the row's id is what is wrong.
      const field = error.code === 'NOT_FOUND' ? 'id' : '_';
      return [{ row, field, message: error.message }];
    }
    throw error;
  }

  /** Writes one planned row inside the open transaction (under a savepoint), or says why not. */
  function apply(
    w: WriteContext,
    session: Session,
    entity: CsvImportEntity,
    planned: PlannedRow,
    tally: Tally,
  ): void {
    tally.rows += 1;
    if ('errors' in planned) return tally.fail(planned.errors);
    const { row } = planned;
    if (planned.action === 'update') {
      if (!can(session.user.role, entity, 'update')) {
        return tally.fail([
          { row, field: 'id', message: 'Your role may not change these records' },
        ]);
      }
      const first = tally.updated.get(planned.input.id);
      if (first !== undefined) {
        return tally.fail([{ row, field: 'id', message: `Row ${first} changes this record too` }]);
      }
      tally.updated.set(planned.input.id, row);
    }
    try {
      const call = (
        planned.action === 'update'
          ? calls.update[entity as keyof ImportCalls['update']]
          : calls.create[entity]
      ) as (s: Session, input: unknown) => unknown;
      w.savepoint(() => call(session, planned.input));
    } catch (error) {
      return tally.fail(rowErrors(error, row));
    }
    if (planned.action === 'update') tally.updates += 1;
    else tally.creates += 1;
    if (tally.sample.length < SAMPLE_ROWS) tally.sample.push(planned.input);
  }

  function reader(entity: CsvImportEntity, path: string, tally: Tally) {
    return (rows: (planned: PlannedRow[], bytes: number, size: number) => Promise<void> | void) =>
      readPlannedRows(
        { path, entity, databaseFile, maxBytes: MAX_CSV_BYTES },
        {
          header(columns, delimiter) {
            tally.columns = columns;
            tally.delimiter = delimiter;
          },
          rows,
        },
      );
  }

  /** The dry run: every row written and rolled back, a slice at a time. */
  async function check(
    session: Session,
    entity: CsvImportEntity,
    path: string,
    control: JobControl,
  ): Promise<ImportPreview> {
    const tally = new Tally();
    await reader(
      entity,
      path,
      tally,
    )(async (planned, bytes, size) => {
      let next = 0;
      while (next < planned.length) {
        const started = performance.now();
        try {
          store.write(session.user.id, (w) => {
            while (next < planned.length && performance.now() - started < SLICE_MS) {
              apply(w, session, entity, planned[next]!, tally);
              next += 1;
            }
            throw new RolledBack();
          });
        } catch (error) {
          if (!(error instanceof RolledBack)) throw error;
        }
        await nextTurn();
      }
      control.step(bytes, size);
    });
    return previewOf(entity, tally);
  }

  function previewOf(entity: CsvImportEntity, tally: Tally): ImportPreview {
    const known = IMPORT_COLUMNS[entity];
    const keys: readonly string[] = ROW_KEY_COLUMNS;
    return {
      entity,
      columns: tally.columns,
      delimiter: CSV_DELIMITER_NAMES[tally.delimiter],
      rows: tally.rows,
      valid: tally.rows - tally.badRows,
      creates: tally.creates,
      updates: tally.updates,
      errors: tally.errors,
      errorCount: tally.errorCount,
      sample: tally.sample,
      ignored: tally.columns.filter((column) => !(column in known) && !keys.includes(column)),
    };
  }

  function startCheck(session: Session, input: { entity: CsvImportEntity; file: string }) {
    assertMayImport(session, input.entity);
    const file = staging.peek(session.user.id, input.file);
    const key = keyOf(session, input);
    let settle!: { resolve: (p: ImportPreview) => void; reject: (e: unknown) => void };
    const result = new Promise<ImportPreview>((resolve, reject) => {
      settle = { resolve, reject };
    });
    // Read by imports.preview; a check nobody reads must not be an unhandled rejection.
    result.catch(() => undefined);
    const job = jobs.start(session, 'imports.preview', async (control) => {
      try {
        settle.resolve(await check(session, input.entity, file.path, control));
        return null;
      } catch (error) {
        settle.reject(error);
        if (checks.get(key)?.job === job) checks.delete(key);
        throw error;
      } finally {
        setTimeout(() => {
          if (checks.get(key)?.job === job) checks.delete(key);
        }, CHECK_KEPT_MS).unref();
      }
    });
    const entry = { job, result };
    checks.set(key, entry);
    return entry;
  }

  return {
    /** Starts checking a staged file: follow it with jobs.get, stop it with jobs.cancel. */
    check(session: Session, input: { entity: CsvImportEntity; file: string }): Job {
      return startCheck(session, input).job;
    },

    /** What the check of this file found: its result if one ran, else a check run now. */
    async preview(
      session: Session,
      input: { entity: CsvImportEntity; file: string },
    ): Promise<ImportPreview> {
      const key = keyOf(session, input);
      const entry = checks.get(key) ?? startCheck(session, input);
      try {
        return await entry.result;
      } catch (error) {
        if (error instanceof JobCancelled) {
          throw new AppError('CONFLICT', 'The check of this file was cancelled.');
        }
        throw error;
      } finally {
        // Read once: a later preview checks the file against the workspace as it is then.
        if (checks.get(key) === entry) checks.delete(key);
      }
    },

    async commit(
      session: Session,
      input: { entity: CsvImportEntity; file: string },
    ): Promise<Output<'imports.commit'>> {
      assertMayImport(session, input.entity);
      return staging.use(session.user.id, input.file, async (file) => {
        const tally = new Tally();
        const planned: PlannedRow[] = [];
        await reader(
          input.entity,
          file.path,
          tally,
        )((rows) => {
          for (const row of rows) planned.push(row);
        });
        try {
          store.write(session.user.id, (w) => {
            for (const row of planned) apply(w, session, input.entity, row, tally);
            if (tally.badRows > 0) throw new RolledBack();
            w.audit({
              action: 'imports.commit',
              entity: input.entity,
              entityId: null,
              changes: {
                rows: tally.rows,
                created: tally.creates,
                updated: tally.updates,
                fileName: file.fileName,
              },
            });
          });
        } catch (error) {
          if (!(error instanceof RolledBack)) throw error;
        }
        if (tally.badRows > 0) {
          const fields: Record<string, string> = {};
          for (const error of tally.errors.slice(0, 20)) {
            fields[`row ${error.row}: ${error.field}`] = error.message;
          }
          throw new AppError(
            'VALIDATION',
            `Nothing was imported: ${tally.badRows} of ${tally.rows} rows have errors.`,
            fields,
          );
        }
        if (tally.rows === 0) {
          throw new AppError(
            'VALIDATION',
            'The file has no rows to import.',
            { file: 'Empty' },
            { file: rule('no_rows') },
          );
        }
        return { entity: input.entity, imported: tally.rows, updated: tally.updates };
      });
    },
  };
}
