import { z } from 'zod';
import { calendarDate, instant } from './common';

export const TODAY_KINDS = [
  'contractOption',
  'contractNotice',
  'contractExpiry',
  'demoDecision',
  'callbackReply',
  'holdChallenge',
  'followerSpike',
  'accountRequest',
] as const;
export type TodayKind = (typeof TODAY_KINDS)[number];

export const URGENCIES = ['overdue', 'today', 'soon'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** How far ahead Today looks, and how far back overdue items still show. */
export const SOON_DAYS = 7;
export const OVERDUE_DAYS = 60;

/** A follower spike stays on Today for a week after its capture. */
export const SPIKE_DAYS = 7;

/** A callback is to be answered within two days of the audition. */
export const CALLBACK_REPLY_DAYS = 2;

export const todayItem = z.object({
  /** Stable per item and due date: done or snoozed marks follow it. */
  key: z.string(),
  kind: z.enum(TODAY_KINDS),
  /** The record to open. */
  entity: z.enum(['contracts', 'demos', 'auditions', 'bookings', 'artists', 'users']),
  id: z.string(),
  /** Names (people, records, clients): shown as they are. */
  title: z.string(),
  /** A vocabulary value after the title (a contract's type, a platform), worded by the reader. */
  term: z
    .object({ vocabulary: z.enum(['contractType', 'platform']), value: z.string() })
    .nullable(),
  /** A calendar date (YYYY-MM-DD) or an instant. */
  due: z.string(),
  urgency: z.enum(URGENCIES),
  artist: z.string().nullable(),
  talentProfile: z.string().nullable(),
  /** A reminder for it was shown already (in any window, in any session). */
  reminded: z.boolean(),
});
export type TodayItem = z.infer<typeof todayItem>;

/** `today`: the caller's local date (the server does not know the user's zone). */
export const todayQuery = z.strictObject({ today: calendarDate.optional() });

export const todayList = z.object({
  items: z.array(todayItem),
  counts: z.object({ overdue: z.number().int(), today: z.number().int(), soon: z.number().int() }),
});

export const todayMark = z.strictObject({
  key: z.string().min(1).max(200),
  /** done: gone for this user; snooze: hidden until `until`; reopen: back on the list (undo). */
  action: z.enum(['done', 'snooze', 'reopen']),
  until: instant.optional(),
});

/** The most keys one `today.reminded` call takes. */
export const REMINDED_PER_CALL = 100;

/** Records that reminders were shown, so each is shown once. */
export const todayReminded = z.strictObject({
  keys: z.array(z.string().min(1).max(200)).min(1).max(REMINDED_PER_CALL),
});

/**
 * Where a due date falls for someone whose day is `today` (YYYY-MM-DD): overdue, today, within
 * SOON_DAYS, or null (too far ahead, or too long ago to be useful).
 */
export function urgencyOf(dueDate: string, today: string): Urgency | null {
  const days = Math.round(
    (Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
  if (days < -OVERDUE_DAYS || days > SOON_DAYS) return null;
  if (days < 0) return 'overdue';
  return days === 0 ? 'today' : 'soon';
}

const ORDER: Record<Urgency, number> = { overdue: 0, today: 1, soon: 2 };

/** Most urgent first; within a band, the earliest due first. */
export function rankToday<T extends { urgency: Urgency; due: string }>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) => ORDER[a.urgency] - ORDER[b.urgency] || a.due.localeCompare(b.due),
  );
}
