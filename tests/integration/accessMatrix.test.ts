/**
 * Every role x every channel, against two agency teams and the label desk. The expected outcome
 * of each case is written out here, not derived from src/shared/access.ts, so loosening a rule
 * there makes this test fail.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../src/shared/api';
import { pdfBytes, wavBytes } from '../support/files';
import { createTestCore, PASSWORD, withOwner, type TestCore } from '../support/testCore';

/** The 8-byte PNG signature and a little more: enough to be recognised as a PNG. */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);

const ACTORS = [
  'admin',
  'managerA',
  'managerB',
  'coordinatorA',
  'aandr',
  'legal',
  'contributor',
] as const;
type Actor = (typeof ACTORS)[number];
type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'VALIDATION';

interface World {
  ids: Record<Actor, string>;
  tokens: Record<Actor, string>;
  /** A talent of team A (alice's), and one of team B (bob's). */
  talentA: string;
  talentB: string;
  version(id: string): Promise<number>;
  freshTalentA(): Promise<string>;
  auditionA: string;
  bookingA: string;
  freshAuditionA(): Promise<string>;
  /** A hold for team A's talent at a time no other test booking uses. */
  freshHoldA(): Promise<string>;
  /** An out-of-town period of team A's talent. */
  freshBlockA(): Promise<string>;
  /** The 2nd of two holds (different clients) at a fresh time. */
  freshSecondHoldA(): Promise<string>;
  auditionVersion(id: string): Promise<number>;
  /** An artist owned by the A&R user, with a demo and a contract. */
  artist: string;
  artistVersion(): Promise<number>;
  demo: string;
  /** The demo's stored audio (its media id). */
  demoAudio: string;
  freshDemo(): Promise<string>;
  contract: string;
  contractVersion(): Promise<number>;
  freshContract(): Promise<string>;
  stageWav(actor: Actor): Promise<string>;
  stagePdf(actor: Actor): Promise<string>;
  /** A tentative rehearsal of team A's talent. */
  freshEntryA(): Promise<string>;
  /** Stages a small PNG as if this actor had uploaded it. */
  stagePng(actor: Actor): Promise<string>;
  /** Stages a one-row talent CSV as if this actor had uploaded it. */
  stageCsv(actor: Actor): Promise<string>;
  bookingVersion(id: string): Promise<number>;
  freshToken(actor: Actor): Promise<string>;
  /** A new session of this actor's, by its opaque id. */
  freshSessionId(actor: Actor): Promise<string>;
  /** A calendar feed of the admin's own. */
  freshFeed(): Promise<string>;
}

const everyone = (outcome: Outcome): Record<Actor, Outcome> =>
  Object.fromEntries(ACTORS.map((a) => [a, outcome])) as Record<Actor, Outcome>;
const adminOnly: Record<Actor, Outcome> = { ...everyone('FORBIDDEN'), admin: 'ok' };
const agencyTeamA: Record<Actor, Outcome> = {
  admin: 'ok',
  managerA: 'ok',
  coordinatorA: 'ok',
  managerB: 'NOT_FOUND',
  aandr: 'FORBIDDEN',
  legal: 'FORBIDDEN',
  contributor: 'FORBIDDEN',
};
/** Every label role and admin read the label desk; the agency desk reads none of it. */
const labelRead: Record<Actor, Outcome> = {
  admin: 'ok',
  aandr: 'ok',
  legal: 'ok',
  contributor: 'ok',
  managerA: 'FORBIDDEN',
  managerB: 'FORBIDDEN',
  coordinatorA: 'FORBIDDEN',
};
/** The A&R user works on their own artists; admins on any. */
const aandrDesk: Record<Actor, Outcome> = { ...everyone('FORBIDDEN'), admin: 'ok', aandr: 'ok' };
const legalDesk: Record<Actor, Outcome> = { ...everyone('FORBIDDEN'), admin: 'ok', legal: 'ok' };
const contractReaders: Record<Actor, Outcome> = { ...legalDesk, aandr: 'ok' };
const agencyAny: Record<Actor, Outcome> = {
  ...agencyTeamA,
  managerB: 'ok',
};

interface Case {
  readonly input: (w: World, actor: Actor) => unknown | Promise<unknown>;
  readonly expect: Record<Actor, Outcome>;
  /** Some calls spend their token (logout) or need one of their own. */
  readonly token?: (w: World, actor: Actor) => Promise<string>;
}

const CASES: Record<Channel, Case> = {
  'setup.status': { input: () => ({}), expect: everyone('ok') },
  'setup.createOwner': {
    input: (_w, a) => ({
      username: `owner-${a}`,
      email: `owner-${a}@example.com`,
      fullName: 'X',
      password: PASSWORD,
    }),
    expect: everyone('CONFLICT'),
  },
  'auth.signUp': {
    input: (_w, a) => ({
      username: `signup-${a}`,
      email: `signup-${a}@example.com`,
      fullName: 'S',
      password: PASSWORD,
    }),
    expect: everyone('ok'),
  },
  'auth.login': {
    input: (w, a) => ({ username: `u-${a}`, password: PASSWORD }),
    expect: everyone('ok'),
  },
  'auth.logout': { input: () => ({}), expect: everyone('ok'), token: (w, a) => w.freshToken(a) },
  'auth.me': { input: () => ({}), expect: everyone('ok') },
  // A ticket for a file is issued only to those who may open that file.
  'media.ticket': {
    input: (w) => ({ media: w.demoAudio }),
    expect: {
      ...labelRead,
      managerA: 'NOT_FOUND',
      managerB: 'NOT_FOUND',
      coordinatorA: 'NOT_FOUND',
    },
  },
  'events.ticket': { input: () => ({}), expect: everyone('ok') },
  // Everyone lists their own sessions; only admins someone else's.
  'sessions.list': { input: (w) => ({ user: w.ids.admin }), expect: adminOnly },
  // Another person's session reads as missing, except to admins.
  'sessions.revoke': {
    input: async (w) => ({ id: await w.freshSessionId('managerB') }),
    expect: { ...everyone('NOT_FOUND'), admin: 'ok', managerB: 'ok' },
  },
  'feeds.list': { input: () => ({}), expect: everyone('ok') },
  // A talent's feed for those who read its schedule; the label desk has no calendar of talents.
  'feeds.create': { input: (w) => ({ talentProfile: w.talentA }), expect: agencyTeamA },
  'feeds.revoke': {
    input: async (w) => ({ id: await w.freshFeed() }),
    expect: { ...everyone('NOT_FOUND'), admin: 'ok' },
  },
  'auth.changePassword': {
    // A wrong current password gets past access and stops at validation, changing nothing.
    input: () => ({ currentPassword: 'not-the-password', newPassword: 'another password 1' }),
    expect: everyone('VALIDATION'),
  },
  'users.list': { input: () => ({}), expect: adminOnly },
  'users.create': {
    input: (_w, a) => ({
      username: `made-by-${a}`,
      email: `made-by-${a}@example.com`,
      fullName: 'M',
      password: PASSWORD,
      role: 'contributor',
    }),
    expect: adminOnly,
  },
  'users.update': {
    input: (w) => ({ id: w.ids.contributor, patch: { fullName: 'Renamed' } }),
    expect: adminOnly,
  },
  'talents.list': { input: () => ({}), expect: { ...agencyAny } },
  'talents.get': { input: (w) => ({ id: w.talentA }), expect: agencyTeamA },
  'talents.create': {
    input: () => ({ stageName: 'New', fullName: 'New Person', talentType: 'actor' }),
    expect: agencyAny,
  },
  'talents.update': {
    input: async (w) => ({
      id: w.talentA,
      version: await w.version(w.talentA),
      patch: { availabilityStatus: 'booked' },
    }),
    expect: agencyTeamA,
  },
  'talents.setHeadshot': {
    input: async (w, actor) => ({ id: w.talentA, file: await w.stagePng(actor) }),
    expect: agencyTeamA,
  },
  // The desktop app's workstation settings: a core without them (a browser) has none.
  'workstation.status': { input: () => ({}), expect: everyone('NOT_FOUND') },
  'workstation.useThisComputer': { input: () => ({}), expect: everyone('NOT_FOUND') },
  'workstation.probe': {
    input: () => ({ url: 'https://127.0.0.1:9' }),
    expect: everyone('NOT_FOUND'),
  },
  'workstation.join': {
    input: () => ({ url: 'https://127.0.0.1:9', fingerprint: 'AB:'.repeat(31) + 'AB' }),
    expect: everyone('NOT_FOUND'),
  },
  'workstation.leave': { input: () => ({}), expect: everyone('NOT_FOUND') },
  'workstation.share': {
    input: () => ({ enabled: false }),
    expect: { ...everyone('FORBIDDEN'), admin: 'NOT_FOUND' },
  },
  'files.pick': { input: () => ({ kind: 'image' }), expect: everyone('NOT_FOUND') },
  'talents.archive': { input: async (w) => ({ id: await w.freshTalentA() }), expect: agencyTeamA },
  'auditions.list': { input: () => ({}), expect: agencyAny },
  'auditions.get': { input: (w) => ({ id: w.auditionA }), expect: agencyTeamA },
  'auditions.create': {
    input: (w) => ({
      talentProfile: w.talentA,
      clientName: 'C',
      projectName: 'P',
      auditionType: 'virtual',
      auditionDate: '2027-01-01T10:00:00.000Z',
    }),
    expect: agencyTeamA,
  },
  'auditions.update': {
    input: async (w) => ({
      id: w.auditionA,
      version: await w.auditionVersion(w.auditionA),
      patch: { location: 'Zoom' },
    }),
    expect: agencyTeamA,
  },
  'auditions.setStatus': {
    input: async (w) => ({ id: await w.freshAuditionA(), status: 'callback' }),
    expect: agencyTeamA,
  },
  'bookings.list': { input: () => ({}), expect: agencyAny },
  'bookings.get': { input: (w) => ({ id: w.bookingA }), expect: agencyTeamA },
  'bookings.create': {
    input: async (w) => {
      const id = await w.freshHoldA();
      return {
        talentProfile: w.talentA,
        clientName: `Client ${id}`,
        projectName: 'P',
        startDateTime: '2030-01-01T10:00:00.000Z',
        endDateTime: '2030-01-01T11:00:00.000Z',
      };
    },
    expect: agencyTeamA,
  },
  'bookings.update': {
    input: async (w) => ({
      id: w.bookingA,
      version: await w.bookingVersion(w.bookingA),
      patch: { notes: 'n' },
    }),
    expect: agencyTeamA,
  },
  'bookings.confirm': { input: async (w) => ({ id: await w.freshHoldA() }), expect: agencyTeamA },
  'bookings.releasePreview': { input: (w) => ({ id: w.bookingA }), expect: agencyTeamA },
  'bookings.challenge': {
    input: async (w) => ({ id: await w.freshSecondHoldA(), hours: 24 }),
    expect: agencyTeamA,
  },
  'bookings.cancel': { input: async (w) => ({ id: await w.freshHoldA() }), expect: agencyTeamA },
  'clashes.check': {
    input: (w) => ({
      talentProfile: w.talentA,
      start: '2026-01-01T00:00:00.000Z',
      end: '2026-01-02T00:00:00.000Z',
    }),
    expect: agencyTeamA,
  },
  'schedule.list': {
    input: () => ({ from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' }),
    expect: agencyAny,
  },
  'schedule.get': { input: async (w) => ({ id: await w.freshEntryA() }), expect: agencyTeamA },
  'schedule.create': {
    input: async (w) => {
      await w.freshEntryA();
      return {
        talentProfile: w.talentA,
        entryType: 'fitting',
        start: '2029-06-01T09:00:00.000Z',
        end: '2029-06-01T09:30:00.000Z',
        timezone: 'Europe/London',
      };
    },
    expect: agencyTeamA,
  },
  'schedule.update': {
    input: async (w) => {
      const id = await w.freshEntryA();
      return { id, version: 1, patch: { title: 'Moved' } };
    },
    expect: agencyTeamA,
  },
  'schedule.cancel': { input: async (w) => ({ id: await w.freshEntryA() }), expect: agencyTeamA },
  'schedule.exportIcs': {
    input: () => ({ from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' }),
    expect: agencyAny,
  },
  'blocks.list': {
    input: () => ({ from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' }),
    expect: agencyAny,
  },
  'blocks.create': {
    input: (w) => ({
      talentProfile: w.talentA,
      start: '2029-07-01T00:00:00.000Z',
      end: '2029-07-04T00:00:00.000Z',
      timezone: 'Europe/Paris',
      kind: 'out_of_town',
    }),
    expect: agencyTeamA,
  },
  'blocks.update': {
    input: async (w) => ({ id: await w.freshBlockA(), version: 1, patch: { note: 'Festival' } }),
    expect: agencyTeamA,
  },
  'blocks.delete': { input: async (w) => ({ id: await w.freshBlockA() }), expect: agencyTeamA },
  'artists.list': { input: () => ({}), expect: labelRead },
  'artists.get': { input: (w) => ({ id: w.artist }), expect: labelRead },
  'artists.create': {
    input: (_w, a) => ({ artistName: `Signed by ${a}`, genre: 'jazz' }),
    expect: aandrDesk,
  },
  'artists.update': {
    input: async (w) => ({
      id: w.artist,
      version: await w.artistVersion(),
      patch: { priorityScore: 70 },
    }),
    expect: aandrDesk,
  },
  'demos.list': { input: () => ({}), expect: labelRead },
  'demos.get': { input: (w) => ({ id: w.demo }), expect: labelRead },
  'demos.import': {
    input: async (w, a) => ({
      artist: w.artist,
      title: `Take by ${a}`,
      submissionSource: 'email',
      file: await w.stageWav(a),
    }),
    expect: aandrDesk,
  },
  'demos.setReviewStatus': {
    input: async (w) => ({ id: await w.freshDemo(), status: 'in_review' }),
    expect: aandrDesk,
  },
  'demos.peaks': { input: (w) => ({ id: w.demo }), expect: labelRead },
  'demos.rate': { input: (w) => ({ id: w.demo, score: 4 }), expect: aandrDesk },
  'demos.relink': {
    input: async (w, a) => ({ id: w.demo, file: await w.stageWav(a) }),
    expect: aandrDesk,
  },
  'demos.attachRecordings': {
    input: async (w, a) => ({ files: [await w.stageWav(a)] }),
    expect: aandrDesk,
  },
  'contracts.list': { input: () => ({}), expect: contractReaders },
  'contracts.get': { input: (w) => ({ id: w.contract }), expect: contractReaders },
  'contracts.create': {
    input: (w) => ({ artist: w.artist, contractType: 'licensing', legalOwner: w.ids.legal }),
    expect: legalDesk,
  },
  'contracts.update': {
    input: async (w) => ({
      id: w.contract,
      version: await w.contractVersion(),
      patch: { terms: 'Two albums' },
    }),
    expect: legalDesk,
  },
  'contracts.transition': {
    input: async (w) => ({ id: await w.freshContract(), to: 'sent' }),
    expect: legalDesk,
  },
  'contracts.attachDocument': {
    input: async (w, a) => ({ id: w.contract, file: await w.stagePdf(a) }),
    expect: legalDesk,
  },
  'contracts.keyDates': {
    input: () => ({ from: '2026-01-01', to: '2026-12-31' }),
    expect: legalDesk,
  },
  // The calendar's contract dates as a file: the same people as contracts.keyDates.
  'contracts.exportIcs': {
    input: () => ({ from: '2026-01-01', to: '2026-12-31' }),
    expect: legalDesk,
  },
  'contracts.exportDocument': { input: (w) => ({ id: w.contract }), expect: contractReaders },
  'contracts.exportBundle': { input: () => ({}), expect: contractReaders },
  'growthLogs.list': { input: (w) => ({ artist: w.artist }), expect: labelRead },
  'growthLogs.create': {
    input: (w) => ({
      artist: w.artist,
      platform: 'tiktok',
      followerCount: 1200,
      captureDate: '2026-01-15',
    }),
    expect: { ...labelRead, legal: 'FORBIDDEN' },
  },
  'reviewNotes.list': { input: (w) => ({ artist: w.artist }), expect: labelRead },
  'reviewNotes.create': {
    input: (w) => ({
      artist: w.artist,
      noteType: 'general',
      body: 'Strong hook',
      visibility: 'label',
    }),
    expect: labelRead,
  },
  'search.query': { input: () => ({ q: 'Team' }), expect: everyone('ok') },
  'today.list': { input: () => ({ today: '2026-11-23' }), expect: everyone('ok') },
  // A key naming nothing due for the caller gets past access and stops at validation.
  'today.mark': {
    input: (_w, a) => ({ key: `contractOption:x-${a}:2026-11-23`, action: 'done' }),
    expect: everyone('VALIDATION'),
  },
  'today.reminded': {
    input: (_w, a) => ({ keys: [`contractOption:x-${a}:2026-11-23`] }),
    expect: everyone('VALIDATION'),
  },
  'settings.get': { input: () => ({}), expect: everyone('ok') },
  'settings.update': { input: () => ({ version: 1, patch: {} }), expect: { ...adminOnly } },
  'audit.list': { input: () => ({}), expect: adminOnly },
  // Each entity's own read rule: talents for the agency desk, artists for the label desk.
  'exports.csv': { input: () => ({ entity: 'talents' }), expect: agencyAny },
  'imports.preview': {
    input: async (w, a) => ({ entity: 'talents', file: await w.stageCsv(a) }),
    expect: agencyAny,
  },
  'imports.check': {
    input: async (w, a) => ({ entity: 'talents', file: await w.stageCsv(a) }),
    expect: agencyAny,
  },
  'imports.commit': {
    input: async (w, a) => ({ entity: 'talents', file: await w.stageCsv(a) }),
    expect: agencyAny,
  },
  // Jobs are their owner's: anyone else's id is not found.
  'jobs.get': { input: () => ({ id: 'no-such-job' }), expect: everyone('NOT_FOUND') },
  'jobs.cancel': { input: () => ({ id: 'no-such-job' }), expect: everyone('NOT_FOUND') },
  'imports.parse': {
    input: async (w, a) => ({ files: [await w.stageCsv(a)] }),
    expect: adminOnly,
  },
  'imports.parsePreview': {
    input: async (w, a) => ({ files: [await w.stageCsv(a)] }),
    expect: adminOnly,
  },
  'maintenance.check': { input: () => ({}), expect: adminOnly },
  'maintenance.backups': { input: () => ({}), expect: adminOnly },
  'maintenance.backupNow': { input: () => ({}), expect: adminOnly },
  // A well-formed name with no such copy: the guard runs first, then NOT_FOUND for admins.
  'maintenance.restore': {
    input: () => ({ name: 'greenroom-manual-20260101T000000000Z.sqlite' }),
    expect: { ...adminOnly, admin: 'NOT_FOUND' },
  },
  'maintenance.exportWorkspace': { input: () => ({}), expect: adminOnly },
};

let t: TestCore;
let world: World;

beforeAll(async () => {
  t = createTestCore();
  const a = await withOwner(t);
  const make = (username: string, role: Parameters<typeof a.user>[1], manager?: string) =>
    a.user(username, role, manager);
  const alice = await make('u-managerA', 'manager');
  const bob = await make('u-managerB', 'manager');
  const carol = await make('u-coordinatorA', 'coordinator', alice.id);
  const ar = await make('u-aandr', 'AandR');
  const legal = await make('u-legal', 'legal');
  const contributor = await make('u-contributor', 'contributor');
  // The owner signs in as `u-admin` too, so every actor's login case looks alike.
  const admin = await make('u-admin', 'admin');
  const ids = {
    admin: admin.id,
    managerA: alice.id,
    managerB: bob.id,
    coordinatorA: carol.id,
    aandr: ar.id,
    legal: legal.id,
    contributor: contributor.id,
  };
  const tokens = {
    admin: admin.token,
    managerA: alice.token,
    managerB: bob.token,
    coordinatorA: carol.token,
    aandr: ar.token,
    legal: legal.token,
    contributor: contributor.token,
  };
  const talentA = (
    await t.call(
      'talents.create',
      {
        stageName: 'Team A Star',
        fullName: 'A',
        talentType: 'actor',
        notes: 'restricted',
        manager: alice.id,
      },
      a.owner,
    )
  ).id;
  const talentB = (
    await t.call(
      'talents.create',
      { stageName: 'Team B Star', fullName: 'B', talentType: 'model', manager: bob.id },
      a.owner,
    )
  ).id;
  let slot = 0;
  const freshHoldA = async () => {
    slot += 1;
    const start = new Date(Date.UTC(2028, 0, 1) + slot * 86_400_000).toISOString();
    const end = new Date(Date.UTC(2028, 0, 1) + slot * 86_400_000 + 3_600_000).toISOString();
    return (
      await t.call(
        'bookings.create',
        {
          talentProfile: talentA,
          clientName: `Hold ${slot}`,
          projectName: 'P',
          startDateTime: start,
          endDateTime: end,
        },
        a.owner,
      )
    ).id;
  };
  const freshSecondHoldA = async () => {
    const first = await t.call('bookings.get', { id: await freshHoldA() }, a.owner);
    return (
      await t.call(
        'bookings.create',
        {
          talentProfile: talentA,
          clientName: `Rival of ${first.clientName}`,
          projectName: 'P',
          startDateTime: first.startDateTime,
          endDateTime: first.endDateTime,
        },
        a.owner,
      )
    ).id;
  };
  const freshBlockA = async () =>
    (
      await t.call(
        'blocks.create',
        {
          talentProfile: talentA,
          start: '2029-08-01T00:00:00.000Z',
          end: '2029-08-02T00:00:00.000Z',
          timezone: 'UTC',
          kind: 'unavailable',
        },
        a.owner,
      )
    ).id;
  const freshAuditionA = async () =>
    (
      await t.call(
        'auditions.create',
        {
          talentProfile: talentA,
          clientName: 'Casting Co',
          projectName: 'Pilot',
          auditionType: 'in_person',
          auditionDate: '2026-12-01T10:00:00.000Z',
        },
        a.owner,
      )
    ).id;
  const auditionA = await freshAuditionA();
  const bookingA = await freshHoldA();
  let entrySlot = 0;
  const freshEntryA = async () => {
    entrySlot += 1;
    const start = new Date(Date.UTC(2029, 0, 1) + entrySlot * 86_400_000).toISOString();
    const end = new Date(Date.UTC(2029, 0, 1) + entrySlot * 86_400_000 + 3_600_000).toISOString();
    return (
      await t.call(
        'schedule.create',
        {
          talentProfile: talentA,
          entryType: 'rehearsal',
          start,
          end,
          timezone: 'America/New_York',
        },
        a.owner,
      )
    ).id;
  };
  const artist = (
    await t.call(
      'artists.create',
      { artistName: 'Paper Tides', genre: 'indie pop', priorityScore: 80, owner: ar.id },
      a.owner,
    )
  ).id;
  const stageWav = (actor: Actor) =>
    t.core.staging.fromStream(ids[actor], 'take.wav', Readable.from([wavBytes(0.25)]));
  const stagePdf = (actor: Actor) =>
    t.core.staging.fromStream(ids[actor], 'signed.pdf', Readable.from([pdfBytes()]));
  const freshDemo = async () =>
    (
      await t.call(
        'demos.import',
        { artist, title: 'Fresh take', submissionSource: 'portal', file: await stageWav('admin') },
        admin.token,
      )
    ).id;
  const freshContract = async () =>
    (
      await t.call(
        'contracts.create',
        { artist, contractType: 'recording', legalOwner: legal.id },
        a.owner,
      )
    ).id;
  const demo = await freshDemo();
  const contract = await freshContract();
  const demoAudio = (await t.call('demos.get', { id: demo }, a.owner)).audioUrl.slice(
    'media:'.length,
  );
  world = {
    artist,
    demoAudio,
    artistVersion: async () => (await t.call('artists.get', { id: artist }, a.owner)).version,
    demo,
    freshDemo,
    contract,
    contractVersion: async () => (await t.call('contracts.get', { id: contract }, a.owner)).version,
    freshContract,
    stageWav,
    stagePdf,
    freshEntryA,
    stagePng: (actor) => t.core.staging.fromStream(ids[actor], 'face.png', Readable.from([PNG])),
    stageCsv: (actor) =>
      t.core.staging.fromStream(
        ids[actor],
        'talents.csv',
        Readable.from([Buffer.from(`stageName,fullName,talentType\nCsv ${actor},C,actor\n`)]),
      ),
    auditionA,
    bookingA,
    freshAuditionA,
    freshHoldA,
    freshSecondHoldA,
    freshBlockA,
    auditionVersion: async (id) => (await t.call('auditions.get', { id }, a.owner)).version,
    bookingVersion: async (id) => (await t.call('bookings.get', { id }, a.owner)).version,
    ids,
    tokens,
    talentA,
    talentB,
    version: async (id) => (await t.call('talents.get', { id }, a.owner)).version,
    freshTalentA: async () =>
      (
        await t.call(
          'talents.create',
          { stageName: 'Archivable', fullName: 'A', talentType: 'host', manager: alice.id },
          a.owner,
        )
      ).id,
    freshToken: (actor) => a.token(`u-${actor}`),
    freshSessionId: async (actor) => {
      const { tokenHash } = t.core.auth.resolve(await a.token(`u-${actor}`));
      return (
        t.core.sqlite.prepare('SELECT id FROM sessions WHERE token_hash = ?').get(tokenHash) as {
          id: string;
        }
      ).id;
    },
    freshFeed: async () => (await t.call('feeds.create', {}, admin.token)).id,
  };
});
afterAll(() => t.close());

describe('every role x every channel', () => {
  it('has a case for every channel in the contract', () => {
    expect(Object.keys(CASES).sort()).toEqual([...CHANNELS].sort());
  });

  const cases = Object.entries(CASES).flatMap(([channel, spec]) =>
    ACTORS.map((actor) => [channel, actor, spec.expect[actor]] as const),
  );

  it.each(cases)('%s as %s → %s', async (channel, actor, outcome) => {
    const spec = CASES[channel as Channel];
    const token = spec.token ? await spec.token(world, actor) : world.tokens[actor];
    const reply = await t.raw(channel, await spec.input(world, actor), token);
    if (outcome === 'ok') {
      expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
    } else {
      expect(reply).toMatchObject({ ok: false, error: { code: outcome } });
    }
  });
});

describe('filtered results', () => {
  const names = async (actor: Actor) =>
    (await t.call('talents.list', {}, world.tokens[actor])).items
      .map((x) => x.stageName)
      .filter((n) => n.startsWith('Team'))
      .sort();

  it('lists each team its own talent and admins everything', async () => {
    expect(await names('admin')).toEqual(['Team A Star', 'Team B Star']);
    expect(await names('managerA')).toEqual(['Team A Star']);
    expect(await names('coordinatorA')).toEqual(['Team A Star']);
    expect(await names('managerB')).toEqual(['Team B Star']);
  });

  it('gives agency staff the restricted fields', async () => {
    for (const actor of ['admin', 'managerA', 'coordinatorA'] as const) {
      expect(
        await t.call('talents.get', { id: world.talentA }, world.tokens[actor]),
      ).toHaveProperty('notes', 'restricted');
    }
  });

  it('finds in search only what each role may read', async () => {
    const found = async (actor: Actor) =>
      (await t.call('search.query', { q: 'Team', limit: 20 }, world.tokens[actor])).groups
        .flatMap((g) => g.items.map((i) => i.title))
        .filter((title) => title.startsWith('Team'))
        .sort();
    expect(await found('admin')).toEqual(['Team A Star', 'Team B Star']);
    expect(await found('managerA')).toEqual(['Team A Star']);
    expect(await found('coordinatorA')).toEqual(['Team A Star']);
    expect(await found('managerB')).toEqual(['Team B Star']);
    for (const label of ['aandr', 'legal', 'contributor'] as const)
      expect(await found(label)).toEqual([]);
  });

  it('sends change events only to those who may read the row', async () => {
    const heard = new Set<Actor>();
    const stops = ACTORS.map((actor) =>
      t.core.subscribe(t.core.auth.resolve(world.tokens[actor]), (event) => {
        if (event.entity === 'talents') heard.add(actor);
      }),
    );
    await t.call(
      'talents.create',
      { stageName: 'Team A Newcomer', fullName: 'N', talentType: 'dancer' },
      world.tokens.managerA,
    );
    for (const stop of stops) stop();
    expect([...heard].sort()).toEqual(['admin', 'coordinatorA', 'managerA']);
  });
});
