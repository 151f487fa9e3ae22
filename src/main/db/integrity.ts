import type Database from 'better-sqlite3';
import type { DatabaseCheck } from '../../shared/domain/maintenance';

interface ForeignKeyRow {
  table: string;
  rowid: number | null;
  parent: string;
}

/** SQLite's full integrity_check and foreign_key_check, as one report. */
export function checkDatabase(
  sqlite: Database.Database,
  now: () => Date = () => new Date(),
): DatabaseCheck {
  const started = performance.now();
  const integrity = sqlite.pragma('integrity_check') as { integrity_check: string }[];
  const foreignKeys = (sqlite.pragma('foreign_key_check') as ForeignKeyRow[]).map((row) => ({
    table: row.table,
    rowid: row.rowid,
    parent: row.parent,
  }));
  const lines = integrity.map((row) => row.integrity_check);
  return {
    ok: lines.length === 1 && lines[0] === 'ok' && foreignKeys.length === 0,
    integrity: lines,
    foreignKeys,
    checkedAt: now().toISOString(),
    durationMs: Math.round(performance.now() - started),
  };
}
