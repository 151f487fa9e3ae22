import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
