import { and, desc, eq, gte, inArray, isNull, lte, ne, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { can, RESTRICTED_FIELDS, seesRestricted, type Entity } from '../../../shared/access';
import type { Input, Output } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { auditLog, reviewNotes, users } from '../../db/schema';
import { afterCursor, DEFAULT_LIMIT, firstPageTotal, pageOf } from '../kernel/paging';
import type { Session } from '../kernel/session';
import type { Store } from '../kernel/store';
import { nameAuditRows } from './auditNames';

/**
 * Throws (NOT_FOUND or FORBIDDEN) unless the session may read that record in its scope. Called
 * only after the role's own read rule for the entity allowed it: the getters behind a guard
 * check scope (team, own), not the role table.
 */
export type RecordGuard = (session: Session, id: string) => unknown;

/**
 * Rows written before anyone was signed in, by the person the row is about: the account asked
 * for (or the owner set up) is who did it. Read as that user, so the trail names them in "Who"
 * and finds them when filtered by them.
 */
const SELF_ACTIONS = ['auth.signUp', 'setup.createOwner'];

/**
 * Admins browse the whole trail. Everyone else sees the history of one record they may read,
 * with restricted values removed when their role may not see those fields.
 */
export function createAuditService(
  store: Store,
  recordGuards: Partial<Record<Entity, RecordGuard>>,
) {
  const { db } = store;
  const actor = alias(users, 'actor');
  const self = alias(users, 'self');
  const bySelf = and(
    isNull(auditLog.actor),
    eq(auditLog.entity, 'users'),
    inArray(auditLog.action, SELF_ACTIONS),
  );

  /** Private review notes among these, written by someone else: their body is the author's. */
  function privateNotesOfOthers(session: Session, ids: string[]): ReadonlySet<string> {
    if (ids.length === 0) return new Set();
    const found = db
      .select({ id: reviewNotes.id })
      .from(reviewNotes)
      .where(
        and(
          inArray(reviewNotes.id, ids),
          eq(reviewNotes.visibility, 'private'),
          ne(reviewNotes.author, session.user.id),
        ),
      )
      .all();
    return new Set(found.map((row) => row.id));
  }

  return {
    list(session: Session, input: Input<'audit.list'>): Output<'audit.list'> {
      if (session.user.role !== 'admin') {
        const guard = input.entity ? recordGuards[input.entity] : undefined;
        if (!guard || !input.entity || !input.entityId) {
          throw new AppError('FORBIDDEN', 'Only administrators can browse the whole audit trail.');
        }
        if (!can(session.user.role, input.entity, 'read'))
          throw new AppError('FORBIDDEN', 'Your role does not allow reading this record.');
        guard(session, input.entityId);
      }
      const limit = input.limit ?? DEFAULT_LIMIT;
      const where: SQL[] = [];
      if (input.entity) where.push(eq(auditLog.entity, input.entity));
      if (input.entityId) where.push(eq(auditLog.entityId, input.entityId));
      if (input.actor)
        where.push(
          or(eq(auditLog.actor, input.actor), and(bySelf, eq(auditLog.entityId, input.actor)))!,
        );
      if (input.from) where.push(gte(auditLog.at, input.from));
      if (input.to) where.push(lte(auditLog.at, input.to));
      // The actor is a left join (system rows have none): counting the trail alone is the same.
      const total = firstPageTotal(
        db,
        input,
        db
          .select({ id: auditLog.id })
          .from(auditLog)
          .where(and(...where)),
      );
      if (input.cursor) where.push(afterCursor(input.cursor, auditLog.at, auditLog.id, 'desc'));
      const rows = db
        .select({
          entry: auditLog,
          actorId: actor.id,
          actorUsername: actor.username,
          actorFullName: actor.fullName,
          selfId: self.id,
          selfUsername: self.username,
          selfFullName: self.fullName,
        })
        .from(auditLog)
        .leftJoin(actor, eq(actor.id, auditLog.actor))
        .leftJoin(self, and(bySelf, eq(self.id, auditLog.entityId)))
        .where(and(...where))
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(limit + 1)
        .all();
      const hiddenNotes = privateNotesOfOthers(
        session,
        rows.filter((r) => r.entry.entity === 'reviewNotes').map((r) => r.entry.entityId!),
      );
      const visibleChanges = (row: (typeof rows)[number]) =>
        row.entry.changes
          ? withoutFields(
              JSON.parse(row.entry.changes) as Record<string, unknown>,
              hiddenNotes.has(row.entry.entityId ?? '')
                ? PRIVATE_NOTE_FIELDS
                : seesRestricted(session.user.role)
                  ? []
                  : (RESTRICTED_FIELDS[row.entry.entity as Entity] ?? []),
            )
          : null;
      const page = rows.slice(0, limit);
      const changesOf = new Map(page.map((row) => [row.entry.id, visibleChanges(row)]));
      // Named after the restricted fields are gone, so a hidden value is not named either.
      const named = nameAuditRows(
        db,
        page.map((row) => ({ ...row.entry, changes: changesOf.get(row.entry.id) ?? null })),
      );
      const namesOf = new Map(page.map((row, index) => [row.entry.id, named[index]!]));
      return pageOf(
        rows,
        limit,
        (row) => ({
          ...row.entry,
          changes: changesOf.get(row.entry.id) ?? null,
          expanded: {
            actor:
              row.actorId && row.actorUsername && row.actorFullName
                ? { id: row.actorId, username: row.actorUsername, fullName: row.actorFullName }
                : row.selfId && row.selfUsername && row.selfFullName
                  ? { id: row.selfId, username: row.selfUsername, fullName: row.selfFullName }
                  : null,
            record: namesOf.get(row.entry.id)?.record ?? null,
            names: namesOf.get(row.entry.id)?.names ?? {},
          },
        }),
        (item) => [item.at, item.id],
        total,
      );
    },
  };
}

/** What a private note's audit row keeps from everyone but its author. */
const PRIVATE_NOTE_FIELDS = ['body'];

function withoutFields(
  changes: Record<string, unknown>,
  hidden: readonly string[],
): Record<string, unknown> {
  if (hidden.length === 0) return changes;
  return Object.fromEntries(Object.entries(changes).filter(([field]) => !hidden.includes(field)));
}
