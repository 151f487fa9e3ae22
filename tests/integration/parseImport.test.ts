/**
 * imports.parse and imports.parsePreview with a Back4app (Parse) export written here in the exact
 * shape Parse Server's REST `GET /classes/<Class>` returns (`{ "results": [...] }`, objectId,
 * createdAt/updatedAt, ACL, Pointers, Dates, `_Role` relations), plus the `_Join:users:_Role`
 * list a relation's members come in: objects that must be skipped with a reason, users already in
 * Greenroom, a second run after changes on both sides, zones, ACLs and malformed files.
 */
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createTestCore,
  PASSWORD,
  withOwner,
  type Actors,
  type TestCore,
} from '../support/testCore';
import { wavBytes } from '../support/files';

let t: TestCore;
let a: Actors;

beforeEach(async () => {
  t = createTestCore();
  a = await withOwner(t);
});
afterEach(() => t.close());

const ptr = (className: string, objectId: string) => ({ __type: 'Pointer', className, objectId });
const date = (iso: string) => ({ __type: 'Date', iso });
const relation = (className: string) => ({ __type: 'Relation', className });
const PUBLIC = { '*': { read: true } };
const CREATED = '2025-03-01T10:00:00.000Z';
const UPDATED = '2025-03-02T10:00:00.000Z';

/**
 * One object as Parse Server's REST `GET /classes/<Class>` returns it: objectId, createdAt and
 * updatedAt as plain ISO strings, its ACL, then its fields (Pointers and Dates as typed values).
 */
const parseObject = (
  objectId: string,
  fields: Record<string, unknown>,
  options: { acl?: Record<string, unknown>; createdAt?: string; updatedAt?: string } = {},
) => ({
  objectId,
  createdAt: options.createdAt ?? CREATED,
  updatedAt: options.updatedAt ?? UPDATED,
  ACL: options.acl ?? PUBLIC,
  ...fields,
});
/** A user's own ACL as Parse sets it at sign-up: public read, the user writes. */
const userObject = (objectId: string, fields: Record<string, unknown>) =>
  parseObject(objectId, fields, {
    acl: { '*': { read: true }, [objectId]: { read: true, write: true } },
  });
const results = (...objects: unknown[]) => ({ results: objects });

const EXPORT: Record<string, unknown> = {
  '_User.json': results(
    // The coordinator comes before their manager: teams are joined after all users are in.
    userObject('uCoord', {
      username: 'cora',
      email: 'cora@agency.example',
      role: 'coordinator',
      manager: ptr('_User', 'uMgr'),
    }),
    userObject('uMgr', {
      username: 'mags',
      email: 'mags@agency.example',
      role: 'manager',
      fullName: 'Mags Okafor',
    }),
    userObject('uAr', { username: 'ari', email: 'ari@label.example', role: 'AandR' }),
    userObject('uLegal', { username: 'lex', email: 'lex@label.example', role: 'legal' }),
    // Greenroom's owner, also a user of the hosted app: matched, never created twice.
    userObject('uOwner', { username: 'owner', email: 'someone@else.example', role: 'admin' }),
    userObject('uOdd', { username: 'odd', email: 'odd@x.example', role: 'agent' }),
  ),
  'TalentProfile.json': results(
    parseObject('tNova', {
      stageName: 'Nova Hart',
      fullName: 'Nova Hartley',
      talentType: 'actor',
      availabilityStatus: 'available',
      manager: ptr('_User', 'uMgr'),
      headshotUrl: 'https://files.example/nova.jpg',
    }),
    parseObject('tLin', {
      stageName: '林小雨',
      fullName: 'Lin Xiaoyu',
      talentType: 'model',
      manager: ptr('_User', 'uMgr'),
      availabilityStatus: 'on_hold',
    }),
    // Managed by the owner, who was in Greenroom before the import.
    parseObject('tOwned', {
      stageName: 'Owen Owned',
      fullName: 'Owen Owned',
      talentType: 'host',
      availabilityStatus: 'available',
      manager: ptr('_User', 'uOwner'),
    }),
    parseObject('tLost', {
      stageName: 'Lost',
      fullName: 'Lost',
      talentType: 'actor',
      availabilityStatus: 'available',
      manager: ptr('_User', 'uGone'),
    }),
  ),
  'Audition.json': results(
    parseObject('aOne', {
      talentProfile: ptr('TalentProfile', 'tNova'),
      clientName: 'Acme',
      projectName: 'Spring Ad',
      auditionType: 'self_tape',
      auditionDate: date('2026-04-02T15:00:00.000Z'),
      status: 'callback',
    }),
  ),
  'Booking.json': results(
    parseObject('bHold', {
      talentProfile: ptr('TalentProfile', 'tNova'),
      audition: ptr('Audition', 'aOne'),
      clientName: 'Acme',
      projectName: 'Spring Ad',
      startDateTime: date('2026-05-01T09:00:00.000Z'),
      endDateTime: date('2026-05-01T17:00:00.000Z'),
      status: 'hold',
      rate: 1500,
    }),
    parseObject('bDone', {
      talentProfile: ptr('TalentProfile', 'tLin'),
      clientName: 'Blue',
      projectName: 'Lookbook',
      startDateTime: date('2026-05-03T09:00:00.000Z'),
      endDateTime: date('2026-05-03T12:00:00.000Z'),
      status: 'confirmed',
    }),
    parseObject('bBackwards', {
      talentProfile: ptr('TalentProfile', 'tLin'),
      clientName: 'X',
      projectName: 'Y',
      startDateTime: date('2026-05-04T12:00:00.000Z'),
      endDateTime: date('2026-05-04T09:00:00.000Z'),
      status: 'hold',
    }),
  ),
  'ScheduleEntry.json': results(
    parseObject('sDone', {
      talentProfile: ptr('TalentProfile', 'tLin'),
      booking: ptr('Booking', 'bDone'),
      entryType: 'booking',
      startDateTime: date('2026-05-03T09:00:00.000Z'),
      endDateTime: date('2026-05-03T12:00:00.000Z'),
      timezone: 'Asia/Shanghai',
      status: 'confirmed',
      source: 'booking',
    }),
  ),
  'Artist.json': results(
    parseObject('arNight', {
      artistName: '夜行者',
      genre: 'city pop',
      status: 'in_talks',
      priorityScore: 80,
      socialFollowers: 12000,
      lastDemoDate: date('2026-02-01T00:00:00.000Z'),
      owner: ptr('_User', 'uAr'),
    }),
    parseObject('arWrongOwner', {
      artistName: 'Nobody',
      genre: 'pop',
      status: 'prospect',
      owner: ptr('_User', 'uMgr'),
    }),
  ),
  'Demo.json': results(
    parseObject('dOne', {
      artist: ptr('Artist', 'arNight'),
      title: 'Night Drive',
      audioUrl: 'https://files.example/night-drive.mp3',
      submissionSource: 'email',
      reviewStatus: 'in_review',
      submittedBy: ptr('_User', 'uAr'),
      receivedAt: date('2026-02-01T08:00:00.000Z'),
    }),
  ),
  'Contract.json': results(
    parseObject('cOne', {
      artist: ptr('Artist', 'arNight'),
      contractType: 'recording',
      status: 'signed',
      effectiveDate: date('2026-03-01T00:00:00.000Z'),
      signedAt: date('2026-02-20T16:30:00.000Z'),
      documentUrl: 'https://files.example/c.pdf',
      legalOwner: ptr('_User', 'uLegal'),
    }),
  ),
  'SocialGrowthLog.json': results(
    parseObject('gOne', {
      artist: ptr('Artist', 'arNight'),
      platform: 'tiktok',
      followerCount: 12000,
      engagementRate: 4.2,
      captureDate: date('2026-02-10T00:00:00.000Z'),
      capturedBy: ptr('_User', 'uAr'),
    }),
  ),
  'ReviewNote.json': results(
    parseObject('nOne', {
      artist: ptr('Artist', 'arNight'),
      demo: ptr('Demo', 'dOne'),
      author: ptr('_User', 'uAr'),
      noteType: 'listening',
      body: 'Great hook at 0:40',
      visibility: 'label',
    }),
  ),
};

async function stageExport(userId: string, files = EXPORT): Promise<string[]> {
  const tokens: string[] = [];
  for (const [name, json] of Object.entries(files)) {
    tokens.push(
      await t.core.staging.fromStream(
        userId,
        name,
        Readable.from([Buffer.from(JSON.stringify(json))]),
      ),
    );
  }
  return tokens;
}

const COUNTED = [
  'users',
  'talent_profiles',
  'auditions',
  'bookings',
  'schedule_entries',
  'artists',
  'demos',
  'contracts',
  'social_growth_logs',
  'review_notes',
];
const counts = () => Object.fromEntries(COUNTED.map((table) => [table, t.count(table)]));

describe('imports.parse', () => {
  it('imports every class with its pointers resolved, and says what it skipped and why', async () => {
    const report = await t.call(
      'imports.parse',
      { files: await stageExport(a.ownerId), timezone: 'UTC' },
      a.owner,
    );
    expect(report.imported).toEqual({
      _User: 4,
      TalentProfile: 3,
      Audition: 1,
      Booking: 2,
      ScheduleEntry: 1,
      Artist: 1,
      Demo: 1,
      Contract: 1,
      SocialGrowthLog: 1,
      ReviewNote: 1,
    });
    expect(report.alreadyImported).toBe(0);
    const reasons = Object.fromEntries(report.skipped.map((s) => [s.objectId, s.reason]));
    expect(reasons).toEqual({
      uOdd: expect.stringContaining('role “agent” is not one of'),
      tLost: 'manager points at _User uGone, which was not imported',
      bBackwards: 'endDateTime is not after startDateTime',
      arWrongOwner: 'owner must be a user with the role AandR or admin',
    });
    // The same as codes, for the renderer to word in the reader's language.
    expect(Object.fromEntries(report.skipped.map((s) => [s.objectId, s.why]))).toEqual({
      uOdd: {
        code: 'notOneOf',
        field: 'role',
        params: { value: 'agent', values: expect.arrayContaining(['admin', 'AandR']) },
      },
      tLost: {
        code: 'notImported',
        field: 'manager',
        params: { className: '_User', objectId: 'uGone' },
      },
      bBackwards: { code: 'notAfter', field: 'endDateTime', params: { other: 'startDateTime' } },
      arWrongOwner: { code: 'wrongRole', field: 'owner', params: { roles: ['AandR', 'admin'] } },
    });
    expect(report.skippedCount).toBe(4);
    expect(report.matchedUsers).toEqual([
      expect.objectContaining({ objectId: 'uOwner', userId: a.ownerId, by: 'username' }),
    ]);
    expect(report.dropped).toEqual([]);

    // Users arrive inactive, without a password; the coordinator is on the manager's team.
    const people = await t.call('users.list', { limit: 100 }, a.owner);
    const byName = Object.fromEntries(people.items.map((u) => [u.username, u]));
    expect(byName.cora).toMatchObject({
      active: false,
      role: 'coordinator',
      manager: byName.mags!.id,
    });
    expect(byName.mags).toMatchObject({ active: false, fullName: 'Mags Okafor' });

    const talents = await t.call('talents.list', { limit: 100 }, a.owner);
    const lin = talents.items.find((x) => x.stageName === '林小雨')!;
    expect(lin).toMatchObject({ manager: byName.mags!.id, availabilityStatus: 'on_hold' });
    const nova = talents.items.find((x) => x.stageName === 'Nova Hart')!;
    expect(nova).toMatchObject({
      headshotUrl: null,
      createdAt: CREATED,
      updatedAt: UPDATED,
    });
    // The owner's talent came over with them: nothing pointing at the owner was skipped.
    expect(talents.items.find((x) => x.stageName === 'Owen Owned')).toMatchObject({
      manager: a.ownerId,
    });

    const bookings = await t.call('bookings.list', { limit: 100 }, a.owner);
    expect(bookings.items.find((b) => b.clientName === 'Acme')).toMatchObject({
      status: 'hold',
      holdRank: 1,
      rate: 150000,
      talentProfile: nova.id,
    });
    const entries = await t.call(
      'schedule.list',
      { from: '2026-05-01T00:00:00.000Z', to: '2026-05-08T00:00:00.000Z' },
      a.owner,
    );
    expect(entries.items).toEqual([
      expect.objectContaining({ timezone: 'Asia/Shanghai', source: 'import', status: 'confirmed' }),
    ]);

    const artists = await t.call('artists.list', {}, a.owner);
    expect(artists.items).toEqual([
      expect.objectContaining({
        artistName: '夜行者',
        owner: byName.ari!.id,
        lastDemoDate: '2026-02-01',
      }),
    ]);
    const demos = await t.call('demos.list', {}, a.owner);
    // The hosted audio is not in the media store: the demo shows it missing, ready to relink.
    expect(demos.items).toEqual([
      expect.objectContaining({
        title: 'Night Drive',
        audioMissing: true,
        reviewStatus: 'in_review',
      }),
    ]);
    const contracts = await t.call('contracts.list', {}, a.owner);
    expect(contracts.items).toEqual([
      expect.objectContaining({
        status: 'signed',
        signedAt: '2026-02-20T16:30:00.000Z',
        documentUrl: null,
        legalOwner: byName.lex!.id,
      }),
    ]);
    const notes = await t.call('reviewNotes.list', { artist: artists.items[0]!.id }, a.owner);
    expect(notes.items).toEqual([
      expect.objectContaining({ body: 'Great hook at 0:40', demo: demos.items[0]!.id }),
    ]);

    const audit = await t.call('audit.list', { entity: 'talents', entityId: lin.id }, a.owner);
    expect(audit.items[0]).toMatchObject({
      action: 'imports.parse',
      changes: { sourceClass: 'TalentProfile', objectId: 'tLin' },
    });

    // Running the same export again imports nothing twice.
    const before = counts();
    const again = await t.call(
      'imports.parse',
      { files: await stageExport(a.ownerId), timezone: 'UTC' },
      a.owner,
    );
    expect(again.imported).toEqual({});
    expect(again.updated).toEqual({});
    expect(again.alreadyImported).toBe(17);
    expect(again.skippedCount).toBe(4);
    expect(counts()).toEqual(before);
  });

  it('lets an admin activate an imported user only with a password, which then signs in', async () => {
    await t.call(
      'imports.parse',
      { files: await stageExport(a.ownerId, { '_User.json': EXPORT['_User.json'] }) },
      a.owner,
    );
    const people = await t.call('users.list', { limit: 100 }, a.owner);
    const mags = people.items.find((u) => u.username === 'mags')!;
    const refused = await t.raw('users.update', { id: mags.id, patch: { active: true } }, a.owner);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { password: expect.any(String) } },
    });
    await t.call(
      'users.update',
      { id: mags.id, patch: { active: true, password: PASSWORD } },
      a.owner,
    );
    const session = await t.call('auth.login', { username: 'mags', password: PASSWORD });
    expect(session.user).toMatchObject({ username: 'mags', active: true });
    const history = await t.call('audit.list', { entity: 'users', entityId: mags.id }, a.owner);
    expect(JSON.stringify(history.items)).not.toContain('scrypt$');
    expect(history.items.find((i) => i.action === 'users.update')?.changes).toMatchObject({
      passwordSet: true,
    });
  });

  it('refuses a file that is not a Parse export, and anyone but an admin, importing nothing', async () => {
    const before = counts();
    const files = await stageExport(a.ownerId, {
      'Artist.json': 'not json at all',
      'TalentProfile.json': { results: [] },
    });
    const reply = await t.raw('imports.parse', { files }, a.owner);
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: expect.stringContaining('Artist.json is not a Parse class export'),
      },
    });
    const manager = await a.user('max', 'manager');
    const forbidden = await t.raw(
      'imports.parse',
      { files: await stageExport(manager.id) },
      manager.token,
    );
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(counts()).toEqual({ ...before, users: (before.users ?? 0) + 1 });
  });

  it('gives an imported demo its recording: stored, measured, audited; refused for others and for non-audio', async () => {
    await t.call('imports.parse', { files: await stageExport(a.ownerId) }, a.owner);
    const [hosted] = (await t.call('demos.list', {}, a.owner)).items;
    expect(hosted).toMatchObject({ audioMissing: true, durationSeconds: null });
    const stage = (userId: string, bytes: Buffer, name: string) =>
      t.core.staging.fromStream(userId, name, Readable.from([bytes]));
    const unchanged = () => t.call('demos.get', { id: hosted!.id }, a.owner);

    // An A&R who does not own the artist may not give it a recording.
    const omar = await a.user('omar', 'AandR');
    const notTheirs = await t.raw(
      'demos.relink',
      { id: hosted!.id, file: await stage(omar.id, wavBytes(0.5), 'night-drive.wav') },
      omar.token,
    );
    expect(notTheirs).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Not audio: refused by content, nothing changes.
    const text = await t.raw(
      'demos.relink',
      { id: hosted!.id, file: await stage(a.ownerId, Buffer.from('not audio'), 'night-drive.mp3') },
      a.owner,
    );
    expect(text.ok).toBe(false);
    expect(await unchanged()).toEqual(hosted);

    const recording = wavBytes(0.5);
    const attached = await t.call(
      'demos.relink',
      { id: hosted!.id, file: await stage(a.ownerId, recording, 'night-drive.wav') },
      a.owner,
    );
    expect(attached).toMatchObject({
      audioMissing: false,
      durationSeconds: expect.closeTo(0.5, 2),
      version: hosted!.version + 1,
    });
    expect(attached.audioUrl).toMatch(/^media:/);
    const { path } = t.core.media.locate(attached.audioUrl.slice('media:'.length));
    expect(readFileSync(path).equals(recording)).toBe(true);
    const trail = await t.call('audit.list', { entity: 'demos', entityId: hosted!.id }, a.owner);
    expect(trail.items.find((e) => e.action === 'demos.relink')?.changes).toMatchObject({
      audioUrl: ['https://files.example/night-drive.mp3', attached.audioUrl],
      fileName: 'night-drive.wav',
    });

    // From now on it is a stored recording: only the same bytes relink it.
    const other = await t.raw(
      'demos.relink',
      { id: hosted!.id, file: await stage(a.ownerId, wavBytes(0.7), 'other.wav') },
      a.owner,
    );
    expect(other).toMatchObject({ ok: false, error: { fields: { file: 'Different recording' } } });
  });

  it('adds many recordings at once, each to the demo whose hosted audio had its name', async () => {
    const hosted = 'https://parsefiles.back4app.com/appid/';
    const demo = (objectId: string, title: string, audioUrl: string) =>
      parseObject(objectId, {
        artist: ptr('Artist', 'a1'),
        title,
        audioUrl,
        submissionSource: 'portal',
        reviewStatus: 'submitted',
        submittedBy: ptr('_User', 'u1'),
        receivedAt: date('2026-02-01T08:00:00.000Z'),
      });
    await t.call(
      'imports.parse',
      {
        files: await stageExport(a.ownerId, {
          '_User.json': results(
            userObject('u1', { username: 'ari', email: 'a@l.example', role: 'AandR' }),
          ),
          'Artist.json': results(
            parseObject('a1', {
              artistName: 'Tides',
              genre: 'pop',
              status: 'prospect',
              owner: ptr('_User', 'u1'),
            }),
          ),
          'Demo.json': results(
            demo('d1', 'Night Drive', `${hosted}0123456789abcdef0123456789abcdef_night-drive.wav`),
            demo(
              'd2',
              'Sunrise',
              `${hosted}tfss-0a1b2c3d-0000-4000-8000-1234567890ab-Sunrise%20Mix.wav`,
            ),
            demo('d3', 'Take A', `${hosted}11111111111111111111111111111111_take.wav`),
            demo('d4', 'Take B', `${hosted}22222222222222222222222222222222_take.wav`),
            demo('d5', 'Notes', `${hosted}33333333333333333333333333333333_notes.wav`),
          ),
        }),
      },
      a.owner,
    );
    const stage = (bytes: Buffer, name: string) =>
      t.core.staging.fromStream(a.ownerId, name, Readable.from([bytes]));
    const byTitle = async () =>
      Object.fromEntries((await t.call('demos.list', {}, a.owner)).items.map((d) => [d.title, d]));
    const before = await byTitle();

    // An unknown file token: refused before anything is attached.
    const bad = await t.raw(
      'demos.attachRecordings',
      { files: [await stage(wavBytes(0.3), 'night-drive.wav'), 'not-a-token'] },
      a.owner,
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const twice = await stage(wavBytes(0.3), 'night-drive.wav');
    expect(await t.raw('demos.attachRecordings', { files: [twice, twice] }, a.owner)).toMatchObject(
      { ok: false, error: { fields: { files: 'A file appears more than once' } } },
    );
    expect(await byTitle()).toEqual(before);

    const report = await t.call(
      'demos.attachRecordings',
      {
        files: [
          await stage(wavBytes(0.3), 'night-drive.wav'),
          await stage(wavBytes(0.4), 'SUNRISE MIX.wav'),
          await stage(wavBytes(0.5), 'take.wav'),
          await stage(wavBytes(0.6), 'unknown.wav'),
          await stage(wavBytes(0.7), 'night-drive.wav'),
          await stage(Buffer.from('not audio at all'), 'notes.wav'),
        ],
      },
      a.owner,
    );
    expect(report.attached.map((x) => [x.fileName, x.demo.title, x.demo.audioMissing])).toEqual([
      ['night-drive.wav', 'Night Drive', false],
      ['SUNRISE MIX.wav', 'Sunrise', false],
    ]);
    // Each reason as a code the renderer words in the reader's language, and in English.
    expect(report.unmatched).toEqual([
      {
        fileName: 'take.wav',
        why: { code: 'severalDemos', titles: ['Take A', 'Take B'] },
        reason: expect.stringContaining('2 demos had audio with this name'),
      },
      {
        fileName: 'unknown.wav',
        why: { code: 'noDemo' },
        reason: expect.stringContaining('No demo brought over'),
      },
      {
        fileName: 'night-drive.wav',
        why: { code: 'alreadyGiven', title: 'Night Drive' },
        reason: 'Another file was already added to “Night Drive”.',
      },
      {
        fileName: 'notes.wav',
        why: {
          code: 'refused',
          error: expect.objectContaining({
            code: 'VALIDATION',
            fieldCodes: { file: { code: 'custom', rule: 'not_audio' } },
          }),
        },
        reason: expect.stringMatching(/audio/i),
      },
    ]);
    const after = await byTitle();
    expect(after['Night Drive']).toMatchObject({
      audioMissing: false,
      durationSeconds: expect.closeTo(0.3, 2),
    });
    expect(after['Take A']).toEqual(before['Take A']);
    expect(after['Notes']).toEqual(before['Notes']);
  });
});

describe('imports.parse: users already in Greenroom (12)', () => {
  it('matches them by username or email, previews the rest, and maps them on commit', async () => {
    const max = await a.user('max', 'manager');
    const lena = await a.user('lena', 'legal');
    const files = {
      '_User.json': results(
        // The owner under another username, with the owner's email in other capitals.
        userObject('pOwner', { username: 'olive', email: 'OWNER@example.com', role: 'admin' }),
        // Lena's username, another email.
        userObject('pLena', { username: 'lena', email: 'lena.k@label.example', role: 'legal' }),
        userObject('pMax', {
          username: 'maxwell',
          email: 'maxwell@agency.example',
          role: 'manager',
        }),
        userObject('pOdd', { username: 'odd', email: 'odd@agency.example', role: 'agent' }),
      ),
      'TalentProfile.json': results(
        parseObject('t1', {
          stageName: 'By Owner',
          fullName: 'By Owner',
          talentType: 'actor',
          availabilityStatus: 'available',
          manager: ptr('_User', 'pOwner'),
        }),
        parseObject('t2', {
          stageName: 'By Max',
          fullName: 'By Max',
          talentType: 'voice',
          availabilityStatus: 'available',
          manager: ptr('_User', 'pMax'),
        }),
      ),
      'Artist.json': results(
        parseObject('ar1', {
          artistName: 'Owned',
          genre: 'pop',
          status: 'signed',
          owner: ptr('_User', 'pOwner'),
        }),
      ),
      'Contract.json': results(
        parseObject('c1', {
          artist: ptr('Artist', 'ar1'),
          contractType: 'recording',
          status: 'draft',
          legalOwner: ptr('_User', 'pLena'),
        }),
      ),
    };
    const tokens = await stageExport(a.ownerId, files);
    const before = counts();

    const preview = await t.call(
      'imports.parsePreview',
      { files: tokens, timezone: 'UTC' },
      a.owner,
    );
    expect(preview.committed).toBe(false);
    expect(preview.matchedUsers).toEqual([
      expect.objectContaining({ objectId: 'pOwner', userId: a.ownerId, by: 'email' }),
      expect.objectContaining({ objectId: 'pLena', userId: lena.id, by: 'username' }),
    ]);
    expect(preview.unmatchedUsers).toEqual([
      expect.objectContaining({ objectId: 'pMax', username: 'maxwell', outcome: 'create' }),
      expect.objectContaining({
        objectId: 'pOdd',
        outcome: 'skip',
        reason: expect.stringContaining('agent'),
      }),
    ]);
    expect(preview.imported).toMatchObject({ TalentProfile: 2, Artist: 1, Contract: 1 });
    // A preview writes nothing, and leaves the files staged for the import itself.
    expect(counts()).toEqual(before);

    // Mapping names a real user and a Parse user of these files, or nothing happens.
    expect(
      await t.raw('imports.parse', { files: tokens, userMap: { pMax: 'no-such-user' } }, a.owner),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'userMap.pMax': expect.any(String) } },
    });
    expect(
      await t.raw('imports.parse', { files: tokens, userMap: { pNobody: max.id } }, a.owner),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(counts()).toEqual(before);

    const report = await t.call(
      'imports.parse',
      { files: tokens, timezone: 'UTC', userMap: { pMax: max.id } },
      a.owner,
    );
    expect(report.committed).toBe(true);
    expect(report.matchedUsers.map((m) => [m.objectId, m.greenroomUsername, m.by])).toEqual([
      ['pOwner', 'owner', 'email'],
      ['pLena', 'lena', 'username'],
      ['pMax', 'max', 'map'],
    ]);
    expect(report.imported).toEqual({ TalentProfile: 2, Artist: 1, Contract: 1 });
    // No account was created: three were Greenroom's, the fourth could not be imported.
    expect(t.count('users')).toBe(before.users);
    const talents = await t.call('talents.list', { limit: 100 }, a.owner);
    expect(Object.fromEntries(talents.items.map((x) => [x.stageName, x.manager]))).toEqual({
      'By Owner': a.ownerId,
      'By Max': max.id,
    });
    const [contract] = (await t.call('contracts.list', {}, a.owner)).items;
    expect(contract).toMatchObject({ legalOwner: lena.id });
    // The matched accounts are Greenroom's: an import never rewrites them.
    const owner = (await t.call('users.list', { limit: 100 }, a.owner)).items.find(
      (u) => u.id === a.ownerId,
    );
    expect(owner).toMatchObject({ username: 'owner', email: 'owner@example.com', version: 1 });
  });
});

describe('imports.parse: a second import after changes (13)', () => {
  const talent = (objectId: string, stageName: string, updatedAt = UPDATED) =>
    parseObject(
      objectId,
      {
        stageName,
        fullName: `${objectId} Full`,
        talentType: 'actor',
        availabilityStatus: 'available',
        manager: ptr('_User', 'uMgr'),
      },
      { updatedAt },
    );
  const note = (body: string, updatedAt = UPDATED) =>
    parseObject(
      'n1',
      {
        artist: ptr('Artist', 'ar1'),
        author: ptr('_User', 'uAr'),
        noteType: 'general',
        body,
        visibility: 'team',
      },
      { updatedAt },
    );
  const exportWith = (talents: unknown[], notes: unknown[]) => ({
    '_User.json': results(
      userObject('uMgr', { username: 'mags', email: 'mags@agency.example', role: 'manager' }),
      userObject('uAr', { username: 'ari', email: 'ari@label.example', role: 'AandR' }),
    ),
    'TalentProfile.json': results(...talents),
    'Artist.json': results(
      parseObject('ar1', {
        artistName: 'Tides',
        genre: 'pop',
        status: 'prospect',
        owner: ptr('_User', 'uAr'),
      }),
    ),
    'ReviewNote.json': results(...notes),
  });
  const LATER = '2025-06-01T08:00:00.000Z';

  it('brings Parse changes over, reports records changed on both sides, and settles them as told', async () => {
    const run = async (
      files: Record<string, unknown>,
      resolutions?: Record<string, 'parse' | 'greenroom'>,
    ) =>
      t.call(
        'imports.parse',
        { files: await stageExport(a.ownerId, files), ...(resolutions ? { resolutions } : {}) },
        a.owner,
      );
    await run(
      exportWith(
        [
          talent('tA', 'Alpha'),
          talent('tB', 'Bravo'),
          talent('tC', 'Charlie'),
          talent('tD', 'Delta'),
        ],
        [note('First take')],
      ),
    );
    const byName = async () =>
      Object.fromEntries(
        (await t.call('talents.list', { limit: 100 }, a.owner)).items.map((x) => [x.fullName, x]),
      );
    const first = await byName();
    // Greenroom changes B (also changed in Parse) and D (not changed in Parse).
    for (const name of ['tB Full', 'tD Full']) {
      await t.call(
        'talents.update',
        { id: first[name]!.id, version: first[name]!.version, patch: { notes: 'Edited here' } },
        a.owner,
      );
    }

    const changed = exportWith(
      [
        talent('tA', 'Alpha Two', LATER),
        talent('tB', 'Bravo Two', LATER),
        talent('tC', 'Charlie'),
        talent('tD', 'Delta'),
      ],
      [note('Second take', LATER)],
    );
    const second = await run(changed);
    expect(second.imported).toEqual({});
    expect(second.updated).toEqual({ TalentProfile: 1, ReviewNote: 1 });
    expect(second.conflictCount).toBe(1);
    expect(second.conflicts).toEqual([
      expect.objectContaining({
        className: 'TalentProfile',
        objectId: 'tB',
        entityId: first['tB Full']!.id,
        parseUpdatedAt: LATER,
        resolution: null,
        fields: [
          { field: 'stageName', parse: 'Bravo Two', greenroom: 'Bravo' },
          { field: 'notes', parse: null, greenroom: 'Edited here' },
        ],
      }),
    ]);
    let now = await byName();
    expect(now['tA Full']).toMatchObject({ stageName: 'Alpha Two', version: 2 });
    // Changed on both sides: Greenroom's edit stands until someone settles it.
    expect(now['tB Full']).toMatchObject({ stageName: 'Bravo', notes: 'Edited here' });
    expect(now['tC Full']).toEqual(first['tC Full']);
    expect(now['tD Full']).toMatchObject({ stageName: 'Delta', notes: 'Edited here' });
    const trail = await t.call(
      'audit.list',
      { entity: 'talents', entityId: now['tA Full']!.id },
      a.owner,
    );
    expect(trail.items[0]).toMatchObject({
      action: 'imports.parse',
      changes: { sourceClass: 'TalentProfile', objectId: 'tA', stageName: ['Alpha', 'Alpha Two'] },
    });
    // Notes are never edited: the change arrives as a note that replaces the first.
    const artist = (await t.call('artists.list', {}, a.owner)).items[0]!;
    const notes = (await t.call('reviewNotes.list', { artist: artist.id }, a.owner)).items;
    const second_ = notes.find((n) => n.body === 'Second take')!;
    expect(second_.replaces).toBe(notes.find((n) => n.body === 'First take')!.id);

    // Settled in Parse's favour: overwritten; then nothing is left to bring over.
    const settled = await run(changed, { 'TalentProfile:tB': 'parse' });
    expect(settled.conflictCount).toBe(0);
    expect(settled.conflicts).toEqual([
      expect.objectContaining({ objectId: 'tB', resolution: 'parse' }),
    ]);
    expect(settled.updated).toEqual({ TalentProfile: 1 });
    now = await byName();
    expect(now['tB Full']).toMatchObject({ stageName: 'Bravo Two', notes: null });
    const quiet = await run(changed);
    expect(quiet).toMatchObject({
      updated: {},
      imported: {},
      conflictCount: 0,
      alreadyImported: 8,
    });
    expect(await byName()).toEqual(now);
  });
});

describe('imports.parse: dates and zones (14, 17)', () => {
  // Midnight of 2027-01-01 in Shanghai, as the hosted app saved a date picked there.
  const SHANGHAI_NEW_YEAR = '2026-12-31T16:00:00.000Z';
  const files = {
    '_User.json': results(
      userObject('uAr', { username: 'ari', email: 'ari@label.example', role: 'AandR' }),
      userObject('uLegal', { username: 'lex', email: 'lex@label.example', role: 'legal' }),
      userObject('uMgr', { username: 'mags', email: 'mags@agency.example', role: 'manager' }),
    ),
    'Artist.json': results(
      parseObject('ar1', {
        artistName: 'Tides',
        genre: 'pop',
        status: 'signed',
        lastDemoDate: date(SHANGHAI_NEW_YEAR),
        owner: ptr('_User', 'uAr'),
      }),
    ),
    'Contract.json': results(
      parseObject('c1', {
        artist: ptr('Artist', 'ar1'),
        contractType: 'recording',
        status: 'draft',
        effectiveDate: date(SHANGHAI_NEW_YEAR),
        optionDate: date('2027-06-30T16:00:00.000Z'),
        legalOwner: ptr('_User', 'uLegal'),
      }),
    ),
    'TalentProfile.json': results(
      parseObject('t1', {
        stageName: 'Nova',
        fullName: 'Nova Hart',
        talentType: 'actor',
        availabilityStatus: 'available',
        manager: ptr('_User', 'uMgr'),
      }),
    ),
    // The seed's Booking has no timezone field.
    'Booking.json': results(
      parseObject('bTokyo', {
        talentProfile: ptr('TalentProfile', 't1'),
        clientName: 'Kaze',
        projectName: 'Spot',
        startDateTime: date('2026-05-01T00:00:00.000Z'),
        endDateTime: date('2026-05-01T08:00:00.000Z'),
        status: 'confirmed',
      }),
      parseObject('bAlone', {
        talentProfile: ptr('TalentProfile', 't1'),
        clientName: 'Solo',
        projectName: 'Spot',
        startDateTime: date('2026-05-02T00:00:00.000Z'),
        endDateTime: date('2026-05-02T08:00:00.000Z'),
        status: 'hold',
      }),
    ),
    'ScheduleEntry.json': results(
      parseObject('sTokyo', {
        talentProfile: ptr('TalentProfile', 't1'),
        booking: ptr('Booking', 'bTokyo'),
        entryType: 'booking',
        startDateTime: date('2026-05-01T00:00:00.000Z'),
        endDateTime: date('2026-05-01T08:00:00.000Z'),
        timezone: 'Asia/Tokyo',
        status: 'confirmed',
      }),
      parseObject('sBeijing', {
        talentProfile: ptr('TalentProfile', 't1'),
        entryType: 'fitting',
        startDateTime: date('2026-05-03T01:00:00.000Z'),
        endDateTime: date('2026-05-03T02:00:00.000Z'),
        timezone: 'Beijing',
        status: 'confirmed',
      }),
      parseObject('sCst', {
        talentProfile: ptr('TalentProfile', 't1'),
        entryType: 'rehearsal',
        startDateTime: date('2026-05-04T01:00:00.000Z'),
        endDateTime: date('2026-05-04T02:00:00.000Z'),
        timezone: 'CST',
        status: 'confirmed',
      }),
    ),
  };

  it('reads date-only fields on the calendar of the chosen zone, mapping "Beijing"', async () => {
    const report = await t.call(
      'imports.parse',
      { files: await stageExport(a.ownerId, files), timezone: 'Beijing' },
      a.owner,
    );
    expect(report.timezone).toEqual({ zone: 'Asia/Shanghai', source: 'mapped', asked: 'Beijing' });
    const [contract] = (await t.call('contracts.list', {}, a.owner)).items;
    expect(contract).toMatchObject({ effectiveDate: '2027-01-01', optionDate: '2027-07-01' });
    const [artist] = (await t.call('artists.list', {}, a.owner)).items;
    expect(artist).toMatchObject({ lastDemoDate: '2027-01-01' });

    // Zone names in the data: "Beijing" mapped, "CST" (Chicago? Shanghai? Havana?) reported and
    // replaced by the import's zone, never by UTC.
    expect(report.zones).toEqual([
      { value: 'Beijing', mappedTo: 'Asia/Shanghai', candidates: [], objects: 1 },
      {
        value: 'CST',
        mappedTo: null,
        candidates: expect.arrayContaining(['America/Chicago', 'Asia/Shanghai']),
        objects: 1,
      },
    ]);
    const entries = await t.call(
      'schedule.list',
      { from: '2026-04-30T00:00:00.000Z', to: '2026-05-08T00:00:00.000Z' },
      a.owner,
    );
    expect(Object.fromEntries(entries.items.map((e) => [e.entryType, e.timezone]))).toMatchObject({
      fitting: 'Asia/Shanghai',
      rehearsal: 'Asia/Shanghai',
    });

    // A booking takes its schedule entry's zone; one without an entry, the import's.
    const bookings = (await t.call('bookings.list', { limit: 100 }, a.owner)).items;
    expect(Object.fromEntries(bookings.map((b) => [b.clientName, b.timezone]))).toEqual({
      Kaze: 'Asia/Tokyo',
      Solo: 'Asia/Shanghai',
    });
  });

  it('gives a booking its schedule entry’s zone, and one without an entry this computer’s', async () => {
    await t.call('imports.parse', { files: await stageExport(a.ownerId, files) }, a.owner);
    const bookings = (await t.call('bookings.list', { limit: 100 }, a.owner)).items;
    expect(Object.fromEntries(bookings.map((b) => [b.clientName, b.timezone]))).toEqual({
      Kaze: 'Asia/Tokyo',
      Solo: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
  });

  it('uses this computer’s zone by default, and refuses an ambiguous or unknown one', async () => {
    const before = counts();
    for (const timezone of ['CST', 'Atlantis/Lost']) {
      const refused = await t.raw(
        'imports.parse',
        { files: await stageExport(a.ownerId, files), timezone },
        a.owner,
      );
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { timezone: expect.any(String) } },
      });
    }
    expect(counts()).toEqual(before);
    const preview = await t.call(
      'imports.parsePreview',
      { files: await stageExport(a.ownerId, files) },
      a.owner,
    );
    expect(preview.timezone).toEqual({
      zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      source: 'default',
    });
  });
});

describe('imports.parse: ACLs and roles (15)', () => {
  it('reports ACLs narrower than Greenroom will show, and gives _Role members matching roles', async () => {
    const mine = (id: string) => ({ [id]: { read: true, write: true } });
    const files = {
      '_User.json': results(
        userObject('uOwner', { username: 'owner', email: 'owner@example.com' }),
        userObject('uMgr', { username: 'mags', email: 'mags@agency.example', role: 'manager' }),
        // No role field: the _Role relations say what they are.
        userObject('uCoord', {
          username: 'cora',
          email: 'cora@agency.example',
          manager: ptr('_User', 'uMgr'),
        }),
        userObject('uMgr2', { username: 'milo', email: 'milo@agency.example' }),
        userObject('uAr', { username: 'ari', email: 'ari@label.example', role: 'AandR' }),
      ),
      '_Role.json': results(
        ...[
          ['rAdmins', 'Admins'],
          ['rManagers', 'Managers'],
          ['rCoordinators', 'Coordinators'],
          ['rStaff', 'Staff'],
        ].map(([objectId, name]) =>
          parseObject(objectId!, {
            name,
            users: relation('_User'),
            roles: relation('_Role'),
          }),
        ),
      ),
      '_Join:users:_Role.json': results(
        { owningId: 'rAdmins', relatedId: 'uOwner' },
        { owningId: 'rManagers', relatedId: 'uMgr' },
        { owningId: 'rManagers', relatedId: 'uMgr2' },
        { owningId: 'rCoordinators', relatedId: 'uCoord' },
      ),
      // Managers is a child role of Staff: its users have what Staff is granted.
      '_Join:roles:_Role.json': results({ owningId: 'rStaff', relatedId: 'rManagers' }),
      'TalentProfile.json': results(
        ...(
          [
            // Only Mags could read it; Greenroom shows it to Mags's team and the admins.
            ['tPrivate', mine('uMgr')],
            // Every Greenroom reader was covered (Mags through Staff): nothing to report.
            [
              'tTeam',
              {
                'role:Staff': { read: true },
                'role:Coordinators': { read: true },
                'role:Admins': { read: true },
              },
            ],
            ['tPublic', PUBLIC],
          ] as const
        ).map(([objectId, acl]) =>
          parseObject(
            objectId,
            {
              stageName: objectId,
              fullName: objectId,
              talentType: 'actor',
              availabilityStatus: 'available',
              manager: ptr('_User', 'uMgr'),
            },
            { acl },
          ),
        ),
      ),
      'Artist.json': results(
        parseObject(
          'arSecret',
          { artistName: 'Secret', genre: 'pop', status: 'prospect', owner: ptr('_User', 'uAr') },
          { acl: mine('uAr') },
        ),
      ),
    };
    const report = await t.call(
      'imports.parse',
      { files: await stageExport(a.ownerId, files) },
      a.owner,
    );
    expect(report.skipped).toEqual([]);
    expect(report.roles).toEqual([
      { name: 'Admins', role: 'admin', members: 1 },
      { name: 'Coordinators', role: 'coordinator', members: 1 },
      { name: 'Managers', role: 'manager', members: 2 },
      { name: 'Staff', role: null, members: 0 },
    ]);
    const people = Object.fromEntries(
      (await t.call('users.list', { limit: 100 }, a.owner)).items.map((u) => [u.username, u]),
    );
    expect(people.cora).toMatchObject({ role: 'coordinator', manager: people.mags!.id });
    expect(people.milo).toMatchObject({ role: 'manager' });

    expect(report.narrowerAclCount).toBe(2);
    expect(report.narrowerAcls).toEqual([
      expect.objectContaining({
        className: 'TalentProfile',
        objectId: 'tPrivate',
        readers: [{ kind: 'user', name: 'mags' }],
        gainedBy: ['cora', 'owner'],
      }),
      expect.objectContaining({
        className: 'Artist',
        objectId: 'arSecret',
        readers: [{ kind: 'user', name: 'ari' }],
        gainedBy: ['owner'],
      }),
    ]);
  });
});

describe('imports.parse: malformed files (16)', () => {
  it('accepts a file saved with a UTF-8 BOM and names every entry that is not an object', async () => {
    const json = JSON.stringify(
      results(
        userObject('u1', { username: 'ari', email: 'ari@label.example', role: 'AandR' }),
        42,
        'uX',
        null,
        [userObject('u2', { username: 'bo', email: 'bo@label.example', role: 'AandR' })],
      ),
    );
    const token = await t.core.staging.fromStream(
      a.ownerId,
      '_User.json',
      Readable.from([Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)])]),
    );
    const report = await t.call('imports.parse', { files: [token] }, a.owner);
    expect(report.imported).toEqual({ _User: 1 });
    expect(report.droppedCount).toBe(4);
    const notObject = (kind: string) => ({ code: 'notObject', params: { kind } });
    expect(report.dropped).toEqual([
      {
        file: '_User.json',
        index: 1,
        reason: 'not an object (a number)',
        why: notObject('number'),
      },
      {
        file: '_User.json',
        index: 2,
        reason: 'not an object (a string)',
        why: notObject('string'),
      },
      { file: '_User.json', index: 3, reason: 'not an object (null)', why: notObject('null') },
      { file: '_User.json', index: 4, reason: 'not an object (a list)', why: notObject('list') },
    ]);
  });
});
