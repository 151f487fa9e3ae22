import { and, asc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { redact } from '../../../shared/access';
import type { Input, Output } from '../../../shared/api';
import {
  AUDITION_TRANSITIONS,
  type Audition,
  type AuditionStatus,
} from '../../../shared/domain/audition';
import { AppError } from '../../../shared/errors';
import { auditions, talentProfiles } from '../../db/schema';
import {
  afterCursorPlaceholder,
  cursorParams,
  DEFAULT_LIMIT,
  likeContains,
  pageOf,
  preparedByShape,
} from '../kernel/paging';
import { talentInScope, teamOf } from '../kernel/scope';
import type { Session } from '../kernel/session';
import { assertUndoable } from '../kernel/undo';
import { talentChildRows } from './talents/talentChildRows';
import { diff, newId, type Store } from '../kernel/store';

/** Which filters a list call has: one prepared statement per combination. */
interface ListShape {
  readonly team: boolean;
  readonly status: boolean;
  readonly talentProfile: boolean;
  readonly clientName: boolean;
  readonly projectName: boolean;
  readonly from: boolean;
  readonly to: boolean;
  readonly cursor: boolean;
}

type Row = Omit<typeof auditions.$inferSelect, 'teamManager'> & {
  stageName: string;
  manager: string;
};

/** The list's columns, in the order auditionOfValues reads them. */
const LIST_COLUMNS = {
  id: auditions.id,
  createdAt: auditions.createdAt,
  updatedAt: auditions.updatedAt,
  version: auditions.version,
  talentProfile: auditions.talentProfile,
  clientName: auditions.clientName,
  projectName: auditions.projectName,
  auditionType: auditions.auditionType,
  auditionDate: auditions.auditionDate,
  status: auditions.status,
  location: auditions.location,
  callbackNotes: auditions.callbackNotes,
  stageName: talentProfiles.stageName,
};
type ListValues = [
  string,
  string,
  string,
  number,
  string,
  string,
  string,
  Audition['auditionType'],
  string,
  AuditionStatus,
  string | null,
  string | null,
  string,
];

/** A raw row of the list as its audition: one object (and its talent), nothing between. */
function auditionOfValues(v: ListValues): Audition {
  return {
    id: v[0],
    createdAt: v[1],
    updatedAt: v[2],
    version: v[3],
    talentProfile: v[4],
    clientName: v[5],
    projectName: v[6],
    auditionType: v[7],
    auditionDate: v[8],
    status: v[9],
    location: v[10],
    callbackNotes: v[11],
    expanded: { talentProfile: { id: v[4], stageName: v[12] } },
  };
}

function toAudition(row: Row): Audition {
  const { stageName, manager: _manager, ...audition } = row;
  return {
    ...audition,
    auditionType: audition.auditionType as Audition['auditionType'],
    status: audition.status as AuditionStatus,
    expanded: { talentProfile: { id: audition.talentProfile, stageName } },
  };
}

export function createAuditionService(store: Store) {
  const { db } = store;
  const { load } = talentChildRows<Row>(
    db,
    auditions,
    'auditions',
    'That audition does not exist or is not on your team.',
  );
  const out = (session: Session, row: Row): Audition =>
    redact(session.user.role, 'auditions', toAudition(row));

  /**
   * The pipeline's list, prepared once per combination of filters. The row's own team copy
   * (team_manager) scopes it, so a team's list reads the team's index range in list order.
   */
  const listStatement = preparedByShape((shape: ListShape) => {
    const p = sql.placeholder;
    const where: (SQL | undefined)[] = [
      shape.team ? eq(auditions.teamManager, p('team')) : undefined,
      shape.status ? eq(auditions.status, p('status')) : undefined,
      shape.talentProfile ? eq(auditions.talentProfile, p('talentProfile')) : undefined,
      shape.clientName
        ? sql`${auditions.clientName} LIKE ${p('clientName')} ESCAPE '\\'`
        : undefined,
      shape.projectName
        ? sql`${auditions.projectName} LIKE ${p('projectName')} ESCAPE '\\'`
        : undefined,
      shape.from ? gte(auditions.auditionDate, p('from')) : undefined,
      shape.to ? lte(auditions.auditionDate, p('to')) : undefined,
      shape.cursor
        ? afterCursorPlaceholder(auditions.auditionDate, auditions.id, 'asc')
        : undefined,
    ];
    return db
      .select(LIST_COLUMNS)
      .from(auditions)
      .innerJoin(talentProfiles, eq(talentProfiles.id, auditions.talentProfile))
      .where(and(...where))
      .orderBy(asc(auditions.auditionDate), asc(auditions.id))
      .limit(p('limit'))
      .prepare();
  });

  return {
    list(session: Session, input: Input<'auditions.list'>): Output<'auditions.list'> {
      const limit = input.limit ?? DEFAULT_LIMIT;
      const team = teamOf(session, 'auditions', 'read');
      // A coordinator without a team sees nothing rather than everything.
      if (team === null) return { items: [], nextCursor: null };
      const shape: ListShape = {
        team: team !== undefined,
        status: input.status !== undefined,
        talentProfile: input.talentProfile !== undefined,
        clientName: input.clientName !== undefined,
        projectName: input.projectName !== undefined,
        from: input.from !== undefined,
        to: input.to !== undefined,
        cursor: Boolean(input.cursor),
      };
      // Raw rows (values), each made into its audition in one step: the hot path of the pipeline.
      const rows = listStatement(shape).values({
        limit: limit + 1,
        team,
        status: input.status,
        talentProfile: input.talentProfile,
        clientName: input.clientName === undefined ? undefined : likeContains(input.clientName),
        projectName: input.projectName === undefined ? undefined : likeContains(input.projectName),
        from: input.from,
        to: input.to,
        ...(input.cursor ? cursorParams(input.cursor) : {}),
      }) as ListValues[];
      return pageOf(
        rows,
        limit,
        (row) => redact(session.user.role, 'auditions', auditionOfValues(row)),
        (item) => [item.auditionDate, item.id],
      );
    },

    get(session: Session, input: Input<'auditions.get'>): Output<'auditions.get'> {
      return out(session, load(db, session, input.id, 'read'));
    },

    create(session: Session, input: Input<'auditions.create'>): Output<'auditions.create'> {
      return store.write(session.user.id, (w) => {
        const talent = talentInScope(db, session, input.talentProfile, 'auditions', 'create');
        const id = newId();
        const values = {
          id,
          createdAt: w.now,
          updatedAt: w.now,
          version: 1,
          talentProfile: talent.id,
          clientName: input.clientName,
          projectName: input.projectName,
          auditionType: input.auditionType,
          auditionDate: input.auditionDate,
          status: input.status ?? 'invited',
          location: input.location ?? null,
          callbackNotes: input.callbackNotes ?? null,
        };
        w.tx.insert(auditions).values(values).run();
        w.audit({
          action: 'auditions.create',
          entity: 'auditions',
          entityId: id,
          changes: { ...values },
        });
        w.emit({ entity: 'auditions', id, action: 'created', teamManager: talent.manager });
        return out(session, load(w.tx, session, id, 'read'));
      });
    },

    update(session: Session, input: Input<'auditions.update'>): Output<'auditions.update'> {
      return store.write(session.user.id, (w) => {
        const before = load(w.tx, session, input.id, 'update');
        if (before.version !== input.version) {
          throw new AppError(
            'CONFLICT',
            'Someone else changed this audition since you opened it. Reload to see their changes.',
          );
        }
        const next = { ...input.patch, updatedAt: w.now, version: before.version + 1 };
        w.tx.update(auditions).set(next).where(eq(auditions.id, before.id)).run();
        const after = load(w.tx, session, before.id, 'read');
        w.audit({
          action: 'auditions.update',
          entity: 'auditions',
          entityId: before.id,
          changes: diff(before, after),
        });
        w.emit({
          entity: 'auditions',
          id: before.id,
          action: 'updated',
          teamManager: before.manager,
        });
        return out(session, after);
      });
    },

    setStatus(
      session: Session,
      input: Input<'auditions.setStatus'>,
    ): Output<'auditions.setStatus'> {
      return store.write(session.user.id, (w) => {
        const before = load(w.tx, session, input.id, 'update');
        const from = before.status as AuditionStatus;
        const undone = input.undo
          ? assertUndoable(w, {
              entity: 'auditions',
              entityId: before.id,
              actor: session.user.id,
              action: 'auditions.setStatus',
              field: 'status',
              back: input.status,
            })
          : null;
        const allowed =
          undone !== null ||
          AUDITION_TRANSITIONS[from].includes(input.status) ||
          (session.user.role === 'admin' && from !== input.status);
        if (!allowed) {
          throw new AppError(
            'CONFLICT',
            `An audition cannot move from ${from} to ${input.status}.`,
            {
              status: `Allowed from ${from}: ${AUDITION_TRANSITIONS[from].join(', ') || 'none (only an admin may reopen)'}`,
            },
          );
        }
        const next = {
          status: input.status,
          ...(input.callbackNotes !== undefined ? { callbackNotes: input.callbackNotes } : {}),
          // Undoing a callback also takes back the notes it wrote.
          ...(undone?.callbackNotes
            ? { callbackNotes: undone.callbackNotes[0] as string | null }
            : {}),
          updatedAt: w.now,
          version: before.version + 1,
        };
        w.tx.update(auditions).set(next).where(eq(auditions.id, before.id)).run();
        const after = load(w.tx, session, before.id, 'read');
        w.audit({
          action: 'auditions.setStatus',
          entity: 'auditions',
          entityId: before.id,
          changes: diff(before, after),
        });
        w.emit({
          entity: 'auditions',
          id: before.id,
          action: 'updated',
          teamManager: before.manager,
        });
        return out(session, after);
      });
    },
  };
}
