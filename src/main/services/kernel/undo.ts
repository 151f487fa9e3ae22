import { and, desc, eq, sql } from 'drizzle-orm';
import type { AuditAction } from '../../../shared/domain/auditAction';
import { AppError } from '../../../shared/errors';
import { auditLog } from '../../db/schema';
import type { WriteContext } from './store';

/** How long after a status change its author may still take it back. */
export const UNDO_WINDOW_MS = 60_000;

interface UndoTarget {
  readonly entity: string;
  readonly entityId: string;
  readonly actor: string;
  /** The write being taken back. */
  readonly action: AuditAction;
  /** The changed field whose earlier value the undo restores. */
  readonly field: string;
  /** The value asked for: it must be the one the change replaced. */
  readonly back: unknown;
}

/**
 * Allows a step backwards that the forward-only rules refuse, but only as the undo of the
 * caller's own change that is still the record's latest and recent: anything since (someone
 * else's edit, another move) and the undo is refused, so it never overwrites other work.
 * Returns the undone change's fields, before and after.
 */
export function assertUndoable(
  w: WriteContext,
  target: UndoTarget,
): Record<string, [unknown, unknown]> {
  const latest = w.tx
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, target.entity), eq(auditLog.entityId, target.entityId)))
    .orderBy(desc(auditLog.at), desc(sql`rowid`))
    .limit(1)
    .get();
  const changes = latest?.changes
    ? (JSON.parse(latest.changes) as Record<string, [unknown, unknown]>)
    : {};
  const undoable =
    latest !== undefined &&
    latest.actor === target.actor &&
    latest.action === target.action &&
    Date.parse(w.now) - Date.parse(latest.at) <= UNDO_WINDOW_MS &&
    changes[target.field]?.[0] === target.back;
  if (!undoable) {
    throw new AppError(
      'CONFLICT',
      'This can no longer be undone: it changed since, or the moment to undo has passed.',
      { undo: 'Only your own latest change, within a minute, can be undone.' },
    );
  }
  return changes;
}
