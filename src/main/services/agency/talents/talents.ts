import { statSync } from 'node:fs';
import { and, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { redact, scopeOf, teamManagerOf } from '../../../../shared/access';
import type { Input, Output } from '../../../../shared/api';
import type { Talent } from '../../../../shared/domain/talent';
import type { AvailabilityStatus, TalentType } from '../../../../shared/domain/vocabulary';
import { AppError } from '../../../../shared/errors';
import { talentProfiles, users } from '../../../db/schema';
import { decodeCursor, DEFAULT_LIMIT, likeContains, pageOf } from '../../kernel/paging';
import { teamOf } from '../../kernel/scope';
import { imageContentType } from '../../workspace/files/fileKinds';
import type { MediaStore } from '../../workspace/files/media';
import type { Session } from '../../kernel/session';
import type { Staging } from '../../workspace/files/staging';
import { diff, newId, type Store, type WriteContext } from '../../kernel/store';
import { findUserRow } from '../../workspace/accounts/userRecords';

const columns = {
  id: talentProfiles.id,
  createdAt: talentProfiles.createdAt,
  updatedAt: talentProfiles.updatedAt,
  version: talentProfiles.version,
  stageName: talentProfiles.stageName,
  fullName: talentProfiles.fullName,
  talentType: talentProfiles.talentType,
  portfolioUrl: talentProfiles.portfolioUrl,
  headshotUrl: talentProfiles.headshotUrl,
  availabilityStatus: talentProfiles.availabilityStatus,
  manager: talentProfiles.manager,
  notes: talentProfiles.notes,
  archivedAt: talentProfiles.archivedAt,
  managerUsername: users.username,
  managerFullName: users.fullName,
};
type JoinedRow = {
  [K in keyof typeof columns]:
    | (typeof columns)[K]['_']['data']
    | ((typeof columns)[K]['_']['notNull'] extends true ? never : null);
};

interface ListShape {
  readonly team: boolean;
  readonly archived: boolean;
  readonly manager: boolean;
  readonly availabilityStatus: boolean;
  readonly talentType: boolean;
  readonly q: boolean;
  readonly cursor: boolean;
}

function toTalent(row: JoinedRow): Talent {
  return {
    id: row.id,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    stageName: row.stageName,
    fullName: row.fullName,
    talentType: row.talentType as TalentType,
    portfolioUrl: row.portfolioUrl,
    headshotUrl: row.headshotUrl,
    availabilityStatus: row.availabilityStatus as AvailabilityStatus,
    manager: row.manager,
    notes: row.notes,
    archivedAt: row.archivedAt,
    expanded: {
      manager: { id: row.manager, username: row.managerUsername, fullName: row.managerFullName },
    },
  };
}

/** A raw row of the roster (values, in `columns` order) as its talent: one object, no row map. */
function talentOfValues(v: unknown[]): Talent {
  return {
    id: v[0] as string,
    createdAt: v[1] as string,
    updatedAt: v[2] as string,
    version: v[3] as number,
    stageName: v[4] as string,
    fullName: v[5] as string,
    talentType: v[6] as TalentType,
    portfolioUrl: v[7] as string | null,
    headshotUrl: v[8] as string | null,
    availabilityStatus: v[9] as AvailabilityStatus,
    manager: v[10] as string,
    notes: v[11] as string | null,
    archivedAt: v[12] as string | null,
    expanded: {
      manager: { id: v[10] as string, username: v[13] as string, fullName: v[14] as string },
    },
  };
}

export const MAX_HEADSHOT_BYTES = 10 * 1024 * 1024;

export function createTalentService(store: Store, files: { staging: Staging; media: MediaStore }) {
  const { db } = store;

  function selectJoined(tx: Pick<typeof db, 'select'> = db) {
    return tx
      .select(columns)
      .from(talentProfiles)
      .innerJoin(users, eq(users.id, talentProfiles.manager));
  }

  // A talent by id (its page, and before and after every write): prepared once for every team
  // and once for one team. On the one connection, so inside a write it sees that write's rows.
  const byId = selectJoined()
    .where(eq(talentProfiles.id, sql.placeholder('id')))
    .prepare();
  const byIdInTeam = selectJoined()
    .where(
      and(
        eq(talentProfiles.id, sql.placeholder('id')),
        eq(talentProfiles.manager, sql.placeholder('team')),
      ),
    )
    .prepare();

  function loadVisible(
    _tx: Pick<typeof db, 'select'>,
    session: Session,
    id: string,
    action: 'read' | 'update' | 'archive',
  ): Talent {
    const team = teamOf(session, 'talents', action);
    const row =
      team === undefined
        ? byId.get({ id })
        : team === null
          ? undefined
          : byIdInTeam.get({ id, team });
    // Out of scope reads as absent: a coordinator learns nothing about another team's talent.
    if (!row) throw new AppError('NOT_FOUND', 'That talent does not exist or is not on your team.');
    return toTalent(row);
  }

  /** Managers and coordinators work within their team; admins may assign any active manager. */
  function resolveManager(
    w: Pick<WriteContext, 'tx'>,
    session: Session,
    requested: string | undefined,
  ): string {
    const team = teamManagerOf(session.user);
    if (session.user.role !== 'admin') {
      if (!team) throw new AppError('FORBIDDEN', 'You are not on a manager’s team yet.');
      if (requested && requested !== team) {
        throw new AppError('FORBIDDEN', 'You can only assign talent to your own team’s manager.', {
          manager: 'Not your team',
        });
      }
      return team;
    }
    const manager = requested ?? session.user.id;
    const row = findUserRow(w.tx, manager);
    if (!row || !row.active || (row.role !== 'manager' && row.role !== 'admin')) {
      throw new AppError('VALIDATION', 'The manager must be an active manager or admin.', {
        manager: 'Not an active manager',
      });
    }
    return manager;
  }

  /**
   * The roster is the hottest read: one prepared statement per combination of filters, so a
   * list call costs a bind and a step, not a query build. Its COUNT (first pages) likewise.
   */
  function conditions(shape: ListShape): SQL[] {
    const p = (name: string) => sql.placeholder(name);
    const where: SQL[] = [];
    if (shape.team) where.push(eq(talentProfiles.manager, p('team')));
    if (!shape.archived) where.push(isNull(talentProfiles.archivedAt));
    if (shape.manager) where.push(eq(talentProfiles.manager, p('manager')));
    if (shape.availabilityStatus)
      where.push(eq(talentProfiles.availabilityStatus, p('availabilityStatus')));
    if (shape.talentType) where.push(eq(talentProfiles.talentType, p('talentType')));
    if (shape.q) {
      where.push(
        sql`(${talentProfiles.stageName} LIKE ${p('q')} ESCAPE '\\' OR ${talentProfiles.fullName} LIKE ${p('q')} ESCAPE '\\')`,
      );
    }
    if (shape.cursor) {
      where.push(
        sql`(${talentProfiles.updatedAt} < ${p('cursorUpdatedAt')} OR (${talentProfiles.updatedAt} = ${p('cursorUpdatedAt')} AND ${talentProfiles.id} < ${p('cursorId')}))`,
      );
    }
    return where;
  }
  function buildList(shape: ListShape) {
    return selectJoined()
      .where(and(...conditions(shape)))
      .orderBy(desc(talentProfiles.updatedAt), desc(talentProfiles.id))
      .limit(sql.placeholder('limit'))
      .prepare();
  }
  // Every talent has its manager (a foreign key), so the count needs no join to users.
  function buildCount(shape: ListShape) {
    return db
      .select({ total: count() })
      .from(talentProfiles)
      .where(and(...conditions(shape)))
      .prepare();
  }
  const statements = new Map<string, ReturnType<typeof buildList>>();
  const counts = new Map<string, ReturnType<typeof buildCount>>();
  function prepared<S>(cache: Map<string, S>, shape: ListShape, build: (shape: ListShape) => S) {
    const key = JSON.stringify(shape);
    let statement = cache.get(key);
    if (!statement) {
      statement = build(shape);
      cache.set(key, statement);
    }
    return statement;
  }

  const out = (session: Session, talent: Talent): Talent =>
    redact(session.user.role, 'talents', talent);

  return {
    list(session: Session, input: Input<'talents.list'>): Output<'talents.list'> {
      const limit = input.limit ?? DEFAULT_LIMIT;
      const scope = scopeOf(session.user.role, 'talents', 'read');
      const params: Record<string, unknown> = { limit: limit + 1 };
      const shape: ListShape = {
        team: scope !== 'all',
        archived: input.includeArchived === true,
        manager: input.manager !== undefined,
        availabilityStatus: input.availabilityStatus !== undefined,
        talentType: input.talentType !== undefined,
        q: Boolean(input.q),
        cursor: Boolean(input.cursor),
      };
      // A coordinator without a team sees nothing rather than everything.
      if (shape.team) params.team = (scope === 'team' ? teamManagerOf(session.user) : null) ?? '';
      if (input.manager) params.manager = input.manager;
      if (input.availabilityStatus) params.availabilityStatus = input.availabilityStatus;
      if (input.talentType) params.talentType = input.talentType;
      if (input.q) params.q = likeContains(input.q);
      if (input.cursor) {
        const [updatedAt, id] = decodeCursor(input.cursor, 2) as [string, string];
        params.cursorUpdatedAt = updatedAt;
        params.cursorId = id;
      }
      // The roster is the hottest read: raw rows, each made into its talent in one step.
      const rows = prepared(statements, shape, buildList).values(params) as unknown[][];
      // A first page says how many match; later pages come after it (see firstPageTotal).
      const total = shape.cursor
        ? undefined
        : prepared(counts, shape, buildCount).get(params)?.total;
      return pageOf(
        rows,
        limit,
        (row) => out(session, talentOfValues(row)),
        (item) => [item.updatedAt, item.id],
        total,
      );
    },

    get(session: Session, input: Input<'talents.get'>): Output<'talents.get'> {
      return out(session, loadVisible(db, session, input.id, 'read'));
    },

    create(session: Session, input: Input<'talents.create'>): Output<'talents.create'> {
      if (input.headshotUrl) throw headshotByUpload();
      return store.write(session.user.id, (w) => {
        const manager = resolveManager(w, session, input.manager);
        const id = newId();
        const values = {
          id,
          createdAt: w.now,
          updatedAt: w.now,
          version: 1,
          stageName: input.stageName,
          fullName: input.fullName,
          talentType: input.talentType,
          portfolioUrl: input.portfolioUrl ?? null,
          headshotUrl: null,
          availabilityStatus: input.availabilityStatus ?? 'available',
          manager,
          notes: input.notes ?? null,
          archivedAt: null,
        };
        w.tx.insert(talentProfiles).values(values).run();
        const { id: _id, createdAt: _c, updatedAt: _u, version: _v, ...fields } = values;
        w.audit({ action: 'talents.create', entity: 'talents', entityId: id, changes: fields });
        w.emit({ entity: 'talents', id, action: 'created', teamManager: manager });
        return out(session, loadVisible(w.tx, session, id, 'read'));
      });
    },

    update(session: Session, input: Input<'talents.update'>): Output<'talents.update'> {
      return store.write(session.user.id, (w) => {
        const before = loadVisible(w.tx, session, input.id, 'update');
        if (before.version !== input.version) {
          throw new AppError(
            'CONFLICT',
            'Someone else changed this talent since you opened it. Reload to see their changes.',
            { version: `Current version is ${before.version}` },
          );
        }
        const { patch } = input;
        // A headshot is set from a file this user uploaded (setHeadshot); here it may only be
        // kept or removed, never pointed at another stored file.
        if (patch.headshotUrl && patch.headshotUrl !== before.headshotUrl) throw headshotByUpload();
        const manager =
          patch.manager === undefined || patch.manager === before.manager
            ? before.manager
            : resolveManager(w, session, patch.manager);
        const next = {
          stageName: patch.stageName ?? before.stageName,
          fullName: patch.fullName ?? before.fullName,
          talentType: patch.talentType ?? before.talentType,
          portfolioUrl:
            patch.portfolioUrl === undefined ? (before.portfolioUrl ?? null) : patch.portfolioUrl,
          headshotUrl:
            patch.headshotUrl === undefined ? (before.headshotUrl ?? null) : patch.headshotUrl,
          availabilityStatus: patch.availabilityStatus ?? before.availabilityStatus,
          manager,
          notes: patch.notes === undefined ? (before.notes ?? null) : patch.notes,
        };
        const changes = diff(before, next);
        w.tx
          .update(talentProfiles)
          .set({ ...next, updatedAt: w.now, version: before.version + 1 })
          .where(eq(talentProfiles.id, before.id))
          .run();
        w.audit({ action: 'talents.update', entity: 'talents', entityId: before.id, changes });
        w.emit({ entity: 'talents', id: before.id, action: 'updated', teamManager: manager });
        if (manager !== before.manager) {
          // The old team must hear that the row left their view.
          w.emit({
            entity: 'talents',
            id: before.id,
            action: 'updated',
            teamManager: before.manager,
          });
        }
        return out(session, loadVisible(w.tx, session, before.id, 'read'));
      });
    },

    /** Stores an uploaded image (checked by content and size) and points the talent at it. */
    async setHeadshot(
      session: Session,
      input: Input<'talents.setHeadshot'>,
    ): Promise<Output<'talents.setHeadshot'>> {
      loadVisible(db, session, input.id, 'update');
      const { fileName, contentType, ingested } = await files.staging.use(
        session.user.id,
        input.file,
        async (staged) => {
          if (statSync(staged.path).size > MAX_HEADSHOT_BYTES) {
            throw new AppError('VALIDATION', 'A headshot can be at most 10 MB.', {
              file: 'Larger than 10 MB',
            });
          }
          return {
            fileName: staged.fileName,
            contentType: await imageContentType(staged.path),
            ingested: await files.media.ingest(staged.path),
          };
        },
      );
      return store.write(session.user.id, (w) => {
        const before = loadVisible(w.tx, session, input.id, 'update');
        const stored = files.media.record(w.tx, ingested, {
          fileName,
          contentType,
          createdBy: session.user.id,
          now: w.now,
        });
        const headshotUrl = `media:${stored.id}`;
        w.tx
          .update(talentProfiles)
          .set({ headshotUrl, updatedAt: w.now, version: before.version + 1 })
          .where(eq(talentProfiles.id, before.id))
          .run();
        w.audit({
          action: 'talents.setHeadshot',
          entity: 'talents',
          entityId: before.id,
          changes: { headshotUrl: [before.headshotUrl ?? null, headshotUrl] },
        });
        w.emit({
          entity: 'talents',
          id: before.id,
          action: 'updated',
          teamManager: before.manager,
        });
        return out(session, loadVisible(w.tx, session, before.id, 'read'));
      });
    },

    archive(session: Session, input: Input<'talents.archive'>): Output<'talents.archive'> {
      return store.write(session.user.id, (w) => {
        const before = loadVisible(w.tx, session, input.id, 'archive');
        if (before.archivedAt) return out(session, before);
        w.tx
          .update(talentProfiles)
          .set({ archivedAt: w.now, updatedAt: w.now, version: before.version + 1 })
          .where(eq(talentProfiles.id, before.id))
          .run();
        w.audit({ action: 'talents.archive', entity: 'talents', entityId: before.id });
        w.emit({
          entity: 'talents',
          id: before.id,
          action: 'archived',
          teamManager: before.manager,
        });
        return out(session, loadVisible(w.tx, session, before.id, 'read'));
      });
    },
  };
}

function headshotByUpload(): AppError {
  return new AppError('VALIDATION', 'Choose a headshot image to upload; it cannot be linked.', {
    headshotUrl: 'Set by uploading an image',
  });
}
