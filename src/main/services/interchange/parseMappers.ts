/**
 * One mapping per Parse class: which Greenroom table its objects become and how an object's
 * fields read as that table's columns. The same reading serves a first import (insert) and a
 * later one that brings a Parse change over (update), so both agree on every value.
 */
import { eq } from 'drizzle-orm';
import type { SQLiteTableWithColumns } from 'drizzle-orm/sqlite-core';
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
  SCHEDULE_ENTRY_TYPES,
  SCHEDULE_STATUSES,
  SUBMISSION_SOURCES,
  TALENT_TYPES,
  type Role,
} from '../../../shared/domain/vocabulary';
import {
  artists,
  auditions,
  bookings,
  contracts,
  demos,
  reviewNotes,
  scheduleEntries,
  socialGrowthLogs,
  talentProfiles,
  users,
} from '../../db/schema';
import { rerankHolds } from '../agency/bookings/holdRanks';
import type { WriteContext } from '../kernel/store';
import { identityKey } from '../workspace/accounts/identity';
import { insertUser } from '../workspace/accounts/userRecords';
import type { ParseClass } from './parseFiles';
import {
  day,
  fileUrl,
  instant,
  number,
  oneOf,
  pointer,
  required,
  SkipObject,
  text,
  type ParseObject,
} from './parseValues';

const endNotAfterStart = () =>
  new SkipObject('endDateTime is not after startDateTime', {
    code: 'notAfter',
    field: 'endDateTime',
    params: { other: 'startDateTime' },
  });

export type Columns = Record<string, unknown>;
// Every mapped table has the row columns (id, createdAt, updatedAt, version) and its own.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTable = SQLiteTableWithColumns<any>;

export interface MapContext {
  readonly w: WriteContext;
  /** Our id for an imported object of `cls`, or SkipObject naming the missing one. */
  ref(cls: ParseClass, objectId: string | null, field: string): string;
  refOptional(cls: ParseClass, objectId: string | null, field: string): string | null;
  userWithRole(id: string, roles: readonly Role[], field: string): void;
  /** The import's zone for date-only fields. */
  readonly zone: string;
  /** An object's own zone name as an IANA zone: mapped, or the import zone (and reported). */
  zoneOf(name: string | null): string;
  /** A booking's zone from the schedule entry that points at it in the same export. */
  bookingZone(objectId: string): string | null;
  /** The Greenroom role of a Parse user: its `role` field, or its `_Role` membership. */
  roleOf(user: ParseObject): Role;
}

export interface Mapped {
  /** What a later import compares and updates. */
  readonly values: Columns;
  /** Only on the first import: what Greenroom owns afterwards (a relinked file, a headshot). */
  readonly createOnly?: Columns;
}

export interface ClassMapping {
  readonly entity: string;
  readonly table: AnyTable;
  /** Review notes and growth logs are never changed: a correction is a new row. */
  readonly appendOnly?: boolean;
  /** Columns that are lookup keys, never shown as changed fields. */
  readonly hidden?: readonly string[];
  read(o: ParseObject, c: MapContext): Mapped;
  /** Inserts the row another way than a plain insert (accounts); returns its id. */
  insert?(c: MapContext, values: Columns, createdAt: string): string;
  /** After the row was inserted (before: null) or updated. */
  afterWrite?(c: MapContext, id: string, after: Columns, before: Columns | null): void;
}

function rerankAround(c: MapContext, talentId: string, spans: { start: string; end: string }[]) {
  const talent = c.w.tx
    .select({ manager: talentProfiles.manager })
    .from(talentProfiles)
    .where(eq(talentProfiles.id, talentId))
    .get();
  if (!talent) return;
  for (const span of spans) rerankHolds(c.w, { id: talentId, manager: talent.manager }, span);
}

export const MAPPINGS: Record<ParseClass, ClassMapping> = {
  _User: {
    entity: 'users',
    table: users,
    hidden: ['usernameKey', 'emailKey'],
    read(o, c) {
      const username = required(text(o, 'username', 60), 'username');
      const email = required(text(o, 'email', 254), 'email');
      return {
        values: {
          username: username.normalize('NFKC'),
          usernameKey: identityKey(username),
          email: email.normalize('NFKC'),
          emailKey: identityKey(email),
          fullName: text(o, 'fullName', 200) ?? text(o, 'name', 200) ?? username,
          role: c.roleOf(o),
        },
      };
    },
    insert(c, values, createdAt) {
      return insertUser(c.w.tx, createdAt, {
        username: values.username as string,
        email: values.email as string,
        fullName: values.fullName as string,
        role: values.role as Role,
        manager: null,
        // Imported accounts cannot sign in until an admin activates them and sets a password.
        active: false,
        passwordHash: '',
      }).id;
    },
  },

  TalentProfile: {
    entity: 'talents',
    table: talentProfiles,
    read(o, c) {
      const manager = c.ref('_User', pointer(o, 'manager', '_User'), 'manager');
      c.userWithRole(manager, ['manager', 'admin'], 'manager');
      return {
        values: {
          stageName: required(text(o, 'stageName', 200), 'stageName'),
          fullName: required(text(o, 'fullName', 200), 'fullName'),
          talentType: required(oneOf(o, 'talentType', TALENT_TYPES), 'talentType'),
          portfolioUrl: text(o, 'portfolioUrl', 2000),
          availabilityStatus: oneOf(o, 'availabilityStatus', AVAILABILITY_STATUSES) ?? 'available',
          manager,
          notes: text(o, 'notes', 20_000),
        },
        // A hosted headshot URL is not a stored file: left out, the talent keeps the rest.
        createOnly: { headshotUrl: null },
      };
    },
  },

  Audition: {
    entity: 'auditions',
    table: auditions,
    read(o, c) {
      return {
        values: {
          talentProfile: c.ref(
            'TalentProfile',
            pointer(o, 'talentProfile', 'TalentProfile'),
            'talentProfile',
          ),
          clientName: required(text(o, 'clientName', 160), 'clientName'),
          projectName: required(text(o, 'projectName', 160), 'projectName'),
          auditionType: oneOf(o, 'auditionType', AUDITION_TYPES) ?? 'in_person',
          auditionDate: required(instant(o, 'auditionDate'), 'auditionDate'),
          status: oneOf(o, 'status', AUDITION_STATUSES) ?? 'invited',
          location: text(o, 'location', 500),
          callbackNotes: text(o, 'callbackNotes', 20_000),
        },
      };
    },
  },

  Booking: {
    entity: 'bookings',
    table: bookings,
    read(o, c) {
      const start = required(instant(o, 'startDateTime'), 'startDateTime');
      const end = required(instant(o, 'endDateTime'), 'endDateTime');
      if (end <= start) throw endNotAfterStart();
      const rate = number(o, 'rate');
      const own = text(o, 'timezone', 64);
      const objectId = typeof o.objectId === 'string' ? o.objectId : '';
      return {
        values: {
          talentProfile: c.ref(
            'TalentProfile',
            pointer(o, 'talentProfile', 'TalentProfile'),
            'talentProfile',
          ),
          audition: c.refOptional('Audition', pointer(o, 'audition', 'Audition'), 'audition'),
          clientName: required(text(o, 'clientName', 160), 'clientName'),
          projectName: required(text(o, 'projectName', 160), 'projectName'),
          startDateTime: start,
          endDateTime: end,
          status: oneOf(o, 'status', BOOKING_STATUSES) ?? 'hold',
          // Parse stores the rate in currency units; Greenroom in integer minor units.
          rate: rate === null ? null : Math.round(rate * 100),
          currency: text(o, 'currency', 3),
          // The seed class has no zone: the schedule entry booked with it says where it is.
          timezone: own !== null ? c.zoneOf(own) : (c.bookingZone(objectId) ?? c.zone),
          notes: text(o, 'notes', 20_000),
        },
      };
    },
    afterWrite(c, _id, after, before) {
      const spanOf = (row: Columns) => ({
        start: row.startDateTime as string,
        end: row.endDateTime as string,
      });
      if (!before) {
        if (after.status === 'hold')
          rerankAround(c, after.talentProfile as string, [spanOf(after)]);
        return;
      }
      const moved =
        before.status !== after.status ||
        before.startDateTime !== after.startDateTime ||
        before.endDateTime !== after.endDateTime;
      if (moved && (before.status === 'hold' || after.status === 'hold')) {
        rerankAround(c, after.talentProfile as string, [spanOf(before), spanOf(after)]);
      }
    },
  },

  ScheduleEntry: {
    entity: 'schedule',
    table: scheduleEntries,
    read(o, c) {
      const booking = c.refOptional('Booking', pointer(o, 'booking', 'Booking'), 'booking');
      const start = required(instant(o, 'startDateTime') ?? instant(o, 'start'), 'startDateTime');
      const end = required(instant(o, 'endDateTime') ?? instant(o, 'end'), 'endDateTime');
      if (end <= start) throw endNotAfterStart();
      const zone = text(o, 'timezone', 64);
      return {
        values: {
          talentProfile: c.ref(
            'TalentProfile',
            pointer(o, 'talentProfile', 'TalentProfile'),
            'talentProfile',
          ),
          booking,
          entryType:
            oneOf(o, 'entryType', SCHEDULE_ENTRY_TYPES) ?? (booking ? 'booking' : 'personal'),
          title: text(o, 'title', 200),
          start,
          end,
          timezone: zone === null ? c.zone : c.zoneOf(zone),
          status: oneOf(o, 'status', SCHEDULE_STATUSES) ?? 'tentative',
          source: 'import',
        },
      };
    },
  },

  Artist: {
    entity: 'artists',
    table: artists,
    read(o, c) {
      const owner = c.ref('_User', pointer(o, 'owner', '_User'), 'owner');
      c.userWithRole(owner, ['AandR', 'admin'], 'owner');
      const priorityScore = number(o, 'priorityScore');
      if (
        priorityScore !== null &&
        !(Number.isInteger(priorityScore) && priorityScore >= 0 && priorityScore <= 100)
      ) {
        throw new SkipObject('priorityScore is not a whole number from 0 to 100', {
          code: 'notWholeBetween',
          field: 'priorityScore',
          params: { min: 0, max: 100 },
        });
      }
      const followers = number(o, 'socialFollowers');
      return {
        values: {
          artistName: required(text(o, 'artistName', 200), 'artistName'),
          genre: required(text(o, 'genre', 80), 'genre'),
          status: oneOf(o, 'status', ARTIST_STATUSES) ?? 'prospect',
          priorityScore,
          socialFollowers: followers === null ? null : Math.max(0, Math.round(followers)),
          lastDemoDate: day(o, 'lastDemoDate', c.zone),
          owner,
        },
      };
    },
  },

  Demo: {
    entity: 'demos',
    table: demos,
    read(o, c) {
      const received = instant(o, 'receivedAt') ?? instant(o, 'createdAt') ?? c.w.now;
      return {
        values: {
          artist: c.ref('Artist', pointer(o, 'artist', 'Artist'), 'artist'),
          title: required(text(o, 'title', 200), 'title'),
          submissionSource: oneOf(o, 'submissionSource', SUBMISSION_SOURCES) ?? 'other',
          reviewStatus: oneOf(o, 'reviewStatus', REVIEW_STATUSES) ?? 'submitted',
          submittedBy: c.ref('_User', pointer(o, 'submittedBy', '_User'), 'submittedBy'),
          receivedAt: received,
        },
        // The hosted file's address is kept: the demo shows its audio as missing until it is
        // relinked from the same recording, after which the stored file is Greenroom's.
        createOnly: { audioUrl: required(fileUrl(o, 'audioUrl'), 'audioUrl') },
      };
    },
  },

  Contract: {
    entity: 'contracts',
    table: contracts,
    read(o, c) {
      const legalOwner = c.ref('_User', pointer(o, 'legalOwner', '_User'), 'legalOwner');
      c.userWithRole(legalOwner, ['legal', 'admin'], 'legalOwner');
      return {
        values: {
          artist: c.ref('Artist', pointer(o, 'artist', 'Artist'), 'artist'),
          contractType: required(oneOf(o, 'contractType', CONTRACT_TYPES), 'contractType'),
          status: oneOf(o, 'status', CONTRACT_STATUSES) ?? 'draft',
          effectiveDate: day(o, 'effectiveDate', c.zone),
          signedAt: instant(o, 'signedAt'),
          legalOwner,
          terms: text(o, 'terms', 50_000),
          optionDate: day(o, 'optionDate', c.zone),
          noticeDate: day(o, 'noticeDate', c.zone),
          expiryDate: day(o, 'expiryDate', c.zone),
        },
        // A hosted document URL is not a stored file; attach or generate the document again.
        createOnly: { documentUrl: null },
      };
    },
  },

  SocialGrowthLog: {
    entity: 'growthLogs',
    table: socialGrowthLogs,
    appendOnly: true,
    read(o, c) {
      const followers = required(number(o, 'followerCount'), 'followerCount');
      if (!Number.isInteger(followers) || followers < 0) {
        throw new SkipObject('followerCount is not a whole number of at least 0', {
          code: 'notWholeAtLeast',
          field: 'followerCount',
          params: { min: 0 },
        });
      }
      return {
        values: {
          artist: c.ref('Artist', pointer(o, 'artist', 'Artist'), 'artist'),
          platform: required(oneOf(o, 'platform', PLATFORMS), 'platform'),
          followerCount: followers,
          engagementRate: number(o, 'engagementRate'),
          captureDate: required(day(o, 'captureDate', c.zone), 'captureDate'),
          capturedBy: c.ref('_User', pointer(o, 'capturedBy', '_User'), 'capturedBy'),
        },
      };
    },
  },

  ReviewNote: {
    entity: 'reviewNotes',
    table: reviewNotes,
    appendOnly: true,
    read(o, c) {
      return {
        values: {
          artist: c.ref('Artist', pointer(o, 'artist', 'Artist'), 'artist'),
          demo: c.refOptional('Demo', pointer(o, 'demo', 'Demo'), 'demo'),
          author: c.ref('_User', pointer(o, 'author', '_User'), 'author'),
          noteType: oneOf(o, 'noteType', NOTE_TYPES) ?? 'general',
          body: required(text(o, 'body', 20_000), 'body'),
          visibility: oneOf(o, 'visibility', NOTE_VISIBILITIES) ?? 'team',
        },
      };
    },
  },
};
