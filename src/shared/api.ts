/**
 * THE contract between the renderer and main: channel -> input schema, output schema and the
 * access rule the router checks before any service runs. Channel, Input<C> and Output<C> are
 * derived from it, and the handler table in main is a mapped type over it, so a channel without
 * a handler does not compile.
 */
import { z } from 'zod';
import type { Action, Entity } from './access';
import { ENTITIES } from './access';
import { countedPage, empty, id, instant, page, userSummary } from './domain/common';
import type { Envelope } from './errors';
import { talent, talentCreate, talentList, talentUpdate } from './domain/talent';
import {
  audition,
  auditionCreate,
  auditionList,
  auditionSetStatus,
  auditionUpdate,
} from './domain/audition';
import {
  booking,
  bookingChallenge,
  bookingConfirm,
  bookingCreate,
  bookingDetail,
  releasePreview,
  bookingList,
  bookingUpdate,
  clash,
  clashCheck,
  confirmedBooking,
} from './domain/booking';
import {
  scheduleEntry,
  scheduleEntryCreate,
  scheduleEntryUpdate,
  scheduleIcsExport,
  scheduleList,
} from './domain/scheduleEntry';
import { artist, artistCreate, artistList, artistUpdate } from './domain/artist';
import {
  contract as contractRow,
  contractAttachDocument,
  contractBundle,
  contractCreate,
  contractKeyDate,
  contractKeyDatesQuery,
  contractList,
  contractTransition,
  contractUpdate,
} from './domain/contract';
import {
  attachedRecordings,
  demo,
  demoAttachRecordings,
  demoImport,
  demoImported,
  demoList,
  demoPeaks,
  demoRate,
  demoRelink,
  demoSetReviewStatus,
} from './domain/demo';
import { growthLog, growthLogCreate, growthLogList } from './domain/growthLog';
import { reviewNote, reviewNoteCreate, reviewNoteList } from './domain/reviewNote';
import {
  availabilityBlock,
  availabilityBlockCreate,
  availabilityBlockList,
  availabilityBlockUpdate,
} from './domain/availabilityBlock';
import { searchQuery, searchResult } from './domain/search';
import { todayList, todayMark, todayQuery, todayReminded } from './domain/today';
import { settingsPatch, workspaceSettings } from './domain/settings';
import { backup, backupList, backupRestore, databaseCheck, restored } from './domain/maintenance';
import { job, jobRef } from './domain/job';
import {
  serverAddress,
  serverIdentity,
  workstationJoin,
  workstationShare,
  workstationStatus,
} from './domain/workstation';
import {
  csvExport,
  csvImport,
  importPreview,
  importResult,
  parseImport,
  parseImportReport,
} from './domain/interchange';
import { newAccount, password, user, userCreate, userList, userPatch } from './domain/user';
import { sessionListQuery, sessionRevoke, signedInSession } from './domain/signedInSession';
import {
  calendarFeed,
  calendarFeedCreate,
  calendarFeedCreated,
  calendarFeedList,
} from './domain/calendarFeed';

/** `public`: no session needed; `signedIn`: any active user; otherwise a rule from access.ts. */
export type Guard = 'public' | 'signedIn' | { readonly entity: Entity; readonly action: Action };

interface ChannelSpec {
  readonly input: z.ZodType;
  readonly output: z.ZodType;
  readonly guard: Guard;
}

const signIn = z.strictObject({
  username: z.string().trim().min(1, 'Required').max(254, 'Too long'),
  password: z.string().min(1, 'Required').max(1024, 'Too long'),
});
const session = z.object({ token: z.string(), user });
const userReply = z.object({ user });
const byId = z.strictObject({ id });
/** Exports are stored as media and read from /media/<media> (or saved by Electron). */
const exported = z.object({ media: z.string(), fileName: z.string(), contentType: z.string() });
const adminSettings = { entity: 'settings', action: 'update' } as const;
/** A short-lived token from files.pick or POST /upload: channels never take a path. */
const stagedFile = z.string().min(1).max(128);

const ticket = z.object({ ticket: z.string(), expiresAt: z.string() });

const auditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()).nullable(),
  expanded: z.object({
    actor: userSummary.nullable(),
    /** The record's name as its screens show it; null once it is deleted, or for no record. */
    record: z.object({ title: z.string(), type: z.string().nullable() }).nullable(),
    /** id -> name for the users and records the changes refer to. */
    names: z.record(z.string(), z.string()),
  }),
});

export const contract = {
  'setup.status': {
    input: empty,
    output: z.object({ needsOwner: z.boolean(), signUpEnabled: z.boolean() }),
    guard: 'public',
  },
  'setup.createOwner': { input: newAccount, output: userReply, guard: 'public' },

  'auth.signUp': {
    input: newAccount,
    output: z.object({ pendingApproval: z.literal(true) }),
    guard: 'public',
  },
  'auth.login': { input: signIn, output: session, guard: 'public' },
  'auth.logout': { input: empty, output: z.object({}), guard: 'signedIn' },
  'auth.me': { input: empty, output: userReply, guard: 'signedIn' },
  'auth.changePassword': {
    input: z.strictObject({ currentPassword: z.string().max(1024), newPassword: password }),
    output: z.object({}),
    guard: 'signedIn',
  },

  // Where a header cannot be sent (<audio>, <img>, a link in a new tab, EventSource), the web
  // host and the team server take a short-lived ticket for that one file or stream instead.
  'media.ticket': {
    input: z.strictObject({ media: z.string().min(1).max(64) }),
    output: ticket,
    guard: 'signedIn',
  },
  'events.ticket': { input: empty, output: ticket, guard: 'signedIn' },

  // Signed-in sessions: admins see and end anyone's, everyone else their own (the service
  // checks). Ending one ends its open event stream too.
  'sessions.list': {
    input: sessionListQuery,
    output: z.object({ items: z.array(signedInSession) }),
    guard: 'signedIn',
  },
  'sessions.revoke': {
    input: sessionRevoke,
    output: z.object({ revoked: z.number().int().min(0) }),
    guard: 'signedIn',
  },

  // Calendar feeds for calendar apps (GET /feeds/<token>.ics): the caller's own. What a feed
  // holds is the owner's calendar as their read rules allow at each fetch.
  'feeds.list': {
    input: calendarFeedList,
    output: z.object({ items: z.array(calendarFeed) }),
    guard: 'signedIn',
  },
  'feeds.create': { input: calendarFeedCreate, output: calendarFeedCreated, guard: 'signedIn' },
  'feeds.revoke': { input: byId, output: z.object({ id: z.string() }), guard: 'signedIn' },

  'users.list': {
    input: userList,
    output: countedPage(user),
    guard: { entity: 'users', action: 'read' },
  },
  'users.create': { input: userCreate, output: user, guard: { entity: 'users', action: 'create' } },
  'users.update': {
    input: z.strictObject({ id, version: z.number().int().min(1).optional(), patch: userPatch }),
    output: user,
    guard: { entity: 'users', action: 'update' },
  },

  'talents.list': {
    input: talentList,
    output: countedPage(talent),
    guard: { entity: 'talents', action: 'read' },
  },
  'talents.get': { input: byId, output: talent, guard: { entity: 'talents', action: 'read' } },
  'talents.create': {
    input: talentCreate,
    output: talent,
    guard: { entity: 'talents', action: 'create' },
  },
  'talents.update': {
    input: talentUpdate,
    output: talent,
    guard: { entity: 'talents', action: 'update' },
  },
  'talents.setHeadshot': {
    input: z.strictObject({ id, file: stagedFile }),
    output: talent,
    guard: { entity: 'talents', action: 'update' },
  },
  // This computer's part in a workspace: the desktop app only (NOT_FOUND in a browser). Public,
  // because the first-run choice to join a team workspace comes before any account.
  'workstation.status': { input: empty, output: workstationStatus, guard: 'public' },
  'workstation.useThisComputer': { input: empty, output: workstationStatus, guard: 'public' },
  'workstation.probe': {
    input: z.strictObject({ url: serverAddress }),
    output: serverIdentity,
    guard: 'public',
  },
  'workstation.join': { input: workstationJoin, output: workstationStatus, guard: 'public' },
  'workstation.leave': { input: empty, output: workstationStatus, guard: 'public' },
  'workstation.share': { input: workstationShare, output: workstationStatus, guard: adminSettings },

  'files.pick': {
    input: z.strictObject({
      kind: z.enum(['image', 'audio', 'document', 'spreadsheet', 'parseExport']),
      multiple: z.boolean().optional(),
    }),
    output: z.object({ files: z.array(z.object({ file: z.string(), fileName: z.string() })) }),
    guard: 'signedIn',
  },
  'talents.archive': {
    input: byId,
    output: talent,
    guard: { entity: 'talents', action: 'archive' },
  },

  'auditions.list': {
    input: auditionList,
    output: page(audition),
    guard: { entity: 'auditions', action: 'read' },
  },
  'auditions.get': {
    input: byId,
    output: audition,
    guard: { entity: 'auditions', action: 'read' },
  },
  'auditions.create': {
    input: auditionCreate,
    output: audition,
    guard: { entity: 'auditions', action: 'create' },
  },
  'auditions.update': {
    input: auditionUpdate,
    output: audition,
    guard: { entity: 'auditions', action: 'update' },
  },
  'auditions.setStatus': {
    input: auditionSetStatus,
    output: audition,
    guard: { entity: 'auditions', action: 'update' },
  },

  'bookings.list': {
    input: bookingList,
    output: countedPage(booking),
    guard: { entity: 'bookings', action: 'read' },
  },
  'bookings.get': {
    input: byId,
    output: bookingDetail,
    guard: { entity: 'bookings', action: 'read' },
  },
  'bookings.create': {
    input: bookingCreate,
    output: booking,
    guard: { entity: 'bookings', action: 'create' },
  },
  'bookings.update': {
    input: bookingUpdate,
    output: booking,
    guard: { entity: 'bookings', action: 'update' },
  },
  'bookings.confirm': {
    input: bookingConfirm,
    output: confirmedBooking,
    guard: { entity: 'bookings', action: 'update' },
  },
  'bookings.releasePreview': {
    input: byId,
    output: releasePreview,
    guard: { entity: 'bookings', action: 'update' },
  },
  'bookings.challenge': {
    input: bookingChallenge,
    output: booking,
    guard: { entity: 'bookings', action: 'update' },
  },
  'bookings.cancel': {
    input: z.strictObject({ id, reason: z.string().trim().max(500).optional() }),
    output: booking,
    guard: { entity: 'bookings', action: 'update' },
  },
  'clashes.check': {
    input: clashCheck,
    output: z.object({ clashes: z.array(clash) }),
    guard: { entity: 'bookings', action: 'read' },
  },

  'schedule.list': {
    input: scheduleList,
    output: z.object({ items: z.array(scheduleEntry), nextCursor: z.null() }),
    guard: { entity: 'schedule', action: 'read' },
  },
  'schedule.get': {
    input: byId,
    output: scheduleEntry,
    guard: { entity: 'schedule', action: 'read' },
  },
  'schedule.create': {
    input: scheduleEntryCreate,
    output: scheduleEntry,
    guard: { entity: 'schedule', action: 'create' },
  },
  'schedule.update': {
    input: scheduleEntryUpdate,
    output: scheduleEntry,
    guard: { entity: 'schedule', action: 'update' },
  },
  'schedule.cancel': {
    input: byId,
    output: scheduleEntry,
    guard: { entity: 'schedule', action: 'update' },
  },
  'schedule.exportIcs': {
    input: scheduleIcsExport,
    output: exported,
    guard: { entity: 'schedule', action: 'read' },
  },

  'blocks.list': {
    input: availabilityBlockList,
    output: page(availabilityBlock),
    guard: { entity: 'availability', action: 'read' },
  },
  'blocks.create': {
    input: availabilityBlockCreate,
    output: availabilityBlock,
    guard: { entity: 'availability', action: 'create' },
  },
  'blocks.update': {
    input: availabilityBlockUpdate,
    output: availabilityBlock,
    guard: { entity: 'availability', action: 'update' },
  },
  'blocks.delete': {
    input: byId,
    output: z.object({ id: z.string() }),
    guard: { entity: 'availability', action: 'archive' },
  },

  'artists.list': {
    input: artistList,
    output: countedPage(artist),
    guard: { entity: 'artists', action: 'read' },
  },
  'artists.get': { input: byId, output: artist, guard: { entity: 'artists', action: 'read' } },
  'artists.create': {
    input: artistCreate,
    output: artist,
    guard: { entity: 'artists', action: 'create' },
  },
  'artists.update': {
    input: artistUpdate,
    output: artist,
    guard: { entity: 'artists', action: 'update' },
  },

  'demos.list': {
    input: demoList,
    output: countedPage(demo),
    guard: { entity: 'demos', action: 'read' },
  },
  'demos.get': { input: byId, output: demo, guard: { entity: 'demos', action: 'read' } },
  'demos.import': {
    input: demoImport,
    output: demoImported,
    guard: { entity: 'demos', action: 'create' },
  },
  // Only the artist's owner (or an admin) decides; the service checks whose artist it is.
  'demos.setReviewStatus': {
    input: demoSetReviewStatus,
    output: demo,
    guard: { entity: 'demos', action: 'update' },
  },
  'demos.relink': { input: demoRelink, output: demo, guard: { entity: 'demos', action: 'create' } },
  'demos.attachRecordings': {
    input: demoAttachRecordings,
    output: attachedRecordings,
    guard: { entity: 'demos', action: 'create' },
  },
  'demos.peaks': { input: byId, output: demoPeaks, guard: { entity: 'demos', action: 'read' } },
  'demos.rate': {
    input: demoRate,
    output: demo,
    guard: { entity: 'demoScores', action: 'create' },
  },

  'contracts.list': {
    input: contractList,
    output: countedPage(contractRow),
    guard: { entity: 'contracts', action: 'read' },
  },
  'contracts.get': {
    input: byId,
    output: contractRow,
    guard: { entity: 'contracts', action: 'read' },
  },
  'contracts.create': {
    input: contractCreate,
    output: contractRow,
    guard: { entity: 'contracts', action: 'create' },
  },
  'contracts.update': {
    input: contractUpdate,
    output: contractRow,
    guard: { entity: 'contracts', action: 'update' },
  },
  'contracts.transition': {
    input: contractTransition,
    output: contractRow,
    guard: { entity: 'contracts', action: 'update' },
  },
  'contracts.attachDocument': {
    input: contractAttachDocument,
    output: contractRow,
    guard: { entity: 'contracts', action: 'update' },
  },
  // The calendar's all-day items: for those who work the dates (legal and admins).
  'contracts.keyDates': {
    input: contractKeyDatesQuery,
    output: z.object({ items: z.array(contractKeyDate) }),
    guard: { entity: 'contracts', action: 'update' },
  },
  // The same dates as an .ics file, for the same people.
  'contracts.exportIcs': {
    input: contractKeyDatesQuery,
    output: exported,
    guard: { entity: 'contracts', action: 'update' },
  },
  // Anyone who reads a contract may print it; only legal and admins' exports of a draft or
  // sent contract become its document.
  // A job: follow it with jobs.get, stop it with jobs.cancel.
  'contracts.exportBundle': {
    input: contractBundle,
    output: job,
    guard: { entity: 'contracts', action: 'read' },
  },
  'contracts.exportDocument': {
    input: byId,
    output: exported,
    guard: { entity: 'contracts', action: 'read' },
  },

  'growthLogs.list': {
    input: growthLogList,
    output: page(growthLog),
    guard: { entity: 'growthLogs', action: 'read' },
  },
  'growthLogs.create': {
    input: growthLogCreate,
    output: growthLog,
    guard: { entity: 'growthLogs', action: 'create' },
  },

  // Each note's visibility narrows who reads it further (service, search and events alike).
  'reviewNotes.list': {
    input: reviewNoteList,
    output: page(reviewNote),
    guard: { entity: 'reviewNotes', action: 'read' },
  },
  'reviewNotes.create': {
    input: reviewNoteCreate,
    output: reviewNote,
    guard: { entity: 'reviewNotes', action: 'create' },
  },

  // Results are filtered row by row with the same rules as the lists.
  'search.query': { input: searchQuery, output: searchResult, guard: 'signedIn' },

  // Each source inside is filtered by the same rules as its list.
  'today.list': { input: todayQuery, output: todayList, guard: 'signedIn' },
  'today.mark': {
    input: todayMark,
    output: z.object({
      key: z.string(),
      doneAt: z.string().nullable(),
      snoozedUntil: z.string().nullable(),
    }),
    guard: 'signedIn',
  },
  'today.reminded': {
    input: todayReminded,
    output: z.object({ keys: z.array(z.string()) }),
    guard: 'signedIn',
  },

  'settings.get': { input: empty, output: workspaceSettings, guard: 'signedIn' },
  'settings.update': {
    input: z.strictObject({ version: z.number().int().min(1), patch: settingsPatch }),
    output: workspaceSettings,
    guard: { entity: 'settings', action: 'update' },
  },

  // The entity's own read rule is checked in main (the guard cannot name it in advance).
  'exports.csv': { input: csvExport, output: exported, guard: 'signedIn' },
  'jobs.get': { input: jobRef, output: job, guard: 'signedIn' },
  'jobs.cancel': { input: jobRef, output: job, guard: 'signedIn' },
  // A job (jobs.get, jobs.cancel) that checks a staged file; imports.preview then reads it.
  'imports.check': { input: csvImport, output: job, guard: 'signedIn' },
  'imports.preview': { input: csvImport, output: importPreview, guard: 'signedIn' },
  'imports.commit': { input: csvImport, output: importResult, guard: 'signedIn' },
  // It creates users (inactive): the workspace owner's business, like the rest of maintenance.
  'imports.parse': { input: parseImport, output: parseImportReport, guard: adminSettings },
  // The same import rolled back: what it would do (users to map, conflicts, narrower ACLs).
  'imports.parsePreview': { input: parseImport, output: parseImportReport, guard: adminSettings },

  // Maintenance is the workspace's owner's business: the settings rule (admins only).
  'maintenance.check': { input: empty, output: databaseCheck, guard: adminSettings },
  'maintenance.backups': { input: empty, output: backupList, guard: adminSettings },
  'maintenance.backupNow': { input: empty, output: backup, guard: adminSettings },
  'maintenance.restore': { input: backupRestore, output: restored, guard: adminSettings },
  'maintenance.exportWorkspace': { input: empty, output: exported, guard: adminSettings },

  'audit.list': {
    input: z.strictObject({
      entity: z.enum(ENTITIES).optional(),
      entityId: id.optional(),
      actor: id.optional(),
      from: instant.optional(),
      to: instant.optional(),
      limit: z.number().int().min(1).max(100).optional(),
      cursor: z.string().max(512).optional(),
    }),
    output: countedPage(auditEntry),
    // Admins browse everything; others only the history of a record they can read (service).
    guard: 'signedIn',
  },
} as const satisfies Record<string, ChannelSpec>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.infer<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** A committed change, as the renderer receives it: enough to know which queries are stale. */
export interface ChangeEvent {
  readonly entity: Entity;
  readonly id: string;
  readonly action: 'created' | 'updated' | 'archived';
  readonly at: string;
}

/**
 * Whether the host (the web host, or the team server a desktop joined) answers. Offline, the app
 * says so in a bar, keeps what was typed, and the bridge retries until it answers again.
 */
export type ConnectionState = 'online' | 'offline';

/**
 * What a change stream that reopens after a drop reports: every entity changed, so whatever is
 * on screen refetches (the changes made while it was down were missed). The browser bridge and
 * the desktop's team-server client both use it.
 */
export function everythingChanged(at: string = new Date().toISOString()): ChangeEvent[] {
  return ENTITIES.map((entity) => ({ entity, id: '', action: 'updated', at }));
}

export const EVENTS = ['change', 'connection'] as const;
export type EventName = (typeof EVENTS)[number];
export interface BridgeEvents {
  readonly change: ChangeEvent;
  readonly connection: ConnectionState;
}

/** What the preload (Electron) or the web bridge (browser mode) puts on window.greenroom. */
export interface GreenroomBridge {
  readonly kind: 'electron' | 'web';
  invoke(channel: Channel, input: unknown): Promise<Envelope<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: BridgeEvents[E]) => void): () => void;
  /**
   * Turns a stored `media:<id>` reference into a URL the renderer can load: a custom protocol
   * in Electron, a URL with a short-lived ticket for that one file in the browser.
   */
  mediaUrl(ref: string): Promise<string>;
  /**
   * Lets the user choose files and stages them, returning tokens for channels that take a file:
   * the native dialog in Electron (files.pick), the browser's file input and POST /upload on the
   * web host. Must be called from a user gesture.
   */
  pickFiles(
    kind: FileKind,
    multiple: boolean,
    onProgress?: UploadProgress,
  ): Promise<readonly StagedFile[]>;
  /** Stages files the user dropped on the window, the same way (bytes, never paths). */
  stageDropped(
    files: readonly DroppedFile[],
    onProgress?: UploadProgress,
  ): Promise<readonly StagedFile[]>;
}

/** Bytes staged so far across all the files of one pick or drop. */
export type UploadProgress = (loadedBytes: number, totalBytes: number) => void;

/** What a dropped DOM File offers (kept structural: src/shared has no DOM types). */
export interface DroppedFile {
  readonly name: string;
  readonly size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

export type FileKind = 'image' | 'audio' | 'document' | 'spreadsheet' | 'parseExport';
export interface StagedFile {
  readonly file: string;
  readonly fileName: string;
}

/** The ipc names behind the bridge. */
export const IPC_INVOKE = 'greenroom:invoke';
export const IPC_EVENT = 'greenroom:event';
/** Dropped files reach main in chunks over this channel: begin, append, finish. */
export const IPC_UPLOAD = 'greenroom:upload';
export const MEDIA_SCHEME = 'greenroom-media';
