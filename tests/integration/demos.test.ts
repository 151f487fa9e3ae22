import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wavBytes } from '../support/files';
import { createTestCore, withOwner, type Actors, type TestCore } from '../support/testCore';

let t: TestCore;
let a: Actors;
let ar: { id: string; token: string };
let otherAr: { id: string; token: string };
let legal: { id: string; token: string };
let artist: string;

beforeEach(async () => {
  t = createTestCore();
  a = await withOwner(t);
  ar = await a.user('ada', 'AandR');
  otherAr = await a.user('omar', 'AandR');
  legal = await a.user('lee', 'legal');
  artist = (await t.call('artists.create', { artistName: 'Paper Tides', genre: 'indie' }, ar.token))
    .id;
});
afterEach(() => t.close());

const stage = (userId: string, bytes: Buffer, name: string) =>
  t.core.staging.fromStream(userId, name, Readable.from([bytes]));
const importAs = async (user: { id: string; token: string }, bytes: Buffer, name = 'take.wav') =>
  t.raw(
    'demos.import',
    {
      artist,
      title: name,
      submissionSource: 'email',
      file: await stage(user.id, bytes, name),
    },
    user.token,
  );
const snapshot = () => ({
  demos: t.count('demos'),
  media: t.count('media'),
  audit: t.count('audit_log'),
  stored: existsSync(join(t.dir, 'media')) ? readdirSync(join(t.dir, 'media')).length : 0,
});
const hasSox = (() => {
  try {
    execFileSync('sox', ['--version']);
    return true;
  } catch {
    return false;
  }
})();
/** sox writes MP3 only with libsox-fmt-mp3 (installed by .ci/run). */
const soxWritesMp3 = hasSox && / mp3 /.test(execFileSync('sox', ['-h']).toString());

/** wavBytes with one header field overwritten: the fields a hostile or broken WAV lies about. */
function wavWith(field: 'bitsPerSample' | 'channels' | 'sampleRate', value: number): Buffer {
  const bytes = Buffer.from(wavBytes(1));
  if (field === 'bitsPerSample') bytes.writeUInt16LE(value, 34);
  if (field === 'channels') bytes.writeUInt16LE(value, 22);
  if (field === 'sampleRate') bytes.writeUInt32LE(value, 24);
  return bytes;
}

describe('demo import', () => {
  it('stores real audio by content, records duration and sample rate, and stamps who and when', async () => {
    const reply = await importAs(ar, wavBytes(1.5, { sampleRate: 16000 }), 'not-audio.txt');
    expect(reply.ok, JSON.stringify(reply)).toBe(true);
    const demo = (reply as { data: Record<string, unknown> }).data;
    expect(demo).toMatchObject({
      reviewStatus: 'submitted',
      submittedBy: ar.id,
      durationSeconds: 1.5,
      sampleRate: 16000,
      duplicate: false,
      audioMissing: false,
    });
    expect(Date.now() - Date.parse(demo.receivedAt as string)).toBeLessThan(60_000);
    const stored = t.core.media.locate((demo.audioUrl as string).slice('media:'.length));
    expect(stored.contentType).toBe('audio/wav');
    expect(readFileSync(stored.path).equals(wavBytes(1.5, { sampleRate: 16000 }))).toBe(true);
    const updated = await t.call('artists.get', { id: artist }, ar.token);
    expect(updated.lastDemoDate).toBe((demo.receivedAt as string).slice(0, 10));
    // The staged upload is gone once consumed.
    expect(readdirSync(join(t.dir, 'staging'))).toEqual([]);
  });

  it('links a second copy of the same bytes to the stored file instead of copying it', async () => {
    const first = await importAs(ar, wavBytes(1), 'a.wav');
    const second = await importAs(otherAr, wavBytes(1), 'renamed copy.wav');
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    const [one, two] = [first.data, second.data] as { audioUrl: string; duplicate: boolean }[];
    expect(two!.duplicate).toBe(true);
    expect(two!.audioUrl).toBe(one!.audioUrl);
    expect(t.count('media')).toBe(1);
    expect(t.count('demos')).toBe(2);
  });

  it.each([
    [
      'text renamed to .wav',
      Buffer.from('hello, this is not audio at all'),
      'Not a supported audio file',
      'not_audio',
    ],
    [
      'a PNG renamed to .mp3',
      Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        Buffer.alloc(64),
      ]),
      'Not a supported audio file',
      'not_audio',
    ],
    ['a WAV cut short', wavBytes(2).subarray(0, 3000), 'Truncated audio', 'audio_damaged'],
    ['a WAV header with no audio', wavBytes(1).subarray(0, 44), 'No audio frames', 'audio_damaged'],
    ['an empty file', Buffer.alloc(0), 'Empty file', 'file_empty'],
  ])('rejects %s with the reason and changes nothing', async (_what, bytes, reason, code) => {
    const before = snapshot();
    const reply = await importAs(ar, bytes);
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('VALIDATION');
    expect(reply.error.fields?.file).toBe(reason);
    // The reason as a code too, for the renderer to word in the reader's language.
    expect(reply.error.fieldCodes?.file).toEqual({ code: 'custom', rule: code });
    expect(snapshot()).toEqual(before);
  });

  it.skipIf(!hasSox)('accepts FLAC and Ogg made by sox, with their sample rates', async () => {
    const dir = t.dir;
    for (const [file, rate] of [
      ['tone.flac', 48000],
      ['tone.ogg', 22050],
    ] as const) {
      const path = join(dir, file);
      execFileSync('sox', ['-n', '-r', String(rate), path, 'synth', '1.2', 'sine', '330']);
      const reply = await importAs(ar, readFileSync(path), file);
      expect(reply.ok, JSON.stringify(reply)).toBe(true);
      if (reply.ok) expect(reply.data).toMatchObject({ sampleRate: rate, durationSeconds: 1.2 });
    }
  });

  it.each([
    ['0 bits per sample', wavWith('bitsPerSample', 0), /0 bits per sample/],
    ['7 bits per sample', wavWith('bitsPerSample', 7), /7 bits per sample/],
    ['65,535 channels', wavWith('channels', 65_535), /65535 channels/],
    ['a 4,294,967,295 Hz rate', wavWith('sampleRate', 4_294_967_295), /4294967295 Hz/],
  ])('refuses a WAV whose header says %s, with the reason', async (_what, bytes, message) => {
    const before = snapshot();
    const reply = await importAs(ar, bytes);
    expect(reply.ok ? 'accepted' : reply.error.code).toBe('VALIDATION');
    if (reply.ok) return;
    expect(reply.error.fields?.file).toBe('Unsupported WAV format');
    expect(reply.error.message).toMatch(message);
    expect(snapshot()).toEqual(before);
  });

  it.skipIf(!hasSox)(
    'refuses the first few hundred bytes of a FLAC or an MP3: a header promising minutes, no sound',
    async () => {
      const cuts: [string, string[], number][] = [['cut.flac', [], 300]];
      // A VBR MP3 starts with a Xing header that gives its length: the cut still claims 3 s.
      if (soxWritesMp3) cuts.push(['cut.mp3', ['-C', '-2'], 600]);
      for (const [file, options, keep] of cuts) {
        const path = join(t.dir, file);
        execFileSync('sox', [
          '-n',
          '-r',
          '44100',
          '-c',
          '2',
          ...options,
          path,
          'synth',
          '3',
          'sine',
          '440',
        ]);
        const before = snapshot();
        const reply = await importAs(ar, readFileSync(path).subarray(0, keep), file);
        expect(reply.ok ? 'accepted' : reply.error.code, file).toBe('VALIDATION');
        if (reply.ok) continue;
        expect(reply.error.fields?.file).toBe('No audio frames');
        expect(reply.error.message).toMatch(/decodes to sound/);
        expect(snapshot()).toEqual(before);
      }
    },
  );

  it('refuses an unknown artist before spending the upload', async () => {
    const file = await stage(ar.id, wavBytes(0.5), 'x.wav');
    const reply = await t.raw(
      'demos.import',
      { artist: 'no-such-artist', title: 'X', submissionSource: 'email', file },
      ar.token,
    );
    expect(reply.ok || reply.error.code).toBe('NOT_FOUND');
    const retry = await t.raw(
      'demos.import',
      { artist, title: 'X', submissionSource: 'email', file },
      ar.token,
    );
    expect(retry.ok).toBe(true);
  });

  it('takes submittedBy and receivedAt from the session, never from input', async () => {
    const reply = await t.raw(
      'demos.import',
      {
        artist,
        title: 'X',
        submissionSource: 'email',
        file: await stage(ar.id, wavBytes(0.5), 'x.wav'),
        submittedBy: legal.id,
      },
      ar.token,
    );
    expect(reply.ok || reply.error.code).toBe('VALIDATION');
  });
});

describe('the demo queue', () => {
  it('lists oldest first and filters by status, artist and source', async () => {
    const second = (
      await t.call('artists.create', { artistName: 'Night Shift', genre: 'techno' }, otherAr.token)
    ).id;
    const ids: string[] = [];
    for (const [i, who] of [ar, otherAr, ar].entries()) {
      const reply = await t.call(
        'demos.import',
        {
          artist: i === 1 ? second : artist,
          title: `Take ${i}`,
          submissionSource: i === 2 ? 'referral' : 'email',
          file: await stage(who.id, wavBytes(0.2 + i / 10), `t${i}.wav`),
        },
        who.token,
      );
      ids.push(reply.id);
    }
    const all = await t.call('demos.list', {}, legal.token);
    expect(all.items.map((d) => d.id)).toEqual(ids);
    expect(all.items.map((d) => d.receivedAt)).toEqual(
      [...all.items.map((d) => d.receivedAt)].sort(),
    );
    expect(
      (await t.call('demos.list', { artist: second }, ar.token)).items.map((d) => d.id),
    ).toEqual([ids[1]]);
    expect(
      (await t.call('demos.list', { submissionSource: 'referral' }, ar.token)).items.map(
        (d) => d.id,
      ),
    ).toEqual([ids[2]]);
    await t.call('demos.setReviewStatus', { id: ids[0]!, status: 'in_review' }, ar.token);
    expect(
      (await t.call('demos.list', { reviewStatus: 'in_review' }, ar.token)).items.map((d) => d.id),
    ).toEqual([ids[0]]);
    const paged = await t.call('demos.list', { limit: 2 }, ar.token);
    const rest = await t.call('demos.list', { limit: 2, cursor: paged.nextCursor! }, ar.token);
    expect([...paged.items, ...rest.items].map((d) => d.id)).toEqual(ids);
    expect(rest.nextCursor).toBeNull();

    // What still needs a decision: submitted and in review, not shortlisted or passed.
    await t.call('demos.setReviewStatus', { id: ids[0]!, status: 'passed' }, ar.token);
    await t.call('demos.setReviewStatus', { id: ids[2]!, status: 'in_review' }, ar.token);
    await t.call('demos.setReviewStatus', { id: ids[2]!, status: 'shortlisted' }, ar.token);
    await t.call('demos.setReviewStatus', { id: ids[1]!, status: 'in_review' }, otherAr.token);
    const undecided = await t.call('demos.list', { undecided: true }, legal.token);
    expect(undecided.items.map((d) => d.id)).toEqual([ids[1]]);
    expect(undecided.total).toBe(1);
  });
});

describe('review decisions', () => {
  let demo: string;
  beforeEach(async () => {
    const reply = await importAs(ar, wavBytes(0.4));
    if (!reply.ok) throw new Error('import failed');
    demo = (reply.data as { id: string }).id;
  });

  it('follow submitted -> in_review -> shortlisted -> passed, each audited, with a note when given', async () => {
    await t.call('demos.setReviewStatus', { id: demo, status: 'in_review' }, ar.token);
    const shortlisted = await t.call(
      'demos.setReviewStatus',
      { id: demo, status: 'shortlisted', note: 'Chorus is a hit' },
      ar.token,
    );
    expect(shortlisted.reviewStatus).toBe('shortlisted');
    await t.call('demos.setReviewStatus', { id: demo, status: 'passed' }, a.owner);
    const history = await t.call('audit.list', { entity: 'demos', entityId: demo }, a.owner);
    expect(
      history.items
        .filter((e) => e.action === 'demos.setReviewStatus')
        .map((e) => e.changes?.reviewStatus),
    ).toEqual([
      ['shortlisted', 'passed'],
      ['in_review', 'shortlisted'],
      ['submitted', 'in_review'],
    ]);
    const notes = await t.call('reviewNotes.list', { artist, demo }, legal.token);
    expect(notes.items).toHaveLength(1);
    expect(notes.items[0]).toMatchObject({
      noteType: 'decision',
      body: 'Chorus is a hit',
      author: ar.id,
      visibility: 'team',
    });
  });

  it.each([
    ['submitted', 'shortlisted', []],
    ['submitted', 'passed', []],
    ['in_review', 'submitted', ['in_review']],
    ['passed', 'shortlisted', ['in_review', 'passed']],
  ] as const)('refuse %s -> %s with CONFLICT and change nothing', async (_from, to, path) => {
    for (const step of path)
      await t.call('demos.setReviewStatus', { id: demo, status: step }, ar.token);
    const before = await t.call('demos.get', { id: demo }, ar.token);
    const audit = t.count('audit_log');
    const reply = await t.raw(
      'demos.setReviewStatus',
      { id: demo, status: to, note: 'x' },
      ar.token,
    );
    expect(reply.ok || reply.error.code).toBe('CONFLICT');
    expect(await t.call('demos.get', { id: demo }, ar.token)).toEqual(before);
    expect(t.count('audit_log')).toBe(audit);
    expect(t.count('review_notes')).toBe(0);
  });

  it('are only the artist owner’s (or an admin’s) to make', async () => {
    const reply = await t.raw(
      'demos.setReviewStatus',
      { id: demo, status: 'in_review' },
      otherAr.token,
    );
    expect(reply.ok || reply.error.code).toBe('FORBIDDEN');
    const byLegal = await t.raw(
      'demos.setReviewStatus',
      { id: demo, status: 'in_review' },
      legal.token,
    );
    expect(byLegal.ok || byLegal.error.code).toBe('FORBIDDEN');
    expect((await t.call('demos.get', { id: demo }, ar.token)).reviewStatus).toBe('submitted');
  });
});

describe('a missing stored file', () => {
  it('shows as missing, and relinking the same recording restores it', async () => {
    const bytes = wavBytes(0.6);
    const reply = await importAs(ar, bytes);
    if (!reply.ok) throw new Error('import failed');
    const demo = reply.data as { id: string; audioUrl: string };
    const { path } = t.core.media.locate(demo.audioUrl.slice(6));
    renameSync(path, `${path}.moved`);
    expect((await t.call('demos.get', { id: demo.id }, ar.token)).audioMissing).toBe(true);
    expect((await t.call('demos.list', {}, ar.token)).items[0]!.audioMissing).toBe(true);

    const wrong = await t.raw(
      'demos.relink',
      { id: demo.id, file: await stage(ar.id, wavBytes(0.7), 'other.wav') },
      ar.token,
    );
    expect(wrong.ok || wrong.error.fields?.file).toBe('Different recording');
    expect(existsSync(path)).toBe(false);

    const relinked = await t.call(
      'demos.relink',
      { id: demo.id, file: await stage(ar.id, bytes, 'found it.wav') },
      ar.token,
    );
    expect(relinked.audioMissing).toBe(false);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });
});

describe('demo scores', () => {
  it('keeps one score per reviewer, shows the average and the caller’s own, and is audited', async () => {
    const imported = await importAs(ar, wavBytes(0.2));
    if (!imported.ok) throw new Error(imported.error.message);
    const { id, scores } = imported.data as { id: string; scores: unknown };
    expect(scores).toEqual({ average: null, count: 0, mine: null });

    await t.call('demos.rate', { id, score: 2 }, ar.token);
    await t.call('demos.rate', { id, score: 5 }, ar.token); // replaces ada's 2
    const omars = await t.call('demos.rate', { id, score: 4 }, otherAr.token);
    expect(omars.scores).toEqual({ average: 4.5, count: 2, mine: 4 });
    const listed = await t.call('demos.list', {}, ar.token);
    expect(listed.items[0]!.scores).toEqual({ average: 4.5, count: 2, mine: 5 });
    expect((await t.call('demos.get', { id }, legal.token)).scores).toMatchObject({
      count: 2,
      mine: null,
    });

    const rated = await t.call('audit.list', { entity: 'demos', entityId: id }, a.owner);
    expect(rated.items.filter((e) => e.action === 'demos.rate')).toHaveLength(3);

    // Out of range or by someone who does not review demos: refused, nothing changes.
    const before = t.count('demo_scores');
    for (const score of [0, 6, 3.5]) {
      const bad = await t.raw('demos.rate', { id, score }, ar.token);
      expect(bad.ok ? null : bad.error.code).toBe('VALIDATION');
    }
    const byLegal = await t.raw('demos.rate', { id, score: 3 }, legal.token);
    expect(byLegal.ok ? null : byLegal.error.code).toBe('FORBIDDEN');
    const missing = await t.raw('demos.rate', { id: 'nope', score: 3 }, ar.token);
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
    expect(t.count('demo_scores')).toBe(before);
  });
});
