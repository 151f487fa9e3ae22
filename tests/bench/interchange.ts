/**
 * CSV throughput at 100,000 rows: imports.preview and imports.commit of artists, then
 * exports.csv of them, through the router, against raw better-sqlite3 baselines in the same
 * run (one INSERT per row in one transaction; one SELECT written out with the same CSV writer).
 */
import { rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { toCsv } from '../../src/main/services/workspace/files/csv';
import { createTestCore, tempDir, withOwner } from '../support/testCore';

const ROWS = Number(process.env.BENCH_INTERCHANGE_ROWS ?? 100_000);
const GENRES = ['indie', 'city pop', 'techno', 'folk', 'hip hop', 'jazz'];

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const perSecond = (ms: number) => `${Math.round(ROWS / (ms / 1000)).toLocaleString('en')} rows/s`;

async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

export async function benchInterchange(): Promise<void> {
  const dir = tempDir('greenroom-bench-csv-');
  const t = createTestCore(dir);
  try {
    const a = await withOwner(t);
    const ar = await a.user('ada', 'AandR');
    const rows = Array.from({ length: ROWS }, (_, i) => [
      i % 7 === 0 ? `夜行者 ${i}` : `Artist ${i}, "the" band`,
      GENRES[i % GENRES.length]!,
      i % 101,
      'ada',
    ]);
    const csv = toCsv(['artistName', 'genre', 'priorityScore', 'owner'], rows);
    const stage = () =>
      t.core.staging.fromStream(ar.id, 'artists.csv', Readable.from([Buffer.from(csv)]));

    // Baseline: the same rows inserted by hand-written SQL in one transaction.
    t.core.sqlite.exec(
      'CREATE TABLE bench_artists (id TEXT PRIMARY KEY, artist_name TEXT, genre TEXT, priority_score INTEGER, owner TEXT)',
    );
    const insert = t.core.sqlite.prepare('INSERT INTO bench_artists VALUES (?, ?, ?, ?, ?)');
    const [, rawInsert] = await timed(() =>
      t.core.sqlite.transaction(() => {
        rows.forEach((row, i) => insert.run(`b${i}`, row[0], row[1], row[2], ar.id));
      })(),
    );

    const file = await stage();
    const [preview, previewMs] = await timed(() =>
      t.call('imports.preview', { entity: 'artists', file }, ar.token),
    );
    if (preview.errorCount !== 0)
      throw new Error(`bench CSV has errors: ${JSON.stringify(preview.errors[0])}`);
    const [result, commitMs] = await timed(() =>
      t.call('imports.commit', { entity: 'artists', file }, ar.token),
    );
    if (result.imported !== ROWS) throw new Error('not every row was imported');

    const select = t.core.sqlite.prepare('SELECT * FROM bench_artists');
    const [, rawExport] = await timed(() => {
      const all = select.raw().all() as (string | number)[][];
      return toCsv(['id', 'artistName', 'genre', 'priorityScore', 'owner'], all);
    });
    const [, exportMs] = await timed(() => t.call('exports.csv', { entity: 'artists' }, ar.token));

    console.log(`\nCSV interchange — ${ROWS.toLocaleString('en')} artists`);
    console.log(`  raw INSERT, one transaction   ${seconds(rawInsert)}  (${perSecond(rawInsert)})`);
    console.log(
      `  imports.preview (router)      ${seconds(previewMs)}  (${perSecond(previewMs)}; rolled back)`,
    );
    console.log(
      `  imports.commit (router)       ${seconds(commitMs)}  (${perSecond(commitMs)}; ratio to raw ${(commitMs / rawInsert).toFixed(1)})`,
    );
    console.log(`  raw SELECT + CSV writer       ${seconds(rawExport)}  (${perSecond(rawExport)})`);
    console.log(
      `  exports.csv (router)          ${seconds(exportMs)}  (${perSecond(exportMs)}; ratio to raw ${(exportMs / rawExport).toFixed(1)})`,
    );
  } finally {
    t.core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
