import { and, count, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { can, scopeOf } from '../../../../shared/access';
import type { Input, Output } from '../../../../shared/api';
import type { Artist } from '../../../../shared/domain/artist';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../../db/open';
import { artists, users } from '../../../db/schema';
import { requireAssignee } from './assignees';
import {
  afterCursorPlaceholder,
  cursorParams,
  DEFAULT_LIMIT,
  likeContains,
  pageOf,
  preparedByShape,
} from '../../kernel/paging';
import type { Session } from '../../kernel/session';
import { diff, newId, type Store } from '../../kernel/store';
import { valueRows } from '../../kernel/valueRows';

/** Which filters a list call has: one prepared statement per combination. */
interface ListShape {
  readonly genre: boolean;
  readonly status: boolean;
  readonly owner: boolean;
  readonly q: boolean;
  readonly cursor: boolean;
}

type Row = typeof artists.$inferSelect & { ownerUsername: string; ownerFullName: string };

/** Field by field, not by spreading the row: a page of artists is made of these. */
function toArtist(row: Row): Artist {
  return {
    id: row.id,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    artistName: row.artistName,
    genre: row.genre,
    status: row.status as Artist['status'],
    priorityScore: row.priorityScore,
    socialFollowers: row.socialFollowers,
    lastDemoDate: row.lastDemoDate,
    followerSpikeDate: row.followerSpikeDate,
    followerSpikePlatform: row.followerSpikePlatform,
    owner: row.owner,
    expanded: {
      owner: { id: row.owner, username: row.ownerUsername, fullName: row.ownerFullName },
    },
  };
}

const ARTIST_FIELDS = {
  ...getTableColumns(artists),
  ownerUsername: users.username,
  ownerFullName: users.fullName,
};

const OWNER_ROLES = ['AandR', 'admin'] as const;
const OWNER_MESSAGE = 'An artist’s owner must be an active A&R user or admin.';

/** The label desk's artists, highest priority first. Every role that reads artists reads them all. */
export function createArtistService(store: Store) {
  const { db } = store;
  const select = (tx: Pick<Db, 'select'> = db) =>
    tx.select(ARTIST_FIELDS).from(artists).innerJoin(users, eq(users.id, artists.owner));

  // Read after every write (and per row of an import): built and prepared once. It runs on the
  // one connection, so inside a write it sees that write's rows.
  const loadOne = select()
    .where(eq(artists.id, sql.placeholder('id')))
    .prepare();

  // The artists view, highest priority first: prepared once per shape of its filters.
  const p = sql.placeholder;
  const listWhere = (shape: ListShape): SQL | undefined =>
    and(
      shape.genre ? eq(artists.genre, p('genre')) : undefined,
      shape.status ? eq(artists.status, p('status')) : undefined,
      shape.owner ? eq(artists.owner, p('owner')) : undefined,
      shape.q ? sql`${artists.artistName} LIKE ${p('q')} ESCAPE '\\'` : undefined,
    );
  // The owner is a foreign key: counting artists alone counts the page's rows.
  const listCount = preparedByShape((shape: ListShape) =>
    db.select({ total: count() }).from(artists).where(listWhere(shape)).prepare(),
  );
  const listRow = valueRows<Row>(ARTIST_FIELDS);
  // Unscored artists sort last: -1 stands in for null in the order and the cursor.
  const score = sql<number>`coalesce(${artists.priorityScore}, -1)`;
  const listRows = preparedByShape((shape: ListShape) =>
    select()
      .where(
        and(
          listWhere(shape),
          shape.cursor ? afterCursorPlaceholder(score, artists.id, 'desc') : undefined,
        ),
      )
      .orderBy(desc(score), desc(artists.id))
      .limit(p('limit'))
      .prepare(),
  );

  function load(_tx: Pick<Db, 'select'>, id: string): Artist {
    const row = loadOne.get({ id });
    if (!row) throw new AppError('NOT_FOUND', 'That artist does not exist.');
    return toArtist(row);
  }

  return {
    load,

    list(session: Session, input: Input<'artists.list'>): Output<'artists.list'> {
      if (!can(session.user.role, 'artists', 'read'))
        throw new AppError('FORBIDDEN', 'Your role does not allow this.');
      const limit = input.limit ?? DEFAULT_LIMIT;
      const shape: ListShape = {
        genre: input.genre !== undefined,
        status: input.status !== undefined,
        owner: input.owner !== undefined,
        q: Boolean(input.q),
        cursor: Boolean(input.cursor),
      };
      const params = {
        genre: input.genre,
        status: input.status,
        owner: input.owner,
        q: input.q ? likeContains(input.q) : undefined,
        limit: limit + 1,
        ...(input.cursor ? cursorParams(input.cursor) : {}),
      };
      // A first page says how many match; later pages come after it (see firstPageTotal).
      const total = input.cursor ? undefined : listCount(shape).get(params)?.total;
      const rows = listRows(shape).values(params).map(listRow);
      return pageOf(rows, limit, toArtist, (item) => [item.priorityScore ?? -1, item.id], total);
    },

    get(session: Session, input: Input<'artists.get'>): Output<'artists.get'> {
      if (!can(session.user.role, 'artists', 'read'))
        throw new AppError('FORBIDDEN', 'Your role does not allow this.');
      return load(db, input.id);
    },

    create(session: Session, input: Input<'artists.create'>): Output<'artists.create'> {
      return store.write(session.user.id, (w) => {
        const owner = input.owner ?? session.user.id;
        requireAssignee(w.tx, owner, OWNER_ROLES, 'owner', OWNER_MESSAGE);
        const id = newId();
        const values = {
          id,
          createdAt: w.now,
          updatedAt: w.now,
          version: 1,
          artistName: input.artistName,
          genre: input.genre,
          status: input.status ?? 'prospect',
          priorityScore: input.priorityScore ?? null,
          socialFollowers: null,
          lastDemoDate: null,
          followerSpikeDate: null,
          followerSpikePlatform: null,
          owner,
        };
        w.tx.insert(artists).values(values).run();
        const { id: _i, createdAt: _c, updatedAt: _u, version: _v, ...fields } = values;
        w.audit({ action: 'artists.create', entity: 'artists', entityId: id, changes: fields });
        w.emit({ entity: 'artists', id, action: 'created', owner });
        return load(w.tx, id);
      });
    },

    update(session: Session, input: Input<'artists.update'>): Output<'artists.update'> {
      return store.write(session.user.id, (w) => {
        const before = load(w.tx, input.id);
        if (
          scopeOf(session.user.role, 'artists', 'update') === 'own' &&
          before.owner !== session.user.id
        )
          throw new AppError(
            'FORBIDDEN',
            'Only the artist’s owner or an admin can change this artist.',
          );
        if (before.version !== input.version) {
          throw new AppError(
            'CONFLICT',
            'Someone else changed this artist since you opened it. Reload to see their changes.',
            { version: `Current version is ${before.version}` },
          );
        }
        const { patch } = input;
        if (patch.owner && patch.owner !== before.owner)
          requireAssignee(w.tx, patch.owner, OWNER_ROLES, 'owner', OWNER_MESSAGE);
        const next = {
          artistName: patch.artistName ?? before.artistName,
          genre: patch.genre ?? before.genre,
          status: patch.status ?? before.status,
          priorityScore:
            patch.priorityScore === undefined ? before.priorityScore : patch.priorityScore,
          owner: patch.owner ?? before.owner,
        };
        w.tx
          .update(artists)
          .set({ ...next, updatedAt: w.now, version: before.version + 1 })
          .where(eq(artists.id, before.id))
          .run();
        w.audit({
          action: 'artists.update',
          entity: 'artists',
          entityId: before.id,
          changes: diff(before, next),
        });
        w.emit({ entity: 'artists', id: before.id, action: 'updated', owner: next.owner });
        return load(w.tx, before.id);
      });
    },
  };
}

export type ArtistService = ReturnType<typeof createArtistService>;
