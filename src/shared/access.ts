/**
 * Who may do what: one table, enforced in main on every channel and read by the renderer only
 * to hide what would be refused. Row scope:
 * - `all`: every row;
 * - `team`: rows of talents whose manager heads the caller's team (a manager's team is the
 *   manager and their coordinators);
 * - `own`: rows the caller owns (artist owner, legal owner, author).
 */
import type { NoteVisibility } from './domain/reviewNote';
import { AGENCY_ROLES, type Role } from './domain/vocabulary';

export const ENTITIES = [
  'users',
  'talents',
  'auditions',
  'bookings',
  'schedule',
  'availability',
  'artists',
  'demos',
  'demoScores',
  'contracts',
  'growthLogs',
  'reviewNotes',
  'audit',
  'settings',
] as const;
export type Entity = (typeof ENTITIES)[number];

export const ACTIONS = ['read', 'create', 'update', 'archive'] as const;
export type Action = (typeof ACTIONS)[number];

export type Scope = 'all' | 'team' | 'own';
type Grants = Partial<Record<Action, Scope>>;

const everything: Grants = { read: 'all', create: 'all', update: 'all', archive: 'all' };
const team: Grants = { read: 'team', create: 'team', update: 'team', archive: 'team' };
const readAll: Grants = { read: 'all' };
/** Append-only entities: no update or archive, for anyone (the database refuses it too). */
const appendAll: Grants = { read: 'all', create: 'all' };

export const ACCESS: Readonly<Record<Role, Readonly<Partial<Record<Entity, Grants>>>>> = {
  admin: {
    ...Object.fromEntries(ENTITIES.map((entity) => [entity, everything])),
    growthLogs: appendAll,
    reviewNotes: appendAll,
    audit: { read: 'all' },
  },
  manager: {
    talents: team,
    auditions: team,
    bookings: team,
    schedule: team,
    availability: team,
  },
  coordinator: {
    talents: team,
    auditions: team,
    bookings: team,
    schedule: team,
    availability: team,
  },
  // The label desk sees nothing of the agency desk (and the other way round), unless admin.
  // `own` for demos is the demo's artist's owner: only they move a demo through review.
  AandR: {
    artists: { read: 'all', create: 'all', update: 'own' },
    demos: { read: 'all', create: 'all', update: 'own' },
    // Every A&R reviewer scores demos (their own score, replaced when they rate again).
    demoScores: { read: 'all', create: 'all' },
    contracts: readAll,
    growthLogs: appendAll,
    reviewNotes: appendAll,
  },
  legal: {
    artists: readAll,
    demos: readAll,
    contracts: { read: 'all', create: 'all', update: 'all' },
    growthLogs: readAll,
    reviewNotes: appendAll,
  },
  contributor: {
    artists: readAll,
    demos: readAll,
    growthLogs: appendAll,
    reviewNotes: appendAll,
  },
};

/** The scope a role has for an action on an entity, or null when it has none. */
export function scopeOf(role: Role, entity: Entity, action: Action): Scope | null {
  return ACCESS[role][entity]?.[action] ?? null;
}

export function can(role: Role, entity: Entity, action: Action): boolean {
  return scopeOf(role, entity, action) !== null;
}

/** A rule as channels and screens state it. */
export interface Rule {
  readonly entity: Entity;
  readonly action: Action;
}

/** Whether any of the rules allows the role (a screen serving more than one desk). */
export function canAny(role: Role, rules: readonly Rule[]): boolean {
  return rules.some((rule) => can(role, rule.entity, rule.action));
}

/**
 * The calendar serves the agency's schedule and, for those who work contract dates (legal and
 * admins), the option, notice and expiry dates as all-day items.
 */
export const CALENDAR_RULES: readonly Rule[] = [
  { entity: 'schedule', action: 'read' },
  { entity: 'contracts', action: 'update' },
];

/**
 * Fields only agency staff may see. For everyone else they are absent from responses, never
 * blanked, and never searched.
 */
export const RESTRICTED_FIELDS: Readonly<Partial<Record<Entity, readonly string[]>>> = {
  talents: ['portfolioUrl', 'headshotUrl', 'notes'],
  auditions: ['callbackNotes'],
  bookings: ['rate', 'notes'],
};

export function seesRestricted(role: Role): boolean {
  return AGENCY_ROLES.includes(role);
}

/** Removes the restricted fields a role may not see. */
export function redact<T extends object>(role: Role, entity: Entity, row: T): T {
  const hidden = RESTRICTED_FIELDS[entity];
  if (!hidden || seesRestricted(role)) return row;
  const copy = { ...row } as Record<string, unknown>;
  for (const field of hidden) delete copy[field];
  return copy as T;
}

/** The manager whose team the user belongs to: themselves for a manager. */
export function teamManagerOf(user: {
  id: string;
  role: Role;
  manager: string | null;
}): string | null {
  if (user.role === 'manager') return user.id;
  if (user.role === 'coordinator') return user.manager;
  return null;
}

/**
 * Who reads a review note besides its author: `private` nobody, `team` the A&R team with legal
 * and admins, `label` every label role and admins. Lists, search and events all use this.
 */
export const NOTE_AUDIENCE: Readonly<Record<NoteVisibility, readonly Role[]>> = {
  private: [],
  team: ['admin', 'AandR', 'legal'],
  label: ['admin', 'AandR', 'legal', 'contributor'],
};

export function canSeeNote(
  user: { id: string; role: Role },
  note: { visibility: NoteVisibility; author: string },
): boolean {
  return note.author === user.id || NOTE_AUDIENCE[note.visibility].includes(user.role);
}

/** The visibilities a role reads in others' notes (and may write: no note its author cannot read). */
export function noteVisibilitiesFor(role: Role): NoteVisibility[] {
  return (Object.keys(NOTE_AUDIENCE) as NoteVisibility[]).filter((v) =>
    NOTE_AUDIENCE[v].includes(role),
  );
}
