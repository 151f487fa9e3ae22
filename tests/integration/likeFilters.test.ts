/**
 * Text filters use LIKE with `%`, `_` and `\` escaped: a property test compares what the lists
 * return with a plain JavaScript "contains" over the same rows, for text full of wildcards.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, withOwner, type TestCore } from '../support/testCore';

// Wildcards, the escape character, quotes, ASCII in both cases and CJK (which has no case).
const ALPHABET = ['%', '_', '\\', "'", '"', 'a', 'A', 'b', 'B', ' ', '思', '远', '.', '*'];
const text = (min: number, max: number) =>
  fc
    .array(fc.constantFrom(...ALPHABET), { minLength: min, maxLength: max })
    .map((cs) => cs.join(''));

/** SQLite's LIKE folds ASCII case only; the alphabet's only letters are ASCII. */
const contains = (value: string, q: string) => value.toLowerCase().includes(q.toLowerCase());

let t: TestCore;
let token: string;
const talents: { id: string; stageName: string; fullName: string }[] = [];
const artists: { id: string; artistName: string }[] = [];

beforeAll(async () => {
  t = createTestCore();
  token = (await withOwner(t)).owner;
  const names = fc.sample(fc.tuple(text(1, 8), text(1, 8)), { numRuns: 60, seed: 7 });
  for (const [stage, full] of names) {
    // Names are trimmed on the way in; keep them non-blank.
    const stageName = `x${stage}`;
    const fullName = `y${full}`;
    const created = await t.call(
      'talents.create',
      { stageName, fullName, talentType: 'actor' },
      token,
    );
    talents.push({ id: created.id, stageName: created.stageName, fullName: created.fullName });
    const artist = await t.call(
      'artists.create',
      { artistName: `z${stage}${full}`, genre: 'pop' },
      token,
    );
    artists.push({ id: artist.id, artistName: artist.artistName });
  }
});
afterAll(() => t.close());

describe('LIKE text filters', () => {
  it('find exactly what a plain "contains" finds, wildcards taken literally (talents, artists)', async () => {
    await fc.assert(
      fc.asyncProperty(text(1, 4), async (raw) => {
        const q = raw.trim();
        fc.pre(q.length > 0);
        const listed = await t.call('talents.list', { q, limit: 100 }, token);
        const expected = talents
          .filter((x) => contains(x.stageName, q) || contains(x.fullName, q))
          .map((x) => x.id)
          .sort();
        expect(listed.items.map((x) => x.id).sort()).toEqual(expected);

        const found = await t.call('artists.list', { q, limit: 100 }, token);
        expect(found.items.map((x) => x.id).sort()).toEqual(
          artists
            .filter((x) => contains(x.artistName, q))
            .map((x) => x.id)
            .sort(),
        );
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});
