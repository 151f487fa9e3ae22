import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demos, mediaAnalysis } from '../../src/main/db/schema';
import { createAnalyzer } from '../../src/main/services/label/demos/audio/analyzer';
import { createDemoAnalysis } from '../../src/main/services/label/demos/demoAnalysis';
import { newId } from '../../src/main/services/kernel/store';
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
let artist: string;

beforeEach(async () => {
  t = createTestCore();
  a = await withOwner(t);
  artist = (await t.call('artists.create', { artistName: 'Paper Tides', genre: 'pop' }, a.owner))
    .id;
});
afterEach(() => t.close());

const importWav = async (bytes: Buffer, core: TestCore = t) =>
  core.call(
    'demos.import',
    {
      artist,
      title: 'Tone',
      submissionSource: 'email',
      file: await core.core.staging.fromStream(a.ownerId, 'tone.wav', Readable.from([bytes])),
    },
    a.owner,
  );

describe('demo analysis', () => {
  it('measures peaks, duration and loudness once after import, off the main thread, audited', async () => {
    // A 997 Hz tone at -20 dBFS: -23 LUFS by definition.
    const demo = await importWav(
      wavBytes(3, { sampleRate: 16_000, frequency: 997, amplitude: 0.1 }),
    );
    await t.core.analysis.idle();
    const peaks = await t.call('demos.peaks', { id: demo.id }, a.owner);
    expect(peaks.status).toBe('ready');
    expect(peaks.duration).toBe(3);
    expect(peaks.peaks).toHaveLength(2000);
    expect(Math.max(...peaks.peaks!)).toBeCloseTo(0.1, 2);
    expect(peaks.loudnessLufs).toBeCloseTo(-23, 0);
    const measured = await t.call('demos.get', { id: demo.id }, a.owner);
    expect(measured.loudnessLufs).toBeCloseTo(-23, 0);
    const history = await t.call('audit.list', { entity: 'demos', entityId: demo.id }, a.owner);
    expect(history.items.map((e) => e.action)).toContain('demos.analyze');
    // The same bytes imported again share the stored file and its measurement.
    const again = await importWav(
      wavBytes(3, { sampleRate: 16_000, frequency: 997, amplitude: 0.1 }),
    );
    await t.core.analysis.idle();
    expect(t.count('media_analysis')).toBe(1);
    expect((await t.call('demos.peaks', { id: again.id }, a.owner)).status).toBe('ready');
  });

  it('measures at start-up what was stored while the app was closed', async () => {
    const demo = await importWav(wavBytes(1));
    // Closing at once: the worker's answer arrives after the store has closed and is dropped.
    t.core.analysis.stop();
    await t.core.analysis.idle();
    t.core.close();
    const reopened = createTestCore(t.dir);
    try {
      const { token } = await reopened.call('auth.login', {
        username: 'owner',
        password: PASSWORD,
      });
      await reopened.core.analysis.idle();
      const peaks = await reopened.call('demos.peaks', { id: demo.id }, token);
      expect(peaks.status).toBe('ready');
      expect(peaks.duration).toBe(1);
    } finally {
      reopened.core.close();
    }
  });
});

const hasSox = (() => {
  try {
    execFileSync('sox', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

/**
 * Stores audio the way a workspace from before the import checks did: bytes, media row and demo,
 * not yet measured.
 */
async function storeUnchecked(core: TestCore, bytes: Buffer, fileName: string): Promise<string> {
  const path = join(core.dir, fileName);
  writeFileSync(path, bytes);
  const ingested = await core.core.media.ingest(path);
  return core.core.store.write(a.ownerId, (w) => {
    const stored = core.core.media.record(w.tx, ingested, {
      fileName,
      contentType: 'audio/flac',
      createdBy: a.ownerId,
      now: w.now,
    });
    const id = newId();
    w.tx
      .insert(demos)
      .values({
        id,
        createdAt: w.now,
        updatedAt: w.now,
        version: 1,
        artist,
        title: fileName,
        audioUrl: `media:${stored.id}`,
        submissionSource: 'email',
        reviewStatus: 'submitted',
        submittedBy: a.ownerId,
        receivedAt: w.now,
        durationSeconds: 3,
        sampleRate: 44_100,
        loudnessLufs: null,
      })
      .run();
    return id;
  });
}

describe('audio that cannot be measured', () => {
  it.skipIf(!hasSox)(
    'ends as could-not-be-measured with the reason, never blocks the queue, and is not retried at the next start',
    async () => {
      const flac = join(t.dir, 'tone.flac');
      execFileSync('sox', ['-n', '-r', '44100', '-c', '2', flac, 'synth', '3', 'sine', '440']);
      // Stored while the app was closed: the start-up queue takes the cut file first.
      t.core.analysis.stop();
      const cut = await storeUnchecked(t, readFileSync(flac).subarray(0, 300), 'cut.flac');
      const good = await importWav(wavBytes(1));
      await t.core.analysis.idle();
      t.core.close();

      const reopened = createTestCore(t.dir);
      let analyzedAt: string | undefined;
      let audited = 0;
      try {
        await reopened.core.analysis.idle();
        const { token } = await reopened.call('auth.login', {
          username: 'owner',
          password: PASSWORD,
        });
        const failed = await reopened.call('demos.get', { id: cut }, token);
        expect(failed.analysis).toEqual({
          status: 'failed',
          failure: { reason: 'no_audio', detail: expect.stringMatching(/decodes to sound/) },
        });
        const listed = await reopened.call('demos.list', {}, token);
        expect(listed.items.find((d) => d.id === cut)?.analysis.status).toBe('failed');
        const peaks = await reopened.call('demos.peaks', { id: cut }, token);
        expect(peaks).toMatchObject({ status: 'failed', failure: { reason: 'no_audio' } });
        expect((await reopened.call('demos.get', { id: good.id }, token)).analysis).toEqual({
          status: 'ready',
          failure: null,
        });
        const history = await reopened.call(
          'audit.list',
          { entity: 'demos', entityId: cut },
          token,
        );
        expect(history.items.find((e) => e.action === 'demos.analyze')?.changes).toEqual({
          analysisFailed: 'no_audio',
        });
        analyzedAt = reopened.core.db
          .select({ at: mediaAnalysis.analyzedAt })
          .from(mediaAnalysis)
          .where(eq(mediaAnalysis.media, failed.audioUrl.slice('media:'.length)))
          .get()?.at;
        expect(analyzedAt).toBeDefined();
        audited = reopened.count('audit_log');
      } finally {
        reopened.core.close();
      }

      // The next start leaves it as it was: measured once, failed once.
      const again = createTestCore(t.dir);
      try {
        await again.core.analysis.idle();
        const rows = again.core.db.select().from(mediaAnalysis).all();
        expect(rows).toHaveLength(2);
        expect(rows.map((row) => row.analyzedAt)).toContain(analyzedAt);
        expect(again.count('audit_log')).toBe(audited);
      } finally {
        again.core.close();
      }
    },
  );

  it('stops a file that runs over its time budget, says so, and measures the next on a fresh worker', async () => {
    t.core.analysis.stop();
    const long = await importWav(wavBytes(20, { sampleRate: 48_000 }));
    const short = await importWav(wavBytes(1));
    const analyzer = createAnalyzer();
    // Twenty seconds of audio get a millisecond; one second gets a minute.
    const analysis = createDemoAnalysis(t.core.store, t.core.media, analyzer, {
      budgetMs: (seconds) => ((seconds ?? 0) > 10 ? 1 : 60_000),
    });
    try {
      analysis.enqueue(long.audioUrl.slice('media:'.length));
      analysis.enqueue(short.audioUrl.slice('media:'.length));
      await analysis.idle();
      expect((await t.call('demos.get', { id: long.id }, a.owner)).analysis).toEqual({
        status: 'failed',
        failure: { reason: 'timeout', detail: expect.stringMatching(/longer than/) },
      });
      expect((await t.call('demos.peaks', { id: short.id }, a.owner)).status).toBe('ready');
    } finally {
      analysis.stop();
      await analyzer.close();
    }
  });
});
