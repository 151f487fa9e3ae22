import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { sql } from 'drizzle-orm';
import type { AuditAction } from '../../../shared/domain/auditAction';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../db/open';
import { auditLog } from '../../db/schema';
import type { ChangeBus, ScopedChange } from './changes';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface AuditEntry {
  readonly action: AuditAction;
  readonly entity: string;
  readonly entityId: string | null;
  readonly changes?: Record<string, unknown> | null;
}

export interface WriteContext {
  readonly tx: Tx;
  /**
   * The connection itself, for statements prepared once per database: they run on the one
   * connection, so inside this write they see (and make) this write's rows.
   */
  readonly db: Db;
  /** One timestamp for the whole write, so a row and its audit entry agree. */
  readonly now: string;
  audit(entry: AuditEntry): void;
  emit(change: Omit<ScopedChange, 'at'>): void;
  /** Runs `step` so that if it throws, its writes and events are undone and the rest stays. */
  savepoint<T>(step: () => T): T;
}

interface OpenWrite {
  tx: Tx;
  readonly at: string;
  readonly pending: ScopedChange[];
}

export interface Store {
  readonly db: Db;
  /**
   * Runs `work` in one IMMEDIATE transaction together with its audit rows; events go out only
   * after the commit. Throwing anywhere rolls everything back.
   */
  write<T>(actor: string | null, work: (w: WriteContext) => T): T;
  now(): string;
  /** The same clock in milliseconds, for comparisons that need no ISO text. */
  nowMs(): number;
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
  let open: OpenWrite | null = null;
  // Every write adds audit rows: the statement is built and prepared once, not per row.
  const p = (name: string) => sql.placeholder(name);
  const insertAudit = db
    .insert(auditLog)
    .values({
      id: p('id'),
      at: p('at'),
      actor: p('actor'),
      action: p('action'),
      entity: p('entity'),
      entityId: p('entityId'),
      changes: p('changes'),
    })
    .prepare();
  const contextFor = (scope: OpenWrite, actor: string | null): WriteContext => ({
    tx: scope.tx,
    db,
    now: scope.at,
    audit: (entry) => {
      insertAudit.run({
        id: newId(),
        at: scope.at,
        actor,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId,
        changes: entry.changes ? JSON.stringify(entry.changes) : null,
      });
    },
    emit: (change) => scope.pending.push({ ...change, at: scope.at }),
    savepoint: (step) => {
      const mark = scope.pending.length;
      try {
        // better-sqlite3's own nesting: a SAVEPOINT with statements it keeps prepared.
        return db.$client.transaction(step)();
      } catch (error) {
        scope.pending.length = mark;
        throw error;
      }
    },
  });
  const assertOpen = (): void => {
    if (paused !== null) throw new AppError('CONFLICT', paused);
  };
  return {
    db,
    now,
    nowMs: () => clock().getTime(),
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
      // A write inside a write (an import creating rows through the services) joins the
      // outer transaction: one commit, and events only once it is made.
      if (open) return work(contextFor(open, actor));
      const scope: OpenWrite = { tx: null as unknown as Tx, at: now(), pending: [] };
      const result = db.transaction(
        (tx) => {
          scope.tx = tx;
          open = scope;
          try {
            return work(contextFor(scope, actor));
          } finally {
            open = null;
          }
        },
        { behavior: 'immediate' },
      );
      for (const change of scope.pending) bus.publish(change);
      return result;
    },
  };
}

/**
 * The fields that differ, as `{ field: [before, after] }`, for the audit trail. Only the record's
 * own fields count: `expanded` is display data read alongside the row (a fresh object on every
 * load, so it would always look changed), and values are compared by content, not by reference.
 */
export function diff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after)) {
    if (NOT_CHANGES.has(key)) continue;
    const was = before[key] ?? null;
    const now = after[key] ?? null;
    if (!isDeepStrictEqual(was, now)) changes[key] = [was, now];
  }
  return changes;
}

/** Bookkeeping every write moves, and display data: never a change someone made. */
const NOT_CHANGES: ReadonlySet<string> = new Set(['updatedAt', 'version', 'expanded']);
