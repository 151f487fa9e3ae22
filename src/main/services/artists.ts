import { and, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { can } from '../../shared/access';
import type { Input, Output } from '../../shared/api';
import type { Artist } from '../../shared/domain/artist';
import { AppError } from '../../shared/errors';
import type { Db } from '../db/open';
import { artists, users } from '../db/schema';
import { decodeCursor, DEFAULT_LIMIT, encodeCursor, likeContains } from './paging';
import type { Session } from './session';

type Row = typeof artists.$inferSelect & { ownerUsername: string; ownerFullName: string };

function toArtist({ ownerUsername, ownerFullName, ...row }: Row): Artist {
  return {
    ...row,
    status: row.status as Artist['status'],
    expanded: { owner: { id: row.owner, username: ownerUsername, fullName: ownerFullName } },
  };
}

/** The label desk's artists, highest priority first. Every role that reads artists reads them all. */
export function createArtistService(db: Db) {
  const select = () =>
    db
      .select({
        ...getTableColumns(artists),
        ownerUsername: users.username,
        ownerFullName: users.fullName,
      })
      .from(artists)
      .innerJoin(users, eq(users.id, artists.owner));

  return {
    list(session: Session, input: Input<'artists.list'>): Output<'artists.list'> {
      if (!can(session.user.role, 'artists', 'read'))
        throw new AppError('FORBIDDEN', 'Your role does not allow this.');
      const limit = input.limit ?? DEFAULT_LIMIT;
      const where: SQL[] = [];
      if (input.genre) where.push(eq(artists.genre, input.genre));
      if (input.status) where.push(eq(artists.status, input.status));
      if (input.owner) where.push(eq(artists.owner, input.owner));
      if (input.q) where.push(sql`${artists.artistName} LIKE ${likeContains(input.q)} ESCAPE '\\'`);
      // Unscored artists sort last: -1 stands in for null in the order and the cursor.
      const score = sql<number>`coalesce(${artists.priorityScore}, -1)`;
      if (input.cursor) {
        const [cursorScore, id] = decodeCursor(input.cursor, 2) as [number, string];
        where.push(
          sql`(${score} < ${cursorScore} OR (${score} = ${cursorScore} AND ${artists.id} < ${id}))`,
        );
      }
      const rows = select()
        .where(and(...where))
        .orderBy(desc(score), desc(artists.id))
        .limit(limit + 1)
        .all();
      const items = rows.slice(0, limit).map(toArtist);
      const last = items.at(-1);
      return {
        items,
        nextCursor:
          rows.length > limit && last ? encodeCursor([last.priorityScore ?? -1, last.id]) : null,
      };
    },

    get(session: Session, input: Input<'artists.get'>): Output<'artists.get'> {
      if (!can(session.user.role, 'artists', 'read'))
        throw new AppError('FORBIDDEN', 'Your role does not allow this.');
      const row = select().where(eq(artists.id, input.id)).get();
      if (!row) throw new AppError('NOT_FOUND', 'That artist does not exist.');
      return toArtist(row);
    },
  };
}
