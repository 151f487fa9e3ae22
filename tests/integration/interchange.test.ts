/**
 * exports.csv and imports.preview / imports.commit through the real router, on a real file:
 * the same scope as the lists, formula-safe cells, per-row errors, and all or nothing.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromCsv } from '../../src/main/services/workspace/files/csv';
import { createTestCore, withOwner, type Actors, type TestCore } from '../support/testCore';

let t: TestCore;
let a: Actors;

beforeEach(async () => {
  t = createTestCore();
  a = await withOwner(t);
});
afterEach(() => t.close());

function read(token: string, media: string): string {
  return readFileSync(t.core.mediaAccess.open(t.core.auth.resolve(token), media).path, 'utf8');
}
async function stage(userId: string, text: string | Buffer, name = 'import.csv') {
  return t.core.staging.fromStream(userId, name, Readable.from([Buffer.from(text)]));
}

/**
 * Reads CSV with Python's csv module in strict mode: an independent RFC 4180 reader, so an export
 * is checked by something other than our own importer.
 */
function strictCsv(text: string): string[][] {
  const script = [
    'import csv, io, json, sys',
    'data = sys.stdin.buffer.read().decode("utf-8-sig")',
    'rows = list(csv.reader(io.StringIO(data, newline=""), strict=True))',
    'print(json.dumps(rows))',
  ].join('\n');
  const run = spawnSync('python3', ['-c', script], { input: text, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`python3 csv refused the file: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[][];
}

/** A line a spreadsheet would run as a formula: any line of any cell. */
const FORMULA_LINE = /^[=+\-@\t]/;

describe('exports.csv', () => {
  it('quotes every cell holding a line break and defuses formulas on every line (read by Python’s strict csv)', async () => {
    const alice = await a.user('alice', 'manager');
    const notes = ['first line\nsecond line', 'see below\r=1+2', 'a\r\n@SUM(A1)\n+cmd'];
    for (const [i, note] of notes.entries()) {
      await t.call(
        'talents.create',
        { stageName: `Talent ${i}`, fullName: `T ${i}`, talentType: 'actor', notes: note },
        alice.token,
      );
    }
    const exported = await t.call('exports.csv', { entity: 'talents' }, alice.token);
    const text = read(alice.token, exported.media);
    const [header, ...rows] = strictCsv(text);
    expect(rows).toHaveLength(3);
    const column = header!.indexOf('notes');
    for (const row of rows) {
      expect(row).toHaveLength(header!.length);
      for (const cell of row) {
        for (const line of cell.split(/\r\n|\r|\n/)) expect(line).not.toMatch(FORMULA_LINE);
      }
    }
    expect(rows.map((row) => row[column]).sort()).toEqual([
      "a\r\n'@SUM(A1)\n'+cmd",
      'first line\nsecond line',
      "see below\r'=1+2",
    ]);
    // Our own reader gives the notes back as they were.
    expect(
      fromCsv(text)
        .rows.map((row) => row.notes)
        .sort(),
    ).toEqual([...notes].sort());
  });

  it('exports what the caller’s list shows, with the filters on screen, formula-safe and with a BOM', async () => {
    const alice = await a.user('alice', 'manager');
    const bob = await a.user('bob', 'manager');
    await t.call(
      'talents.create',
      {
        stageName: '=HYPERLINK("http://evil")',
        fullName: '林小雨',
        talentType: 'actor',
        notes: 'line one\nline two, "quoted"',
      },
      alice.token,
    );
    await t.call(
      'talents.create',
      { stageName: 'Model A', fullName: 'M', talentType: 'model' },
      alice.token,
    );
    await t.call(
      'talents.create',
      { stageName: 'Team B', fullName: 'B', talentType: 'actor' },
      bob.token,
    );

    const exported = await t.call(
      'exports.csv',
      { entity: 'talents', talentType: 'actor' },
      alice.token,
    );
    expect(exported).toMatchObject({
      contentType: 'text/csv',
      fileName: expect.stringMatching(/^greenroom-talents-\d{4}-\d{2}-\d{2}\.csv$/),
    });
    const text = read(alice.token, exported.media);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const parsed = fromCsv(text);
    expect(parsed.columns).toEqual([
      'id',
      'version',
      'stageName',
      'fullName',
      'talentType',
      'availabilityStatus',
      'manager',
      'portfolioUrl',
      'notes',
      'archivedAt',
      'createdAt',
      'updatedAt',
    ]);
    // Alice's actors only: not her model (filter), not Bob's actor (scope).
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]).toMatchObject({
      stageName: '=HYPERLINK("http://evil")',
      fullName: '林小雨',
      manager: 'alice',
      notes: 'line one\nline two, "quoted"',
    });
    const audit = await t.call('audit.list', { entity: 'talents' }, a.owner);
    expect(audit.items[0]).toMatchObject({
      action: 'exports.csv',
      changes: { rows: 1, filters: { talentType: 'actor' } },
    });
  });

  it('reads past the screen’s page size, and refuses a desk the caller does not work on', async () => {
    const ar = await a.user('ada', 'AandR');
    const artist = await t.call(
      'artists.create',
      { artistName: 'Paper Tides', genre: 'indie' },
      ar.token,
    );
    for (let day = 1; day <= 28; day += 1) {
      for (const platform of ['tiktok', 'instagram', 'youtube', 'spotify', 'x'] as const) {
        await t.call(
          'growthLogs.create',
          {
            artist: artist.id,
            platform,
            followerCount: day * 100,
            captureDate: `2026-02-${String(day).padStart(2, '0')}`,
          },
          ar.token,
        );
      }
    }
    const exported = await t.call(
      'exports.csv',
      { entity: 'growthLogs', artist: artist.id },
      ar.token,
    );
    const rows = fromCsv(read(ar.token, exported.media)).rows;
    expect(rows).toHaveLength(140);
    expect(rows[0]).toMatchObject({ artist: artist.id, capturedBy: 'ada' });

    const refused = await t.raw('exports.csv', { entity: 'talents' }, ar.token);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const bad = await t.raw('exports.csv', { entity: 'contracts' }, ar.token);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('imports', () => {
  it('previews every bad row with its field, and then imports nothing while any row is bad', async () => {
    const alice = await a.user('alice', 'manager');
    const csv = [
      'stageName,fullName,talentType,manager,notes',
      'Good One,G. One,actor,alice,',
      ',No Stage Name,actor,alice,',
      'Bad Type,B,astronaut,alice,',
      'Ghost Manager,G,model,nobody,',
      '林小雨,Lin Xiaoyu,actor,alice,"multi\nline, ""note"""',
    ].join('\r\n');
    const before = t.count('talent_profiles');
    const file = await stage(alice.id, csv);
    const preview = await t.call('imports.preview', { entity: 'talents', file }, alice.token);
    expect(preview).toMatchObject({ rows: 5, valid: 2, errorCount: 3, ignored: [] });
    expect(preview.errors).toEqual([
      expect.objectContaining({ row: 2, field: 'stageName', message: 'Required' }),
      expect.objectContaining({ row: 3, field: 'talentType' }),
      expect.objectContaining({
        row: 4,
        field: 'manager',
        message: 'No user with the id or username “nobody”',
      }),
    ]);
    expect(t.count('talent_profiles')).toBe(before);

    const refused = await t.raw('imports.commit', { entity: 'talents', file }, alice.token);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Nothing was imported: 3 of 5 rows have errors.' },
    });
    if (!refused.ok) expect(refused.error.fields).toHaveProperty(['row 3: talentType']);
    expect(t.count('talent_profiles')).toBe(before);
  });

  it('imports every row in one transaction, audited, and an export imports back', async () => {
    const ar = await a.user('ada', 'AandR');
    const csv =
      '\uFEFFartistName,genre,priorityScore,owner\r\n夜行者乐队,indie,80,ada\r\n"Comma, Band",rock,,\r\n';
    const file = await stage(ar.id, csv);
    const preview = await t.call('imports.preview', { entity: 'artists', file }, ar.token);
    expect(preview).toMatchObject({ rows: 2, valid: 2, errorCount: 0 });
    const result = await t.call('imports.commit', { entity: 'artists', file }, ar.token);
    expect(result).toEqual({ entity: 'artists', imported: 2, updated: 0 });
    const listed = await t.call('artists.list', {}, ar.token);
    expect(listed.items.map((item) => item.artistName).sort()).toEqual([
      'Comma, Band',
      '夜行者乐队',
    ]);
    const audit = await t.call('audit.list', { actor: ar.id }, a.owner);
    expect(audit.items.map((item) => item.action)).toEqual(
      expect.arrayContaining(['imports.commit', 'artists.create', 'artists.create']),
    );
    // The token is spent by the import.
    expect(await t.raw('imports.commit', { entity: 'artists', file }, ar.token)).toMatchObject({
      ok: false,
    });

    // What was exported imports back as the same artists: updates, not new rows.
    const exported = await t.call('exports.csv', { entity: 'artists' }, ar.token);
    const again = await stage(ar.id, read(ar.token, exported.media));
    const back = await t.call('imports.preview', { entity: 'artists', file: again }, ar.token);
    expect(back).toMatchObject({ rows: 2, valid: 2, errorCount: 0, updates: 2, creates: 0 });
    expect(back.ignored).toEqual(expect.arrayContaining(['createdAt', 'updatedAt']));
    expect(back.ignored).not.toContain('id');
    expect(
      back.sample.map((row) => (row.patch as { artistName: string }).artistName).sort(),
    ).toEqual(['Comma, Band', '夜行者乐队']);
  });

  it('imports growth logs by artist name or id, stamped as the importer’s', async () => {
    const ar = await a.user('ada', 'AandR');
    const artist = await t.call(
      'artists.create',
      { artistName: 'Paper Tides', genre: 'indie' },
      ar.token,
    );
    const csv = `artist,platform,followerCount,engagementRate,captureDate\nPaper Tides,tiktok,1200,4.5,2026-03-01\n${artist.id},tiktok,1500,,2026-03-08\n`;
    const result = await t.call(
      'imports.commit',
      { entity: 'growthLogs', file: await stage(ar.id, csv) },
      ar.token,
    );
    expect(result.imported).toBe(2);
    const logs = await t.call('growthLogs.list', { artist: artist.id }, ar.token);
    expect(logs.items.map((log) => [log.followerCount, log.capturedBy])).toEqual([
      [1200, ar.id],
      [1500, ar.id],
    ]);
  });

  it('refuses a file that is not UTF-8, and a role that may not create the entity', async () => {
    const ar = await a.user('ada', 'AandR');
    const latin1 = Buffer.from('artistName,genre\nCaf\xe9,pop\n', 'latin1');
    const notUtf8 = await t.raw(
      'imports.preview',
      { entity: 'artists', file: await stage(ar.id, latin1) },
      ar.token,
    );
    expect(notUtf8).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: { file: 'Not UTF-8' },
        fieldCodes: { file: { code: 'custom', rule: 'not_utf8' } },
      },
    });
    // Refusals of the whole file carry their codes, for the renderer to word in any language.
    const empty = await t.raw(
      'imports.commit',
      { entity: 'artists', file: await stage(ar.id, 'artistName,genre\n') },
      ar.token,
    );
    expect(empty).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fieldCodes: { file: { code: 'custom', rule: 'no_rows' } } },
    });
    const notCsv = await t.raw(
      'imports.preview',
      { entity: 'artists', file: await stage(ar.id, 'artistName,genre\n"Caf,pop\n') },
      ar.token,
    );
    expect(notCsv).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fieldCodes: { file: { code: 'custom', rule: 'not_csv' } } },
    });
    const forbidden = await t.raw(
      'imports.preview',
      { entity: 'talents', file: await stage(ar.id, 'stageName\nX\n') },
      ar.token,
    );
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
