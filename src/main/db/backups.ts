import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { BACKUP_NAME, type Backup, type BackupKind } from '../../shared/domain/maintenance';
import { appliedMigrationCount, journalLength } from './migrationState';

export const BACKUPS_FOLDER = 'backups';
/** Newest copies kept of each kind; older ones are deleted after each new one. */
export const BACKUPS_KEPT_PER_KIND = 7;

const stampOf = (at: Date): string => at.toISOString().replace(/[-:.]/g, '');

function createdAtOf(stamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(stamp);
  if (!m) return stamp;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
}

export function backupsDir(dataDir: string): string {
  return join(dataDir, BACKUPS_FOLDER);
}

export function backupName(kind: BackupKind, at: Date): string {
  return `greenroom-${kind}-${stampOf(at)}.sqlite`;
}

/** Two copies in the same millisecond (or a clock set back) must not overwrite each other. */
function freshName(dir: string, kind: BackupKind, at: Date): string {
  let stamp = at.getTime();
  while (existsSync(join(dir, backupName(kind, new Date(stamp))))) stamp += 1;
  return backupName(kind, new Date(stamp));
}

/** Newest first. Files that do not follow the naming scheme are not backups and are ignored. */
export function listBackups(dir: string): Backup[] {
  if (!existsSync(dir)) return [];
  const items: Backup[] = [];
  for (const name of readdirSync(dir)) {
    const match = BACKUP_NAME.exec(name);
    if (!match) continue;
    items.push({
      name,
      kind: match[1] as BackupKind,
      createdAt: createdAtOf(match[2]!),
      size: statSync(join(dir, name)).size,
    });
  }
  return items.sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name),
  );
}

export function rotateBackups(dir: string, kind: BackupKind, keep = BACKUPS_KEPT_PER_KIND): void {
  for (const old of listBackups(dir)
    .filter((item) => item.kind === kind)
    .slice(keep)) {
    rmSync(join(dir, old.name), { force: true });
  }
}

/**
 * A single self-contained file: the copy is switched out of WAL so it needs no -wal or -shm
 * beside it, then moved into place under its final name only when complete.
 */
function finish(partial: string, target: string): void {
  const copy = new Database(partial);
  copy.pragma('journal_mode = delete');
  copy.close();
  renameSync(partial, target);
}

/**
 * SQLite's online backup API: a consistent snapshot even while this connection keeps writing
 * (the copy restarts on the pages that changed).
 */
export async function takeBackup(
  sqlite: Database.Database,
  dir: string,
  kind: BackupKind,
  at: Date,
): Promise<Backup> {
  mkdirSync(dir, { recursive: true });
  const name = freshName(dir, kind, at);
  const partial = join(dir, `${name}.partial`);
  rmSync(partial, { force: true });
  try {
    await sqlite.backup(partial);
    finish(partial, join(dir, name));
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  rotateBackups(dir, kind);
  return listBackups(dir).find((item) => item.name === name)!;
}

/** The synchronous variant for the moment before migrations run, when nothing else is writing. */
export function takeBackupNow(
  sqlite: Database.Database,
  dir: string,
  kind: BackupKind,
  at: Date,
): string {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, freshName(dir, kind, at));
  sqlite.prepare('VACUUM INTO ?').run(target);
  rotateBackups(dir, kind);
  return target;
}

export interface InspectedBackup {
  readonly file: string;
  /** Migrations the copy lacks compared with this version of the app. */
  readonly behindBy: number;
}

/**
 * Whether a backup may replace the workspace: it opens, passes integrity_check and
 * foreign_key_check, and was written by this version of the schema or an older one.
 */
export function inspectBackup(dir: string, name: string, migrationsDir: string): InspectedBackup {
  if (!BACKUP_NAME.test(name)) {
    throw new AppError('VALIDATION', 'That is not a backup of this workspace.', {
      name: 'Not a backup of this workspace',
    });
  }
  const file = join(dir, name);
  if (!existsSync(file)) throw new AppError('NOT_FOUND', `There is no backup named ${name}.`);
  let copy: Database.Database | null = null;
  try {
    copy = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw unusable(name, `integrity check: ${String(integrity)}`);
    const orphans = (copy.pragma('foreign_key_check') as unknown[]).length;
    if (orphans > 0) throw unusable(name, `${orphans} rows point at rows that do not exist`);
    const applied = appliedMigrationCount(copy);
    const latest = journalLength(migrationsDir);
    if (applied === 0) throw unusable(name, 'it holds no Greenroom workspace');
    if (applied > latest) {
      throw unusable(name, 'it was made by a newer version of Greenroom; update the app first');
    }
    return { file, behindBy: latest - applied };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unusable(name, error instanceof Error ? error.message : String(error));
  } finally {
    copy?.close();
  }
}

function unusable(name: string, reason: string): AppError {
  return new AppError(
    'VALIDATION',
    `The backup ${name} cannot be restored (${reason}). Nothing was changed.`,
    { name: reason },
  );
}
