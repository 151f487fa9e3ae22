import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, withOwner, type Actors, type TestCore } from '../support/testCore';

/**
 * Query syntax of FTS5 and LIKE, plus letters, so random queries both hit and miss: whatever the
 * user types is a run of characters to find, never an operator.
 */
const ALPHABET = [...'ab"*%_\\()-+^:'];
const NAMES = [
  'ab"a*',
  '%_ba',
  'a\\b(c)',
  'NEAR(ab)',
  'b-a+b',
  '^ab:ba',
  '"quoted"',
  'a%%b',
  '__ab__',
  'AND OR',
  'ab*ab',
  '(((',
];

let t: TestCore;
let a: Actors;
const talents: { stageName: string; fullName: string }[] = [];

beforeAll(async () => {
  t = createTestCore();
  a = await withOwner(t);
  for (const [i, name] of NAMES.entries()) {
    const talent = { stageName: name, fullName: NAMES[(i + 5) % NAMES.length]! };
    await t.call('talents.create', { ...talent, talentType: 'actor' }, a.owner);
    talents.push(talent);
  }
});
afterAll(() => t.close());

/** What the search promises for ASCII: every term found, case-insensitively, in a field. */
function expected(q: string): string[] {
  const terms = q.trim().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [];
  return talents
    .filter((talent) =>
      terms.every((term) =>
        [talent.stageName, talent.fullName].some((field) =>
          field.toLowerCase().includes(term.toLowerCase()),
        ),
      ),
    )
    .map((talent) => talent.stageName)
    .sort();
}

describe('search treats every character literally', () => {
  it('finds exactly what a plain substring filter finds, with no error (300 runs)', async () => {
    const term = fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 1, maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(fc.array(term, { minLength: 1, maxLength: 3 }), async (terms) => {
        const q = terms.join(' ');
        const reply = await t.raw('search.query', { q, limit: 20 }, a.owner);
        expect(reply.ok, JSON.stringify(reply)).toBe(true);
        if (!reply.ok) return;
        const { groups } = reply.data as {
          groups: { kind: string; items: { title: string }[] }[];
        };
        const found = groups
          .filter((g) => g.kind === 'talents')
          .flatMap((g) => g.items.map((i) => i.title))
          .sort();
        expect(found, q).toEqual(expected(q));
      }),
      { numRuns: 300 },
    );
  });
});
