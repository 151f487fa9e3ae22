import type { Statement } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorkspace } from '../../src/main/seed/seed';
import { createTestCore, TEST_SCRYPT, type TestCore } from '../support/testCore';

/**
 * A list's first page should read its rows in the view's order through an index, not read every
 * row and sort them: at 10x the seeds' sizes the artists and contracts views spent 3 and 7 ms
 * sorting. The plans checked are those of the statements the services really run.
 */
let t: TestCore;
let owner: string;

beforeAll(async () => {
  t = createTestCore();
  await seedWorkspace(t.core, {
    password: 'plan-password-1',
    scrypt: TEST_SCRYPT,
    counts: { talents: 20, artists: 300, contracts: 300, demos: 20 },
  });
  owner = (await t.call('auth.login', { username: 'owner', password: 'plan-password-1' })).token;
});
afterAll(() => t.close());

/** The plan of each statement a call runs, one line per step. */
async function plansOf(channel: string, input: unknown): Promise<string[]> {
  const proto = Object.getPrototypeOf(t.core.sqlite.prepare('SELECT 1')) as {
    all: (this: Statement, ...args: unknown[]) => unknown;
  };
  const all = proto.all;
  const seen: { source: string; args: unknown[] }[] = [];
  proto.all = function (this: Statement, ...args: unknown[]) {
    seen.push({ source: this.source, args });
    return all.apply(this, args);
  };
  try {
    const reply = await t.raw(channel, input, owner);
    expect(reply.ok).toBe(true);
  } finally {
    proto.all = all;
  }
  return seen.map(({ source, args }) =>
    (t.core.sqlite.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...args) as { detail: string }[])
      .map((row) => row.detail)
      .join(' / '),
  );
}

describe('list views read in their order', () => {
  it.each([
    ['artists by priority', 'artists.list', { limit: 50 }, 'artists_by_priority'],
    [
      'contracts, most recently changed first',
      'contracts.list',
      { limit: 50 },
      'contracts_by_updated_at_id',
    ],
    [
      'contracts expiring soonest first',
      'contracts.list',
      { limit: 50, expiringBy: '2027-06-30' },
      'contracts_by_status_expiry_date_id',
    ],
  ])('%s', async (_name, channel, input, index) => {
    const plans = await plansOf(channel, input);
    const page = plans.find((plan) => plan.includes(index));
    expect(page, plans.join('\n')).toBeDefined();
    expect(page).not.toContain('TEMP B-TREE FOR ORDER BY');
  });
});
