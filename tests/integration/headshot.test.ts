import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, withOwner, type Actors, type TestCore } from '../support/testCore';

let t: TestCore;
let a: Actors;
let talent: { id: string; version: number };
let ownerId: string;

beforeEach(async () => {
  t = createTestCore();
  a = await withOwner(t);
  ownerId = a.ownerId;
  talent = await t.call(
    'talents.create',
    { stageName: 'Mia', fullName: 'Mia L', talentType: 'model' },
    a.owner,
  );
});
afterEach(() => t.close());

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 7),
]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 3)]);
const stage = (bytes: Buffer, name: string) =>
  t.core.staging.fromStream(ownerId, name, Readable.from([bytes]));

describe('headshots', () => {
  it('accept PNG and JPEG by content, store them once, and point the talent at them', async () => {
    const withPng = await t.call(
      'talents.setHeadshot',
      { id: talent.id, file: await stage(PNG, 'face.jpg') },
      a.owner,
    );
    expect(withPng.headshotUrl).toMatch(/^media:/);
    const mediaId = withPng.headshotUrl!.slice('media:'.length);
    expect(t.core.media.locate(mediaId).contentType).toBe('image/png');
    const again = await t.call(
      'talents.setHeadshot',
      { id: talent.id, file: await stage(PNG, 'copy.png') },
      a.owner,
    );
    expect(again.headshotUrl).toBe(withPng.headshotUrl);
    expect(t.count('media')).toBe(1);
    const jpeg = await t.call(
      'talents.setHeadshot',
      { id: talent.id, file: await stage(JPEG, 'face.png') },
      a.owner,
    );
    expect(t.core.media.locate(jpeg.headshotUrl!.slice(6)).contentType).toBe('image/jpeg');
  });

  it('refuse a file that is not an image, whatever its name, and change nothing', async () => {
    const before = { media: t.count('media'), audit: t.count('audit_log') };
    const reply = await t.raw(
      'talents.setHeadshot',
      { id: talent.id, file: await stage(Buffer.from('<svg onload=alert(1)>'), 'face.png') },
      a.owner,
    );
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { file: expect.any(String) } },
    });
    expect({ media: t.count('media'), audit: t.count('audit_log') }).toEqual(before);
    expect((await t.call('talents.get', { id: talent.id }, a.owner)).headshotUrl).toBeNull();
  });

  it('refuse an image over 10 MB', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]);
    expect(
      await t.raw(
        'talents.setHeadshot',
        { id: talent.id, file: await stage(big, 'big.png') },
        a.owner,
      ),
    ).toMatchObject({ error: { code: 'VALIDATION' } });
  });

  it('spend a file token once, and only for the user who staged it', async () => {
    const token = await stage(PNG, 'face.png');
    const alice = await a.user('alice', 'manager');
    const hers = await t.call(
      'talents.create',
      { stageName: 'Hers', fullName: 'H', talentType: 'actor' },
      alice.token,
    );
    expect(
      await t.raw('talents.setHeadshot', { id: hers.id, file: token }, alice.token),
    ).toMatchObject({ error: { code: 'VALIDATION' } });
    expect(
      await t.raw('talents.setHeadshot', { id: talent.id, file: 'made-up-token' }, a.owner),
    ).toMatchObject({ error: { code: 'VALIDATION' } });
    await t.call('talents.setHeadshot', { id: talent.id, file: token }, a.owner);
    expect(
      await t.raw('talents.setHeadshot', { id: talent.id, file: token }, a.owner),
    ).toMatchObject({ error: { code: 'VALIDATION' } });
  });
});
