import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { and, eq, like, not } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Input, Output } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { Backup } from '../../../shared/domain/maintenance';
import { backupsDir, inspectBackup, listBackups, takeBackup } from '../../db/backups';
import { checkDatabase } from '../../db/integrity';
import { appliedMigrationCount } from '../../db/migrationState';
import type { Db } from '../../db/open';
import { media as mediaTable, sessions, users } from '../../db/schema';
import type { MediaStore } from './files/media';
import { saveExport } from './files/savedExport';
import type { Session } from '../kernel/session';
import type { Store } from '../kernel/store';
import { writeZip, type ZipEntry } from './files/zipFile';
import type { AuditAction } from '../../../shared/domain/auditAction';

/** A scheduled copy is taken when the newest one is older than this. */
export const SCHEDULED_BACKUP_EVERY_MS = 24 * 60 * 60 * 1000;
const WORKSPACE_EXPORT_PREFIX = 'greenroom-workspace-';
const RESTORING = 'The workspace is being restored from a backup. Try again in a moment.';

export interface MaintenanceOptions {
  readonly store: Store;
  readonly db: Db;
  readonly sqlite: Database.Database;
  readonly dataDir: string;
  readonly databaseFile: string;
  readonly migrationsDir: string;
  readonly media: MediaStore;
  readonly clock: () => Date;
  /** In-memory state that mirrors the database (settings cache, queues) starts over. */
  readonly afterRestore: () => void;
}

/**
 * Backups, restore, the on-demand database check and the full workspace export. One operation
 * at a time: a restore must not overlap a backup of the file it replaces.
 */
export function createMaintenanceService(options: MaintenanceOptions) {
  const { store, db, sqlite, media, clock } = options;
  const dir = backupsDir(options.dataDir);
  let running: string | null = null;

  async function exclusive<T>(what: string, work: () => Promise<T>): Promise<T> {
    if (running) {
      throw new AppError('CONFLICT', `${running} is already running. Try again when it is done.`);
    }
    running = what;
    try {
      return await work();
    } finally {
      running = null;
    }
  }

  function audited(
    actor: string | null,
    action: AuditAction,
    changes: Record<string, unknown>,
  ): void {
    store.write(actor, (w) => {
      w.audit({ action, entity: 'settings', entityId: 'workspace', changes });
    });
  }

  async function backup(actor: string | null, kind: 'manual' | 'scheduled'): Promise<Backup> {
    const taken = await takeBackup(sqlite, dir, kind, clock());
    audited(actor, 'maintenance.backup', { name: taken.name, kind, size: taken.size });
    return taken;
  }

  /** Media files in the store, except earlier workspace exports (an export never nests them). */
  function mediaEntries(): ZipEntry[] {
    const rows = db
      .select({ id: mediaTable.id, sha256: mediaTable.sha256 })
      .from(mediaTable)
      .where(
        not(
          and(
            eq(mediaTable.contentType, 'application/zip'),
            like(mediaTable.fileName, `${WORKSPACE_EXPORT_PREFIX}%`),
          )!,
        ),
      )
      .all();
    const seen = new Set<string>();
    const entries: ZipEntry[] = [];
    for (const row of rows) {
      if (seen.has(row.sha256) || !media.hasBytes(row.sha256)) continue;
      seen.add(row.sha256);
      entries.push({
        name: `media/${row.sha256.slice(0, 2)}/${row.sha256}`,
        file: media.locate(row.id).path,
        compress: false,
      });
    }
    return entries;
  }

  return {
    check(_session: Session): Output<'maintenance.check'> {
      return checkDatabase(sqlite, clock);
    },

    list(_session: Session): Output<'maintenance.backups'> {
      return { items: listBackups(dir) };
    },

    backupNow(session: Session): Promise<Output<'maintenance.backupNow'>> {
      return exclusive('A backup', () => backup(session.user.id, 'manual'));
    },

    /** Takes the daily copy when it is due; main calls it at start and every hour. */
    async runScheduled(): Promise<Backup | null> {
      if (running) return null;
      const newest = listBackups(dir).find((item) => item.kind === 'scheduled');
      if (newest && clock().getTime() - Date.parse(newest.createdAt) < SCHEDULED_BACKUP_EVERY_MS) {
        return null;
      }
      return exclusive('A backup', () => backup(null, 'scheduled'));
    },

    restore(
      session: Session,
      input: Input<'maintenance.restore'>,
    ): Promise<Output<'maintenance.restore'>> {
      return exclusive('A restore', async () => {
        const inspected = inspectBackup(dir, input.name, options.migrationsDir);
        // The workspace as it is now, so the restore itself can be undone.
        const safetyCopy = await takeBackup(sqlite, dir, 'pre-restore', clock());
        const resume = store.pause(RESTORING);
        try {
          const source = new Database(inspected.file, { readonly: true, fileMustExist: true });
          try {
            // The backup API replaces the live file page by page in one write transaction on
            // it: a failure part-way leaves the workspace as it was.
            await source.backup(options.databaseFile, { progress: () => 0x7fffffff });
          } finally {
            source.close();
          }
          if (inspected.behindBy > 0) migrate(db, { migrationsFolder: options.migrationsDir });
        } finally {
          resume();
        }
        const actorExists = !!db
          .select({ id: users.id })
          .from(users)
          .where(eq(users.id, session.user.id))
          .get();
        store.write(actorExists ? session.user.id : null, (w) => {
          // Sessions in the copy are from its own time: everyone signs in again.
          w.tx.delete(sessions).run();
          w.audit({
            action: 'maintenance.restore',
            entity: 'settings',
            entityId: 'workspace',
            changes: {
              restoredFrom: input.name,
              safetyCopy: safetyCopy.name,
              by: session.user.username,
            },
          });
        });
        options.afterRestore();
        return {
          restoredFrom: input.name,
          safetyCopy: safetyCopy.name,
          upgradedBy: inspected.behindBy,
        };
      });
    },

    exportWorkspace(session: Session): Promise<Output<'maintenance.exportWorkspace'>> {
      return exclusive('An export', async () => {
        const at = clock();
        const work = join(options.dataDir, 'staging', `workspace-export-${at.getTime()}`);
        mkdirSync(work, { recursive: true });
        try {
          const snapshot = join(work, 'greenroom.sqlite');
          await sqlite.backup(snapshot);
          const files = mediaEntries();
          const manifest = {
            app: 'Greenroom',
            kind: 'workspace export',
            exportedAt: at.toISOString(),
            schemaVersion: appliedMigrationCount(sqlite),
            database: 'greenroom.sqlite',
            mediaFiles: files.length,
          };
          const zipPath = join(work, 'workspace.zip');
          await writeZip(zipPath, [
            { name: 'manifest.json', bytes: Buffer.from(JSON.stringify(manifest, null, 2)) },
            { name: 'greenroom.sqlite', file: snapshot },
            ...files,
          ]);
          const stored = await media.ingest(zipPath);
          const fileName = `${WORKSPACE_EXPORT_PREFIX}${at.toISOString().slice(0, 10)}.zip`;
          return saveExport(store, media, session, stored, {
            fileName,
            contentType: 'application/zip',
            audit: {
              action: 'maintenance.exportWorkspace',
              entity: 'settings',
              entityId: 'workspace',
              changes: { fileName, mediaFiles: files.length, size: stored.size },
            },
          });
        } finally {
          rmSync(work, { recursive: true, force: true });
        }
      });
    },
  };
}

export type MaintenanceService = ReturnType<typeof createMaintenanceService>;
