import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wavBytes } from '../support/files';
import { createTestCore, withOwner, type Actors, type TestCore } from '../support/testCore';

let t: TestCore;
let a: Actors;
let now: Date;
const TODAY = '2026-11-23';

beforeEach(async () => {
  now = new Date('2026-11-08T10:00:00.000Z'); // fifteen days before TODAY
  t = createTestCore(undefined, { clock: () => now });
  a = await withOwner(t);
});
afterEach(() => t.close());

const day = (offset: number) =>
  new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const list = async (token: string) => t.call('today.list', { today: TODAY }, token);
const kinds = async (token: string) =>
  (await list(token)).items.map(
    (i) => `${i.urgency}:${i.kind}:${i.title}${i.term ? ` · ${i.term.value}` : ''}`,
  );

describe('today', () => {
  it('brings every desk its due and overdue work, most urgent first, within each role’s reach', async () => {
    const lee = await a.user('lee', 'legal');
    const lena = await a.user('lena', 'legal');
    const ada = await a.user('ada', 'AandR');
    const omar = await a.user('omar', 'AandR');
    const cai = await a.user('cai', 'contributor');
    const mgr = await a.user('moira', 'manager');
    const other = await a.user('bobby', 'manager');

    const artist = (
      await t.call('artists.create', { artistName: 'Paper Tides', genre: 'pop' }, ada.token)
    ).id;
    const theirs = (
      await t.call('artists.create', { artistName: 'Night Shift', genre: 'techno' }, omar.token)
    ).id;
    // Demos received fifteen days ago: the 14-day decision is a day overdue.
    for (const [who, on, title] of [
      [ada, artist, 'Take one'],
      [omar, theirs, 'Take two'],
    ] as const) {
      await t.call(
        'demos.import',
        {
          artist: on,
          title,
          submissionSource: 'email',
          file: await t.core.staging.fromStream(who.id, 't.wav', Readable.from([wavBytes(0.2)])),
        },
        who.token,
      );
    }
    // Two weeks on: everyone signs in again.
    now = new Date(`${TODAY}T09:00:00.000Z`);
    for (const [who, name] of [
      [lee, 'lee'],
      [lena, 'lena'],
      [ada, 'ada'],
      [omar, 'omar'],
      [cai, 'cai'],
      [mgr, 'moira'],
      [other, 'bobby'],
    ] as const)
      who.token = await a.token(name);
    const owner = await a.token('owner');
    const contract = await t.call(
      'contracts.create',
      {
        artist,
        contractType: 'recording',
        legalOwner: lee.id,
        optionDate: day(3),
        noticeDate: day(0),
        expiryDate: day(-2),
      },
      lee.token,
    );
    await t.call(
      'contracts.create',
      { artist, contractType: 'publishing', legalOwner: lena.id, optionDate: day(1) },
      lena.token,
    );
    await t.call(
      'contracts.create',
      { artist, contractType: 'licensing', legalOwner: lee.id, optionDate: day(30) },
      lee.token,
    );
    // A terminated contract's dates no longer matter.
    const ended = await t.call(
      'contracts.create',
      { artist, contractType: 'management', legalOwner: lee.id, noticeDate: day(0) },
      lee.token,
    );
    await t.call('contracts.transition', { id: ended.id, to: 'terminated' }, lee.token);

    const talent = (
      await t.call(
        'talents.create',
        { stageName: 'Mia', fullName: 'Mia L', talentType: 'actor' },
        mgr.token,
      )
    ).id;
    const audition = await t.call(
      'auditions.create',
      {
        talentProfile: talent,
        clientName: 'Casting Co',
        projectName: 'Pilot',
        auditionType: 'in_person',
        auditionDate: `${day(-1)}T15:00:00.000Z`,
      },
      mgr.token,
    );
    await t.call('auditions.setStatus', { id: audition.id, status: 'callback' }, mgr.token);

    expect(await kinds(lee.token)).toEqual([
      'overdue:contractExpiry:Paper Tides · recording',
      'today:contractNotice:Paper Tides · recording',
      'soon:contractOption:Paper Tides · recording',
    ]);
    expect(await kinds(ada.token)).toEqual([
      'overdue:contractExpiry:Paper Tides · recording',
      'overdue:demoDecision:Paper Tides · Take one',
      'today:contractNotice:Paper Tides · recording',
      'soon:contractOption:Paper Tides · publishing',
      'soon:contractOption:Paper Tides · recording',
    ]);
    expect(await kinds(cai.token)).toEqual([]);
    expect(await kinds(mgr.token)).toEqual(['soon:callbackReply:Mia · Casting Co · Pilot']);
    expect(await kinds(other.token)).toEqual([]);
    const admin = await list(owner);
    expect(admin.counts).toEqual({ overdue: 3, today: 1, soon: 3 });

    // Done hides an item for that user only; a snooze hides it until it runs out.
    const notice = (await list(lee.token)).items.find((i) => i.kind === 'contractNotice')!;
    expect(notice.id).toBe(contract.id);
    await t.call('today.mark', { key: notice.key, action: 'done' }, lee.token);
    expect((await list(lee.token)).items.map((i) => i.kind)).toEqual([
      'contractExpiry',
      'contractOption',
    ]);
    expect((await list(owner)).items.some((i) => i.key === notice.key)).toBe(true);
    const option = (await list(lee.token)).items.find((i) => i.kind === 'contractOption')!;
    await t.call(
      'today.mark',
      { key: option.key, action: 'snooze', until: `${TODAY}T18:00:00.000Z` },
      lee.token,
    );
    expect((await list(lee.token)).items.map((i) => i.kind)).toEqual(['contractExpiry']);
    now = new Date(`${TODAY}T19:00:00.000Z`);
    lee.token = await a.token('lee');
    expect((await list(lee.token)).items.map((i) => i.kind)).toEqual([
      'contractExpiry',
      'contractOption',
    ]);
  });

  it('shows each reminder once, across sessions, and reminds again after a snooze', async () => {
    const lee = await a.user('lee', 'legal');
    const ada = await a.user('ada', 'AandR');
    const artist = (
      await t.call('artists.create', { artistName: 'Paper Tides', genre: 'pop' }, ada.token)
    ).id;
    now = new Date(`${TODAY}T08:00:00.000Z`);
    lee.token = await a.token('lee');
    await t.call(
      'contracts.create',
      {
        artist,
        contractType: 'recording',
        legalOwner: lee.id,
        optionDate: day(0),
        expiryDate: day(2),
      },
      lee.token,
    );
    const due = async () =>
      (await list(lee.token)).items.map((i) => `${i.kind}:${i.reminded ? 'shown' : 'new'}`);
    expect(await due()).toEqual(['contractOption:new', 'contractExpiry:new']);

    const option = (await list(lee.token)).items[0]!;
    const audit = t.count('audit_log');
    await t.call('today.reminded', { keys: [option.key, option.key] }, lee.token);
    expect(t.count('audit_log')).toBe(audit + 1);
    // A later session (the app closed and opened again) does not show it again.
    await t.call('auth.logout', {}, lee.token);
    lee.token = await a.token('lee');
    expect(await due()).toEqual(['contractOption:shown', 'contractExpiry:new']);

    // Snoozed, it is hidden, then comes back as a new reminder.
    await t.call(
      'today.mark',
      { key: option.key, action: 'snooze', until: `${TODAY}T10:00:00.000Z` },
      lee.token,
    );
    expect(await due()).toEqual(['contractExpiry:new']);
    now = new Date(`${TODAY}T11:00:00.000Z`);
    lee.token = await a.token('lee');
    expect(await due()).toEqual(['contractOption:new', 'contractExpiry:new']);

    // Another user's reminder marks are theirs alone.
    const owner = await a.token('owner');
    expect((await list(owner)).items.every((i) => !i.reminded)).toBe(true);
  });

  it('refuses to mark or remind a key that names nothing due for this user, naming it', async () => {
    const lee = await a.user('lee', 'legal');
    const lena = await a.user('lena', 'legal');
    const ada = await a.user('ada', 'AandR');
    const artist = (
      await t.call('artists.create', { artistName: 'Paper Tides', genre: 'pop' }, ada.token)
    ).id;
    now = new Date(`${TODAY}T08:00:00.000Z`);
    lee.token = await a.token('lee');
    lena.token = await a.token('lena');
    await t.call(
      'contracts.create',
      { artist, contractType: 'recording', legalOwner: lee.id, optionDate: day(0) },
      lee.token,
    );
    const [option] = (await list(lee.token)).items;
    const marks = t.count('today_marks');
    const audit = t.count('audit_log');
    const made = `contractOption:${option!.id}:${day(1)}`;
    for (const [token, key] of [
      [lee.token, 'anything at all'],
      [lee.token, made],
      // Lena's contracts are not Lee's: his item is nothing due for her.
      [lena.token, option!.key],
    ] as const) {
      for (const reply of [
        await t.raw('today.mark', { key, action: 'done' }, token),
        await t.raw('today.reminded', { keys: [option!.key, key] }, token),
      ]) {
        expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
        if (!reply.ok) {
          expect(reply.error.message).toContain(key);
          expect(Object.keys(reply.error.fields ?? {}).length).toBeGreaterThan(0);
        }
      }
    }
    expect(t.count('today_marks')).toBe(marks);
    expect(t.count('audit_log')).toBe(audit);
    // A snoozed or done item is still one the user may mark again.
    await t.call('today.mark', { key: option!.key, action: 'snooze' }, lee.token);
    await t.call('today.mark', { key: option!.key, action: 'done' }, lee.token);
  });

  it('puts contract option, notice and expiry dates on the calendar for legal and admins', async () => {
    const lee = await a.user('lee', 'legal');
    const ada = await a.user('ada', 'AandR');
    const artist = (
      await t.call('artists.create', { artistName: '纸潮 Paper Tides', genre: 'pop' }, ada.token)
    ).id;
    const contract = await t.call(
      'contracts.create',
      {
        artist,
        contractType: 'recording',
        legalOwner: lee.id,
        optionDate: '2026-12-01',
        noticeDate: '2026-11-20',
        expiryDate: '2027-03-01',
      },
      lee.token,
    );
    const range = { from: '2026-11-01', to: '2026-12-31' };
    const { items } = await t.call('contracts.keyDates', range, lee.token);
    expect(items.map((i) => `${i.date}:${i.kind}`)).toEqual([
      '2026-11-20:notice',
      '2026-12-01:option',
    ]);
    expect(items[0]).toMatchObject({
      contract: contract.id,
      artist,
      artistName: '纸潮 Paper Tides',
      contractType: 'recording',
      status: 'draft',
    });
    // Both ends are inclusive.
    const edge = await t.call(
      'contracts.keyDates',
      { from: '2026-12-01', to: '2026-12-01' },
      lee.token,
    );
    expect(edge.items.map((i) => i.kind)).toEqual(['option']);
    expect((await t.raw('contracts.keyDates', range, ada.token)).ok).toBe(false);
    const backwards = await t.raw(
      'contracts.keyDates',
      { from: '2026-12-01', to: '2026-11-01' },
      lee.token,
    );
    expect(backwards.ok ? null : backwards.error.code).toBe('VALIDATION');
  });
});
