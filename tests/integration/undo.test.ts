import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wavBytes } from '../support/files';
import {
  createTestCore,
  PASSWORD,
  withOwner,
  type Actors,
  type TestCore,
} from '../support/testCore';

let t: TestCore;
let a: Actors;
let now: Date;
const later = (ms: number) => (now = new Date(now.getTime() + ms));

beforeEach(async () => {
  now = new Date('2026-11-23T09:00:00.000Z');
  t = createTestCore(undefined, { clock: () => now });
  a = await withOwner(t);
});
afterEach(() => t.close());

async function audition(token: string) {
  const talent = (
    await t.call(
      'talents.create',
      { stageName: 'Mia', fullName: 'Mia L', talentType: 'actor' },
      token,
    )
  ).id;
  return t.call(
    'auditions.create',
    {
      talentProfile: talent,
      clientName: 'Casting Co',
      projectName: 'Pilot',
      auditionType: 'virtual',
      auditionDate: '2026-11-25T10:00:00.000Z',
    },
    token,
  );
}

const auditRows = (action: string) =>
  (
    t.core.sqlite.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?').get(action) as {
      n: number;
    }
  ).n;

describe('undo of a pipeline move', () => {
  it('takes back the mover’s own latest move, notes included, and audits both', async () => {
    const moira = await a.user('moira', 'manager');
    const first = await audition(moira.token);
    await t.call(
      'auditions.setStatus',
      { id: first.id, status: 'callback', callbackNotes: 'Bring a monologue' },
      moira.token,
    );
    // Forward-only: without undo, callback → invited is refused.
    expect(
      await t.raw('auditions.setStatus', { id: first.id, status: 'invited' }, moira.token),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    later(5_000);
    const back = await t.call(
      'auditions.setStatus',
      { id: first.id, status: 'invited', undo: true },
      moira.token,
    );
    expect(back).toMatchObject({ status: 'invited', callbackNotes: null });
    expect(auditRows('auditions.setStatus')).toBe(2);
  });

  it('is refused once someone else changed it, for someone else, or after the minute', async () => {
    const moira = await a.user('moira', 'manager');
    const cole = await a.user('cole', 'coordinator', moira.id);
    const one = await audition(moira.token);
    await t.call('auditions.setStatus', { id: one.id, status: 'declined' }, moira.token);
    // Another person may not undo Moira's move.
    const byCole = await t.raw(
      'auditions.setStatus',
      { id: one.id, status: 'invited', undo: true },
      cole.token,
    );
    expect(byCole).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // Nor may Moira once the minute has passed.
    later(61_000);
    const tooLate = await t.raw(
      'auditions.setStatus',
      { id: one.id, status: 'invited', undo: true },
      moira.token,
    );
    expect(tooLate).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const two = await audition(moira.token);
    await t.call('auditions.setStatus', { id: two.id, status: 'callback' }, moira.token);
    const current = await t.call('auditions.get', { id: two.id }, moira.token);
    await t.call(
      'auditions.update',
      { id: two.id, version: current.version, patch: { location: 'Studio 4' } },
      cole.token,
    );
    // Cole's edit came after: undoing would silently overwrite work done since.
    const afterEdit = await t.raw(
      'auditions.setStatus',
      { id: two.id, status: 'invited', undo: true },
      moira.token,
    );
    expect(afterEdit).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // An undo must go back to the value the move replaced, not anywhere else.
    const three = await audition(moira.token);
    await t.call('auditions.setStatus', { id: three.id, status: 'callback' }, moira.token);
    const sideways = await t.raw(
      'auditions.setStatus',
      { id: three.id, status: 'declined', undo: true },
      moira.token,
    );
    expect(sideways).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await t.call('auditions.get', { id: three.id }, moira.token)).status).toBe('callback');
  });
});

describe('undo of a demo decision', () => {
  it('takes a pass back to review for the one who passed it', async () => {
    const ada = await a.user('ada', 'AandR');
    const artist = (
      await t.call('artists.create', { artistName: 'Paper Tides', genre: 'pop' }, ada.token)
    ).id;
    const demo = await t.call(
      'demos.import',
      {
        artist,
        title: 'Take one',
        submissionSource: 'email',
        file: await t.core.staging.fromStream(ada.id, 't.wav', Readable.from([wavBytes(0.2)])),
      },
      ada.token,
    );
    await t.call('demos.setReviewStatus', { id: demo.id, status: 'in_review' }, ada.token);
    await t.call('demos.setReviewStatus', { id: demo.id, status: 'passed' }, ada.token);
    const undone = await t.call(
      'demos.setReviewStatus',
      { id: demo.id, status: 'in_review', undo: true },
      ada.token,
    );
    expect(undone.reviewStatus).toBe('in_review');
    // Only the latest: undoing twice does not walk the history back.
    const twice = await t.raw(
      'demos.setReviewStatus',
      { id: demo.id, status: 'submitted', undo: true },
      ada.token,
    );
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('Today', () => {
  it('puts an item marked done back with reopen', async () => {
    const moira = await a.user('moira', 'manager');
    const one = await audition(moira.token);
    await t.call('auditions.setStatus', { id: one.id, status: 'callback' }, moira.token);
    const today = '2026-11-25';
    const [item] = (await t.call('today.list', { today }, moira.token)).items;
    expect(item).toMatchObject({ kind: 'callbackReply', entity: 'auditions', id: one.id });
    await t.call('today.mark', { key: item!.key, action: 'done' }, moira.token);
    expect((await t.call('today.list', { today }, moira.token)).items).toEqual([]);
    await t.call('today.mark', { key: item!.key, action: 'reopen' }, moira.token);
    expect((await t.call('today.list', { today }, moira.token)).items).toHaveLength(1);
    expect(auditRows('today.reopen')).toBe(1);
  });

  it('shows admins an account request waiting since sign-up, and not a deactivated colleague', async () => {
    await t.call('auth.signUp', {
      username: 'newcomer',
      email: 'new@example.com',
      fullName: 'New Comer',
      password: PASSWORD,
    });
    const gone = await a.user('gone', 'manager');
    const goneNow = (await t.call('users.list', { q: 'gone' }, a.owner)).items[0]!;
    await t.call(
      'users.update',
      { id: gone.id, version: goneNow.version, patch: { active: false } },
      a.owner,
    );
    const items = (await t.call('today.list', { today: '2026-11-23' }, a.owner)).items;
    expect(items.filter((i) => i.kind === 'accountRequest')).toEqual([
      expect.objectContaining({
        entity: 'users',
        title: 'New Comer (newcomer)',
        urgency: 'today',
        term: null,
      }),
    ]);
    // Not for anyone who cannot approve it.
    const moira = await a.user('moira', 'manager');
    expect(
      (await t.call('today.list', { today: '2026-11-23' }, moira.token)).items.map((i) => i.kind),
    ).not.toContain('accountRequest');
    // Approved: gone from Today.
    const pending = (await t.call('users.list', { q: 'newcomer' }, a.owner)).items[0]!;
    await t.call(
      'users.update',
      { id: pending.id, version: pending.version, patch: { active: true } },
      a.owner,
    );
    expect(
      (await t.call('today.list', { today: '2026-11-23' }, a.owner)).items.map((i) => i.kind),
    ).not.toContain('accountRequest');
  });
});
