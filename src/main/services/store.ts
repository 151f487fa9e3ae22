import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { Db } from '../db/open';
import { auditLog } from '../db/schema';
import type { ChangeBus, ScopedChange } from './changes';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface AuditEntry {
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly changes?: Record<string, unknown> | null;
}

export interface WriteContext {
  readonly tx: Tx;
  /** One timestamp for the whole write, so a row and its audit entry agree. */
  readonly now: string;
  audit(entry: AuditEntry): void;
  emit(change: Omit<ScopedChange, 'at'>): void;
}

export interface Store {
  readonly db: Db;
  /**
   * Runs `work` in one IMMEDIATE transaction together with its audit rows; events go out only
   * after the commit. Throwing anywhere rolls everything back.
   */
  write<T>(actor: string | null, work: (w: WriteContext) => T): T;
  now(): string;
  /**
   * Refuses every write (and every call, through the router) until the returned function runs:
   * a restore replaces the file underneath this connection.
   */
  pause(reason: string): () => void;
  /** Throws CONFLICT while paused. */
  assertOpen(): void;
}

export function newId(): string {
  return randomUUID();
}

export function createStore(db: Db, bus: ChangeBus, clock: () => Date = () => new Date()): Store {
  const now = (): string => clock().toISOString();
  let paused: string | null = null;
  const assertOpen = (): void => {
    if (paused !== null) throw new AppError('CONFLICT', paused);
  };
  return {
    db,
    now,
    assertOpen,
    pause(reason) {
      if (paused !== null) throw new AppError('CONFLICT', paused);
      paused = reason;
      return () => {
        paused = null;
      };
    },
    write<T>(actor: string | null, work: (w: WriteContext) => T): T {
      assertOpen();
      const pending: ScopedChange[] = [];
      const at = now();
      const result = db.transaction(
        (tx) =>
          work({
            tx,
            now: at,
            audit: (entry) => {
              tx.insert(auditLog)
                .values({
                  id: newId(),
                  at,
                  actor,
                  action: entry.action,
                  entity: entry.entity,
                  entityId: entry.entityId,
                  changes: entry.changes ? JSON.stringify(entry.changes) : null,
                })
                .run();
            },
            emit: (change) => pending.push({ ...change, at }),
          }),
        { behavior: 'immediate' },
      );
      for (const change of pending) bus.publish(change);
      return result;
    },
  };
}

/** The fields that differ, as `{ field: [before, after] }`, for the audit trail. */
export function diff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after)) {
    if (key === 'updatedAt' || key === 'version') continue;
    if (before[key] !== after[key]) changes[key] = [before[key] ?? null, after[key] ?? null];
  }
  return changes;
}
