/**
 * CSV import through the real router on a real file: semicolon and tab files, an edited export
 * updating its records (with their versions), money in major units, and the check running as a
 * job that leaves the rest of the app answering.
 */
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromCsv, toCsv } from '../../src/main/services/workspace/files/csv';
import { createTestCore, withOwner, type Actors, type TestCore } from '../support/testCore';

let t: TestCore;
let a: Actors;

beforeEach(async () => {
  t = createTestCore();
  a = await withOwner(t);
});
afterEach(() => t.close());

const read = (token: string, media: string) =>
  readFileSync(t.core.mediaAccess.open(t.core.auth.resolve(token), media).path, 'utf8');
const stage = (userId: string, text: string) =>
  t.core.staging.fromStream(userId, 'import.csv', Readable.from([Buffer.from(text)]));

describe('delimiters', () => {
  it('reads a semicolon file (Excel in much of Europe) and a tab file, and says which it used', async () => {
    const ar = await a.user('ada', 'AandR');
    const semicolon =
      '\uFEFFartistName;genre;priorityScore;owner\r\n"Comma, Band";rock;80;ada\r\nDrei Ecken;techno;;ada\r\n';
    const preview = await t.call(
      'imports.preview',
      { entity: 'artists', file: await stage(ar.id, semicolon) },
      ar.token,
    );
    expect(preview).toMatchObject({ delimiter: 'semicolon', rows: 2, valid: 2, errorCount: 0 });
    expect(preview.columns).toEqual(['artistName', 'genre', 'priorityScore', 'owner']);
    expect(preview.sample[0]).toMatchObject({ artistName: 'Comma, Band', priorityScore: 80 });

    const tab = 'artistName\tgenre\nA; B, C\tfolk\n';
    const file = await stage(ar.id, tab);
    expect(await t.call('imports.preview', { entity: 'artists', file }, ar.token)).toMatchObject({
      delimiter: 'tab',
      rows: 1,
      valid: 1,
    });
    await t.call('imports.commit', { entity: 'artists', file }, ar.token);
    const listed = await t.call('artists.list', { q: 'A; B' }, ar.token);
    expect(listed.items.map((item) => [item.artistName, item.genre])).toEqual([
      ['A; B, C', 'folk'],
    ]);
  });
});

describe('an edited export imports back as updates', () => {
  it('updates rows that carry an id through talents.update, creates the rest, and refuses stale or foreign rows', async () => {
    const alice = await a.user('alice', 'manager');
    const bob = await a.user('bob', 'manager');
    for (const name of ['Nova', 'Lin']) {
      await t.call(
        'talents.create',
        { stageName: name, fullName: `${name} Full`, talentType: 'actor', notes: 'old note' },
        alice.token,
      );
    }
    const bobs = await t.call(
      'talents.create',
      { stageName: 'Bob’s', fullName: 'B', talentType: 'model' },
      bob.token,
    );
    const exported = fromCsv(
      read(alice.token, (await t.call('exports.csv', { entity: 'talents' }, alice.token)).media),
    );
    const [first, second] = exported.rows;
    const edited = toCsv(exported.columns, [
      exported.columns.map((c) =>
        c === 'stageName' ? `${first!.stageName} (renamed)` : first![c],
      ),
      // notes emptied: the field is cleared.
      exported.columns.map((c) => (c === 'notes' ? '' : second![c])),
      exported.columns.map(
        (c) => ({ stageName: 'New Face', fullName: 'N F', talentType: 'dancer' })[c] ?? '',
      ),
    ]);
    const before = t.count('talent_profiles');
    const file = await stage(alice.id, edited);
    const preview = await t.call('imports.preview', { entity: 'talents', file }, alice.token);
    expect(preview).toMatchObject({ rows: 3, valid: 3, updates: 2, creates: 1, errorCount: 0 });
    expect(t.count('talent_profiles')).toBe(before);

    const result = await t.call('imports.commit', { entity: 'talents', file }, alice.token);
    expect(result).toEqual({ entity: 'talents', imported: 3, updated: 2 });
    expect(t.count('talent_profiles')).toBe(before + 1);
    const renamed = await t.call('talents.get', { id: first!.id! }, alice.token);
    expect(renamed).toMatchObject({ stageName: `${first!.stageName} (renamed)`, version: 2 });
    expect((await t.call('talents.get', { id: second!.id! }, alice.token)).notes).toBeNull();
    const audit = await t.call('audit.list', { entity: 'talents', entityId: first!.id! }, a.owner);
    expect(audit.items[0]).toMatchObject({ action: 'talents.update' });

    // The same file again: its versions are now stale, and nothing is overwritten.
    const stale = await t.call(
      'imports.preview',
      { entity: 'talents', file: await stage(alice.id, edited) },
      alice.token,
    );
    expect(stale.errors).toEqual([
      expect.objectContaining({ row: 1, field: 'version', message: 'Current version is 2' }),
      expect.objectContaining({ row: 2, field: 'version' }),
    ]);

    // Another team's record, the same record twice, and an id without its version.
    const rows = [
      'id,version,stageName,fullName,talentType',
      `${bobs.id},1,Taken,T,actor`,
      `${first!.id},2,Once,O,actor`,
      `${first!.id},2,Twice,T,actor`,
      `${second!.id},,No Version,N,actor`,
    ].join('\n');
    const refused = await t.call(
      'imports.preview',
      { entity: 'talents', file: await stage(alice.id, rows) },
      alice.token,
    );
    expect(refused).toMatchObject({ rows: 4, valid: 1, errorCount: 3 });
    expect(refused.errors).toEqual([
      expect.objectContaining({
        row: 1,
        field: 'id',
        message: expect.stringMatching(/not on your team/),
      }),
      expect.objectContaining({ row: 3, field: 'id', message: 'Row 2 changes this record too' }),
      expect.objectContaining({ row: 4, field: 'version' }),
    ]);
    expect((await t.call('talents.get', { id: bobs.id }, bob.token)).stageName).toBe('Bob’s');
  });
});

describe('money columns', () => {
  it('exports and imports rates as major units with their currency (CNY 2 digits, JPY 0, KWD 3)', async () => {
    const mia = await a.user('mia', 'manager');
    const talent = await t.call(
      'talents.create',
      { stageName: 'Rate Card', fullName: 'R C', talentType: 'host' },
      mia.token,
    );
    const at = (day: number) => ({
      startDateTime: `2027-03-${String(day).padStart(2, '0')}T09:00:00.000Z`,
      endDateTime: `2027-03-${String(day).padStart(2, '0')}T17:00:00.000Z`,
    });
    const booked = [
      { rate: 123456, currency: 'CNY' },
      { rate: 5000, currency: 'JPY' },
      { rate: 1234567, currency: 'KWD' },
    ];
    for (const [i, money] of booked.entries()) {
      await t.call(
        'bookings.create',
        { talentProfile: talent.id, clientName: `C${i}`, projectName: 'P', ...at(i + 1), ...money },
        mia.token,
      );
    }
    const exported = fromCsv(
      read(mia.token, (await t.call('exports.csv', { entity: 'bookings' }, mia.token)).media),
    );
    expect(exported.rows.map((row) => [row.rate, row.currency]).sort()).toEqual([
      ['1234.56', 'CNY'],
      ['1234.567', 'KWD'],
      ['5000', 'JPY'],
    ]);

    const csv = [
      'talentProfile;clientName;projectName;startDateTime;endDateTime;rate;currency',
      `${talent.id};Euro;P;${at(10).startDateTime};${at(10).endDateTime};1234,5;EUR`,
      `${talent.id};Yen;P;${at(11).startDateTime};${at(11).endDateTime};12.5;JPY`,
      `${talent.id};Dinar;P;${at(12).startDateTime};${at(12).endDateTime};1.2345;KWD`,
      `${talent.id};Words;P;${at(13).startDateTime};${at(13).endDateTime};1.234,00;CNY`,
    ].join('\r\n');
    const preview = await t.call(
      'imports.preview',
      { entity: 'bookings', file: await stage(mia.id, csv) },
      mia.token,
    );
    expect(preview).toMatchObject({ delimiter: 'semicolon', rows: 4, valid: 1 });
    expect(preview.sample[0]).toMatchObject({ rate: 123450, currency: 'EUR' });
    expect(preview.errors).toEqual([
      expect.objectContaining({
        row: 2,
        field: 'rate',
        message: 'JPY has no minor unit: write a whole amount',
      }),
      expect.objectContaining({
        row: 3,
        field: 'rate',
        message: 'KWD has at most 3 decimal places',
      }),
      expect.objectContaining({ row: 4, field: 'rate' }),
    ]);

    // An edited rate imports back onto its booking, in minor units.
    const cny = exported.rows.find((row) => row.currency === 'CNY')!;
    const edit = toCsv(
      ['id', 'version', 'rate', 'currency'],
      [[cny.id, cny.version, '99.9', 'CNY']],
    );
    const file = await stage(mia.id, edit);
    await t.call('imports.commit', { entity: 'bookings', file }, mia.token);
    expect(await t.call('bookings.get', { id: cny.id! }, mia.token)).toMatchObject({ rate: 9990 });
  });
});

describe('the check runs as a job', () => {
  const talentsCsv = (n: number) =>
    toCsv(
      ['stageName', 'fullName', 'talentType', 'manager'],
      Array.from({ length: n }, (_, i) => [`Stage ${i}`, `Full ${i}`, 'actor', 'mia']),
    );

  it('answers other calls while a large file is checked, reports progress, and reads back as the preview', async () => {
    const mia = await a.user('mia', 'manager');
    const file = await stage(mia.id, talentsCsv(3_000));
    let finished = false;
    const preview = t.call('imports.preview', { entity: 'talents', file }, mia.token).then((p) => {
      finished = true;
      return p;
    });
    // Before, the whole check ran in one synchronous transaction: nothing answered until it ended.
    await t.call('auth.me', {}, mia.token);
    expect(finished).toBe(false);
    expect(await preview).toMatchObject({ rows: 3_000, valid: 3_000, creates: 3_000 });

    const job = await t.call(
      'imports.check',
      { entity: 'talents', file: await stage(mia.id, talentsCsv(3_000)) },
      mia.token,
    );
    expect(job).toMatchObject({ kind: 'imports.preview', state: 'running' });
    const seen = new Set<number>();
    let state = job;
    while (state.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      state = await t.call('jobs.get', { id: job.id }, mia.token);
      if (state.total) seen.add(state.done / state.total);
    }
    expect(state).toMatchObject({ state: 'done', result: null });
    expect(Math.max(...seen)).toBe(1);
    expect(t.count('talent_profiles')).toBe(0);
  });

  it('is cancelled with jobs.cancel, and the preview then says so; another user cannot follow it', async () => {
    const mia = await a.user('mia', 'manager');
    const noah = await a.user('noah', 'manager');
    const file = await stage(mia.id, talentsCsv(20_000));
    const job = await t.call('imports.check', { entity: 'talents', file }, mia.token);
    expect(await t.raw('jobs.cancel', { id: job.id }, noah.token)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const preview = t.raw('imports.preview', { entity: 'talents', file }, mia.token);
    await t.call('jobs.cancel', { id: job.id }, mia.token);
    expect(await preview).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await t.call('jobs.get', { id: job.id }, mia.token)).state).toBe('cancelled');
    expect(t.count('talent_profiles')).toBe(0);
  });
});
