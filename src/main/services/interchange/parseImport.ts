import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Output } from '../../../shared/api';
import {
  ARTIST_STATUSES,
  AUDITION_STATUSES,
  AUDITION_TYPES,
  AVAILABILITY_STATUSES,
  BOOKING_STATUSES,
  CONTRACT_STATUSES,
  CONTRACT_TYPES,
  NOTE_TYPES,
  NOTE_VISIBILITIES,
  PLATFORMS,
  REVIEW_STATUSES,
  ROLES,
  SCHEDULE_ENTRY_TYPES,
  SCHEDULE_STATUSES,
  SUBMISSION_SOURCES,
  TALENT_TYPES,
  type Role,
} from '../../../shared/domain/vocabulary';
import { AppError } from '../../../shared/errors';
import {
  artists,
  auditions,
  bookings,
  contracts,
  demos,
  importLinks,
  reviewNotes,
  scheduleEntries,
  socialGrowthLogs,
  talentProfiles,
  users,
} from '../../db/schema';
import { rerankHolds } from '../agency/bookings/holdRanks';
import type { Session } from '../kernel/session';
import type { Staging } from '../workspace/files/staging';
import { newId, type Store, type WriteContext } from '../kernel/store';
import { findUserRow, insertUser } from '../workspace/accounts/userRecords';
import {
  day,
  instant,
  number,
  objectsOf,
  oneOf,
  pointer,
  required,
  SkipObject,
  text,
  type ParseObject,
} from './parseValues';

/** The hosted apps' classes, in the order their pointers need them. */
export const PARSE_CLASSES = [
  '_User',
  'TalentProfile',
  'Audition',
  'Booking',
  'ScheduleEntry',
  'Artist',
  'Demo',
  'Contract',
  'SocialGrowthLog',
  'ReviewNote',
] as const;
type ParseClass = (typeof PARSE_CLASSES)[number];

const MAX_FILE_BYTES = 500 * 1024 * 1024;
const MAX_LISTED_SKIPS = 500;

/** `_User.json`, `User.json` or any name ending in a class name (`export-TalentProfile.json`). */
export function classOfFile(fileName: string): ParseClass | null {
  const name = basename(fileName).replace(/\.json$/i, '');
  if (name === 'User' || name.endsWith('_User')) return '_User';
  return (
    [...PARSE_CLASSES]
      .sort((a, b) => b.length - a.length)
      .find((cls) => name === cls || name.endsWith(`-${cls}`) || name.endsWith(`_${cls}`)) ?? null
  );
}

function validZone(zone: string | null): string {
  if (!zone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

interface Context {
  readonly w: WriteContext;
  /** Our id for an imported object of `cls`, or SkipObject naming the missing one. */
  ref(cls: ParseClass, objectId: string | null, field: string): string;
  refOptional(cls: ParseClass, objectId: string | null, field: string): string | null;
  userWithRole(id: string, roles: readonly Role[], field: string): void;
}

interface Created {
  readonly entity: string;
  readonly id: string;
}

const stamps = (o: ParseObject, now: string) => {
  const createdAt = instant(o, 'createdAt') ?? now;
  return { createdAt, updatedAt: instant(o, 'updatedAt') ?? createdAt, version: 1 };
};

/** One mapper per class: reads the Parse object, inserts the row, returns what it made. */
const MAPPERS: Record<ParseClass, (o: ParseObject, c: Context) => Created> = {
  _User(o, c) {
    const username = required(text(o, 'username', 60), 'username');
    const role = required(oneOf(o, 'role', ROLES), 'role');
    const user = insertUser(c.w.tx, stamps(o, c.w.now).createdAt, {
      username,
      email: required(text(o, 'email', 254), 'email'),
      fullName: text(o, 'fullName', 200) ?? text(o, 'name', 200) ?? username,
      role,
      manager: null,
      // Imported accounts cannot sign in until an admin activates them and sets a password.
      active: false,
      passwordHash: '',
    });
    return { entity: 'users', id: user.id };
  },

  TalentProfile(o, c) {
    const manager = c.ref('_User', pointer(o, 'manager'), 'manager');
    c.userWithRole(manager, ['manager', 'admin'], 'manager');
    const id = newId();
    c.w.tx
      .insert(talentProfiles)
      .values({
        id,
        ...stamps(o, c.w.now),
        stageName: required(text(o, 'stageName', 200), 'stageName'),
        fullName: required(text(o, 'fullName', 200), 'fullName'),
        talentType: required(oneOf(o, 'talentType', TALENT_TYPES), 'talentType'),
        portfolioUrl: text(o, 'portfolioUrl', 2000),
        // A hosted headshot URL is not a stored file: it is left out, the talent keeps the rest.
        headshotUrl: null,
        availabilityStatus: oneOf(o, 'availabilityStatus', AVAILABILITY_STATUSES) ?? 'available',
        manager,
        notes: text(o, 'notes', 20_000),
      })
      .run();
    return { entity: 'talents', id };
  },

  Audition(o, c) {
    const id = newId();
    c.w.tx
      .insert(auditions)
      .values({
        id,
        ...stamps(o, c.w.now),
        talentProfile: c.ref('TalentProfile', pointer(o, 'talentProfile'), 'talentProfile'),
        clientName: required(text(o, 'clientName', 160), 'clientName'),
        projectName: required(text(o, 'projectName', 160), 'projectName'),
        auditionType: oneOf(o, 'auditionType', AUDITION_TYPES) ?? 'in_person',
        auditionDate: required(instant(o, 'auditionDate'), 'auditionDate'),
        status: oneOf(o, 'status', AUDITION_STATUSES) ?? 'invited',
        location: text(o, 'location', 500),
        callbackNotes: text(o, 'callbackNotes', 20_000),
      })
      .run();
    return { entity: 'auditions', id };
  },

  Booking(o, c) {
    const talent = c.ref('TalentProfile', pointer(o, 'talentProfile'), 'talentProfile');
    const start = required(instant(o, 'startDateTime'), 'startDateTime');
    const end = required(instant(o, 'endDateTime'), 'endDateTime');
    if (end <= start) throw new SkipObject('endDateTime is not after startDateTime');
    const status = oneOf(o, 'status', BOOKING_STATUSES) ?? 'hold';
    const rate = number(o, 'rate');
    const id = newId();
    c.w.tx
      .insert(bookings)
      .values({
        id,
        ...stamps(o, c.w.now),
        talentProfile: talent,
        audition: c.refOptional('Audition', pointer(o, 'audition'), 'audition'),
        clientName: required(text(o, 'clientName', 160), 'clientName'),
        projectName: required(text(o, 'projectName', 160), 'projectName'),
        startDateTime: start,
        endDateTime: end,
        status,
        holdRank: null,
        // Parse stores the rate in currency units; Greenroom in integer minor units.
        rate: rate === null ? null : Math.round(rate * 100),
        currency: text(o, 'currency', 3),
        timezone: validZone(text(o, 'timezone', 64)),
        notes: text(o, 'notes', 20_000),
      })
      .run();
    if (status === 'hold') {
      const row = c.w.tx
        .select({ manager: talentProfiles.manager })
        .from(talentProfiles)
        .where(eq(talentProfiles.id, talent))
        .get()!;
      rerankHolds(c.w, { id: talent, manager: row.manager }, { start, end });
    }
    return { entity: 'bookings', id };
  },

  ScheduleEntry(o, c) {
    const booking = c.refOptional('Booking', pointer(o, 'booking'), 'booking');
    const start = required(instant(o, 'startDateTime') ?? instant(o, 'start'), 'startDateTime');
    const end = required(instant(o, 'endDateTime') ?? instant(o, 'end'), 'endDateTime');
    if (end <= start) throw new SkipObject('endDateTime is not after startDateTime');
    const id = newId();
    c.w.tx
      .insert(scheduleEntries)
      .values({
        id,
        ...stamps(o, c.w.now),
        talentProfile: c.ref('TalentProfile', pointer(o, 'talentProfile'), 'talentProfile'),
        booking,
        entryType:
          oneOf(o, 'entryType', SCHEDULE_ENTRY_TYPES) ?? (booking ? 'booking' : 'personal'),
        title: text(o, 'title', 200),
        start,
        end,
        timezone: validZone(text(o, 'timezone', 64)),
        status: oneOf(o, 'status', SCHEDULE_STATUSES) ?? 'tentative',
        source: 'import',
      })
      .run();
    return { entity: 'schedule', id };
  },

  Artist(o, c) {
    const owner = c.ref('_User', pointer(o, 'owner'), 'owner');
    c.userWithRole(owner, ['AandR', 'admin'], 'owner');
    const priorityScore = number(o, 'priorityScore');
    if (
      priorityScore !== null &&
      !(Number.isInteger(priorityScore) && priorityScore >= 0 && priorityScore <= 100)
    ) {
      throw new SkipObject('priorityScore is not a whole number from 0 to 100');
    }
    const followers = number(o, 'socialFollowers');
    const id = newId();
    c.w.tx
      .insert(artists)
      .values({
        id,
        ...stamps(o, c.w.now),
        artistName: required(text(o, 'artistName', 200), 'artistName'),
        genre: required(text(o, 'genre', 80), 'genre'),
        status: oneOf(o, 'status', ARTIST_STATUSES) ?? 'prospect',
        priorityScore,
        socialFollowers: followers === null ? null : Math.max(0, Math.round(followers)),
        lastDemoDate: day(o, 'lastDemoDate'),
        owner,
      })
      .run();
    return { entity: 'artists', id };
  },

  Demo(o, c) {
    const id = newId();
    const received = instant(o, 'receivedAt');
    c.w.tx
      .insert(demos)
      .values({
        id,
        ...stamps(o, c.w.now),
        artist: c.ref('Artist', pointer(o, 'artist'), 'artist'),
        title: required(text(o, 'title', 200), 'title'),
        // The hosted file's address is kept: the demo shows its audio as missing until it is
        // relinked from the same recording.
        audioUrl: required(text(o, 'audioUrl', 2000), 'audioUrl'),
        submissionSource: oneOf(o, 'submissionSource', SUBMISSION_SOURCES) ?? 'other',
        reviewStatus: oneOf(o, 'reviewStatus', REVIEW_STATUSES) ?? 'submitted',
        submittedBy: c.ref('_User', pointer(o, 'submittedBy'), 'submittedBy'),
        receivedAt: received ?? stamps(o, c.w.now).createdAt,
      })
      .run();
    return { entity: 'demos', id };
  },

  Contract(o, c) {
    const legalOwner = c.ref('_User', pointer(o, 'legalOwner'), 'legalOwner');
    c.userWithRole(legalOwner, ['legal', 'admin'], 'legalOwner');
    const id = newId();
    c.w.tx
      .insert(contracts)
      .values({
        id,
        ...stamps(o, c.w.now),
        artist: c.ref('Artist', pointer(o, 'artist'), 'artist'),
        contractType: required(oneOf(o, 'contractType', CONTRACT_TYPES), 'contractType'),
        status: oneOf(o, 'status', CONTRACT_STATUSES) ?? 'draft',
        effectiveDate: day(o, 'effectiveDate'),
        signedAt: instant(o, 'signedAt'),
        // A hosted document URL is not a stored file; attach or generate the document again.
        documentUrl: null,
        legalOwner,
        terms: text(o, 'terms', 50_000),
      })
      .run();
    return { entity: 'contracts', id };
  },

  SocialGrowthLog(o, c) {
    const followers = required(number(o, 'followerCount'), 'followerCount');
    if (!Number.isInteger(followers) || followers < 0) {
      throw new SkipObject('followerCount is not a whole number of at least 0');
    }
    const id = newId();
    c.w.tx
      .insert(socialGrowthLogs)
      .values({
        id,
        ...stamps(o, c.w.now),
        artist: c.ref('Artist', pointer(o, 'artist'), 'artist'),
        platform: required(oneOf(o, 'platform', PLATFORMS), 'platform'),
        followerCount: followers,
        engagementRate: number(o, 'engagementRate'),
        captureDate: required(day(o, 'captureDate'), 'captureDate'),
        capturedBy: c.ref('_User', pointer(o, 'capturedBy'), 'capturedBy'),
      })
      .run();
    return { entity: 'growthLogs', id };
  },

  ReviewNote(o, c) {
    const id = newId();
    c.w.tx
      .insert(reviewNotes)
      .values({
        id,
        ...stamps(o, c.w.now),
        artist: c.ref('Artist', pointer(o, 'artist'), 'artist'),
        demo: c.refOptional('Demo', pointer(o, 'demo'), 'demo'),
        author: c.ref('_User', pointer(o, 'author'), 'author'),
        noteType: oneOf(o, 'noteType', NOTE_TYPES) ?? 'general',
        body: required(text(o, 'body', 20_000), 'body'),
        visibility: oneOf(o, 'visibility', NOTE_VISIBILITIES) ?? 'team',
      })
      .run();
    return { entity: 'reviewNotes', id };
  },
};

function reasonOf(error: unknown): string {
  if (error instanceof SkipObject || error instanceof AppError) return error.message;
  if (
    error instanceof Error &&
    'code' in error &&
    String(error.code).startsWith('SQLITE_CONSTRAINT')
  ) {
    return /users\.(username|email)_key/.test(error.message)
      ? 'a user with this username or email already exists'
      : `it conflicts with existing data (${error.message})`;
  }
  throw error;
}

/**
 * imports.parse: the JSON exports of the hosted Back4app apps' classes, pointers resolved to the
 * rows they became, in one transaction. An object that cannot be imported is skipped with its
 * reason; objects imported by an earlier run are recognised and not imported again.
 */
export function createParseImport(store: Store, staging: Staging) {
  const { db } = store;

  return {
    async run(session: Session, input: { files: string[] }): Promise<Output<'imports.parse'>> {
      // Read every file first: a file that is not JSON stops the import before anything is written.
      const byClass = new Map<ParseClass, { file: string; objects: ParseObject[] }[]>();
      const files: Output<'imports.parse'>['files'] = [];
      for (const token of input.files) {
        await staging.use(session.user.id, token, async (file) => {
          const cls = classOfFile(file.fileName);
          if (!cls) {
            files.push({
              name: file.fileName,
              className: null,
              objects: 0,
              note: 'Not a class this import knows',
            });
            return;
          }
          if (statSync(file.path).size > MAX_FILE_BYTES) {
            throw new AppError('VALIDATION', `${file.fileName} is larger than 500 MB.`, {
              files: 'Too large',
            });
          }
          let objects: ParseObject[] | null;
          try {
            objects = objectsOf(JSON.parse(readFileSync(file.path, 'utf8')));
          } catch {
            objects = null;
          }
          if (!objects) {
            throw new AppError(
              'VALIDATION',
              `${file.fileName} is not a Parse class export (JSON with a "results" list). Nothing was imported.`,
              { files: 'Not a Parse export' },
            );
          }
          byClass.set(cls, [...(byClass.get(cls) ?? []), { file: file.fileName, objects }]);
          files.push({ name: file.fileName, className: cls, objects: objects.length });
        });
      }

      const links = new Map<string, string>();
      for (const link of db.select().from(importLinks).all()) {
        links.set(`${link.sourceClass}:${link.objectId}`, link.entityId);
      }
      const imported: Record<string, number> = {};
      const skipped: { className: string; objectId: string; reason: string }[] = [];
      let skippedCount = 0;
      let alreadyImported = 0;

      store.write(session.user.id, (w) => {
        const context: Context = {
          w,
          ref(cls, objectId, field) {
            const id = this.refOptional(cls, objectId, field);
            if (!id) throw new SkipObject(`${field} is missing`);
            return id;
          },
          refOptional(cls, objectId, field) {
            if (!objectId) return null;
            const id = links.get(`${cls}:${objectId}`);
            if (!id)
              throw new SkipObject(`${field} points at ${cls} ${objectId}, which was not imported`);
            return id;
          },
          userWithRole(id, roles, field) {
            const user = findUserRow(w.tx, id);
            if (!user || !roles.includes(user.role as Role)) {
              throw new SkipObject(`${field} must be a user with the role ${roles.join(' or ')}`);
            }
          },
        };
        const managers: [string, string][] = [];
        for (const cls of PARSE_CLASSES) {
          for (const { objects } of byClass.get(cls) ?? []) {
            for (const object of objects) {
              const objectId = typeof object.objectId === 'string' ? object.objectId : '';
              if (!objectId) {
                skippedCount += 1;
                if (skipped.length < MAX_LISTED_SKIPS)
                  skipped.push({ className: cls, objectId: '', reason: 'objectId is missing' });
                continue;
              }
              if (links.has(`${cls}:${objectId}`)) {
                alreadyImported += 1;
                continue;
              }
              try {
                const created = w.savepoint(() => {
                  const made = MAPPERS[cls](object, context);
                  w.tx
                    .insert(importLinks)
                    .values({
                      sourceClass: cls,
                      objectId,
                      entity: made.entity,
                      entityId: made.id,
                      importedAt: w.now,
                    })
                    .run();
                  w.audit({
                    action: 'imports.parse',
                    entity: made.entity,
                    entityId: made.id,
                    changes: { sourceClass: cls, objectId },
                  });
                  return made;
                });
                links.set(`${cls}:${objectId}`, created.id);
                imported[cls] = (imported[cls] ?? 0) + 1;
                if (cls === '_User') {
                  const manager = pointer(object, 'manager');
                  if (manager) managers.push([created.id, manager]);
                }
              } catch (error) {
                skippedCount += 1;
                if (skipped.length < MAX_LISTED_SKIPS)
                  skipped.push({ className: cls, objectId, reason: reasonOf(error) });
              }
            }
          }
        }
        // A coordinator's manager may come later in the file: teams are joined once all are in.
        for (const [user, managerObject] of managers) {
          const manager = links.get(`_User:${managerObject}`);
          if (manager) w.tx.update(users).set({ manager }).where(eq(users.id, user)).run();
        }
        w.audit({
          action: 'imports.parse',
          entity: 'settings',
          entityId: 'workspace',
          changes: {
            files: files.map((f) => f.name),
            imported,
            skipped: skippedCount,
            alreadyImported,
          },
        });
      });

      return { files, imported, skipped, skippedCount, alreadyImported };
    },
  };
}
