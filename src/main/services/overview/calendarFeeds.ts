import { randomBytes } from 'node:crypto';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { CALENDAR_RULES, can, canAny } from '../../../shared/access';
import type { Input, Output } from '../../../shared/api';
import {
  FEED_PATH_PREFIX,
  FEED_PATH_SUFFIX,
  type CalendarFeed,
} from '../../../shared/domain/calendarFeed';
import { AppError } from '../../../shared/errors';
import { calendarFeeds, talentProfiles, users } from '../../db/schema';
import type { createAvailabilityBlockService } from '../agency/availabilityBlocks';
import type { createScheduleService } from '../agency/schedule/schedule';
import { talentInScope } from '../kernel/scope';
import type { Session } from '../kernel/session';
import { newId, type Store } from '../kernel/store';
import { contractDateEvents } from '../label/contracts/contractDates';
import { hashToken } from '../workspace/accounts/auth';
import { toUser } from '../workspace/accounts/userRecords';
import { toICalendar, type CalendarEvent } from '../workspace/files/icalendar';

const DAY_MS = 86_400_000;
/**
 * What a feed covers around the moment it is fetched: the recent past and the year ahead; a
 * calendar too busy for that (over the schedule's range limit) gets the coming quarter instead.
 */
const WINDOWS = [
  { back: 30, ahead: 365 },
  { back: 7, ahead: 90 },
] as const;
/** Calendar apps are asked to fetch again this often (they may choose to wait longer). */
export const FEED_REFRESH_SECONDS = 15 * 60;
/** 256 random bits, base64url: not guessable, and only its SHA-256 is stored. */
const TOKEN_BYTES = 32;
export const FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const NO_FEED = () => new AppError('NOT_FOUND', 'There is no such calendar feed.');

/** A feed, as GET /feeds/<token>.ics answers it. */
export interface RenderedFeed {
  readonly text: string;
  readonly fileName: string;
}

/**
 * Subscribable calendar feeds: a long random token in the URL is the credential (calendar apps
 * send no Authorization header). It lives here because a feed reads both desks, like the
 * calendar's export: schedule entries and availability blocks (agency) and, for those whose
 * calendar shows them, contract dates (label). At every fetch the feed is written as its owner
 * may read the calendar then: a deactivated owner, a revoked feed or a talent the owner no longer
 * reads answer NOT_FOUND. A feed holds times, titles and statuses: never rates, fees or notes.
 * Fetching one is not session activity (it holds no session).
 */
export function createCalendarFeeds(
  store: Store,
  agency: {
    schedule: Pick<ReturnType<typeof createScheduleService>, 'calendarEvents'>;
    blocks: Pick<ReturnType<typeof createAvailabilityBlockService>, 'calendarEvents'>;
  },
) {
  const { db } = store;

  function listed(where: SQL | undefined): CalendarFeed[] {
    return db
      .select({
        id: calendarFeeds.id,
        talentProfile: calendarFeeds.talentProfile,
        createdAt: calendarFeeds.createdAt,
        stageName: talentProfiles.stageName,
      })
      .from(calendarFeeds)
      .leftJoin(talentProfiles, eq(talentProfiles.id, calendarFeeds.talentProfile))
      .where(where)
      .orderBy(desc(calendarFeeds.createdAt), desc(calendarFeeds.id))
      .all()
      .map(({ stageName, ...feed }) => ({
        ...feed,
        expanded: { talentProfile: stageName === null ? null : { stageName } },
      }));
  }

  /** The events a feed holds for its owner now, over one window around `now`. */
  function eventsFor(
    owner: Session,
    talent: { id: string } | null,
    now: number,
    window: (typeof WINDOWS)[number],
  ): CalendarEvent[] {
    const role = owner.user.role;
    const range = {
      from: new Date(now - window.back * DAY_MS).toISOString(),
      to: new Date(now + window.ahead * DAY_MS).toISOString(),
      ...(talent ? { talentProfile: talent.id } : {}),
    };
    const days = { from: range.from.slice(0, 10), to: range.to.slice(0, 10) };
    return [
      ...(can(role, 'schedule', 'read') ? agency.schedule.calendarEvents(owner, range) : []),
      ...(can(role, 'availability', 'read')
        ? agency.blocks.calendarEvents(owner, range, { withNotes: false })
        : []),
      // The calendar's own rule for contract dates (a talent's feed has none).
      ...(!talent && can(role, 'contracts', 'update') ? contractDateEvents(db, days) : []),
    ];
  }

  return {
    list(session: Session, input: Input<'feeds.list'>): Output<'feeds.list'> {
      return {
        items: listed(
          and(
            eq(calendarFeeds.owner, session.user.id),
            input.talentProfile ? eq(calendarFeeds.talentProfile, input.talentProfile) : undefined,
          ),
        ),
      };
    },

    create(session: Session, input: Input<'feeds.create'>): Output<'feeds.create'> {
      return store.write(session.user.id, (w) => {
        if (input.talentProfile) {
          talentInScope(db, session, input.talentProfile, 'schedule', 'read');
        } else if (!canAny(session.user.role, CALENDAR_RULES)) {
          throw new AppError('FORBIDDEN', 'Your role has no calendar to subscribe to.');
        }
        const token = randomBytes(TOKEN_BYTES).toString('base64url');
        const id = newId();
        w.tx
          .insert(calendarFeeds)
          .values({
            id,
            tokenHash: hashToken(token),
            owner: session.user.id,
            talentProfile: input.talentProfile ?? null,
            createdAt: w.now,
          })
          .run();
        w.audit({
          action: 'feeds.create',
          entity: 'users',
          entityId: session.user.id,
          changes: { feed: id, talentProfile: input.talentProfile ?? null },
        });
        const [feed] = listed(eq(calendarFeeds.id, id));
        return { ...feed!, path: `${FEED_PATH_PREFIX}${token}${FEED_PATH_SUFFIX}` };
      });
    },

    /** One's own feed; an admin (who manages users) may end anyone's. */
    revoke(session: Session, input: Input<'feeds.revoke'>): Output<'feeds.revoke'> {
      return store.write(session.user.id, (w) => {
        const feed = w.tx.select().from(calendarFeeds).where(eq(calendarFeeds.id, input.id)).get();
        if (!feed || (feed.owner !== session.user.id && !can(session.user.role, 'users', 'update')))
          throw NO_FEED();
        w.tx.delete(calendarFeeds).where(eq(calendarFeeds.id, feed.id)).run();
        w.audit({
          action: 'feeds.revoke',
          entity: 'users',
          entityId: feed.owner,
          changes: { feed: feed.id, talentProfile: feed.talentProfile },
        });
        return { id: feed.id };
      });
    },

    /** The feed behind a token, written now for its owner; NOT_FOUND for anything else. */
    render(token: string): RenderedFeed {
      store.assertOpen();
      if (!FEED_TOKEN_PATTERN.test(token)) throw NO_FEED();
      const found = db
        .select({ feed: calendarFeeds, owner: users })
        .from(calendarFeeds)
        .innerJoin(users, eq(users.id, calendarFeeds.owner))
        .where(eq(calendarFeeds.tokenHash, hashToken(token)))
        .get();
      if (!found || !found.owner.active) throw NO_FEED();
      // The owner's read rules as they are now; the marker is no token of any session.
      const owner: Session = { tokenHash: `feed:${found.feed.id}`, user: toUser(found.owner) };
      if (!found.feed.talentProfile && !canAny(owner.user.role, CALENDAR_RULES)) throw NO_FEED();
      let talent: { id: string; stageName: string } | null = null;
      if (found.feed.talentProfile) {
        try {
          talent = talentInScope(db, owner, found.feed.talentProfile, 'schedule', 'read');
        } catch {
          throw NO_FEED();
        }
      }
      const now = Date.parse(store.now());
      let events: CalendarEvent[] = [];
      for (const [index, window] of WINDOWS.entries()) {
        try {
          events = eventsFor(owner, talent, now, window);
          break;
        } catch (error) {
          const tooMany = error instanceof AppError && error.fields?.to === 'Range too large';
          if (!tooMany || index === WINDOWS.length - 1) throw error;
        }
      }
      const name = talent
        ? `${talent.stageName} · Greenroom`
        : `Greenroom · ${found.owner.fullName}`;
      return {
        text: toICalendar(name, events, { refreshSeconds: FEED_REFRESH_SECONDS }),
        fileName: talent ? 'greenroom-talent.ics' : 'greenroom.ics',
      };
    },
  };
}

export type CalendarFeeds = ReturnType<typeof createCalendarFeeds>;
