/**
 * Every channel, fed input of the wrong shape, answers VALIDATION with the fields named, and
 * changes nothing in any table. New channels are covered as soon as they join the contract.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/shared/api';
import { createTestCore, withOwner, type TestCore } from '../support/testCore';

let t: TestCore;
let token: string;

beforeAll(async () => {
  t = createTestCore();
  token = (await withOwner(t)).owner;
});
afterAll(() => t.close());

function snapshot(): Record<string, number> {
  const tables = t.core.sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index_%'",
    )
    .all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, t.count(`"${name}"`)]));
}

const GARBAGE: [string, unknown][] = [
  ['a string', 'hello'],
  ['a number', 42],
  ['an array', [1, 2]],
  ['an unknown field', { __proto_pollution__: true, evil: 1 }],
  ['a 100,000-character value', { q: 'x'.repeat(100_000), id: 'x'.repeat(100_000) }],
];

describe('bad input on every channel', () => {
  const cases = CHANNELS.flatMap((channel) =>
    GARBAGE.map(([what, input]) => [channel, what, input] as const),
  );

  it.each(cases)('%s with %s: VALIDATION, nothing changed', async (channel, _what, input) => {
    const before = snapshot();
    const reply = await t.raw(channel, input, token);
    expect(reply.ok, JSON.stringify(reply)).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('VALIDATION');
      expect(Object.keys(reply.error.fields ?? {}).length).toBeGreaterThan(0);
    }
    expect(snapshot()).toEqual(before);
  });
});
