import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Capture } from '../../../shared/domain/followerGrowth';
import { isFollowerSpike, SPIKE_WINDOW } from '../../../shared/domain/followerSpike';
import type { Input, Output } from '../../../shared/api';
import type { GrowthLog, Platform } from '../../../shared/domain/growthLog';
import { AppError } from '../../../shared/errors';
import { rule } from '../../../shared/fieldIssue';
import type { Db } from '../../db/open';
import { artists, socialGrowthLogs, users } from '../../db/schema';
import {
  afterCursorPlaceholder,
  cursorParams,
  DEFAULT_LIMIT,
  pageOf,
  preparedByShape,
} from '../kernel/paging';
import { requireArtist } from './artists/requireArtist';
import type { Session } from '../kernel/session';
import { newId, type Store } from '../kernel/store';

/** A row of `select` as values, in its column order: read without the ORM's per-row mapping. */
type LogValues = [
  id: string,
  createdAt: string,
  updatedAt: string,
  version: number,
  artist: string,
  platform: Platform,
  followerCount: number,
  engagementRate: number | null,
  captureDate: string,
  capturedBy: string,
  replaces: string | null,
  replacedBy: string | null,
  username: string,
  fullName: string,
];

function toLog(v: LogValues): GrowthLog {
  return {
    id: v[0],
    createdAt: v[1],
    updatedAt: v[2],
    version: v[3],
    artist: v[4],
    platform: v[5],
    followerCount: v[6],
    engagementRate: v[7],
    captureDate: v[8],
    capturedBy: v[9],
    replaces: v[10],
    replacedBy: v[11],
    expanded: { capturedBy: { id: v[9], username: v[12], fullName: v[13] } },
  };
}

/** The capture that corrects a listed one: joined to tell which captures count no more. */
const correction = alias(socialGrowthLogs, 'correction');

function select(tx: Pick<Db, 'select'>) {
  return tx
    .select({
      id: socialGrowthLogs.id,
      createdAt: socialGrowthLogs.createdAt,
      updatedAt: socialGrowthLogs.updatedAt,
      version: socialGrowthLogs.version,
      artist: socialGrowthLogs.artist,
      platform: socialGrowthLogs.platform,
      followerCount: socialGrowthLogs.followerCount,
      engagementRate: socialGrowthLogs.engagementRate,
      captureDate: socialGrowthLogs.captureDate,
      capturedBy: socialGrowthLogs.capturedBy,
      replaces: socialGrowthLogs.replaces,
      replacedBy: correction.id,
      username: users.username,
      fullName: users.fullName,
    })
    .from(socialGrowthLogs)
    .innerJoin(users, eq(users.id, socialGrowthLogs.capturedBy))
    .leftJoin(correction, eq(correction.replaces, socialGrowthLogs.id));
}

/**
 * A correction replaces a capture of the same artist and platform that nothing has corrected
 * yet (a second correction corrects the first one, so the chain stays a line).
 */
function requireReplaceable(tx: Pick<Db, 'select'>, input: Input<'growthLogs.create'>): void {
  const replaced = select(tx).where(eq(socialGrowthLogs.id, input.replaces!)).get();
  if (!replaced || replaced.artist !== input.artist) {
    throw new AppError(
      'VALIDATION',
      'The capture to correct is not one of this artist’s.',
      { replaces: 'Not found' },
      { replaces: rule('not_found') },
    );
  }
  if (replaced.platform !== input.platform) {
    throw new AppError(
      'VALIDATION',
      'A correction is for the same platform as the capture it corrects.',
      { platform: `Must be ${replaced.platform}` },
      { platform: rule('not_allowed') },
    );
  }
  if (replaced.replacedBy) {
    throw new AppError(
      'CONFLICT',
      'That capture has already been corrected; correct the correction instead.',
      { replaces: 'Already corrected' },
      { replaces: rule('stale') },
    );
  }
}

/** Append-only follower captures; the artist's socialFollowers is the latest total across platforms. */
export function createGrowthLogService(store: Store) {
  const { db } = store;
  // An artist's captures are read on every open of its page: prepared once per filter shape.
  const listStatement = preparedByShape((shape: { platform: boolean; cursor: boolean }) => {
    const p = sql.placeholder;
    return select(db)
      .where(
        and(
          eq(socialGrowthLogs.artist, p('artist')),
          shape.platform ? eq(socialGrowthLogs.platform, p('platform')) : undefined,
          shape.cursor
            ? afterCursorPlaceholder(socialGrowthLogs.captureDate, socialGrowthLogs.id, 'asc')
            : undefined,
        ),
      )
      .orderBy(asc(socialGrowthLogs.captureDate), asc(socialGrowthLogs.id))
      .limit(p('limit'))
      .prepare();
  });
  return {
    list(_session: Session, input: Input<'growthLogs.list'>): Output<'growthLogs.list'> {
      const limit = input.limit ?? DEFAULT_LIMIT;
      const rows = listStatement({
        platform: input.platform !== undefined,
        cursor: Boolean(input.cursor),
      }).values({
        artist: input.artist,
        platform: input.platform,
        limit: limit + 1,
        ...(input.cursor ? cursorParams(input.cursor) : {}),
      }) as LogValues[];
      return pageOf(rows, limit, toLog, (item) => [item.captureDate, item.id]);
    },

    create(session: Session, input: Input<'growthLogs.create'>): Output<'growthLogs.create'> {
      return store.write(session.user.id, (w) => {
        requireArtist(w.tx, input.artist);
        // The capture date's rules (not after today, not before 2000) are the input schema's.
        if (input.replaces) requireReplaceable(w.tx, input);
        const id = newId();
        const values = {
          id,
          createdAt: w.now,
          updatedAt: w.now,
          version: 1,
          artist: input.artist,
          platform: input.platform,
          followerCount: input.followerCount,
          engagementRate: input.engagementRate ?? null,
          captureDate: input.captureDate,
          capturedBy: session.user.id,
          replaces: input.replaces ?? null,
        };
        w.tx.insert(socialGrowthLogs).values(values).run();
        // The latest capture per platform (by date, then by when it was logged), summed.
        const total = w.tx.get<{ total: number | null }>(sql`
          SELECT sum(follower_count) AS total FROM (
            SELECT follower_count, row_number() OVER (
              PARTITION BY platform ORDER BY capture_date DESC, created_at DESC, rowid DESC
            ) AS position
            FROM social_growth_logs AS log WHERE artist = ${input.artist}
              AND NOT EXISTS (SELECT 1 FROM social_growth_logs AS c WHERE c.replaces = log.id)
          ) WHERE position = 1`);
        // The platform's recent captures, newest first: a spike is judged against its own trend.
        const recent = w.tx
          .select({
            platform: socialGrowthLogs.platform,
            followerCount: socialGrowthLogs.followerCount,
            captureDate: socialGrowthLogs.captureDate,
          })
          .from(socialGrowthLogs)
          .leftJoin(correction, eq(correction.replaces, socialGrowthLogs.id))
          .where(
            and(
              eq(socialGrowthLogs.artist, input.artist),
              eq(socialGrowthLogs.platform, input.platform),
              isNull(correction.id),
            ),
          )
          .orderBy(desc(socialGrowthLogs.captureDate), desc(sql`${socialGrowthLogs}.rowid`))
          .limit(SPIKE_WINDOW + 2)
          .all() as Capture[];
        const spike =
          recent[0]?.captureDate === input.captureDate && isFollowerSpike(recent)
            ? { followerSpikeDate: input.captureDate, followerSpikePlatform: input.platform }
            : {};
        w.tx
          .update(artists)
          .set({ socialFollowers: total.total, ...spike, updatedAt: w.now })
          .where(eq(artists.id, input.artist))
          .run();
        const { id: _i, createdAt: _c, updatedAt: _u, version: _v, ...fields } = values;
        w.audit({
          action: 'growthLogs.create',
          entity: 'growthLogs',
          entityId: id,
          changes: { ...fields, ...spike },
        });
        w.emit({ entity: 'growthLogs', id, action: 'created' });
        w.emit({ entity: 'artists', id: input.artist, action: 'updated' });
        return toLog(select(w.tx).where(eq(socialGrowthLogs.id, id)).values()[0] as LogValues);
      });
    },
  };
}
