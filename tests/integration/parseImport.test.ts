/**
 * imports.parse with a Back4app (Parse) export written here: pointers between classes in both
 * forms (Pointer objects and `<field>Id` strings), Parse Date values, objects that must be
 * skipped with a reason, and a second run that imports nothing twice.
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
const stamps = { createdAt: '2025-03-01T10:00:00.000Z', updatedAt: '2025-03-02T10:00:00.000Z' };

const EXPORT: Record<string, unknown> = {
  '_User.json': {
    results: [
      // The coordinator comes before their manager: teams are joined after all users are in.
      {
        objectId: 'uCoord',
        username: 'cora',
        email: 'cora@agency.example',
        role: 'coordinator',
        manager: ptr('_User', 'uMgr'),
        ...stamps,
      },
      {
        objectId: 'uMgr',
        username: 'mags',
        email: 'mags@agency.example',
        role: 'manager',
        fullName: 'Mags Okafor',
        ...stamps,
      },
      { objectId: 'uAr', username: 'ari', email: 'ari@label.example', role: 'AandR', ...stamps },
      { objectId: 'uLegal', username: 'lex', email: 'lex@label.example', role: 'legal', ...stamps },
      { objectId: 'uTaken', username: 'owner', email: 'someone@else.example', role: 'admin' },
      { objectId: 'uOdd', username: 'odd', email: 'odd@x.example', role: 'agent' },
    ],
  },
  'TalentProfile.json': {
    results: [
      {
        objectId: 'tNova',
        stageName: 'Nova Hart',
        fullName: 'Nova Hartley',
        talentType: 'actor',
        manager: ptr('_User', 'uMgr'),
        headshotUrl: 'https://files.example/nova.jpg',
        ...stamps,
      },
      {
        objectId: 'tLin',
        stageName: '林小雨',
        fullName: 'Lin Xiaoyu',
        talentType: 'model',
        managerId: 'uMgr',
        availabilityStatus: 'on_hold',
      },
      {
        objectId: 'tLost',
        stageName: 'Lost',
        fullName: 'Lost',
        talentType: 'actor',
        manager: ptr('_User', 'uGone'),
      },
    ],
  },
  'Audition.json': [
    {
      objectId: 'aOne',
      talentProfile: ptr('TalentProfile', 'tNova'),
      clientName: 'Acme',
      projectName: 'Spring Ad',
      auditionType: 'self_tape',
      auditionDate: date('2026-04-02T15:00:00.000Z'),
      status: 'callback',
    },
  ],
  'Booking.json': {
    results: [
      {
        objectId: 'bHold',
        talentProfile: ptr('TalentProfile', 'tNova'),
        audition: ptr('Audition', 'aOne'),
        clientName: 'Acme',
        projectName: 'Spring Ad',
        startDateTime: date('2026-05-01T09:00:00.000Z'),
        endDateTime: date('2026-05-01T17:00:00.000Z'),
        status: 'hold',
        rate: 1500,
      },
      {
        objectId: 'bDone',
        talentProfileId: 'tLin',
        clientName: 'Blue',
        projectName: 'Lookbook',
        startDateTime: date('2026-05-03T09:00:00.000Z'),
        endDateTime: date('2026-05-03T12:00:00.000Z'),
        status: 'confirmed',
      },
      {
        objectId: 'bBackwards',
        talentProfileId: 'tLin',
        clientName: 'X',
        projectName: 'Y',
        startDateTime: date('2026-05-04T12:00:00.000Z'),
        endDateTime: date('2026-05-04T09:00:00.000Z'),
      },
    ],
  },
  'ScheduleEntry.json': {
    results: [
      {
        objectId: 'sDone',
        talentProfile: ptr('TalentProfile', 'tLin'),
        booking: ptr('Booking', 'bDone'),
        entryType: 'booking',
        startDateTime: date('2026-05-03T09:00:00.000Z'),
        endDateTime: date('2026-05-03T12:00:00.000Z'),
        timezone: 'Asia/Shanghai',
        status: 'confirmed',
        source: 'booking',
      },
    ],
  },
  'Artist.json': {
    results: [
      {
        objectId: 'arNight',
        artistName: '夜行者',
        genre: 'city pop',
        status: 'in_talks',
        priorityScore: 80,
        socialFollowers: 12000,
        lastDemoDate: date('2026-02-01T00:00:00.000Z'),
        owner: ptr('_User', 'uAr'),
      },
      { objectId: 'arWrongOwner', artistName: 'Nobody', genre: 'pop', owner: ptr('_User', 'uMgr') },
    ],
  },
  'Demo.json': {
    results: [
      {
        objectId: 'dOne',
        artist: ptr('Artist', 'arNight'),
        title: 'Night Drive',
        audioUrl: 'https://files.example/night-drive.mp3',
        submissionSource: 'email',
        reviewStatus: 'in_review',
        submittedBy: ptr('_User', 'uAr'),
        receivedAt: date('2026-02-01T08:00:00.000Z'),
      },
    ],
  },
  'Contract.json': {
    results: [
      {
        objectId: 'cOne',
        artist: ptr('Artist', 'arNight'),
        contractType: 'recording',
        status: 'signed',
        effectiveDate: date('2026-03-01T00:00:00.000Z'),
        signedAt: date('2026-02-20T16:30:00.000Z'),
        documentUrl: 'https://files.example/c.pdf',
        legalOwner: ptr('_User', 'uLegal'),
      },
    ],
  },
  'SocialGrowthLog.json': {
    results: [
      {
        objectId: 'gOne',
        artist: ptr('Artist', 'arNight'),
        platform: 'tiktok',
        followerCount: 12000,
        engagementRate: 4.2,
        captureDate: date('2026-02-10T00:00:00.000Z'),
        capturedBy: ptr('_User', 'uAr'),
      },
    ],
  },
  'ReviewNote.json': {
    results: [
      {
        objectId: 'nOne',
        artist: ptr('Artist', 'arNight'),
        demo: ptr('Demo', 'dOne'),
        author: ptr('_User', 'uAr'),
        noteType: 'listening',
        body: 'Great hook at 0:40',
        visibility: 'label',
      },
    ],
  },
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
    const report = await t.call('imports.parse', { files: await stageExport(a.ownerId) }, a.owner);
    expect(report.imported).toEqual({
      _User: 4,
      TalentProfile: 2,
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
      uTaken: 'a user with this username or email already exists',
      uOdd: expect.stringContaining('role “agent” is not one of'),
      tLost: 'manager points at _User uGone, which was not imported',
      bBackwards: 'endDateTime is not after startDateTime',
      arWrongOwner: 'owner must be a user with the role AandR or admin',
    });
    expect(report.skippedCount).toBe(5);

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
      createdAt: stamps.createdAt,
      updatedAt: stamps.updatedAt,
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
    const again = await t.call('imports.parse', { files: await stageExport(a.ownerId) }, a.owner);
    expect(again.imported).toEqual({});
    expect(again.alreadyImported).toBe(15);
    expect(again.skippedCount).toBe(5);
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
    const demo = (objectId: string, title: string, audioUrl: string) => ({
      objectId,
      artist: ptr('Artist', 'a1'),
      title,
      audioUrl,
      submittedBy: ptr('_User', 'u1'),
    });
    await t.call(
      'imports.parse',
      {
        files: await stageExport(a.ownerId, {
          '_User.json': [{ objectId: 'u1', username: 'ari', email: 'a@l.example', role: 'AandR' }],
          'Artist.json': [
            { objectId: 'a1', artistName: 'Tides', genre: 'pop', owner: ptr('_User', 'u1') },
          ],
          'Demo.json': [
            demo('d1', 'Night Drive', `${hosted}0123456789abcdef0123456789abcdef_night-drive.wav`),
            demo(
              'd2',
              'Sunrise',
              `${hosted}tfss-0a1b2c3d-0000-4000-8000-1234567890ab-Sunrise%20Mix.wav`,
            ),
            demo('d3', 'Take A', `${hosted}11111111111111111111111111111111_take.wav`),
            demo('d4', 'Take B', `${hosted}22222222222222222222222222222222_take.wav`),
            demo('d5', 'Notes', `${hosted}33333333333333333333333333333333_notes.wav`),
          ],
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
    expect(report.unmatched).toEqual([
      { fileName: 'take.wav', reason: expect.stringContaining('2 demos had audio with this name') },
      { fileName: 'unknown.wav', reason: expect.stringContaining('No demo brought over') },
      { fileName: 'night-drive.wav', reason: 'Another file was already added to “Night Drive”.' },
      { fileName: 'notes.wav', reason: expect.stringMatching(/audio/i) },
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
