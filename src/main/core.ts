import { closeSync, createReadStream, mkdirSync, openSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { openDatabase, type Db } from './db/open';
import { refreshPlannerStats } from './db/plannerStats';
import type Database from 'better-sqlite3';
import { createRouter, type Dispatch, type Handlers } from './ipc/router';
import { createArtistService } from './services/label/artists/artists';
import { createAuditionService } from './services/agency/auditions';
import { createAvailabilityBlockService } from './services/agency/availabilityBlocks';
import { createContractService } from './services/label/contracts/contracts';
import { createContractBundle } from './services/label/contracts/documents/contractBundle';
import { loadContractTemplate } from './services/label/contracts/documents/contractTemplate';
import { contractFonts } from './services/label/contracts/documents/fonts';
import { createJobs } from './services/kernel/jobs';
import { createAnalyzer } from './services/label/demos/audio/analyzer';
import { createDemoAnalysis, type DemoAnalysis } from './services/label/demos/demoAnalysis';
import { createDemoService } from './services/label/demos/demos';
import { createGrowthLogService } from './services/label/growthLogs';
import { createReviewNoteService } from './services/label/reviewNotes';
import { createAuditService } from './services/workspace/audit';
import { createBookingService } from './services/agency/bookings/bookings';
import { createScheduleService } from './services/agency/schedule/schedule';
import { createAuthService, type AuthService } from './services/workspace/accounts/auth';
import { createTickets, type Tickets } from './services/workspace/accounts/tickets';
import { ChangeBus, isVisibleChange, publicChange } from './services/kernel/changes';
import type { ScryptCost } from './services/workspace/accounts/passwords';
import type { Session } from './services/kernel/session';
import { createMediaStore, type MediaStore } from './services/workspace/files/media';
import { createMediaAccess, type MediaAccess } from './services/workspace/files/mediaAccess';
import {
  createStaging,
  type Staging,
  type StagingLimits,
} from './services/workspace/files/staging';
import { createSearchService, type SearchService } from './services/overview/search';
import { createCsvExport } from './services/interchange/csvExport';
import { createCsvImport } from './services/interchange/csvImport';
import { createParseImport } from './services/interchange/parseImport';
import {
  createMaintenanceService,
  type MaintenanceService,
} from './services/workspace/maintenance';
import { createSettingsService } from './services/workspace/settings';
import { createStore, type Store } from './services/kernel/store';
import { createTalentService } from './services/agency/talents/talents';
import { createTodayService } from './services/overview/today';
import { createCalendarExport } from './services/overview/calendarExport';
import { createCalendarFeeds, type CalendarFeeds } from './services/overview/calendarFeeds';
import { createSessionService } from './services/workspace/accounts/sessions';
import { createUserService } from './services/workspace/accounts/users';
import type { ChangeEvent, FileKind, Input, Output } from '../shared/api';
import { AppError } from '../shared/errors';

export interface CoreOptions {
  /** The workspace folder: the database and the media store live here. Created if missing. */
  readonly dataDir: string;
  /** Where the drizzle migrations are: shipped beside the app, outside any asar archive. */
  readonly migrationsDir: string;
  /** Lower only in tests: hashes carry their own parameters, so both verify. */
  readonly scrypt?: ScryptCost;
  readonly idleTimeoutMs?: number;
  /** The desktop app's native file dialog; absent on the web host (which takes uploads). */
  readonly pickFiles?: (kind: FileKind, multiple: boolean) => Promise<string[]>;
  /**
   * This computer's part in a team workspace (sharing, joining): the desktop app supplies it;
   * without it the workstation channels answer NOT_FOUND, as files.pick does in a browser.
   */
  readonly workstation?: () => WorkstationControl | null;
  /** Tests move time forward; the app uses the system clock. */
  readonly clock?: () => Date;
  /** Upload limits (tests lower them; the app uses the defaults). */
  readonly stagingLimits?: StagingLimits;
  /** The daily copy on a timer; off in tests and benches, whose figures it would disturb. */
  readonly scheduledBackups?: boolean;
}

export interface WorkstationControl {
  status(): Output<'workstation.status'>;
  useThisComputer(): Output<'workstation.useThisComputer'>;
  probe(input: Input<'workstation.probe'>): Promise<Output<'workstation.probe'>>;
  join(input: Input<'workstation.join'>): Promise<Output<'workstation.join'>>;
  leave(): Output<'workstation.leave'>;
  share(input: Input<'workstation.share'>): Promise<Output<'workstation.share'>>;
}

export interface Core {
  readonly dataDir: string;
  readonly dispatch: Dispatch;
  readonly auth: AuthService;
  readonly store: Store;
  readonly db: Db;
  readonly sqlite: Database.Database;
  readonly media: MediaStore;
  /** Opens a stored file for a session, through a record it may read. */
  readonly mediaAccess: MediaAccess;
  /** Short-lived tickets for a file or an event stream, where a header cannot be sent. */
  readonly tickets: Tickets;
  readonly staging: Staging;
  readonly search: SearchService;
  /** Subscribable calendar feeds: GET /feeds/<token>.ics renders one. */
  readonly feeds: Pick<CalendarFeeds, 'render'>;
  /** Releases 1st holds whose challenge deadline passed (main runs it every minute). */
  expireHoldChallenges(): number;
  /** Peaks and loudness of stored audio, measured in a worker thread. */
  readonly analysis: DemoAnalysis;
  /** Backups, restore, database checks, the workspace export. */
  readonly maintenance: MaintenanceService;
  /**
   * Called after a call that may have ended sessions (sign-out, a password change, a user
   * deactivated, a restore): open event streams check theirs. Returns the unsubscribe function.
   */
  onSessionsChanged(listener: () => void): () => void;
  /** Change events this session may see; returns the unsubscribe function. */
  subscribe(session: Session, listener: (event: ChangeEvent) => void): () => void;
  close(): void;
}

export const DATABASE_FILE = 'greenroom.sqlite';

/** Calls after which some session may have ended. */
const SESSION_ENDING_CHANNELS: ReadonlySet<string> = new Set([
  'auth.logout',
  'auth.changePassword',
  'sessions.revoke',
  'users.update',
  'maintenance.restore',
]);

/** The whole app without Electron. Nothing happens at import time: calling this opens the store. */
export function createCore(options: CoreOptions): Core {
  // Readable by its owner only (POSIX): the workspace holds contracts, rates and password hashes.
  // SQLite gives the -wal and -shm files the database file's mode.
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const databaseFile = join(options.dataDir, DATABASE_FILE);
  closeSync(openSync(databaseFile, 'a', 0o600));
  const opened = openDatabase(databaseFile, options.migrationsDir);
  const clock = options.clock ?? (() => new Date());
  const bus = new ChangeBus();
  const store = createStore(opened.db, bus, clock);
  // ── Workspace: accounts, settings, files, maintenance (below both desks) ──────────────
  const settings = createSettingsService(store);
  const auth = createAuthService(store, settings, {
    scrypt: options.scrypt,
    idleTimeoutMs: options.idleTimeoutMs,
  });
  const users = createUserService(store, options.scrypt);
  const signedIn = createSessionService(store, auth);
  const media = createMediaStore(options.dataDir, opened.db);
  const mediaAccess = createMediaAccess(opened.db, media);
  const tickets = createTickets();
  const staging = createStaging(options.dataDir, options.stagingLimits);
  const jobs = createJobs();
  const maintenance = createMaintenanceService({
    store,
    db: opened.db,
    sqlite: opened.sqlite,
    dataDir: options.dataDir,
    databaseFile,
    migrationsDir: options.migrationsDir,
    media,
    clock,
    afterRestore: () => {
      settings.forget();
      analysis.enqueueUnmeasured();
      bookings.expireChallenges();
    },
  });

  // ── Agency desk: talents and what hangs off them ──────────────────────────────────────
  const talents = createTalentService(store, { staging, media });
  const auditions = createAuditionService(store);
  const bookings = createBookingService(store);
  const schedule = createScheduleService(store);
  const blocks = createAvailabilityBlockService(store);

  // ── Label desk: artists and what hangs off them ───────────────────────────────────────
  const artists = createArtistService(store);
  const analyzer = createAnalyzer();
  const analysis = createDemoAnalysis(store, media, analyzer);
  const demos = createDemoService(store, { staging, media }, analysis);
  // Templates and fonts ship beside the migrations, in resources/ or the packaged app's.
  const resourcesDir = dirname(options.migrationsDir);
  const contractDocuments = {
    template: loadContractTemplate(resourcesDir),
    fonts: contractFonts(resourcesDir),
    organization: () => settings.current().organizationName,
  };
  const contracts = createContractService(store, { staging, media }, contractDocuments);
  const contractBundles = createContractBundle({
    store,
    media,
    jobs,
    documents: contractDocuments,
    list: (session, input) => contracts.list(session, input),
    workDir: join(options.dataDir, 'staging'),
  });
  const growthLogs = createGrowthLogService(store);
  const reviewNotes = createReviewNoteService(store);

  // ── Across both desks: Today, search, the audit trail's reading, interchange ──────────
  const search = createSearchService(opened.db, opened.sqlite);
  const today = createTodayService(store, settings);
  const calendarExport = createCalendarExport(store, media, { schedule, blocks });
  const feeds = createCalendarFeeds(store, { schedule, blocks });
  const audit = createAuditService(store, {
    talents: (session, id) => talents.get(session, { id }),
    auditions: (session, id) => auditions.get(session, { id }),
    bookings: (session, id) => bookings.get(session, { id }),
    artists: (session, id) => artists.get(session, { id }),
    demos: (session, id) => demos.get(session, { id }),
    contracts: (session, id) => contracts.get(session, { id }),
  });
  const csvExports = createCsvExport(store, media, {
    talents: (session, input) => talents.list(session, input),
    auditions: (session, input) => auditions.list(session, input),
    bookings: (session, input) => bookings.list(session, input),
    schedule: (session, input) => schedule.list(session, input),
    artists: (session, input) => artists.list(session, input),
    demos: (session, input) => demos.list(session, input),
    growthLogs: (session, input) => growthLogs.list(session, input),
  });
  const csvImports = createCsvImport(store, staging, jobs, {
    create: {
      talents: (session, input) => talents.create(session, input),
      artists: (session, input) => artists.create(session, input),
      growthLogs: (session, input) => growthLogs.create(session, input),
      bookings: (session, input) => bookings.create(session, input),
    },
    update: {
      talents: (session, input) => talents.update(session, input),
      artists: (session, input) => artists.update(session, input),
      bookings: (session, input) => bookings.update(session, input),
    },
  });
  const parseImports = createParseImport(store, staging);

  // The daily copy: checked a minute after start (not during it), then every hour. A copy still
  // being written when the app closes is abandoned (its partial file removed), not an error.
  let closed = false;
  const runScheduledBackup = () => {
    maintenance.runScheduled().catch((error: unknown) => {
      if (!closed) console.error('the scheduled backup failed', error);
    });
  };
  const backupTimers =
    options.scheduledBackups === false
      ? []
      : [setTimeout(runScheduledBackup, 60_000), setInterval(runScheduledBackup, 60 * 60_000)];
  for (const timer of backupTimers) timer.unref();

  // Files stored while the app was closed, or before a crash, are measured now.
  analysis.enqueueUnmeasured();
  // Hold challenges whose deadline passed while the app was closed apply now, then every minute.
  bookings.expireChallenges();
  const challengeTimer = setInterval(() => {
    try {
      bookings.expireChallenges();
    } catch (error) {
      console.error('applying expired hold challenges failed', error);
    }
  }, 60_000);
  challengeTimer.unref();
  const statsTimer = setInterval(() => {
    try {
      refreshPlannerStats(opened.sqlite, 'change');
    } catch {
      // Busy or paused for a restore: the next hour's round does it.
    }
  }, 60 * 60_000);
  statsTimer.unref();
  /** A bulk write changes the tables' shape enough for the planner to need new statistics. */
  const thenRefreshStats = async <T>(work: Promise<T> | T): Promise<T> => {
    const result = await work;
    refreshPlannerStats(opened.sqlite, 'change');
    return result;
  };

  const workstation = (): WorkstationControl => {
    const control = options.workstation?.();
    if (!control)
      throw new AppError(
        'NOT_FOUND',
        'Sharing and joining a team workspace are set in the desktop app.',
      );
    return control;
  };

  const handlers: Handlers = {
    // Workspace
    'setup.status': () => auth.status(),
    'setup.createOwner': (_s, input, origin) => auth.createOwner(input, origin),
    'auth.signUp': (_s, input, origin) => auth.signUp(input, origin),
    'auth.login': (_s, input, origin) => auth.login(input, origin),
    'auth.logout': (session) => auth.logout(session),
    'auth.me': (session) => ({ user: session.user }),
    'auth.changePassword': (session, input, origin) => auth.changePassword(session, input, origin),
    'users.list': (session, input) => users.list(session, input),
    'users.create': (session, input) => users.create(session, input),
    'users.update': (session, input) => users.update(session, input),
    'jobs.get': (session, input) => jobs.get(session, input.id),
    'media.ticket': (session, input) => {
      const stored = mediaAccess.open(session, input.media);
      return tickets.forMedia(session, input.media, stored.contentType.startsWith('audio/'));
    },
    'events.ticket': (session) => tickets.forEvents(session),
    'sessions.list': (session, input) => signedIn.list(session, input),
    'sessions.revoke': (session, input) => signedIn.revoke(session, input),
    'jobs.cancel': (session, input) => jobs.cancel(session, input.id),
    'settings.get': (session) => settings.get(session),
    'settings.update': (session, input) => settings.update(session, input),
    'maintenance.check': (session) => maintenance.check(session),
    'maintenance.backups': (session) => maintenance.list(session),
    'maintenance.backupNow': (session) => maintenance.backupNow(session),
    'maintenance.restore': (session, input) => maintenance.restore(session, input),
    'maintenance.exportWorkspace': (session) => maintenance.exportWorkspace(session),
    'workstation.status': () => workstation().status(),
    'workstation.useThisComputer': () => workstation().useThisComputer(),
    'workstation.probe': (_s, input) => workstation().probe(input),
    'workstation.join': (_s, input) => workstation().join(input),
    'workstation.leave': () => workstation().leave(),
    'workstation.share': (_s, input) => workstation().share(input),
    'files.pick': async (session, input) => {
      if (!options.pickFiles) {
        throw new AppError(
          'NOT_FOUND',
          'Choosing files from disk is only available in the desktop app; upload them instead.',
        );
      }
      const paths = await options.pickFiles(input.kind, input.multiple ?? false);
      const files = [];
      for (const path of paths) {
        const fileName = basename(path);
        files.push({
          file: await staging.fromStream(session.user.id, fileName, createReadStream(path)),
          fileName,
        });
      }
      return { files };
    },
    // Agency desk
    'talents.list': (session, input) => talents.list(session, input),
    'talents.get': (session, input) => talents.get(session, input),
    'talents.create': (session, input) => talents.create(session, input),
    'talents.update': (session, input) => talents.update(session, input),
    'talents.archive': (session, input) => talents.archive(session, input),
    'talents.setHeadshot': (session, input) => talents.setHeadshot(session, input),
    'auditions.list': (session, input) => auditions.list(session, input),
    'auditions.get': (session, input) => auditions.get(session, input),
    'auditions.create': (session, input) => auditions.create(session, input),
    'auditions.update': (session, input) => auditions.update(session, input),
    'auditions.setStatus': (session, input) => auditions.setStatus(session, input),
    'bookings.list': (session, input) => bookings.list(session, input),
    'bookings.get': (session, input) => bookings.get(session, input),
    'bookings.create': (session, input) => bookings.create(session, input),
    'bookings.update': (session, input) => bookings.update(session, input),
    'bookings.confirm': (session, input) => bookings.confirm(session, input),
    'bookings.releasePreview': (session, input) => bookings.releasePreview(session, input),
    'bookings.challenge': (session, input) => bookings.challenge(session, input),
    'bookings.cancel': (session, input) => bookings.cancel(session, input),
    'clashes.check': (session, input) => bookings.checkClashes(session, input),
    'schedule.list': (session, input) => schedule.list(session, input),
    'schedule.get': (session, input) => schedule.get(session, input),
    'schedule.create': (session, input) => schedule.create(session, input),
    'schedule.update': (session, input) => schedule.update(session, input),
    'schedule.cancel': (session, input) => schedule.cancel(session, input),
    'schedule.exportIcs': (session, input) => calendarExport.exportIcs(session, input),
    'feeds.list': (session, input) => feeds.list(session, input),
    'feeds.create': (session, input) => feeds.create(session, input),
    'feeds.revoke': (session, input) => feeds.revoke(session, input),
    'blocks.list': (session, input) => blocks.list(session, input),
    'blocks.create': (session, input) => blocks.create(session, input),
    'blocks.update': (session, input) => blocks.update(session, input),
    'blocks.delete': (session, input) => blocks.delete(session, input),
    // Label desk
    'artists.list': (session, input) => artists.list(session, input),
    'artists.get': (session, input) => artists.get(session, input),
    'artists.create': (session, input) => artists.create(session, input),
    'artists.update': (session, input) => artists.update(session, input),
    'demos.list': (session, input) => demos.list(session, input),
    'demos.get': (session, input) => demos.get(session, input),
    'demos.import': (session, input) => demos.import(session, input),
    'demos.setReviewStatus': (session, input) => demos.setReviewStatus(session, input),
    'demos.relink': (session, input) => demos.relink(session, input),
    'demos.attachRecordings': (session, input) => demos.attachRecordings(session, input),
    'demos.peaks': (session, input) => demos.peaks(session, input),
    'demos.rate': (session, input) => demos.rate(session, input),
    'contracts.list': (session, input) => contracts.list(session, input),
    'contracts.get': (session, input) => contracts.get(session, input),
    'contracts.create': (session, input) => contracts.create(session, input),
    'contracts.update': (session, input) => contracts.update(session, input),
    'contracts.transition': (session, input) => contracts.transition(session, input),
    'contracts.attachDocument': (session, input) => contracts.attachDocument(session, input),
    'contracts.keyDates': (session, input) => contracts.keyDates(session, input),
    'contracts.exportIcs': (session, input) => contracts.exportIcs(session, input),
    'contracts.exportDocument': (session, input) => contracts.exportDocument(session, input),
    'contracts.exportBundle': (session, input) => contractBundles.exportBundle(session, input),
    'growthLogs.list': (session, input) => growthLogs.list(session, input),
    'growthLogs.create': (session, input) => growthLogs.create(session, input),
    'reviewNotes.list': (session, input) => reviewNotes.list(session, input),
    'reviewNotes.create': (session, input) => reviewNotes.create(session, input),
    // Across both desks
    'search.query': (session, input) => search.query(session, input),
    'today.list': (session, input) => today.list(session, input),
    'today.mark': (session, input) => today.mark(session, input),
    'today.reminded': (session, input) => today.reminded(session, input),
    'audit.list': (session, input) => audit.list(session, input),
    'exports.csv': (session, input) => csvExports.csv(session, input),
    'imports.check': (session, input) => csvImports.check(session, input),
    'imports.preview': (session, input) => csvImports.preview(session, input),
    'imports.commit': (session, input) => thenRefreshStats(csvImports.commit(session, input)),
    'imports.parse': (session, input) => thenRefreshStats(parseImports.run(session, input)),
    'imports.parsePreview': (session, input) => parseImports.preview(session, input),
  };

  const route = createRouter(handlers, auth);
  const sessionWatchers = new Set<() => void>();
  const dispatch: Dispatch = (channel, input, token, origin) => {
    const replied = route(channel, input, token, origin);
    if (!SESSION_ENDING_CHANNELS.has(channel)) return replied;
    return replied.then((reply) => {
      if (reply.envelope.ok) for (const watcher of sessionWatchers) watcher();
      return reply;
    });
  };

  return {
    dataDir: options.dataDir,
    dispatch,
    onSessionsChanged: (listener) => {
      sessionWatchers.add(listener);
      return () => sessionWatchers.delete(listener);
    },
    auth,
    store,
    db: opened.db,
    sqlite: opened.sqlite,
    media,
    mediaAccess,
    tickets,
    staging,
    search,
    feeds,
    analysis,
    expireHoldChallenges: () => bookings.expireChallenges(),
    subscribe: (session, listener) =>
      bus.subscribe((change) => {
        if (isVisibleChange(session.user, change)) listener(publicChange(change));
      }),
    maintenance,
    close: () => {
      clearInterval(challengeTimer);
      clearInterval(statsTimer);
      closed = true;
      for (const timer of backupTimers) clearTimeout(timer);
      analysis.stop();
      void analyzer.close();
      opened.close();
    },
  };
}
