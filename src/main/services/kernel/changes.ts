import type { ChangeEvent } from '../../../shared/api';
import { canSeeNote, scopeOf, teamManagerOf } from '../../../shared/access';
import type { NoteVisibility } from '../../../shared/domain/reviewNote';
import type { Role } from '../../../shared/domain/vocabulary';

/**
 * A change plus the row scope needed to decide who may see it. `teamManager` is set for rows
 * that hang off a talent (the talent's manager); `owner` for rows owned by one user.
 */
export interface ScopedChange extends ChangeEvent {
  readonly teamManager?: string;
  readonly owner?: string;
  /** For review notes: only the note's audience hears about it. */
  readonly note?: { readonly visibility: NoteVisibility; readonly author: string };
}

export type ChangeListener = (change: ScopedChange) => void;

/** Fan-out of committed changes. Emitted only after the transaction that made them commits. */
export class ChangeBus {
  private readonly listeners = new Set<ChangeListener>();

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(change: ScopedChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        console.error('change listener failed', error);
      }
    }
  }
}

/** The same row rules as the lists: a session hears only about rows it could read. */
export function isVisibleChange(
  user: { id: string; role: Role; manager: string | null },
  change: ScopedChange,
): boolean {
  const scope = scopeOf(user.role, change.entity, 'read');
  if (change.note && !canSeeNote(user, change.note)) return false;
  if (scope === 'all') return true;
  if (scope === 'team')
    return change.teamManager !== undefined && change.teamManager === teamManagerOf(user);
  if (scope === 'own') return change.owner === user.id;
  return false;
}

/** What crosses the bridge: the scope fields stay in main. */
export function publicChange(change: ScopedChange): ChangeEvent {
  return { entity: change.entity, id: change.id, action: change.action, at: change.at };
}
