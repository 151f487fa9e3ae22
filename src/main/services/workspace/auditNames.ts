import { eq, inArray } from 'drizzle-orm';
import type { Entity } from '../../../shared/access';
import { RECORD_REFERENCE_FIELDS, USER_REFERENCE_FIELDS } from '../../../shared/domain/auditAction';
import type { Db } from '../../db/open';
import {
  artists,
  auditions,
  availabilityBlocks,
  bookings,
  contracts,
  demos,
  reviewNotes,
  scheduleEntries,
  socialGrowthLogs,
  talentProfiles,
  users,
} from '../../db/schema';

/** How a record reads to a person: its name, and a vocabulary value that tells it from its siblings. */
export interface RecordTitle {
  readonly title: string;
  /** contractType, entryType, platform or noteType: the renderer words it for the record type. */
  readonly type: string | null;
}

interface Titled {
  readonly id: string;
  readonly title: string;
  readonly type?: string | null;
}

type TitleReader = (db: Db, ids: string[]) => Titled[];

/**
 * One query per record type for a whole page of the trail. Records are named as their own screens
 * name them (a talent by stage name, a contract by its artist); rows hanging off a talent or an
 * artist borrow its name.
 */
const TITLE_READERS: Partial<Record<Entity, TitleReader>> = {
  users: (db, ids) =>
    db
      .select({ id: users.id, title: users.fullName })
      .from(users)
      .where(inArray(users.id, ids))
      .all(),
  talents: (db, ids) =>
    db
      .select({ id: talentProfiles.id, title: talentProfiles.stageName })
      .from(talentProfiles)
      .where(inArray(talentProfiles.id, ids))
      .all(),
  auditions: (db, ids) =>
    db
      .select({
        id: auditions.id,
        talent: talentProfiles.stageName,
        project: auditions.projectName,
      })
      .from(auditions)
      .innerJoin(talentProfiles, eq(talentProfiles.id, auditions.talentProfile))
      .where(inArray(auditions.id, ids))
      .all()
      .map((row) => ({ id: row.id, title: `${row.talent} · ${row.project}` })),
  bookings: (db, ids) =>
    db
      .select({ id: bookings.id, talent: talentProfiles.stageName, project: bookings.projectName })
      .from(bookings)
      .innerJoin(talentProfiles, eq(talentProfiles.id, bookings.talentProfile))
      .where(inArray(bookings.id, ids))
      .all()
      .map((row) => ({ id: row.id, title: `${row.talent} · ${row.project}` })),
  schedule: (db, ids) =>
    db
      .select({
        id: scheduleEntries.id,
        talent: talentProfiles.stageName,
        entryTitle: scheduleEntries.title,
        type: scheduleEntries.entryType,
      })
      .from(scheduleEntries)
      .innerJoin(talentProfiles, eq(talentProfiles.id, scheduleEntries.talentProfile))
      .where(inArray(scheduleEntries.id, ids))
      .all()
      .map((row) => ({
        id: row.id,
        title: row.entryTitle ? `${row.talent} · ${row.entryTitle}` : row.talent,
        type: row.type,
      })),
  availability: (db, ids) =>
    db
      .select({ id: availabilityBlocks.id, title: talentProfiles.stageName })
      .from(availabilityBlocks)
      .innerJoin(talentProfiles, eq(talentProfiles.id, availabilityBlocks.talentProfile))
      .where(inArray(availabilityBlocks.id, ids))
      .all(),
  artists: (db, ids) =>
    db
      .select({ id: artists.id, title: artists.artistName })
      .from(artists)
      .where(inArray(artists.id, ids))
      .all(),
  demos: (db, ids) =>
    db
      .select({ id: demos.id, title: demos.title, artist: artists.artistName })
      .from(demos)
      .innerJoin(artists, eq(artists.id, demos.artist))
      .where(inArray(demos.id, ids))
      .all()
      .map((row) => ({ id: row.id, title: `${row.title} · ${row.artist}` })),
  contracts: (db, ids) =>
    db
      .select({ id: contracts.id, title: artists.artistName, type: contracts.contractType })
      .from(contracts)
      .innerJoin(artists, eq(artists.id, contracts.artist))
      .where(inArray(contracts.id, ids))
      .all(),
  growthLogs: (db, ids) =>
    db
      .select({
        id: socialGrowthLogs.id,
        title: artists.artistName,
        type: socialGrowthLogs.platform,
      })
      .from(socialGrowthLogs)
      .innerJoin(artists, eq(artists.id, socialGrowthLogs.artist))
      .where(inArray(socialGrowthLogs.id, ids))
      .all(),
  reviewNotes: (db, ids) =>
    db
      .select({ id: reviewNotes.id, title: artists.artistName, type: reviewNotes.noteType })
      .from(reviewNotes)
      .innerJoin(artists, eq(artists.id, reviewNotes.artist))
      .where(inArray(reviewNotes.id, ids))
      .all(),
};

const USER_FIELDS: ReadonlySet<string> = new Set(USER_REFERENCE_FIELDS);
const RECORD_FIELDS = RECORD_REFERENCE_FIELDS as Readonly<Record<string, Entity>>;

/** The ids a change holds: a created value, or either side of `[before, after]`. */
function idsIn(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values.filter((v): v is string => typeof v === 'string' && v !== '');
}

export interface AuditRowToName {
  readonly entity: string;
  readonly entityId: string | null;
  /** After the reader's restricted fields were removed: nothing hidden gets named. */
  readonly changes: Record<string, unknown> | null;
}

export interface AuditRowNames {
  readonly record: RecordTitle | null;
  /** id -> display name, for every user or record id among the row's changes. */
  readonly names: Record<string, string>;
}

/**
 * Names what a page of audit rows refers to, so the trail reads "Lena Marsh changed the legal
 * owner to Sam Lee" and never shows an id. A record deleted since has no name: the renderer
 * says so rather than showing its id.
 */
export function nameAuditRows(db: Db, rows: readonly AuditRowToName[]): AuditRowNames[] {
  const wanted = new Map<Entity, Set<string>>();
  const want = (entity: Entity, id: string) => {
    if (!TITLE_READERS[entity]) return;
    const ids = wanted.get(entity) ?? new Set<string>();
    ids.add(id);
    wanted.set(entity, ids);
  };
  const referencesOf = (row: AuditRowToName): [Entity, string][] =>
    Object.entries(row.changes ?? {}).flatMap(([field, value]) => {
      const entity: Entity | undefined = USER_FIELDS.has(field) ? 'users' : RECORD_FIELDS[field];
      return entity ? idsIn(value).map((id): [Entity, string] => [entity, id]) : [];
    });
  for (const row of rows) {
    if (row.entityId) want(row.entity as Entity, row.entityId);
    for (const [entity, id] of referencesOf(row)) want(entity, id);
  }
  const titles = new Map<string, Titled>();
  for (const [entity, ids] of wanted) {
    for (const found of TITLE_READERS[entity]!(db, [...ids]))
      titles.set(`${entity}:${found.id}`, found);
  }
  return rows.map((row) => {
    const own = row.entityId ? titles.get(`${row.entity}:${row.entityId}`) : undefined;
    const names: Record<string, string> = {};
    for (const [entity, id] of referencesOf(row)) {
      const found = titles.get(`${entity}:${id}`);
      if (found) names[id] = found.title;
    }
    return { record: own ? { title: own.title, type: own.type ?? null } : null, names };
  });
}
