import { and, eq, exists, gte, inArray, isNotNull, lte, notInArray, sql } from 'drizzle-orm';
import { can, scopeOf } from '../../../shared/access';
import type { Input, Output } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import {
  CALLBACK_REPLY_DAYS,
  OVERDUE_DAYS,
  rankToday,
  SOON_DAYS,
  SPIKE_DAYS,
  urgencyOf,
  type TodayItem,
  type TodayKind,
} from '../../../shared/domain/today';
import {
  artists,
  auditLog,
  auditions,
  bookings,
  contracts,
  demos,
  talentProfiles,
  todayMarks,
  users,
} from '../../db/schema';
import type { ContractKeyDate } from '../../../shared/domain/contract';
import { contractDatesBetween } from '../label/contracts/contractDates';
import { teamCondition } from '../kernel/scope';
import type { Session } from '../kernel/session';
import type { SettingsService } from '../workspace/settings';
import type { Store } from '../kernel/store';

const DAY_MS = 86_400_000;
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * What needs doing, for the signed-in user, from every source they may read: contract option,
 * notice and expiry dates; demo decisions due; callback replies; hold challenge deadlines.
 * Items the user marked done (for that due date) or snoozed are left out.
 */
type DueItem = Omit<TodayItem, 'urgency' | 'reminded'>;

export function createTodayService(store: Store, settings: SettingsService) {
  const { db } = store;

  /**
   * Every item due between `from` and `to` that this user may act on (dated: contract dates,
   * demo decisions, callbacks, hold challenges), and the follower spikes captured since
   * `spikesSince`; marks (done, snoozed) are not applied here.
   */
  function dueItems(
    session: Session,
    { from, to, spikesSince }: { from: string; to: string; spikesSince: string },
  ): { found: DueItem[]; spikes: DueItem[] } {
    const role = session.user.role;
    const found: DueItem[] = [];
    const add = (item: Omit<TodayItem, 'urgency' | 'key' | 'reminded'>) =>
      found.push({ ...item, key: `${item.kind}:${item.id}:${item.due.slice(0, 10)}` });

    // Contracts: legal owns the dates; admins see all; A&R reads them too.
    if (can(role, 'contracts', 'read')) {
      const kinds: Record<ContractKeyDate['kind'], TodayKind> = {
        option: 'contractOption',
        notice: 'contractNotice',
        expiry: 'contractExpiry',
      };
      const dates = contractDatesBetween(
        db,
        { from, to },
        and(
          notInArray(contracts.status, ['expired', 'terminated']),
          role === 'legal' ? eq(contracts.legalOwner, session.user.id) : undefined,
        ),
      );
      for (const d of dates)
        add({
          kind: kinds[d.kind],
          entity: 'contracts',
          id: d.contract,
          title: d.artistName,
          term: { vocabulary: 'contractType', value: d.contractType },
          due: d.date,
          artist: d.artist,
          talentProfile: null,
        });
    }

    // Demo decisions: for whoever may decide (the artist's A&R owner, or admins).
    const decide = scopeOf(role, 'demos', 'update');
    if (decide) {
      const days = settings.current().demoDecisionDays;
      const rows = db
        .select({
          id: demos.id,
          title: demos.title,
          receivedAt: demos.receivedAt,
          artist: demos.artist,
          artistName: artists.artistName,
        })
        .from(demos)
        .innerJoin(artists, eq(artists.id, demos.artist))
        .where(
          and(
            inArray(demos.reviewStatus, ['submitted', 'in_review']),
            gte(demos.receivedAt, shift(from, -days)),
            lte(demos.receivedAt, `${shift(to, -days)}T23:59:59.999Z`),
            decide === 'own' ? eq(artists.owner, session.user.id) : undefined,
          ),
        )
        .all();
      for (const r of rows)
        add({
          kind: 'demoDecision',
          entity: 'demos',
          id: r.id,
          title: `${r.artistName} · ${r.title}`,
          term: null,
          due: shift(r.receivedAt.slice(0, 10), days),
          artist: r.artist,
          talentProfile: null,
        });
    }

    // Agency: callbacks to answer and hold challenges running out, in the team's scope.
    if (can(role, 'auditions', 'read')) {
      const rows = db
        .select({
          id: auditions.id,
          date: auditions.auditionDate,
          client: auditions.clientName,
          project: auditions.projectName,
          talent: auditions.talentProfile,
          stageName: talentProfiles.stageName,
        })
        .from(auditions)
        .innerJoin(talentProfiles, eq(talentProfiles.id, auditions.talentProfile))
        .where(
          and(
            eq(auditions.status, 'callback'),
            gte(auditions.auditionDate, shift(from, -CALLBACK_REPLY_DAYS)),
            lte(auditions.auditionDate, `${shift(to, -CALLBACK_REPLY_DAYS)}T23:59:59.999Z`),
            teamCondition(session, 'auditions', 'read'),
          ),
        )
        .all();
      for (const r of rows)
        add({
          kind: 'callbackReply',
          entity: 'auditions',
          id: r.id,
          title: `${r.stageName} · ${r.client} · ${r.project}`,
          term: null,
          due: shift(r.date.slice(0, 10), CALLBACK_REPLY_DAYS),
          artist: null,
          talentProfile: r.talent,
        });
    }
    if (can(role, 'bookings', 'read')) {
      const rows = db
        .select({
          id: bookings.id,
          deadline: bookings.challengeDeadline,
          client: bookings.clientName,
          talent: bookings.talentProfile,
          stageName: talentProfiles.stageName,
        })
        .from(bookings)
        .innerJoin(talentProfiles, eq(talentProfiles.id, bookings.talentProfile))
        .where(
          and(
            eq(bookings.status, 'hold'),
            isNotNull(bookings.challengeDeadline),
            lte(bookings.challengeDeadline, `${to}T23:59:59.999Z`),
            teamCondition(session, 'bookings', 'read'),
          ),
        )
        .all();
      for (const r of rows)
        add({
          kind: 'holdChallenge',
          entity: 'bookings',
          id: r.id,
          title: `${r.stageName} · ${r.client}`,
          term: null,
          due: r.deadline!,
          artist: null,
          talentProfile: r.talent,
        });
    }

    // Account requests: waiting for an admin since the person signed up.
    if (can(role, 'users', 'update')) {
      const rows = db
        .select({
          id: users.id,
          fullName: users.fullName,
          username: users.username,
          createdAt: users.createdAt,
        })
        .from(users)
        .where(
          and(
            eq(users.active, false),
            // Untouched since sign-up: a deactivated colleague is not a request.
            eq(users.version, 1),
            gte(users.createdAt, shift(from, -1)),
            lte(users.createdAt, `${to}T23:59:59.999Z`),
            exists(
              db
                .select({ one: sql`1` })
                .from(auditLog)
                .where(
                  and(
                    eq(auditLog.entity, 'users'),
                    eq(auditLog.entityId, users.id),
                    eq(auditLog.action, 'auth.signUp'),
                  ),
                ),
            ),
          ),
        )
        .all();
      for (const r of rows)
        add({
          kind: 'accountRequest',
          entity: 'users',
          id: r.id,
          title: `${r.fullName} (${r.username})`,
          term: null,
          due: r.createdAt,
          artist: null,
          talentProfile: null,
        });
    }

    // Follower spikes: news rather than a deadline, shown for a week as today's.
    const spikes: Omit<TodayItem, 'urgency' | 'reminded'>[] = [];
    const owns = scopeOf(role, 'artists', 'update');
    if (owns) {
      const rows = db
        .select({
          id: artists.id,
          name: artists.artistName,
          date: artists.followerSpikeDate,
          platform: artists.followerSpikePlatform,
        })
        .from(artists)
        .where(
          and(
            isNotNull(artists.followerSpikeDate),
            gte(artists.followerSpikeDate, spikesSince),
            owns === 'own' ? eq(artists.owner, session.user.id) : undefined,
          ),
        )
        .all();
      for (const r of rows)
        spikes.push({
          kind: 'followerSpike',
          key: `followerSpike:${r.id}:${r.date}`,
          entity: 'artists',
          id: r.id,
          title: r.name,
          term: { vocabulary: 'platform', value: r.platform! },
          due: r.date!,
          artist: r.id,
          talentProfile: null,
        });
    }

    return { found, spikes };
  }

  /**
   * VALIDATION naming the keys that name no item due for this user: a mark or a reminder is
   * kept only for what Today could show them. The caller's day may be a day either side of
   * the server's (time zones), so the window is a day wider each way than a list's.
   */
  function assertDue(session: Session, keys: readonly string[], field: string): void {
    const today = store.now().slice(0, 10);
    const { found, spikes } = dueItems(session, {
      from: shift(today, -OVERDUE_DAYS - 1),
      to: shift(today, SOON_DAYS + 1),
      spikesSince: shift(today, -SPIKE_DAYS - 1),
    });
    const due = new Set([...found, ...spikes].map((item) => item.key));
    const unknown = keys.filter((key) => !due.has(key));
    if (unknown.length === 0) return;
    const named = unknown.slice(0, 3).map((key) => `"${key}"`);
    if (unknown.length > 3) named.push(`${unknown.length - 3} more`);
    throw new AppError('VALIDATION', `Nothing due for you has the key ${named.join(', ')}.`, {
      [field]: `Not an item due for you: ${unknown.join(', ')}`.slice(0, 500),
    });
  }

  return {
    list(session: Session, input: Input<'today.list'>): Output<'today.list'> {
      const today = input.today ?? store.now().slice(0, 10);
      const { found, spikes } = dueItems(session, {
        from: shift(today, -OVERDUE_DAYS),
        to: shift(today, SOON_DAYS),
        spikesSince: shift(today, -SPIKE_DAYS),
      });
      const now = store.now();
      // Only the marks of what is listed now: a user's marks pile up over the years.
      const keys = [...found, ...spikes].map((item) => item.key);
      const marks = new Map(
        (keys.length === 0
          ? []
          : db
              .select()
              .from(todayMarks)
              .where(and(eq(todayMarks.user, session.user.id), inArray(todayMarks.item, keys)))
              .all()
        ).map((m) => [m.item, m]),
      );
      const hidden = (key: string) => {
        const mark = marks.get(key);
        return !!mark && (mark.doneAt !== null || (mark.snoozedUntil ?? '') >= now);
      };
      const reminded = (key: string) => !!marks.get(key)?.remindedAt;
      const items = rankToday(
        found
          .filter((item) => !hidden(item.key))
          .flatMap((item) => {
            const urgency = urgencyOf(item.due.slice(0, 10), today);
            return urgency ? [{ ...item, urgency, reminded: reminded(item.key) }] : [];
          })
          .concat(
            spikes
              .filter((item) => !hidden(item.key))
              .map((item) => ({
                ...item,
                urgency: 'today' as const,
                reminded: reminded(item.key),
              })),
          ),
      );
      return {
        items,
        counts: {
          overdue: items.filter((i) => i.urgency === 'overdue').length,
          today: items.filter((i) => i.urgency === 'today').length,
          soon: items.filter((i) => i.urgency === 'soon').length,
        },
      };
    },

    /** Done hides the item for this user for good; snooze until a time (a day by default). */
    mark(session: Session, input: Input<'today.mark'>): Output<'today.mark'> {
      assertDue(session, [input.key], 'key');
      return store.write(session.user.id, (w) => {
        // A snoozed item reminds again when the snooze runs out.
        const values =
          input.action === 'done'
            ? { doneAt: w.now, snoozedUntil: null }
            : input.action === 'reopen'
              ? { doneAt: null, snoozedUntil: null }
              : {
                  doneAt: null,
                  snoozedUntil: input.until ?? new Date(Date.parse(w.now) + DAY_MS).toISOString(),
                  remindedAt: null,
                };
        w.tx
          .insert(todayMarks)
          .values({ user: session.user.id, item: input.key, updatedAt: w.now, ...values })
          .onConflictDoUpdate({
            target: [todayMarks.user, todayMarks.item],
            set: { ...values, updatedAt: w.now },
          })
          .run();
        w.audit({
          action: `today.${input.action}`,
          entity: 'users',
          entityId: session.user.id,
          changes: { item: input.key, ...values },
        });
        return { key: input.key, doneAt: values.doneAt, snoozedUntil: values.snoozedUntil };
      });
    },

    /** Reminders shown (as notifications or in the window): never shown again. */
    reminded(session: Session, input: Input<'today.reminded'>): Output<'today.reminded'> {
      const keys = [...new Set(input.keys)];
      assertDue(session, keys, 'keys');
      return store.write(session.user.id, (w) => {
        for (const key of keys) {
          w.tx
            .insert(todayMarks)
            .values({ user: session.user.id, item: key, remindedAt: w.now, updatedAt: w.now })
            .onConflictDoUpdate({
              target: [todayMarks.user, todayMarks.item],
              set: { remindedAt: w.now, updatedAt: w.now },
            })
            .run();
        }
        w.audit({
          action: 'today.reminded',
          entity: 'users',
          entityId: session.user.id,
          changes: { items: keys },
        });
        return { keys };
      });
    },
  };
}
