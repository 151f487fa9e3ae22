/**
 * Parse ACLs against Greenroom's rules. Greenroom has no per-record ACL: who reads a record
 * follows from the role table (src/shared/access.ts) and teams. An import cannot narrow that, so
 * it reports every object whose ACL let fewer people read it than Greenroom will: the readers
 * the ACL had, and the Greenroom users who gain sight of it. An object without an ACL, or whose
 * ACL lets the public (`*`) read, was readable by everyone and is never reported.
 */
import { eq } from 'drizzle-orm';
import { canSeeNote, scopeOf, teamManagerOf, type Entity } from '../../../shared/access';
import type { NoteVisibility } from '../../../shared/domain/reviewNote';
import type { Role } from '../../../shared/domain/vocabulary';
import {
  auditions,
  bookings,
  reviewNotes,
  scheduleEntries,
  talentProfiles,
  users,
} from '../../db/schema';
import type { WriteContext } from '../kernel/store';
import { isRecord } from './parseValues';

export interface AclCandidate {
  readonly className: string;
  readonly objectId: string;
  readonly entity: string;
  readonly entityId: string;
  readonly acl: Record<string, unknown>;
}

export interface NarrowerAcl {
  className: string;
  objectId: string;
  entity: string;
  entityId: string;
  readers: { kind: 'user' | 'role'; name: string }[];
  gainedBy: string[];
}

interface Person {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly manager: string | null;
}

const readable = (acl: Record<string, unknown>, key: string): boolean => {
  const entry = acl[key];
  return isRecord(entry) && entry.read === true;
};

/** The ACL of a Parse object, or null when it has none (public) or lets the public read. */
export function restrictiveAcl(object: Record<string, unknown>): Record<string, unknown> | null {
  const acl = object.ACL;
  if (!isRecord(acl) || readable(acl, '*')) return null;
  return acl;
}

/** Agency rows hang off a talent: the manager whose team may read them. */
function talentManagerOf(w: WriteContext, entity: string, id: string): string | null {
  const child =
    entity === 'auditions'
      ? auditions
      : entity === 'bookings'
        ? bookings
        : entity === 'schedule'
          ? scheduleEntries
          : null;
  let talent: string | undefined = id;
  if (child) {
    talent = w.tx
      .select({ talent: child.talentProfile })
      .from(child)
      .where(eq(child.id, id))
      .get()?.talent;
  }
  if (!talent) return null;
  return (
    w.tx
      .select({ manager: talentProfiles.manager })
      .from(talentProfiles)
      .where(eq(talentProfiles.id, talent))
      .get()?.manager ?? null
  );
}

export function findNarrowerAcls(
  w: WriteContext,
  candidates: readonly AclCandidate[],
  parse: {
    /** Greenroom user id → the Parse users linked to them. */
    parseIdsOf: ReadonlyMap<string, readonly string[]>;
    /** Parse user objectId → the roles whose permissions they have. */
    rolesOfUser: ReadonlyMap<string, ReadonlySet<string>>;
    /** Parse user objectId → username, for naming the ACL's readers. */
    usernameOf: ReadonlyMap<string, string>;
  },
): NarrowerAcl[] {
  if (candidates.length === 0) return [];
  const people: Person[] = w.tx
    .select({ id: users.id, username: users.username, role: users.role, manager: users.manager })
    .from(users)
    .all() as Person[];
  const greenroomName = new Map(people.map((p) => [p.id, p.username]));
  const userOfParse = new Map<string, string>();
  for (const [userId, parseIds] of parse.parseIdsOf) {
    for (const parseId of parseIds) userOfParse.set(parseId, userId);
  }

  const found: NarrowerAcl[] = [];
  for (const candidate of candidates) {
    const entity = candidate.entity as Entity;
    let readsIt: (person: Person) => boolean;
    if (entity === 'reviewNotes') {
      const note = w.tx
        .select({ visibility: reviewNotes.visibility, author: reviewNotes.author })
        .from(reviewNotes)
        .where(eq(reviewNotes.id, candidate.entityId))
        .get();
      if (!note) continue;
      readsIt = (person) =>
        canSeeNote(person, { visibility: note.visibility as NoteVisibility, author: note.author });
    } else {
      const needsTeam = ['talents', 'auditions', 'bookings', 'schedule'].includes(entity);
      const manager = needsTeam ? talentManagerOf(w, entity, candidate.entityId) : null;
      readsIt = (person) => {
        const scope = scopeOf(person.role, entity, 'read');
        if (scope === 'all') return true;
        if (scope === 'team') return manager !== null && teamManagerOf(person) === manager;
        return false;
      };
    }
    const allowedByAcl = (person: Person): boolean =>
      (parse.parseIdsOf.get(person.id) ?? []).some(
        (parseId) =>
          readable(candidate.acl, parseId) ||
          [...(parse.rolesOfUser.get(parseId) ?? [])].some((role) =>
            readable(candidate.acl, `role:${role}`),
          ),
      );
    const gainedBy = people
      .filter((person) => readsIt(person) && !allowedByAcl(person))
      .map((person) => person.username)
      .sort();
    if (gainedBy.length === 0) continue;

    const readers: NarrowerAcl['readers'] = [];
    for (const key of Object.keys(candidate.acl)) {
      if (!readable(candidate.acl, key)) continue;
      if (key.startsWith('role:')) readers.push({ kind: 'role', name: key.slice('role:'.length) });
      else {
        const linked = userOfParse.get(key);
        readers.push({
          kind: 'user',
          name:
            parse.usernameOf.get(key) ?? (linked ? greenroomName.get(linked) : undefined) ?? key,
        });
      }
    }
    found.push({
      className: candidate.className,
      objectId: candidate.objectId,
      entity: candidate.entity,
      entityId: candidate.entityId,
      readers,
      gainedBy,
    });
  }
  return found;
}
