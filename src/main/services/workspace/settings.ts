import { eq } from 'drizzle-orm';
import type { Input, Output } from '../../../shared/api';
import type { WorkspaceSettings } from '../../../shared/domain/settings';
import { AppError } from '../../../shared/errors';
import { settings } from '../../db/schema';
import type { Session } from '../kernel/session';
import { diff, type Store } from '../kernel/store';

const ROW_ID = 'workspace';

/** Workspace settings, read on every session check: cached, and refreshed by every update. */
export function createSettingsService(store: Store) {
  const { db } = store;
  let cached: WorkspaceSettings | null = null;

  function current(): WorkspaceSettings {
    if (cached) return cached;
    let row = db.select().from(settings).where(eq(settings.id, ROW_ID)).get();
    if (!row) {
      const now = store.now();
      row =
        db
          .insert(settings)
          .values({ id: ROW_ID, createdAt: now, updatedAt: now })
          .onConflictDoNothing()
          .returning()
          .get() ?? db.select().from(settings).where(eq(settings.id, ROW_ID)).get();
    }
    if (!row) throw new AppError('INTERNAL', 'The workspace settings could not be read.');
    cached = row;
    return row;
  }

  return {
    current,
    /** After a restore the row on disk is another one. */
    forget(): void {
      cached = null;
    },
    get(_session: Session): Output<'settings.get'> {
      return current();
    },
    update(session: Session, input: Input<'settings.update'>): Output<'settings.update'> {
      const before = current();
      if (input.version !== before.version) {
        throw new AppError(
          'CONFLICT',
          'Someone else changed the settings since you opened them. Reload and try again.',
        );
      }
      const updated = store.write(session.user.id, (w) => {
        const row = w.tx
          .update(settings)
          .set({ ...input.patch, updatedAt: w.now, version: before.version + 1 })
          .where(eq(settings.id, ROW_ID))
          .returning()
          .get();
        if (!row) throw new AppError('INTERNAL', 'The workspace settings could not be saved.');
        w.audit({
          action: 'settings.update',
          entity: 'settings',
          entityId: ROW_ID,
          changes: diff(before, row),
        });
        w.emit({ entity: 'settings', id: ROW_ID, action: 'updated' });
        return row;
      });
      cached = updated;
      return updated;
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
