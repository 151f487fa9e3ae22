import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, PRAGMAS, type OpenedDatabase } from '../../src/main/db/open';
import { AppError } from '../../src/shared/errors';
import { MIGRATIONS_DIR, tempDir } from '../support/testCore';

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
