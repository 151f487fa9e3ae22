/**
 * CSV throughput at 100,000 rows: imports.preview and imports.commit of artists, then
 * exports.csv of them, through the router, against raw better-sqlite3 baselines in the same
 * run (one INSERT per row in one transaction; one SELECT written out with the same CSV writer).
 *
 * Then a large talents file checked by imports.preview (BENCH_PREVIEW_ROWS, default 100,000;
 * 1,000,000 is the 36 MB file of the original report) while auth.me is called every 20 ms: its
 * p95 (timed from when each call was due, so a held event loop counts) against auth.me p95 on
 * the idle core in the same run.
 */
import { rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { toCsv } from '../../src/main/services/workspace/files/csv';
import { createTestCore, tempDir, withOwner, type TestCore } from '../support/testCore';
import { ms, summarize } from './stats';

const ROWS = Number(process.env.BENCH_INTERCHANGE_ROWS ?? 100_000);
const PREVIEW_ROWS = Number(process.env.BENCH_PREVIEW_ROWS ?? 100_000);
const PROBE_EVERY_MS = 20;
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

/**
 * auth.me latencies: one call PROBE_EVERY_MS after the last answered, each timed from when it
 * was due until it answered, so time the event loop was held counts.
 */
async function probeAuthMe(t: TestCore, token: string, until: Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  let running = true;
  void until.finally(() => (running = false));
  while (running) {
    const due = performance.now() + PROBE_EVERY_MS;
    await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
    if (!running) break;
    const reply = await t.core.dispatch('auth.me', {}, token);
    if (!reply.envelope.ok) throw new Error(JSON.stringify(reply.envelope.error));
    samples.push(performance.now() - due);
  }
  return samples;
}

export async function benchImportPreview(): Promise<boolean> {
  const dir = tempDir('greenroom-bench-preview-');
  const t = createTestCore(dir);
  try {
    const a = await withOwner(t);
    const mia = await a.user('mia', 'manager');
    const csv = toCsv(
      ['stageName', 'fullName', 'talentType', 'availabilityStatus', 'manager', 'notes'],
      Array.from({ length: PREVIEW_ROWS }, (_, i) => [
        `Stage ${i}`,
        i % 7 === 0 ? `林小雨 ${i}` : `Full Name ${i}`,
        'actor',
        'available',
        'mia',
        `note ${i}`,
      ]),
    );
    const file = await t.core.staging.fromStream(
      mia.id,
      'talents.csv',
      Readable.from([Buffer.from(csv)]),
    );

    // Baseline: auth.me on the idle core, probed the same way.
    const idle = summarize(
      await probeAuthMe(t, mia.token, new Promise((r) => setTimeout(r, 5_000))),
    );

    const startedAt = performance.now();
    const preview = t.call('imports.preview', { entity: 'talents', file }, mia.token);
    const busy = summarize(await probeAuthMe(t, mia.token, preview));
    const result = await preview;
    const previewMs = performance.now() - startedAt;
    if (result.valid !== PREVIEW_ROWS) throw new Error('bench talents CSV has errors');

    const mb = (Buffer.byteLength(csv) / 1024 / 1024).toFixed(1);
    console.log(
      `\nimports.preview — ${PREVIEW_ROWS.toLocaleString('en')} talents (${mb} MB), auth.me every ${PROBE_EVERY_MS} ms`,
    );
    console.log(
      `  imports.preview               ${seconds(previewMs)}  (${Math.round(PREVIEW_ROWS / (previewMs / 1000)).toLocaleString('en')} rows/s)`,
    );
    console.log(`  auth.me, idle core            p50 ${ms(idle.p50)}  p95 ${ms(idle.p95)}`);
    console.log(
      `  auth.me during the preview    p50 ${ms(busy.p50)}  p95 ${ms(busy.p95)}  (target < 50 ms)`,
    );
    console.log(`  ratio (during / idle, p95)    ${(busy.p95 / idle.p95).toFixed(1)}`);
    return busy.p95 < 50;
  } finally {
    t.core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
