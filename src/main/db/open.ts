import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { AppError } from '../../shared/errors';
import { BACKUPS_FOLDER, takeBackupNow } from './backups';
import { appliedMigrationCount, journalLength } from './migrationState';
import { refreshPlannerStats } from './plannerStats';
import * as schema from './schema';

/** The drizzle database; `$client` is the one better-sqlite3 connection under it. */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenedDatabase {
  readonly sqlite: Database.Database;
  readonly db: Db;
  /** Path of the copy taken before migrations ran, when there was something to copy. */
  readonly backupFile: string | null;
  close(): void;
}

/**
 * Every pragma is set explicitly: better-sqlite3's build ships its own defaults and a test
 * reads each of them back.
 */
export const PRAGMAS = {
  journal_mode: 'wal',
  synchronous: 2, // FULL: an acknowledged commit survives power loss
  foreign_keys: 1,
  busy_timeout: 5000,
  trusted_schema: 0,
} as const;

function damaged(file: string, detail: string): AppError {
  return new AppError(
    'INTERNAL',
    `The workspace database ${file} is damaged (${detail}). Greenroom has not changed it. ` +
      'Restore it from a backup copy (in the backups folder beside it), or move it away to start a new workspace.',
  );
}

export function openDatabase(file: string, migrationsDir: string): OpenedDatabase {
  const existed = existsSync(file) && statSync(file).size > 0;
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file);
    sqlite.pragma(`busy_timeout = ${PRAGMAS.busy_timeout}`);
    if (existed) {
      const check = sqlite.pragma('quick_check', { simple: true });
      if (check !== 'ok') {
        sqlite.close();
        throw damaged(file, String(check));
      }
    }
    sqlite.pragma(`journal_mode = ${PRAGMAS.journal_mode}`);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw damaged(file, error instanceof Error ? error.message : String(error));
  }
  sqlite.pragma(`synchronous = ${PRAGMAS.synchronous}`);
  sqlite.pragma(`foreign_keys = ${PRAGMAS.foreign_keys}`);
  sqlite.pragma(`trusted_schema = ${PRAGMAS.trusted_schema}`);

  const db = drizzle({ client: sqlite, schema, casing: 'snake_case' });

  let backupFile: string | null = null;
  if (journalLength(migrationsDir) > appliedMigrationCount(sqlite)) {
    if (existed) {
      backupFile = takeBackupNow(
        sqlite,
        join(dirname(file), BACKUPS_FOLDER),
        'pre-migration',
        new Date(),
      );
    }
    // Migrations create triggers; they run with foreign keys on, all in one transaction.
    try {
      migrate(db, { migrationsFolder: migrationsDir });
    } catch (error) {
      sqlite.close();
      const reason = error instanceof Error ? (error.cause ?? error) : error;
      throw new AppError(
        'INTERNAL',
        `Upgrading the workspace database ${file} failed (${reason instanceof Error ? reason.message : String(reason)}). ` +
          'The upgrade was rolled back and the file is as it was' +
          (backupFile ? `; a copy taken just before is at ${backupFile}.` : '.'),
      );
    }
  }

  refreshPlannerStats(sqlite, 'open');

  return {
    sqlite,
    db,
    backupFile,
    close: () => sqlite.close(),
  };
}
