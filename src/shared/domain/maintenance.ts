import { z } from 'zod';

/** Why a copy of the workspace database was taken; part of its file name. */
export const BACKUP_KINDS = ['scheduled', 'manual', 'pre-migration', 'pre-restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/**
 * A backup is named, never addressed by path: `greenroom-<kind>-<UTC stamp>.sqlite` in the
 * workspace's backups folder. The pattern is the whole validation, so no input reaches a path.
 */
export const BACKUP_NAME = new RegExp(
  `^greenroom-(${BACKUP_KINDS.join('|')})-(\\d{8}T\\d{9}Z)\\.sqlite$`,
);

export const backup = z.object({
  name: z.string(),
  kind: z.enum(BACKUP_KINDS),
  createdAt: z.string(),
  size: z.number().int(),
});
export type Backup = z.infer<typeof backup>;

export const backupList = z.object({ items: z.array(backup) });

export const backupRestore = z.strictObject({
  name: z.string().regex(BACKUP_NAME, 'Not a backup of this workspace'),
});

export const restored = z.object({
  restoredFrom: z.string(),
  /** The workspace as it was just before, so a restore can itself be undone. */
  safetyCopy: z.string(),
  /** Migrations applied because the backup came from an older version. */
  upgradedBy: z.number().int(),
});

export const databaseCheck = z.object({
  ok: z.boolean(),
  /** `["ok"]` or SQLite's list of problems. */
  integrity: z.array(z.string()),
  foreignKeys: z.array(
    z.object({ table: z.string(), rowid: z.number().nullable(), parent: z.string() }),
  ),
  checkedAt: z.string(),
  durationMs: z.number(),
});
export type DatabaseCheck = z.infer<typeof databaseCheck>;
