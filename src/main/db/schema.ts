/**
 * The whole store. snake_case in SQL comes from Drizzle's `casing`; index names are
 * `<table>_by_<cols>`. Adding an entity: schema here -> `npm run db:generate` -> domain schema
 * in src/shared -> contract -> service -> access rule -> feature.
 */
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  real,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';

const rowMeta = {
  id: text().primaryKey(),
  createdAt: text().notNull(),
  updatedAt: text().notNull(),
  version: integer().notNull().default(1),
};

export const users = sqliteTable(
  'users',
  {
    ...rowMeta,
    username: text().notNull(),
    /** NFKC + lower case: uniqueness ignores case and width. */
    usernameKey: text().notNull(),
    email: text().notNull(),
    emailKey: text().notNull(),
    fullName: text().notNull(),
    role: text().notNull(),
    manager: text().references((): AnySQLiteColumn => users.id),
    active: integer({ mode: 'boolean' }).notNull().default(true),
    passwordHash: text().notNull(),
  },
  (t) => [
    uniqueIndex('users_by_username_key').on(t.usernameKey),
    uniqueIndex('users_by_email_key').on(t.emailKey),
    index('users_by_manager').on(t.manager),
  ],
);

export const sessions = sqliteTable(
  'sessions',
  {
    /** sha256 of the bearer token: a copied database file holds no usable token. */
    tokenHash: text().primaryKey(),
    user: text()
      .notNull()
      .references(() => users.id),
    createdAt: text().notNull(),
    lastSeenAt: text().notNull(),
    /**
     * What the session is called outside main (sessions.list, sessions.revoke): random, so it
     * says nothing of the token. '' only between the migration's ADD and its UPDATE.
     */
    id: text().notNull().default(''),
    /** Where and with what it signed in: the admin's list of sessions shows them. */
    clientAddress: text(),
    userAgent: text(),
  },
  (t) => [index('sessions_by_user').on(t.user), uniqueIndex('sessions_by_id').on(t.id)],
);

/**
 * Subscribable calendar feeds (GET /feeds/<token>.ics): the token is the credential, so only
 * its hash is kept. What a feed holds is decided at each fetch by its owner's read rules then;
 * `talentProfile` narrows it to one talent.
 */
export const calendarFeeds = sqliteTable(
  'calendar_feeds',
  {
    id: text().primaryKey(),
    tokenHash: text().notNull(),
    owner: text()
      .notNull()
      .references(() => users.id),
    talentProfile: text().references((): AnySQLiteColumn => talentProfiles.id),
    createdAt: text().notNull(),
  },
  (t) => [
    uniqueIndex('calendar_feeds_by_token_hash').on(t.tokenHash),
    index('calendar_feeds_by_owner').on(t.owner),
  ],
);

export const media = sqliteTable(
  'media',
  {
    ...rowMeta,
    sha256: text().notNull(),
    size: integer().notNull(),
    contentType: text().notNull(),
    fileName: text().notNull(),
    createdBy: text().references(() => users.id),
  },
  (t) => [uniqueIndex('media_by_sha256').on(t.sha256)],
);

/**
 * What the analysis worker measured in a stored audio file: peaks for the waveform (JSON), the
 * exact duration and the integrated loudness. One row per file, whatever demos share it; `error`
 * is set instead when the file could not be decoded.
 */
export const mediaAnalysis = sqliteTable('media_analysis', {
  media: text()
    .primaryKey()
    .references(() => media.id),
  analyzedAt: text().notNull(),
  peaks: text(),
  durationSeconds: real(),
  sampleRate: integer(),
  loudnessLufs: real(),
  error: text(),
});

export const talentProfiles = sqliteTable(
  'talent_profiles',
  {
    ...rowMeta,
    stageName: text().notNull(),
    fullName: text().notNull(),
    talentType: text().notNull(),
    portfolioUrl: text(),
    headshotUrl: text(),
    availabilityStatus: text().notNull(),
    manager: text()
      .notNull()
      .references(() => users.id),
    notes: text(),
    archivedAt: text(),
  },
  (t) => [
    index('talent_profiles_by_updated_at_id').on(t.updatedAt, t.id),
    index('talent_profiles_by_manager_updated_at_id').on(t.manager, t.updatedAt, t.id),
    index('talent_profiles_by_availability_status').on(t.availabilityStatus),
    index('talent_profiles_by_talent_type').on(t.talentType),
  ],
);

export const auditions = sqliteTable(
  'auditions',
  {
    ...rowMeta,
    talentProfile: text()
      .notNull()
      .references(() => talentProfiles.id),
    clientName: text().notNull(),
    projectName: text().notNull(),
    auditionType: text().notNull(),
    auditionDate: text().notNull(),
    status: text().notNull(),
    location: text(),
    callbackNotes: text(),
    /**
     * The talent's manager (the team a row belongs to), copied by triggers when the row is
     * written and when its talent moves team: a team's list reads its own index range instead
     * of every row joined to its talent. Never set by services.
     */
    teamManager: text(),
  },
  (t) => [
    index('auditions_by_audition_date_id').on(t.auditionDate, t.id),
    index('auditions_by_talent_profile_audition_date').on(t.talentProfile, t.auditionDate),
    index('auditions_by_status_audition_date_id').on(t.status, t.auditionDate, t.id),
    index('auditions_by_team_manager_audition_date_id').on(t.teamManager, t.auditionDate, t.id),
    index('auditions_by_team_manager_status_audition_date_id').on(
      t.teamManager,
      t.status,
      t.auditionDate,
      t.id,
    ),
  ],
);

export const bookings = sqliteTable(
  'bookings',
  {
    ...rowMeta,
    talentProfile: text()
      .notNull()
      .references(() => talentProfiles.id),
    audition: text().references(() => auditions.id),
    clientName: text().notNull(),
    projectName: text().notNull(),
    startDateTime: text().notNull(),
    endDateTime: text().notNull(),
    status: text().notNull(),
    holdRank: integer(),
    /** Integer minor units (cents, fen): never a float. */
    rate: integer(),
    currency: text(),
    /** The IANA zone the booking was made in; its schedule entry carries the same. */
    timezone: text().notNull().default('UTC'),
    notes: text(),
    cancelReason: text(),
    /** A lower hold challenged this 1st hold: confirm by then or it is released. */
    challengeDeadline: text(),
    challengedBy: text(),
    /** The booking whose confirmation released this hold: its clients to call are read back. */
    releasedBy: text().references((): AnySQLiteColumn => bookings.id),
    /** The talent's manager, kept by triggers as on auditions. */
    teamManager: text(),
  },
  (t) => [
    index('bookings_by_challenge_deadline').on(t.challengeDeadline),
    index('bookings_by_start_date_time_id').on(t.startDateTime, t.id),
    index('bookings_by_talent_profile_start_date_time').on(t.talentProfile, t.startDateTime),
    index('bookings_by_audition').on(t.audition),
    // Partial: only released holds carry it, so a new booking adds no index entry.
    index('bookings_by_released_by')
      .on(t.releasedBy)
      .where(sql`${t.releasedBy} IS NOT NULL`),
    index('bookings_by_status_start_date_time_id').on(t.status, t.startDateTime, t.id),
    index('bookings_by_team_manager_start_date_time_id').on(t.teamManager, t.startDateTime, t.id),
    index('bookings_by_team_manager_status_start_date_time_id').on(
      t.teamManager,
      t.status,
      t.startDateTime,
      t.id,
    ),
  ],
);

export const scheduleEntries = sqliteTable(
  'schedule_entries',
  {
    ...rowMeta,
    talentProfile: text()
      .notNull()
      .references(() => talentProfiles.id),
    booking: text().references(() => bookings.id),
    entryType: text().notNull(),
    title: text(),
    start: text().notNull(),
    end: text().notNull(),
    timezone: text().notNull(),
    status: text().notNull(),
    source: text().notNull().default('manual'),
  },
  (t) => [
    index('schedule_entries_by_start').on(t.start),
    index('schedule_entries_by_talent_profile_start').on(t.talentProfile, t.start),
    // One entry per booking: two racing confirms cannot create two.
    uniqueIndex('schedule_entries_by_booking').on(t.booking),
  ],
);

export const availabilityBlocks = sqliteTable(
  'availability_blocks',
  {
    ...rowMeta,
    talentProfile: text()
      .notNull()
      .references(() => talentProfiles.id),
    start: text().notNull(),
    end: text().notNull(),
    timezone: text().notNull(),
    kind: text().notNull(),
    note: text(),
  },
  (t) => [index('availability_blocks_by_talent_profile_start').on(t.talentProfile, t.start)],
);

export const artists = sqliteTable(
  'artists',
  {
    ...rowMeta,
    artistName: text().notNull(),
    genre: text().notNull(),
    status: text().notNull(),
    priorityScore: integer(),
    socialFollowers: integer(),
    lastDemoDate: text(),
    /** The capture date and platform of the last follower spike (see followerSpike.ts). */
    followerSpikeDate: text(),
    followerSpikePlatform: text(),
    owner: text()
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    // The artists view's order (unscored last), so a page reads its rows in order.
    index('artists_by_priority').on(sql`coalesce(${t.priorityScore}, -1)`, t.id),
    index('artists_by_owner').on(t.owner),
    index('artists_by_status').on(t.status),
    index('artists_by_genre').on(t.genre),
  ],
);

export const demos = sqliteTable(
  'demos',
  {
    ...rowMeta,
    artist: text()
      .notNull()
      .references(() => artists.id),
    title: text().notNull(),
    audioUrl: text().notNull(),
    submissionSource: text().notNull(),
    reviewStatus: text().notNull(),
    submittedBy: text()
      .notNull()
      .references(() => users.id),
    receivedAt: text().notNull(),
    durationSeconds: real(),
    sampleRate: integer(),
    loudnessLufs: real(),
  },
  (t) => [
    index('demos_by_received_at').on(t.receivedAt),
    index('demos_by_artist_received_at').on(t.artist, t.receivedAt),
    index('demos_by_review_status_received_at').on(t.reviewStatus, t.receivedAt),
  ],
);

/** One score (1-5) per A&R reviewer per demo; rating again replaces the reviewer's own. */
export const demoScores = sqliteTable(
  'demo_scores',
  {
    demo: text()
      .notNull()
      .references(() => demos.id),
    reviewer: text()
      .notNull()
      .references(() => users.id),
    score: integer().notNull(),
    updatedAt: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.demo, t.reviewer] }),
    check('demo_scores_score_range', sql`${t.score} between 1 and 5`),
  ],
);

export const contracts = sqliteTable(
  'contracts',
  {
    ...rowMeta,
    artist: text()
      .notNull()
      .references(() => artists.id),
    contractType: text().notNull(),
    status: text().notNull(),
    effectiveDate: text(),
    signedAt: text(),
    documentUrl: text(),
    /** Who made the current document: 'generated' (the app's export) or 'signed' (a person's upload). */
    documentSource: text(),
    legalOwner: text()
      .notNull()
      .references(() => users.id),
    terms: text(),
    optionDate: text(),
    noticeDate: text(),
    expiryDate: text(),
  },
  (t) => [
    index('contracts_by_artist').on(t.artist),
    index('contracts_by_status').on(t.status),
    index('contracts_by_legal_owner').on(t.legalOwner),
    // The contracts view's two orders: most recently changed, and upcoming expiries.
    index('contracts_by_updated_at_id').on(t.updatedAt, t.id),
    index('contracts_by_status_expiry_date_id').on(t.status, t.expiryDate, t.id),
  ],
);

export const socialGrowthLogs = sqliteTable(
  'social_growth_logs',
  {
    ...rowMeta,
    artist: text()
      .notNull()
      .references(() => artists.id),
    platform: text().notNull(),
    followerCount: integer().notNull(),
    engagementRate: real(),
    captureDate: text().notNull(),
    capturedBy: text()
      .notNull()
      .references(() => users.id),
    /** The capture this one corrects (logs are append-only, so a mistake is superseded). */
    replaces: text().references((): AnySQLiteColumn => socialGrowthLogs.id),
  },
  (t) => [
    index('social_growth_logs_by_artist_capture_date').on(t.artist, t.captureDate),
    index('social_growth_logs_by_replaces').on(t.replaces),
  ],
);

export const reviewNotes = sqliteTable(
  'review_notes',
  {
    ...rowMeta,
    artist: text()
      .notNull()
      .references(() => artists.id),
    demo: text().references(() => demos.id),
    author: text()
      .notNull()
      .references(() => users.id),
    noteType: text().notNull(),
    body: text().notNull(),
    visibility: text().notNull(),
    atSeconds: real(),
    replaces: text().references((): AnySQLiteColumn => reviewNotes.id),
  },
  (t) => [
    index('review_notes_by_artist_created_at').on(t.artist, t.createdAt),
    index('review_notes_by_demo').on(t.demo),
  ],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text().primaryKey(),
    at: text().notNull(),
    actor: text().references(() => users.id),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text(),
    /** JSON: the fields a write changed, before and after (restricted values included). */
    changes: text(),
  },
  (t) => [
    index('audit_log_by_entity_entity_id_at').on(t.entity, t.entityId, t.at),
    index('audit_log_by_actor_at').on(t.actor, t.at),
    index('audit_log_by_at').on(t.at),
  ],
);

/** Workspace settings: one row, id `workspace`. */
export const settings = sqliteTable('settings', {
  ...rowMeta,
  signUpEnabled: integer({ mode: 'boolean' }).notNull().default(true),
  /** Sessions unused for this long end; the app locks to the sign-in screen. */
  idleTimeoutMinutes: integer().notNull().default(720),
  /** Sessions end this many days after sign-in, however busy they are. */
  sessionMaxDays: integer().notNull().default(30),
  /** A demo's decision is due this many days after it was received. */
  demoDecisionDays: integer().notNull().default(14),
  /** The label or agency named as a party on generated documents. */
  organizationName: text().notNull().default(''),
});

/** What each user did with a Today item: done, or snoozed until a time. */
export const todayMarks = sqliteTable(
  'today_marks',
  {
    user: text()
      .notNull()
      .references(() => users.id),
    item: text().notNull(),
    doneAt: text(),
    snoozedUntil: text(),
    /** When a reminder for this item was shown, so one shown is never shown again. */
    remindedAt: text(),
    updatedAt: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.user, t.item] })],
);

/**
 * Which Back4app (Parse) object each imported row came from: a second run of the same export
 * finds its objects here and imports nothing twice.
 */
export const importLinks = sqliteTable(
  'import_links',
  {
    sourceClass: text().notNull(),
    objectId: text().notNull(),
    entity: text().notNull(),
    entityId: text().notNull(),
    importedAt: text().notNull(),
    /** The Parse object's updatedAt when it was last brought over: later means changed there. */
    sourceUpdatedAt: text(),
    /**
     * The row's version right after the import wrote it: a higher one means changed in
     * Greenroom since. Null: linked to a user who was already in Greenroom, never written.
     */
    entityVersion: integer(),
  },
  (t) => [primaryKey({ columns: [t.sourceClass, t.objectId] })],
);
