/**
 * Every channel, fed random and malformed input through the real router as an admin: only typed
 * errors (never INTERNAL, never a throw), and a refused call changes nothing (SQLite's own
 * count of changed rows on the connection stays put).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel } from '../../src/shared/api';
import { createTestCore, PASSWORD, withOwner, type TestCore } from '../support/testCore';

const RUNS = Number(process.env.GREENROOM_FUZZ_RUNS ?? 200);

let t: TestCore;
let token: string;
let artist: string;
let talent: string;

beforeAll(async () => {
  t = createTestCore();
  token = (await withOwner(t)).owner;
  // Real ids among the random ones, so some inputs get past "not found".
  talent = (
    await t.call(
      'talents.create',
      { stageName: 'Fuzz', fullName: 'Fuzz', talentType: 'actor' },
      token,
    )
  ).id;
  artist = (await t.call('artists.create', { artistName: 'Fuzz', genre: 'noise' }, token)).id;
});
afterAll(() => t.close());

const nasty = fc.constantFrom<unknown>(
  '',
  ' ',
  'x'.repeat(100_001),
  '\u200b\u200d',
  '\u202eevil\u202c',
  'nul\u0000byte',
  '\u0007\u001b[31m',
  "%_\\' OR 1=1 --",
  '*" NEAR( (',
  '__proto__',
  'constructor',
  '2026-02-30T25:61:00Z',
  '2026-13-01',
  '9999-12-31T23:59:59.999Z',
  '0000-01-01T00:00:00Z',
  'Not/AZone',
  'America/New_York',
  'media:../../greenroom.sqlite',
  '..%2f..%2fetc%2fpasswd',
  '😀🎵',
  '夜行者',
  -1,
  0,
  1.5,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  null,
  [],
  {},
  JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}'),
);
const value = fc.oneof(nasty, fc.string(), fc.integer(), fc.double(), fc.constant(undefined));

function keysOf(channel: Channel): string[] {
  const schema = contract[channel].input as unknown as {
    shape?: Record<string, unknown>;
    def?: { in?: { shape?: Record<string, unknown> } };
  };
  return Object.keys(schema.shape ?? schema.def?.in?.shape ?? {});
}

function inputFor(channel: Channel) {
  const keys = [...keysOf(channel), '__proto__', 'constructor', 'extra'];
  const real = fc.constantFrom(talent, artist);
  const field = fc.tuple(fc.constantFrom(...keys), fc.oneof(value, real));
  return fc.oneof(
    fc.dictionary(fc.constantFrom(...keys), fc.oneof(value, real), { maxKeys: 6 }),
    fc.array(field, { maxLength: 6 }).map((pairs) => {
      // Built with defineProperty so a "__proto__" key is a real own key, as JSON.parse makes it.
      const out: Record<string, unknown> = {};
      for (const [k, v] of pairs)
        Object.defineProperty(out, k, {
          value: v,
          enumerable: true,
          configurable: true,
          writable: true,
        });
      return out;
    }),
    value,
  );
}

const changes = () =>
  (t.core.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

describe(`fuzzing every channel (${RUNS} runs each)`, () => {
  it.each(CHANNELS.filter((c) => c !== 'auth.logout'))(
    '%s answers only typed errors and a refusal changes nothing',
    async (channel) => {
      await fc.assert(
        fc.asyncProperty(inputFor(channel), async (input) => {
          // Signing in keeps the session fresh with an occasional write of its own: do that first.
          t.core.auth.resolve(token);
          const before = changes();
          let reply;
          try {
            reply = (await t.core.dispatch(channel, input, token)).envelope;
          } catch (error) {
            throw new Error(`${channel} threw: ${String(error)}`);
          }
          if (!reply.ok) {
            expect(reply.error.code, JSON.stringify(reply.error)).not.toBe('INTERNAL');
            // Sign-in bookkeeping (failed attempts are recorded) is the one refusal that writes.
            if (channel !== 'auth.login' && channel !== 'auth.changePassword')
              expect(changes(), `${channel} refused but wrote`).toBe(before);
          }
        }),
        { numRuns: RUNS },
      );
    },
  );

  it('logout answers typed errors for anything but {}', async () => {
    const spare = (await t.call('auth.login', { username: 'owner', password: PASSWORD })).token;
    await fc.assert(
      fc.asyncProperty(inputFor('auth.logout'), async (input) => {
        const reply = (await t.core.dispatch('auth.logout', input, spare)).envelope;
        if (!reply.ok) expect(reply.error.code).not.toBe('INTERNAL');
      }),
      { numRuns: RUNS },
    );
  });
});
