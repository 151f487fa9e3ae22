/**
 * Backups, restore, the on-demand database check and the workspace export, on real files:
 * a restore is checked before it replaces anything, replaces everything when it does, and can
 * itself be undone from the copy it takes first.
 */
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import yauzl from 'yauzl';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupsDir } from '../../src/main/db/backups';
import { pdfBytes } from '../support/files';
import {
  createTestCore,
  tempDir,
  withOwner,
  type Actors,
  type TestCore,
} from '../support/testCore';

let t: TestCore;
let a: Actors;
let now: Date;

beforeEach(async () => {
  now = new Date('2026-11-24T09:00:00.000Z');
  t = createTestCore(tempDir(), { clock: () => now });
  a = await withOwner(t);
});
afterEach(() => t.close());

const artistNames = (db: Database.Database) =>
  (db.prepare('SELECT artist_name AS n FROM artists ORDER BY n').all() as { n: string }[]).map(
    (r) => r.n,
  );

function openBackup(name: string): Database.Database {
  return new Database(join(backupsDir(t.dir), name), { readonly: true, fileMustExist: true });
}

async function addArtist(name: string, token = a.owner) {
  return t.call('artists.create', { artistName: name, genre: 'pop' }, token);
}

function zipEntries(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('maintenance.check', () => {
  it('reports a clean database, and names a row whose parent is missing', async () => {
    const clean = await t.call('maintenance.check', {}, a.owner);
    expect(clean).toMatchObject({ ok: true, integrity: ['ok'], foreignKeys: [] });
    expect(clean.checkedAt).toBe(now.toISOString());

    // Damage only a tool outside Greenroom could do: foreign keys off, a dangling reference.
    t.core.sqlite.pragma('foreign_keys = OFF');
    t.core.sqlite
      .prepare(
        "INSERT INTO sessions (token_hash, user, created_at, last_seen_at) VALUES ('x', 'nobody', 'a', 'a')",
      )
      .run();
    t.core.sqlite.pragma('foreign_keys = ON');
    const damaged = await t.call('maintenance.check', {}, a.owner);
    expect(damaged.ok).toBe(false);
    expect(damaged.foreignKeys).toEqual([
      expect.objectContaining({ table: 'sessions', parent: 'users' }),
    ]);
  });
});

describe('backups', () => {
  it('Backup now writes one self-contained, checked copy and audits it', async () => {
    await addArtist('Before Backup');
    const taken = await t.call('maintenance.backupNow', {}, a.owner);
    expect(taken).toMatchObject({ kind: 'manual', createdAt: now.toISOString() });
    expect(taken.name).toBe('greenroom-manual-20261124T090000000Z.sqlite');
    expect(readdirSync(backupsDir(t.dir))).toEqual([taken.name]);

    const copy = openBackup(taken.name);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(artistNames(copy)).toEqual(['Before Backup']);
    copy.close();

    expect((await t.call('maintenance.backups', {}, a.owner)).items).toEqual([taken]);
    const audit = await t.call('audit.list', { entity: 'settings' }, a.owner);
    expect(audit.items[0]).toMatchObject({ action: 'maintenance.backup' });
  });

  it('a backup taken while writes go on is consistent and passes integrity_check', async () => {
    // Enough pages that the online backup takes many steps, with writes between them.
    const insert = t.core.sqlite.prepare(
      "INSERT INTO audit_log (id, at, action, entity, changes) VALUES (?, 'x', 'bulk', 'test', ?)",
    );
    t.core.sqlite.transaction(() => {
      for (let i = 0; i < 5_000; i += 1) insert.run(`bulk-${i}`, 'x'.repeat(200));
    })();
    const before = artistNames(t.core.sqlite).length;
    const backup = t.call('maintenance.backupNow', {}, a.owner);
    let written = 0;
    let done = false;
    void backup.finally(() => {
      done = true;
    });
    while (!done) {
      await addArtist(`During ${written}`);
      written += 1;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const taken = await backup;
    expect(written).toBeGreaterThan(1);
    const copy = openBackup(taken.name);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('foreign_key_check')).toEqual([]);
    // Each artist's create is one transaction with its audit row: whole or absent in the copy.
    const inCopy = artistNames(copy).length;
    expect(inCopy).toBeGreaterThanOrEqual(before);
    expect(inCopy).toBeLessThanOrEqual(before + written);
    const audited = copy
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'artists.create'")
      .get() as { n: number };
    expect(audited.n).toBe(inCopy);
    copy.close();
  });

  it('takes the scheduled copy once a day and keeps the newest seven', async () => {
    const first = await t.core.maintenance.runScheduled();
    expect(first?.kind).toBe('scheduled');
    expect(await t.core.maintenance.runScheduled()).toBeNull();
    for (let day = 1; day <= 9; day += 1) {
      now = new Date(now.getTime() + 25 * 3_600_000);
      await t.core.maintenance.runScheduled();
    }
    const items = (await t.call('maintenance.backups', {}, await a.token('owner'))).items;
    expect(items).toHaveLength(7);
    expect(items.every((item) => item.kind === 'scheduled')).toBe(true);
    expect(items[0]!.createdAt).toBe(now.toISOString());
  });

  it('a second operation while one runs is refused, and every call waits out a pause', async () => {
    const first = t.call('maintenance.backupNow', {}, a.owner);
    const second = await t.raw('maintenance.backupNow', {}, a.owner);
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await first;

    const resume = t.core.store.pause('Restoring, try again');
    const refused = await t.raw('artists.list', {}, a.owner);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Restoring, try again' },
    });
    expect(() => t.core.store.write(null, () => 1)).toThrow('Restoring, try again');
    resume();
    expect((await t.raw('artists.list', {}, a.owner)).ok).toBe(true);
  });
});

describe('maintenance.restore', () => {
  it('puts every table back as it was, signs everyone out, and keeps a copy of what it replaced', async () => {
    await addArtist('Kept');
    const taken = await t.call('maintenance.backupNow', {}, a.owner);
    now = new Date(now.getTime() + 60_000);
    await addArtist('Made After');
    const settings = await t.call('settings.get', {}, a.owner);
    await t.call(
      'settings.update',
      { version: settings.version, patch: { demoDecisionDays: 30 } },
      a.owner,
    );

    const result = await t.call('maintenance.restore', { name: taken.name }, a.owner);
    expect(result).toEqual({
      restoredFrom: taken.name,
      safetyCopy: 'greenroom-pre-restore-20261124T090100000Z.sqlite',
      upgradedBy: 0,
    });
    expect(artistNames(t.core.sqlite)).toEqual(['Kept']);
    expect(t.core.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(t.core.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    // The old token is gone with every other session; signing in again works.
    expect(await t.raw('artists.list', {}, a.owner)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    const token = await a.token('owner');
    expect((await t.call('settings.get', {}, token)).demoDecisionDays).toBe(14);
    const audit = await t.call('audit.list', { entity: 'settings' }, token);
    expect(audit.items[0]).toMatchObject({
      action: 'maintenance.restore',
      changes: { restoredFrom: taken.name, safetyCopy: result.safetyCopy, by: 'owner' },
    });

    // The safety copy holds what the restore replaced: the restore can be undone.
    const safety = openBackup(result.safetyCopy);
    expect(artistNames(safety)).toEqual(['Kept', 'Made After']);
    safety.close();
    await t.call('maintenance.restore', { name: result.safetyCopy }, token);
    expect(artistNames(t.core.sqlite)).toEqual(['Kept', 'Made After']);
  });

  it('upgrades a copy made by an older version after restoring it', async () => {
    // Contract documents as an older version kept them: only their audit rows say who made them.
    const artist = await addArtist('Before Upgrade');
    const contract = () =>
      t.call('contracts.create', { artist: artist.id, contractType: 'recording' }, a.owner);
    const generated = await contract();
    await t.call('contracts.exportDocument', { id: generated.id }, a.owner);
    const signed = await contract();
    const file = await t.core.staging.fromStream(
      a.ownerId,
      'signed.pdf',
      Readable.from([pdfBytes()]),
    );
    await t.call('contracts.attachDocument', { id: signed.id, file }, a.owner);
    const bare = await contract();
    const taken = await t.call('maintenance.backupNow', {}, a.owner);
    // Turn the copy into one written before the latest two migrations (0018: who made each
    // contract's document; 0019: the artists and contracts views' order indexes). A new migration
    // updates these statements.
    const old = new Database(join(backupsDir(t.dir), taken.name));
    old.exec(
      'DROP INDEX artists_by_priority; DROP INDEX contracts_by_updated_at_id;' +
        'DROP INDEX contracts_by_status_expiry_date_id;' +
        'CREATE INDEX artists_by_priority_score_id ON artists (priority_score, id);' +
        'ALTER TABLE contracts DROP COLUMN document_source;' +
        'DELETE FROM __drizzle_migrations WHERE created_at IN (SELECT created_at FROM __drizzle_migrations ORDER BY created_at DESC LIMIT 2);',
    );
    old.close();
    const result = await t.call('maintenance.restore', { name: taken.name }, a.owner);
    expect(result.upgradedBy).toBe(2);
    const indexes = (
      t.core.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    expect(indexes).toEqual(
      expect.arrayContaining(['artists_by_priority', 'contracts_by_updated_at_id']),
    );
    const columns = t.core.sqlite.prepare('PRAGMA table_info(contracts)').all() as {
      name: string;
    }[];
    expect(columns.map((c) => c.name)).toContain('document_source');
    const token = await a.token('owner');
    // The upgrade read each document's maker back from the audit: the export is not a signed copy.
    const sources = await Promise.all(
      [generated, signed, bare].map(
        async (c) => (await t.call('contracts.get', { id: c.id }, token)).documentSource,
      ),
    );
    expect(sources).toEqual(['generated', 'signed', null]);
    const after = await addArtist('After Upgrade', token);
    expect(after.artistName).toBe('After Upgrade');
  });

  it('refuses a damaged copy, a copy from a newer version and a name that is a path, changing nothing', async () => {
    await addArtist('Stays');
    const taken = await t.call('maintenance.backupNow', {}, a.owner);
    const dir = backupsDir(t.dir);

    const damagedName = 'greenroom-manual-20261124T100000000Z.sqlite';
    copyFileSync(join(dir, taken.name), join(dir, damagedName));
    const damaged = new Database(join(dir, damagedName));
    const pageSize = damaged.pragma('page_size', { simple: true }) as number;
    damaged.close();
    const bytes = Buffer.alloc(pageSize * 2, 0xab);
    writeFileSync(join(dir, damagedName), bytes, { flag: 'r+' });

    const newerName = 'greenroom-manual-20261124T110000000Z.sqlite';
    copyFileSync(join(dir, taken.name), join(dir, newerName));
    const newer = new Database(join(dir, newerName));
    newer
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('from-the-future', Date.now());
    newer.close();

    const before = readdirSync(dir).sort();
    const refusals = [
      [damagedName, /cannot be restored/],
      [newerName, /newer version of Greenroom/],
      ['../greenroom.sqlite', /Please check the highlighted field/],
      ['greenroom-manual-20990101T000000000Z.sqlite', /no backup named/],
    ] as const;
    for (const [name, message] of refusals) {
      const reply = await t.raw('maintenance.restore', { name }, a.owner);
      expect(reply.ok, name).toBe(false);
      if (!reply.ok) expect(reply.error.message).toMatch(message);
    }
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(artistNames(t.core.sqlite)).toEqual(['Stays']);
    expect((await t.raw('artists.list', {}, a.owner)).ok).toBe(true);
  });
});

describe('maintenance.exportWorkspace', () => {
  it('zips the database and every stored file, never an earlier workspace export', async () => {
    await addArtist('In The Export');
    const ics = await t.call(
      'schedule.exportIcs',
      { from: '2026-11-23T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' },
      a.owner,
    );
    const first = await t.call('maintenance.exportWorkspace', {}, a.owner);
    expect(first).toMatchObject({
      fileName: 'greenroom-workspace-2026-11-24.zip',
      contentType: 'application/zip',
    });
    const session = t.core.auth.resolve(a.owner);
    const icsFile = t.core.mediaAccess.open(session, ics.media);
    const firstFile = t.core.mediaAccess.open(session, first.media);
    const names = await zipEntries(firstFile.path);
    const icsEntry = names.find((name) => name.startsWith('media/'));
    expect(names.slice(0, 2)).toEqual(['manifest.json', 'greenroom.sqlite']);
    expect(names).toHaveLength(3);
    expect(icsEntry && icsFile.path.endsWith(icsEntry.split('/').pop()!)).toBe(true);

    now = new Date(now.getTime() + 86_400_000);
    const token = await a.token('owner');
    const second = await t.call('maintenance.exportWorkspace', {}, token);
    const secondNames = await zipEntries(
      t.core.mediaAccess.open(t.core.auth.resolve(token), second.media).path,
    );
    expect(secondNames).toHaveLength(3);
    expect(existsSync(join(t.dir, 'staging'))).toBe(true);
    expect(readdirSync(join(t.dir, 'staging')).filter((n) => n.startsWith('workspace-'))).toEqual(
      [],
    );
  });
});
