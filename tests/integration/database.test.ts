import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, PRAGMAS, type OpenedDatabase } from '../../src/main/db/open';
import { AppError } from '../../src/shared/errors';
import { seedWorkspace } from '../../src/main/seed/seed';
import { createTestCore, MIGRATIONS_DIR, tempDir, TEST_SCRYPT } from '../support/testCore';

let opened: OpenedDatabase | null = null;
afterEach(() => {
  opened?.close();
  opened = null;
});

/** A copy of the migrations that stops after the first `count` entries: an older release. */
function olderMigrations(count: number): string {
  const dir = join(tempDir(), 'migrations');
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalFile = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

describe('openDatabase', () => {
  it('sets every pragma explicitly and they read back', () => {
    opened = openDatabase(join(tempDir(), 'a.sqlite'), MIGRATIONS_DIR);
    const read = (name: string) => opened!.sqlite.pragma(name, { simple: true });
    expect(read('journal_mode')).toBe(PRAGMAS.journal_mode);
    expect(read('synchronous')).toBe(PRAGMAS.synchronous);
    expect(read('foreign_keys')).toBe(1);
    expect(read('busy_timeout')).toBe(5000);
    expect(read('trusted_schema')).toBe(0);
  });

  it('gives the query planner statistics: after a seed, and on opening a workspace without them', async () => {
    const t = createTestCore();
    await seedWorkspace(t.core, {
      password: 'seed-password-1',
      scrypt: TEST_SCRYPT,
      counts: { talents: 40, auditions: 200, bookings: 100, scheduleEntries: 200 },
    });
    const statsFor = (sqlite: Database.Database) =>
      new Set(
        (sqlite.prepare('SELECT tbl FROM sqlite_stat1').all() as { tbl: string }[]).map(
          (r) => r.tbl,
        ),
      );
    for (const table of ['talent_profiles', 'auditions', 'bookings', 'schedule_entries'])
      expect(statsFor(t.core.sqlite)).toContain(table);
    // A workspace written by an older release, which never analysed its tables.
    t.core.sqlite.exec('DELETE FROM sqlite_stat1');
    const file = join(t.dir, 'greenroom.sqlite');
    t.core.close();
    opened = openDatabase(file, MIGRATIONS_DIR);
    for (const table of ['talent_profiles', 'auditions', 'bookings', 'schedule_entries'])
      expect(statsFor(opened.sqlite)).toContain(table);
  });

  it('creates every table of the data model on an empty file', () => {
    opened = openDatabase(join(tempDir(), 'a.sqlite'), MIGRATIONS_DIR);
    const tables = (
      opened.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    for (const table of [
      'users',
      'sessions',
      'media',
      'talent_profiles',
      'auditions',
      'bookings',
      'schedule_entries',
      'availability_blocks',
      'artists',
      'demos',
      'contracts',
      'social_growth_logs',
      'review_notes',
      'audit_log',
    ]) {
      expect(tables).toContain(table);
    }
    expect(opened.sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('copies an existing database before applying new migrations, and keeps its rows', () => {
    const file = join(tempDir(), 'old.sqlite');
    const first = openDatabase(file, olderMigrations(1));
    expect(first.backupFile).toBeNull();
    first.sqlite
      .prepare(
        "INSERT INTO audit_log (id, at, action, entity) VALUES ('a1', '2026-01-01T00:00:00.000Z', 'test', 'users')",
      )
      .run();
    first.close();

    opened = openDatabase(file, MIGRATIONS_DIR);
    expect(opened.backupFile).not.toBeNull();
    expect(existsSync(opened.backupFile!)).toBe(true);
    const backup = new Database(opened.backupFile!, { readonly: true });
    expect(backup.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
    backup.close();
    expect(opened.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
  });

  it('upgrades a database written by the first migration, with data, to the latest with nothing lost', () => {
    const file = join(tempDir(), 'first.sqlite');
    const first = openDatabase(file, olderMigrations(1));
    const at = '2026-01-02T03:04:05.000Z';
    const insert = (sql: string, ...values: unknown[]) => first.sqlite.prepare(sql).run(...values);
    insert(
      `INSERT INTO users (id, created_at, updated_at, username, username_key, email, email_key, full_name, role, password_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      'u1',
      at,
      at,
      'Moira',
      'moira',
      'moira@example.com',
      'moira@example.com',
      '莫伊拉 Moira',
      'manager',
      'scrypt$x',
    );
    insert(
      `INSERT INTO talent_profiles (id, created_at, updated_at, stage_name, full_name, talent_type, availability_status, manager, notes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      't1',
      at,
      at,
      '林思远',
      'Lin Siyuan',
      'actor',
      'available',
      'u1',
      'Prefers mornings; "quoted" & 100%',
    );
    insert(
      `INSERT INTO artists (id, created_at, updated_at, artist_name, genre, status, priority_score, owner)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      'a1',
      at,
      at,
      'Paper Tides',
      'indie',
      'active',
      80,
      'u1',
    );
    insert(
      "INSERT INTO audit_log (id, at, actor, action, entity, entity_id) VALUES ('l1', ?, 'u1', 'talents.create', 'talents', 't1')",
      at,
    );
    const before = (table: string) =>
      first.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
    const old = {
      users: before('users'),
      talent_profiles: before('talent_profiles'),
      artists: before('artists'),
      audit_log: before('audit_log'),
    };
    first.close();

    opened = openDatabase(file, MIGRATIONS_DIR);
    for (const [table, rows] of Object.entries(old)) {
      const now = opened.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Record<
        string,
        unknown
      >[];
      expect(now, table).toHaveLength(rows.length);
      // Every old column keeps its value; new columns may be added beside them.
      rows.forEach((row, i) => expect(now[i], table).toMatchObject(row as Record<string, unknown>));
    }
    expect(opened.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(opened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const journal = JSON.parse(
      readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8'),
    ) as { entries: unknown[] };
    expect(opened.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({
      n: journal.entries.length,
    });
  });

  it('leaves the file as it was, with the copy taken before, when a migration fails', () => {
    const file = join(tempDir(), 'failing.sqlite');
    const first = openDatabase(file, olderMigrations(1));
    first.sqlite
      .prepare(
        "INSERT INTO audit_log (id, at, action, entity) VALUES ('a1', '2026-01-01T00:00:00.000Z', 'test', 'users')",
      )
      .run();
    const tablesBefore = first.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all();
    first.close();

    // A release whose last migration breaks after the earlier ones succeed.
    const dir = olderMigrations(99);
    const journalFile = join(dir, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as {
      entries: { idx: number; when: number; tag: string }[];
    };
    const last = journal.entries.at(-1)!;
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag: '9999_broken' });
    writeFileSync(journalFile, JSON.stringify(journal));
    writeFileSync(join(dir, '9999_broken.sql'), 'CREATE TABLE `users` (`id` text);');

    let failure: unknown;
    try {
      openDatabase(file, dir);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(AppError);
    const message = (failure as AppError).message;
    expect(message).toMatch(
      /Upgrading the workspace database .* failed \(.*users.*\)\. The upgrade was rolled back/,
    );
    const backup = /a copy taken just before is at (\S+\.sqlite)\./.exec(message)?.[1];
    expect(backup && existsSync(backup)).toBe(true);
    const after = new Database(file, { readonly: true });
    expect(
      after.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all(),
    ).toEqual(tablesBefore);
    expect(after.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
    after.close();
  });

  it('does not copy again when nothing is pending', () => {
    const file = join(tempDir(), 'b.sqlite');
    openDatabase(file, MIGRATIONS_DIR).close();
    opened = openDatabase(file, MIGRATIONS_DIR);
    expect(opened.backupFile).toBeNull();
  });

  it('refuses a damaged file with a clear message and leaves it alone', () => {
    const dir = tempDir();
    const file = join(dir, 'damaged.sqlite');
    openDatabase(file, MIGRATIONS_DIR).close();
    const bytes = readFileSync(file);
    // Overwrite the header: the file is no longer a database.
    bytes.fill(0x42, 0, 100);
    writeFileSync(file, bytes);
    const before = readFileSync(file);
    expect(() => openDatabase(file, MIGRATIONS_DIR)).toThrowError(/damaged/);
    try {
      openDatabase(file, MIGRATIONS_DIR);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toContain(file);
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('keeps the audit trail append-only', () => {
    opened = openDatabase(join(tempDir(), 'c.sqlite'), MIGRATIONS_DIR);
    opened.sqlite
      .prepare(
        "INSERT INTO audit_log (id, at, action, entity) VALUES ('a1', '2026-01-01T00:00:00.000Z', 'x', 'users')",
      )
      .run();
    expect(() => opened!.sqlite.prepare("UPDATE audit_log SET action = 'y'").run()).toThrow(
      /append-only/,
    );
    expect(() => opened!.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('keeps a copy taken of a healthy file usable', () => {
    const dir = tempDir();
    const file = join(dir, 'd.sqlite');
    openDatabase(file, MIGRATIONS_DIR).close();
    mkdirSync(join(dir, 'copy'));
    copyFileSync(file, join(dir, 'copy', 'd.sqlite'));
    opened = openDatabase(join(dir, 'copy', 'd.sqlite'), MIGRATIONS_DIR);
    expect(opened.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
  });
});
