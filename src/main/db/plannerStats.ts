import type Database from 'better-sqlite3';

/**
 * SQLite chooses its query plans from statistics (sqlite_stat1) that only ANALYZE writes; without
 * them the planner guesses, and a talent's page read four times the rows it needs at the seeds'
 * sizes. `PRAGMA optimize` runs ANALYZE only on tables that changed enough since their last
 * statistics, under an analysis limit, so it is cheap enough to run when the database opens
 * (0x10002: every table, as SQLite advises for long-lived connections), after a bulk write (a
 * seed, an import) and every hour.
 */
export function refreshPlannerStats(sqlite: Database.Database, on: 'open' | 'change'): void {
  // Each index is sampled, not read whole: statistics in milliseconds at any size.
  sqlite.pragma('analysis_limit = 1000');
  sqlite.pragma(on === 'open' ? 'optimize = 0x10002' : 'optimize');
}
