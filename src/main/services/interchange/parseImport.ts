import { rmSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { and, eq } from 'drizzle-orm';
import type { ParseImportInput, ParseImportReport } from '../../../shared/domain/interchange';
import { ROLES, type Role } from '../../../shared/domain/vocabulary';
import { AppError } from '../../../shared/errors';
import { importLinks, users } from '../../db/schema';
import type { Session } from '../kernel/session';
import { newId, type Store, type WriteContext } from '../kernel/store';
import { identityKey } from '../workspace/accounts/identity';
import { findUserRow } from '../workspace/accounts/userRecords';
import type { Staging } from '../workspace/files/staging';
import { findNarrowerAcls, restrictiveAcl, type AclCandidate } from './parseAcl';
import {
  classOfFile,
  PARSE_CLASSES,
  readParseFile,
  type ParseClass,
  type ParseFileClass,
  type ReadFile,
} from './parseFiles';
import { MAPPINGS, type Columns, type MapContext } from './parseMappers';
import { readRoles } from './parseRoles';
import {
  instant,
  missing,
  notOneOf,
  pointer,
  SkipObject,
  text,
  type ParseObject,
} from './parseValues';
import { lookUpZone, systemZone } from './parseZones';

export { classOfFile, PARSE_CLASSES } from './parseFiles';

const MAX_LISTED = 500;

type LinkRow = typeof importLinks.$inferSelect;
type Report = ParseImportReport;

/** Thrown at the end of a preview's transaction: everything it wrote is rolled back. */
class PreviewDone extends Error {
  constructor(readonly report: Report) {
    super('preview');
  }
}

/** Why an object could not be written: what it broke, in English and as a code. */
function reasonOf(error: unknown): SkipObject {
  if (error instanceof SkipObject) return error;
  if (error instanceof AppError)
    return new SkipObject(error.message, { code: 'refused', error: error.toBody() });
  if (
    error instanceof Error &&
    'code' in error &&
    String(error.code).startsWith('SQLITE_CONSTRAINT')
  ) {
    return /users\.(username|email)_key/.test(error.message)
      ? new SkipObject('a user with this username or email already exists', { code: 'userExists' })
      : new SkipObject(`it conflicts with existing data (${error.message})`, { code: 'conflict' });
  }
  throw error;
}

/** Parse's updatedAt of an object, or null when it has none (or not a date). */
function parseUpdatedAt(object: ParseObject): string | null {
  try {
    return instant(object, 'updatedAt') ?? instant(object, 'createdAt');
  } catch {
    return null;
  }
}

function stampsOf(object: ParseObject, now: string) {
  const createdAt = instant(object, 'createdAt') ?? now;
  return { createdAt, updatedAt: instant(object, 'updatedAt') ?? createdAt, version: 1 };
}

/** The zone the person importing chose (a name like "Beijing" mapped), or this computer's. */
function importZone(asked: string | undefined): Report['timezone'] {
  if (asked === undefined) return { zone: systemZone(), source: 'default' };
  const found = lookUpZone(asked);
  if (found.zone !== null) {
    return { zone: found.zone, source: found.mapped ? 'mapped' : 'chosen', asked };
  }
  const could = found.candidates.length
    ? `“${asked}” could be ${found.candidates.join(', ')}: choose one.`
    : `“${asked}” is not a time zone Greenroom knows.`;
  throw new AppError('VALIDATION', could, {
    timezone: found.candidates.length ? 'Ambiguous time zone' : 'Unknown time zone',
  });
}

/**
 * imports.parse and imports.parsePreview: the JSON exports of the hosted Back4app apps' classes
 * (Parse Server's REST shape), pointers resolved to the rows they became, in one transaction.
 * Users already in Greenroom are matched by username or email (or mapped by the person
 * importing); objects imported before are brought up to date when Parse changed them since,
 * unless Greenroom changed them too (a conflict, reported, not overwritten). A preview runs the
 * very same import and rolls it back, so what it reports is what the import will do.
 */
export function createParseImport(store: Store, staging: Staging) {
  const { db } = store;

  function readFiles(owner: string, tokens: readonly string[]) {
    const files: Report['files'] = [];
    const byClass = new Map<ParseFileClass, ReadFile[]>();
    const dropped: Report['dropped'] = [];
    let droppedCount = 0;
    for (const token of tokens) {
      const staged = staging.peek(owner, token);
      const cls = classOfFile(staged.fileName);
      if (!cls) {
        files.push({
          name: staged.fileName,
          className: null,
          objects: 0,
          note: 'Not a class this import knows',
        });
        continue;
      }
      const read = readParseFile(staged.path, staged.fileName, cls);
      byClass.set(cls, [...(byClass.get(cls) ?? []), read]);
      files.push({ name: staged.fileName, className: cls, objects: read.objects.length });
      droppedCount += read.dropped.length;
      for (const entry of read.dropped) {
        if (dropped.length < MAX_LISTED) dropped.push({ file: staged.fileName, ...entry });
      }
    }
    return { files, byClass, dropped, droppedCount };
  }

  async function run(
    session: Session,
    input: ParseImportInput,
    commit: boolean,
  ): Promise<ParseImportReport> {
    const timezone = importZone(input.timezone);
    const userMap = input.userMap ?? {};
    for (const [parseId, userId] of Object.entries(userMap)) {
      if (!findUserRow(db, userId)) {
        throw new AppError('VALIDATION', `No Greenroom user has the id ${userId}.`, {
          [`userMap.${parseId}`]: 'No such user',
        });
      }
    }
    // Every file is read before anything is written: one that is not JSON stops the import.
    const { files, byClass, dropped, droppedCount } = readFiles(session.user.id, input.files);
    const objectsOf = (cls: ParseFileClass) => (byClass.get(cls) ?? []).flatMap((f) => f.objects);

    const parseUsers = new Map<string, ParseObject>();
    for (const user of objectsOf('_User')) {
      if (typeof user.objectId === 'string' && user.objectId) parseUsers.set(user.objectId, user);
    }
    for (const parseId of Object.keys(userMap)) {
      if (!parseUsers.has(parseId)) {
        throw new AppError('VALIDATION', `No Parse user ${parseId} is in these files.`, {
          [`userMap.${parseId}`]: 'Not a Parse user of this export',
        });
      }
    }
    const roles = readRoles(
      byClass.get('_Role') ?? [],
      byClass.get('_Join:users:_Role') ?? [],
      byClass.get('_Join:roles:_Role') ?? [],
    );
    const usernameOf = new Map<string, string>();
    for (const [objectId, user] of parseUsers) {
      if (typeof user.username === 'string') usernameOf.set(objectId, user.username);
    }
    // Bookings have no zone in the hosted class: the schedule entry made with one has.
    const entryZoneOfBooking = new Map<string, string>();
    for (const entry of objectsOf('ScheduleEntry')) {
      try {
        const booking = pointer(entry, 'booking', 'Booking');
        const zone = text(entry, 'timezone', 64);
        if (booking && zone && !entryZoneOfBooking.has(booking)) {
          entryZoneOfBooking.set(booking, zone);
        }
      } catch {
        // The entry itself is skipped with its reason when its turn comes.
      }
    }

    const report: Report = {
      committed: commit,
      files,
      timezone,
      imported: {},
      updated: {},
      skipped: [],
      skippedCount: 0,
      alreadyImported: 0,
      matchedUsers: [],
      unmatchedUsers: [],
      roles: roles.summary,
      conflicts: [],
      conflictCount: 0,
      narrowerAcls: [],
      narrowerAclCount: 0,
      dropped,
      droppedCount,
      zones: [],
    };
    const skip = (className: string, objectId: string, { message, why }: SkipObject) => {
      report.skippedCount += 1;
      if (report.skipped.length < MAX_LISTED)
        report.skipped.push({ className, objectId, reason: message, why });
    };
    const zoneNotes = new Map<string, Report['zones'][number]>();
    const zoneOf = (name: string | null): string => {
      if (name === null) return timezone.zone;
      const found = lookUpZone(name);
      if (found.zone !== null && !found.mapped) return found.zone;
      const note = zoneNotes.get(name) ?? {
        value: name,
        mappedTo: found.zone,
        candidates: found.zone === null ? [...found.candidates] : [],
        objects: 0,
      };
      note.objects += 1;
      zoneNotes.set(name, note);
      return found.zone ?? timezone.zone;
    };

    try {
      store.write(session.user.id, (w) => {
        const links = new Map<string, LinkRow>();
        for (const link of w.tx.select().from(importLinks).all()) {
          links.set(`${link.sourceClass}:${link.objectId}`, link);
        }
        const context = mapContext(w, links, {
          zone: timezone.zone,
          zoneOf,
          bookingZone: (objectId) => {
            const name = entryZoneOfBooking.get(objectId);
            if (!name) return null;
            return lookUpZone(name).zone;
          },
          roleOf: (user) => roleOf(user, roles.greenroomRolesOfUser),
        });

        const linkedBefore = new Set(
          [...links.values()].filter((l) => l.sourceClass === '_User').map((l) => l.objectId),
        );
        matchUsers(w, links, parseUsers, userMap, report);
        const matchedNow = new Set(report.matchedUsers.map((m) => m.objectId));

        const aclCandidates: AclCandidate[] = [];
        // Users written by this run: their team is joined once every user is in.
        const writtenUsers: [string, ParseObject][] = [];
        const createdUsers = new Set<string>();
        for (const cls of PARSE_CLASSES) {
          const mapping = MAPPINGS[cls];
          for (const object of objectsOf(cls)) {
            const objectId = typeof object.objectId === 'string' ? object.objectId : '';
            if (!objectId) {
              skip(cls, '', missing('objectId'));
              continue;
            }
            // Reported as matched: the account was Greenroom's before this import.
            if (cls === '_User' && matchedNow.has(objectId)) continue;
            const key = `${cls}:${objectId}`;
            const link = links.get(key);
            let outcome: 'created' | 'updated' | 'unchanged' | 'conflict';
            let entityId: string;
            try {
              const done = w.savepoint(() =>
                link
                  ? syncObject(context, cls, object, link, input.resolutions?.[key], report)
                  : createObject(context, cls, object),
              );
              outcome = done.outcome;
              entityId = done.entityId;
            } catch (error) {
              skip(cls, objectId, reasonOf(error));
              continue;
            }
            if (outcome === 'created' || outcome === 'updated') {
              const counts = outcome === 'created' ? report.imported : report.updated;
              counts[cls] = (counts[cls] ?? 0) + 1;
              links.set(key, w.tx.select().from(importLinks).where(linkIs(cls, objectId)).get()!);
              const acl = restrictiveAcl(object);
              if (acl && cls !== '_User') {
                aclCandidates.push({
                  className: cls,
                  objectId,
                  entity: mapping.entity,
                  entityId,
                  acl,
                });
              }
            } else if (outcome === 'unchanged') report.alreadyImported += 1;
            if (cls === '_User' && (outcome === 'created' || outcome === 'updated')) {
              writtenUsers.push([entityId, object]);
              if (outcome === 'created') createdUsers.add(objectId);
            }
          }
        }

        joinTeams(w, links, writtenUsers);
        reportUnmatched(parseUsers, linkedBefore, createdUsers, report);

        const parseIdsOf = new Map<string, string[]>();
        for (const link of links.values()) {
          if (link.sourceClass !== '_User') continue;
          parseIdsOf.set(link.entityId, [...(parseIdsOf.get(link.entityId) ?? []), link.objectId]);
        }
        const narrower = findNarrowerAcls(w, aclCandidates, {
          parseIdsOf,
          rolesOfUser: roles.rolesOfUser,
          usernameOf,
        });
        report.narrowerAclCount = narrower.length;
        report.narrowerAcls = narrower.slice(0, MAX_LISTED);
        report.zones = [...zoneNotes.values()];

        w.audit({
          action: 'imports.parse',
          entity: 'settings',
          entityId: 'workspace',
          changes: {
            files: files.map((f) => f.name),
            timezone: timezone.zone,
            imported: report.imported,
            updated: report.updated,
            skipped: report.skippedCount,
            alreadyImported: report.alreadyImported,
            conflicts: report.conflictCount,
            matchedUsers: report.matchedUsers.length,
            narrowerAcls: report.narrowerAclCount,
            dropped: report.droppedCount,
          },
        });
        if (!commit) throw new PreviewDone(report);
      });
    } catch (error) {
      if (error instanceof PreviewDone) return error.report;
      throw error;
    }
    // Only a committed import spends the files: a refused one can be tried again with them.
    for (const token of input.files) {
      try {
        rmSync(staging.take(session.user.id, token).path, { force: true });
      } catch {
        // Already gone (expired): nothing left to spend.
      }
    }
    return report;
  }

  return {
    preview: (session: Session, input: ParseImportInput) => run(session, input, false),
    run: (session: Session, input: ParseImportInput) => run(session, input, true),
  };
}

const linkIs = (cls: string, objectId: string) =>
  and(eq(importLinks.sourceClass, cls), eq(importLinks.objectId, objectId));

function mapContext(
  w: WriteContext,
  links: Map<string, LinkRow>,
  rest: Pick<MapContext, 'zone' | 'zoneOf' | 'bookingZone' | 'roleOf'>,
): MapContext {
  return {
    w,
    ...rest,
    ref(cls, objectId, field) {
      const id = this.refOptional(cls, objectId, field);
      if (!id) throw missing(field);
      return id;
    },
    refOptional(cls, objectId, field) {
      if (!objectId) return null;
      const link = links.get(`${cls}:${objectId}`);
      if (!link) {
        throw new SkipObject(`${field} points at ${cls} ${objectId}, which was not imported`, {
          code: 'notImported',
          field,
          params: { className: cls, objectId },
        });
      }
      return link.entityId;
    },
    userWithRole(id, roles, field) {
      const user = findUserRow(w.tx, id);
      if (!user || !roles.includes(user.role as Role)) {
        throw new SkipObject(`${field} must be a user with the role ${roles.join(' or ')}`, {
          code: 'wrongRole',
          field,
          params: { roles: [...roles] },
        });
      }
    },
  };
}

/** A Parse user's Greenroom role: a valid `role` field, else their one matching `_Role`. */
function roleOf(user: ParseObject, fromRoles: ReadonlyMap<string, ReadonlySet<Role>>): Role {
  const field = text(user, 'role', 100);
  if (field !== null && (ROLES as readonly string[]).includes(field)) return field as Role;
  const member = [...(fromRoles.get(String(user.objectId)) ?? [])];
  if (member.length === 1) return member[0]!;
  if (member.length > 1) {
    throw new SkipObject(`is in the Parse roles of ${member.join(' and ')}: map them to one user`, {
      code: 'severalRoles',
      params: { roles: member },
    });
  }
  if (field !== null) throw notOneOf('role', field, ROLES);
  throw new SkipObject('role is missing (no role field and no matching _Role)', {
    code: 'noRole',
    field: 'role',
  });
}

/**
 * Parse users who already have a Greenroom account (the owner, typically) are linked to it
 * instead of being created: by the person's map first, then by username or by email (compared
 * as sign-in compares them: ignoring case and width). A username and an email naming two
 * different users match neither: that user is left for the person to map.
 */
function matchUsers(
  w: WriteContext,
  links: Map<string, LinkRow>,
  parseUsers: ReadonlyMap<string, ParseObject>,
  userMap: Readonly<Record<string, string>>,
  report: Report,
): void {
  for (const [objectId, user] of parseUsers) {
    const existing = links.get(`_User:${objectId}`);
    const mappedTo = userMap[objectId];
    if (existing) {
      if (mappedTo && mappedTo !== existing.entityId) {
        throw new AppError(
          'VALIDATION',
          `Parse user ${objectId} was linked to another Greenroom user by an earlier import.`,
          { [`userMap.${objectId}`]: 'Already imported' },
        );
      }
      continue;
    }
    const username = typeof user.username === 'string' ? user.username : null;
    const email = typeof user.email === 'string' ? user.email : null;
    let match: { id: string; by: 'username' | 'email' | 'map' } | null = null;
    if (mappedTo) match = { id: mappedTo, by: 'map' };
    else {
      const byUsername = username
        ? w.tx
            .select({ id: users.id })
            .from(users)
            .where(eq(users.usernameKey, identityKey(username)))
            .get()
        : undefined;
      const byEmail = email
        ? w.tx
            .select({ id: users.id })
            .from(users)
            .where(eq(users.emailKey, identityKey(email)))
            .get()
        : undefined;
      if (byUsername && byEmail && byUsername.id !== byEmail.id) continue;
      if (byUsername) match = { id: byUsername.id, by: 'username' };
      else if (byEmail) match = { id: byEmail.id, by: 'email' };
    }
    if (!match) continue;
    const row = findUserRow(w.tx, match.id)!;
    const link: LinkRow = {
      sourceClass: '_User',
      objectId,
      entity: 'users',
      entityId: row.id,
      importedAt: w.now,
      sourceUpdatedAt: parseUpdatedAt(user),
      // Greenroom's own account: never written by an import.
      entityVersion: null,
    };
    w.tx.insert(importLinks).values(link).run();
    links.set(`_User:${objectId}`, link);
    w.audit({
      action: 'imports.parse',
      entity: 'users',
      entityId: row.id,
      changes: { sourceClass: '_User', objectId, matchedBy: match.by },
    });
    report.matchedUsers.push({
      objectId,
      username,
      email,
      userId: row.id,
      greenroomUsername: row.username,
      by: match.by,
    });
  }
}

/** Parse users this run neither matched nor found linked before: created, or skipped and why. */
function reportUnmatched(
  parseUsers: ReadonlyMap<string, ParseObject>,
  linkedBefore: ReadonlySet<string>,
  createdNow: ReadonlySet<string>,
  report: Report,
): void {
  const matched = new Set(report.matchedUsers.map((m) => m.objectId));
  const reasons = new Map(
    report.skipped.filter((s) => s.className === '_User').map((s) => [s.objectId, s.reason]),
  );
  for (const [objectId, user] of parseUsers) {
    if (matched.has(objectId) || linkedBefore.has(objectId)) continue;
    const reason = reasons.get(objectId);
    report.unmatchedUsers.push({
      objectId,
      username: typeof user.username === 'string' ? user.username : null,
      email: typeof user.email === 'string' ? user.email : null,
      role: typeof user.role === 'string' ? user.role : null,
      outcome: createdNow.has(objectId) ? 'create' : 'skip',
      ...(reason !== undefined && !createdNow.has(objectId) ? { reason } : {}),
    });
  }
}

/** Coordinators join their manager's team once every user is in (the manager may come later). */
function joinTeams(
  w: WriteContext,
  links: ReadonlyMap<string, LinkRow>,
  written: readonly [string, ParseObject][],
): void {
  for (const [userId, object] of written) {
    let managerObject: string | null;
    try {
      managerObject = pointer(object, 'manager', '_User');
    } catch {
      continue;
    }
    const manager = managerObject ? (links.get(`_User:${managerObject}`)?.entityId ?? null) : null;
    const before = findUserRow(w.tx, userId);
    if (!before || before.manager === manager || (manager === null && managerObject)) continue;
    w.tx.update(users).set({ manager }).where(eq(users.id, userId)).run();
  }
}

/** A first import of an object: its row, its link and its audit entry. */
function createObject(
  c: MapContext,
  cls: ParseClass,
  object: ParseObject,
): { outcome: 'created'; entityId: string } {
  const mapping = MAPPINGS[cls];
  const objectId = String(object.objectId);
  const mapped = mapping.read(object, c);
  const stamps = stampsOf(object, c.w.now);
  let id: string;
  if (mapping.insert) id = mapping.insert(c, mapped.values, stamps.createdAt);
  else {
    id = newId();
    c.w.tx
      .insert(mapping.table)
      .values({ id, ...stamps, ...mapped.createOnly, ...mapped.values })
      .run();
  }
  mapping.afterWrite?.(c, id, mapped.values, null);
  c.w.tx
    .insert(importLinks)
    .values({
      sourceClass: cls,
      objectId,
      entity: mapping.entity,
      entityId: id,
      importedAt: c.w.now,
      sourceUpdatedAt: parseUpdatedAt(object),
      entityVersion: 1,
    })
    .run();
  c.w.audit({
    action: 'imports.parse',
    entity: mapping.entity,
    entityId: id,
    changes: { sourceClass: cls, objectId },
  });
  return { outcome: 'created', entityId: id };
}

const same = (a: unknown, b: unknown) => isDeepStrictEqual(a ?? null, b ?? null);

/**
 * An object imported before. Changed in Parse since (a later updatedAt, or different values
 * when the link predates updatedAt being kept) and not in Greenroom: brought up to date. Changed
 * in both: a conflict, unless the person settled it (`parse` or `greenroom`).
 */
function syncObject(
  c: MapContext,
  cls: ParseClass,
  object: ParseObject,
  link: LinkRow,
  resolution: 'parse' | 'greenroom' | undefined,
  report: Report,
): { outcome: 'updated' | 'unchanged' | 'conflict'; entityId: string } {
  const mapping = MAPPINGS[cls];
  const objectId = String(object.objectId);
  const unchanged = { outcome: 'unchanged' as const, entityId: link.entityId };
  // A Parse user linked to an account Greenroom already had: Greenroom's, never written.
  if (link.entityVersion === null) return unchanged;
  const parseAt = parseUpdatedAt(object);
  if (link.sourceUpdatedAt !== null && (parseAt === null || parseAt <= link.sourceUpdatedAt)) {
    return unchanged;
  }
  const row = c.w.tx
    .select()
    .from(mapping.table)
    .where(eq(mapping.table.id, link.entityId))
    .get() as (Columns & { id: string; version: number; updatedAt: string }) | undefined;
  if (!row) {
    throw new SkipObject('the record it became is no longer in Greenroom', { code: 'recordGone' });
  }
  const mapped = mapping.read(object, c);
  const changed = Object.keys(mapped.values).filter((k) => !same(row[k], mapped.values[k]));
  const refreshLink = (entityId: string, entityVersion: number) =>
    c.w.tx
      .update(importLinks)
      .set({ entityId, entityVersion, sourceUpdatedAt: parseAt, importedAt: c.w.now })
      .where(linkIs(cls, objectId))
      .run();
  if (changed.length === 0) {
    refreshLink(row.id, row.version);
    return unchanged;
  }
  const shown = changed.filter((k) => !mapping.hidden?.includes(k));
  if (row.version !== link.entityVersion) {
    // Listed whether settled or not, so the person sees (and may change) how it was settled.
    if (!resolution) report.conflictCount += 1;
    if (report.conflicts.length < MAX_LISTED) {
      report.conflicts.push({
        className: cls,
        objectId,
        entity: mapping.entity,
        entityId: row.id,
        parseUpdatedAt: parseAt,
        greenroomUpdatedAt: row.updatedAt,
        fields: shown.map((field) => ({
          field,
          parse: mapped.values[field] ?? null,
          greenroom: row[field] ?? null,
        })),
        resolution: resolution ?? null,
      });
    }
    if (!resolution) return { outcome: 'conflict', entityId: row.id };
    if (resolution === 'greenroom') {
      refreshLink(row.id, row.version);
      c.w.audit({
        action: 'imports.parse',
        entity: mapping.entity,
        entityId: row.id,
        changes: { sourceClass: cls, objectId, kept: shown },
      });
      return unchanged;
    }
  }
  const changes = Object.fromEntries(
    shown.map((k) => [k, [row[k] ?? null, mapped.values[k] ?? null]]),
  );
  if (mapping.appendOnly) {
    // Notes and growth logs are never edited: the correction is a new row that says which one
    // it replaces, and the Parse object now stands for it.
    const id = newId();
    const at = parseAt ?? c.w.now;
    c.w.tx
      .insert(mapping.table)
      .values({
        id,
        createdAt: at,
        updatedAt: at,
        version: 1,
        ...mapped.values,
        replaces: row.id,
      })
      .run();
    refreshLink(id, 1);
    c.w.audit({
      action: 'imports.parse',
      entity: mapping.entity,
      entityId: id,
      changes: { sourceClass: cls, objectId, replaces: row.id, ...changes },
    });
    return { outcome: 'updated', entityId: id };
  }
  const patch = Object.fromEntries(changed.map((k) => [k, mapped.values[k]]));
  c.w.tx
    .update(mapping.table)
    .set({ ...patch, version: row.version + 1, updatedAt: c.w.now })
    .where(eq(mapping.table.id, row.id))
    .run();
  mapping.afterWrite?.(c, row.id, { ...row, ...mapped.values }, row);
  refreshLink(row.id, row.version + 1);
  c.w.audit({
    action: 'imports.parse',
    entity: mapping.entity,
    entityId: row.id,
    changes: { sourceClass: cls, objectId, ...changes },
  });
  return { outcome: 'updated', entityId: row.id };
}
