import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { latestByPlatform } from '../../shared/domain/followerGrowth';
import { count, eq, inArray } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import {
  ARTIST_STATUSES,
  AUDITION_STATUSES,
  AUDITION_TYPES,
  AVAILABILITY_STATUSES,
  CONTRACT_STATUSES,
  CONTRACT_TYPES,
  NOTE_TYPES,
  NOTE_VISIBILITIES,
  PLATFORMS,
  REVIEW_STATUSES,
  SCHEDULE_ENTRY_TYPES,
  SUBMISSION_SOURCES,
  TALENT_TYPES,
  type Role,
} from '../../shared/domain/vocabulary';
import type { Core } from '../core';
import * as t from '../db/schema';
import { identityKey } from '../services/workspace/accounts/identity';
import { hashPassword, type ScryptCost } from '../services/workspace/accounts/passwords';
import { newId } from '../services/kernel/store';
import * as names from './names';
import { Random } from './random';
import { minimalPdf, sineWav } from './sampleFiles';
import { refreshPlannerStats } from '../db/plannerStats';

export interface SeedCounts {
  talents: number;
  auditions: number;
  bookings: number;
  scheduleEntries: number;
  availabilityBlocks: number;
  artists: number;
  demos: number;
  contracts: number;
  growthLogs: number;
  reviewNotes: number;
  managers: number;
}

export const DEFAULT_COUNTS: SeedCounts = {
  talents: 200,
  auditions: 300,
  bookings: 200,
  scheduleEntries: 400,
  availabilityBlocks: 60,
  artists: 60,
  demos: 150,
  contracts: 40,
  growthLogs: 500,
  reviewNotes: 200,
  managers: 3,
};

export interface SeedOptions {
  readonly password: string;
  readonly counts?: Partial<SeedCounts>;
  readonly seed?: number;
  /** Anchor for every generated date, so a seed is reproducible (default: now). */
  readonly now?: Date;
  readonly scrypt?: ScryptCost;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BATCH = 500;

function insertAll(core: Core, table: SQLiteTable, rows: Record<string, unknown>[]): void {
  for (let i = 0; i < rows.length; i += BATCH) {
    core.db
      .insert(table)
      .values(rows.slice(i, i + BATCH) as never)
      .run();
  }
}

/** Adds realistic sample data for every entity to a workspace, new or existing. */
export async function seedWorkspace(
  core: Core,
  options: SeedOptions,
): Promise<SeedCounts & { users: number }> {
  const counts = { ...DEFAULT_COUNTS, ...options.counts };
  const random = new Random(options.seed ?? 20261123);
  // Whole hours, so sample times look like times people book.
  const anchor = Math.floor((options.now ?? new Date()).getTime() / 3_600_000) * 3_600_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  const day = (ms: number) => iso(ms).slice(0, 10);
  const at = (offsetMs: number) => iso(anchor + offsetMs);
  const stamp = iso(anchor);
  const meta = (createdMs: number) => ({
    id: newId(),
    createdAt: iso(createdMs),
    updatedAt: iso(createdMs),
    version: 1,
  });
  const { db } = core;

  // Users: the owner if there is none, then sample users of every role (reused on a re-run).
  const hasOwner = (db.select({ n: count() }).from(t.users).get()?.n ?? 0) > 0;
  const wanted: { username: string; fullName: string; role: Role; managerOf?: string }[] = [];
  if (!hasOwner) wanted.push({ username: 'owner', fullName: 'Olive Owner', role: 'admin' });
  for (let m = 1; m <= counts.managers; m++) {
    wanted.push({
      username: `manager${m}`,
      fullName: `${random.pick(names.FIRST_NAMES)} ${random.pick(names.LAST_NAMES)}`,
      role: 'manager',
    });
    wanted.push({
      username: `coordinator${m}`,
      fullName: `${random.pick(names.FIRST_NAMES)} ${random.pick(names.LAST_NAMES)}`,
      role: 'coordinator',
      managerOf: `manager${m}`,
    });
  }
  wanted.push(
    { username: 'ar1', fullName: 'Rae Anders', role: 'AandR' },
    { username: 'ar2', fullName: '林书豪', role: 'AandR' },
  );
  wanted.push(
    { username: 'legal1', fullName: 'Lena Marsh', role: 'legal' },
    { username: 'contributor1', fullName: 'Cam Ito', role: 'contributor' },
  );

  const existing = new Map(
    db
      .select({ id: t.users.id, key: t.users.usernameKey })
      .from(t.users)
      .where(
        inArray(
          t.users.usernameKey,
          wanted.map((w) => identityKey(w.username)),
        ),
      )
      .all()
      .map((row) => [row.key, row.id]),
  );
  const toCreate = wanted.filter((w) => !existing.has(identityKey(w.username)));
  const hashes = await Promise.all(
    toCreate.map(() => hashPassword(options.password, options.scrypt)),
  );
  const ids = new Map(existing);
  db.transaction(() => {
    toCreate.forEach((w, i) => {
      const id = newId();
      ids.set(identityKey(w.username), id);
      db.insert(t.users)
        .values({
          ...meta(anchor),
          id,
          username: w.username,
          usernameKey: identityKey(w.username),
          email: `${w.username}@greenroom.example`,
          emailKey: identityKey(`${w.username}@greenroom.example`),
          fullName: w.fullName,
          role: w.role,
          manager: w.managerOf ? ids.get(identityKey(w.managerOf))! : null,
          active: true,
          passwordHash: hashes[i]!,
        })
        .run();
    });
  });
  const idOf = (username: string) => ids.get(identityKey(username))!;
  const managers = Array.from({ length: counts.managers }, (_, i) => idOf(`manager${i + 1}`));
  const arOwners = [idOf('ar1'), idOf('ar2')];
  const legal = idOf('legal1');

  // Sample media: one tone for demos, one PDF for signed contracts (content-addressed: stored once).
  const staged = join(core.dataDir, 'staging');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(staged, { recursive: true });
  writeFileSync(join(staged, 'seed-demo.wav'), sineWav(3));
  writeFileSync(join(staged, 'seed-contract.pdf'), minimalPdf('Greenroom sample contract'));
  const wav = await core.media.ingest(join(staged, 'seed-demo.wav'));
  const pdf = await core.media.ingest(join(staged, 'seed-contract.pdf'));

  const result = core.store.write(null, (w) => {
    const audio = core.media.record(w.tx, wav, {
      fileName: 'sample-demo.wav',
      contentType: 'audio/wav',
      createdBy: null,
      now: w.now,
    });
    const document = core.media.record(w.tx, pdf, {
      fileName: 'sample-contract.pdf',
      contentType: 'application/pdf',
      createdBy: null,
      now: w.now,
    });

    const talents = Array.from({ length: counts.talents }, (_, i) => {
      const chinese = random.chance(0.15);
      const fullName = chinese
        ? random.pick(names.CHINESE_NAMES)
        : `${random.pick(names.FIRST_NAMES)} ${random.pick(names.LAST_NAMES)}`;
      const stageName = chinese
        ? fullName.slice(0, 2) + random.pick(['', '儿', '子'])
        : `${random.pick(names.STAGE_WORDS)} ${fullName.split(' ')[1]}`;
      const updated = anchor - random.int(0, 730) * DAY - random.int(0, DAY);
      return {
        ...meta(updated - random.int(0, 200) * DAY),
        updatedAt: iso(updated),
        version: random.int(1, 4),
        stageName: i % 97 === 0 ? `${stageName} ${i}` : stageName,
        fullName,
        talentType: random.pick(TALENT_TYPES),
        availabilityStatus: random.pick(AVAILABILITY_STATUSES),
        portfolioUrl: random.chance(0.6)
          ? `https://portfolio.example/${encodeURIComponent(fullName.toLowerCase().replace(/\s+/g, '-'))}`
          : null,
        headshotUrl: null,
        manager: managers[i % managers.length]!,
        notes: random.chance(0.3)
          ? random.pick([
              'Prefers morning calls.',
              'Passport renewal due.',
              'Available for travel.',
              '可接受外地拍摄。',
            ])
          : null,
        archivedAt: null,
      };
    });
    insertAll(core, t.talentProfiles, talents);
    const talentIds = talents.length
      ? talents.map((x) => x.id)
      : db
          .select({ id: t.talentProfiles.id })
          .from(t.talentProfiles)
          .limit(1000)
          .all()
          .map((x) => x.id);

    const auditions =
      talentIds.length === 0
        ? []
        : Array.from({ length: counts.auditions }, () => ({
            ...meta(anchor - random.int(1, 120) * DAY),
            talentProfile: random.pick(talentIds),
            clientName: random.pick(names.CLIENTS),
            projectName: random.pick(names.PROJECTS),
            auditionType: random.pick(AUDITION_TYPES),
            auditionDate: at(random.int(-90, 60) * DAY + random.int(9, 18) * HOUR),
            status: random.pick(AUDITION_STATUSES),
            location: random.pick(names.LOCATIONS),
            callbackNotes: random.chance(0.2) ? 'Strong read; bring a second look.' : null,
          }));
    insertAll(core, t.auditions, auditions);

    const bookings =
      talentIds.length === 0
        ? []
        : Array.from({ length: counts.bookings }, () => {
            const start = anchor + random.int(-60, 120) * DAY + random.int(8, 16) * HOUR;
            const status = random.pick([
              'hold',
              'confirmed',
              'confirmed',
              'cancelled',
              'completed',
            ] as const);
            return {
              ...meta(start - random.int(5, 40) * DAY),
              talentProfile: random.pick(talentIds),
              audition: null,
              clientName: random.pick(names.CLIENTS),
              projectName: random.pick(names.PROJECTS),
              startDateTime: iso(start),
              endDateTime: iso(start + random.int(2, 10) * HOUR),
              status,
              holdRank: status === 'hold' ? 1 : null,
              rate: random.int(20, 800) * 1000,
              currency: random.pick(['USD', 'GBP', 'EUR', 'CNY']),
              notes: null,
              cancelReason: status === 'cancelled' ? 'Client postponed' : null,
            };
          });
    insertAll(core, t.bookings, bookings);

    const linked = bookings.filter((b) => b.status === 'confirmed' || b.status === 'completed');
    const entries =
      talentIds.length === 0
        ? []
        : Array.from({ length: counts.scheduleEntries }, (_, i) => {
            const booking = i < linked.length ? linked[i]! : null;
            const start = booking
              ? Date.parse(booking.startDateTime)
              : anchor + random.int(-60, 120) * DAY + random.int(7, 18) * HOUR;
            return {
              ...meta(start - 10 * DAY),
              talentProfile: booking?.talentProfile ?? random.pick(talentIds),
              booking: booking?.id ?? null,
              entryType: booking
                ? 'booking'
                : random.pick(SCHEDULE_ENTRY_TYPES.filter((x) => x !== 'booking')),
              title: booking ? `${booking.clientName} · ${booking.projectName}` : null,
              start: iso(start),
              end: booking ? booking.endDateTime : iso(start + random.int(1, 4) * HOUR),
              timezone: random.pick(names.TIMEZONES),
              status: booking
                ? 'confirmed'
                : random.pick(['tentative', 'confirmed', 'cancelled'] as const),
              source: booking ? 'booking' : 'manual',
            };
          });
    insertAll(core, t.scheduleEntries, entries);

    const blocks =
      talentIds.length === 0
        ? []
        : Array.from({ length: counts.availabilityBlocks }, () => {
            const start = anchor + random.int(-10, 90) * DAY;
            return {
              ...meta(start - 20 * DAY),
              talentProfile: random.pick(talentIds),
              start: iso(start),
              end: iso(start + random.int(1, 5) * DAY),
              timezone: random.pick(names.TIMEZONES),
              kind: random.pick(['unavailable', 'out_of_town'] as const),
              note: random.chance(0.5) ? 'Family trip' : null,
            };
          });
    insertAll(core, t.availabilityBlocks, blocks);

    const artists = Array.from({ length: counts.artists }, () => ({
      ...meta(anchor - random.int(10, 500) * DAY),
      artistName: random.chance(0.15)
        ? random.pick(names.CHINESE_ARTISTS)
        : `${random.pick(names.ARTIST_WORDS)} ${random.pick(names.ARTIST_NOUNS)}`,
      genre: random.pick(names.GENRES),
      status: random.pick(ARTIST_STATUSES),
      priorityScore: random.int(0, 100),
      socialFollowers: null as number | null,
      lastDemoDate: null as string | null,
      owner: random.pick(arOwners),
    }));
    insertAll(core, t.artists, artists);
    const artistIds = artists.map((x) => x.id);

    const demos =
      artistIds.length === 0
        ? []
        : Array.from({ length: counts.demos }, () => {
            const received = anchor - random.int(0, 120) * DAY - random.int(0, DAY);
            const artist = random.pick(artists);
            if (!artist.lastDemoDate || artist.lastDemoDate < day(received))
              artist.lastDemoDate = day(received);
            return {
              ...meta(received),
              artist: artist.id,
              title: random.pick(names.DEMO_TITLES),
              audioUrl: `media:${audio.id}`,
              submissionSource: random.pick(SUBMISSION_SOURCES),
              reviewStatus: random.pick(REVIEW_STATUSES),
              submittedBy: random.pick(arOwners),
              receivedAt: iso(received),
              durationSeconds: 3,
              sampleRate: 44_100,
              loudnessLufs: -19.5,
            };
          });
    insertAll(core, t.demos, demos);
    for (const artist of artists)
      if (artist.lastDemoDate)
        w.tx
          .update(t.artists)
          .set({ lastDemoDate: artist.lastDemoDate })
          .where(eq(t.artists.id, artist.id))
          .run();

    const contracts =
      artistIds.length === 0
        ? []
        : Array.from({ length: counts.contracts }, () => {
            const status = random.pick(CONTRACT_STATUSES);
            const signed =
              status === 'signed' ||
              status === 'active' ||
              status === 'expired' ||
              status === 'terminated';
            // Dates agree with the status: drafts start later, active ones run past today
            // (some ending within weeks), expired ones ended before it.
            let effective = anchor - random.int(30, 600) * DAY;
            let expiry = anchor + random.int(5, 500) * DAY;
            if (status === 'draft' || status === 'sent') {
              effective = anchor + random.int(10, 90) * DAY;
              expiry = effective + random.int(365, 1100) * DAY;
            } else if (status === 'expired') {
              effective = anchor - random.int(500, 1000) * DAY;
              expiry = anchor - random.int(1, 120) * DAY;
            }
            return {
              ...meta(effective - 30 * DAY),
              artist: random.pick(artistIds),
              contractType: random.pick(CONTRACT_TYPES),
              status,
              effectiveDate: day(effective),
              signedAt: signed ? iso(effective - 5 * DAY) : null,
              documentUrl: signed ? `media:${document.id}` : null,
              documentSource: signed ? 'signed' : null,
              legalOwner: legal,
              terms: 'Term: 2 albums plus 1 option. Territory: worldwide.',
              optionDate: day(effective + 300 * DAY),
              noticeDate: day(effective + 270 * DAY),
              expiryDate: day(expiry),
            };
          });
    insertAll(core, t.contracts, contracts);

    // Each artist's platforms grow along their own curve, so charts and 30/90-day figures
    // look like real captures rather than noise.
    const curves = new Map<string, { base: number; weekly: number }>();
    const growth =
      artistIds.length === 0
        ? []
        : Array.from({ length: counts.growthLogs }, () => {
            const artist = random.pick(artistIds);
            const platform = random.pick(PLATFORMS.slice(0, 4));
            const key = `${artist}:${platform}`;
            const curve = curves.get(key) ?? {
              base: random.int(500, 200_000),
              weekly: (random.int(-5, 40) / 1000) * (random.chance(0.1) ? 4 : 1),
            };
            curves.set(key, curve);
            const daysAgo = random.int(0, 365);
            const weeks = (365 - daysAgo) / 7;
            const noise = 1 + (random.next() - 0.5) * 0.02;
            return {
              ...meta(anchor),
              artist,
              platform,
              followerCount: Math.round(curve.base * Math.pow(1 + curve.weekly, weeks) * noise),
              engagementRate: Math.round(random.next() * 800) / 100,
              captureDate: day(anchor - daysAgo * DAY),
              capturedBy: random.pick(arOwners),
            };
          });
    insertAll(core, t.socialGrowthLogs, growth);
    // socialFollowers is derived: the latest capture per platform, summed (as growthLogs.create does).
    const byArtist = new Map<string, typeof growth>();
    for (const log of growth) {
      const logs = byArtist.get(log.artist) ?? [];
      logs.push(log);
      byArtist.set(log.artist, logs);
    }
    for (const artist of artists) {
      const logs = byArtist.get(artist.id);
      const total = logs
        ? [...latestByPlatform(logs).values()].reduce((sum, log) => sum + log.followerCount, 0)
        : null;
      w.tx
        .update(t.artists)
        .set({ socialFollowers: total })
        .where(eq(t.artists.id, artist.id))
        .run();
    }

    const notes =
      demos.length === 0
        ? []
        : Array.from({ length: counts.reviewNotes }, () => {
            const demo = random.pick(demos);
            return {
              ...meta(Date.parse(demo.receivedAt) + random.int(1, 10) * DAY),
              artist: demo.artist,
              demo: demo.id,
              author: random.pick(arOwners),
              noteType: random.pick(NOTE_TYPES),
              visibility: random.pick(NOTE_VISIBILITIES),
              atSeconds: random.chance(0.6) ? random.int(0, 2) : null,
              replaces: null,
              body: random.pick([
                'Great hook at the chorus.',
                'Vocals sit low in the mix.',
                'Strong bridge; verse drags.',
                '副歌很抓耳。',
                'Send to the team for a second listen.',
              ]),
            };
          });
    insertAll(core, t.reviewNotes, notes);

    const summary = {
      users: toCreate.length,
      talents: talents.length,
      auditions: auditions.length,
      bookings: bookings.length,
      scheduleEntries: entries.length,
      availabilityBlocks: blocks.length,
      artists: artists.length,
      demos: demos.length,
      contracts: contracts.length,
      growthLogs: growth.length,
      reviewNotes: notes.length,
      managers: counts.managers,
    };
    w.audit({
      action: 'seed',
      entity: 'users',
      entityId: null,
      changes: { ...summary, at: stamp },
    });
    return summary;
  });
  refreshPlannerStats(core.sqlite, 'change');
  return result;
}
