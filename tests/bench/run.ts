/**
 * `npm run bench`: figures against a baseline measured in the same run (machines are noisy, so
 * the ratio is the number to watch). Exits non-zero when a target is missed.
 */
import { rmSync } from 'node:fs';
import { createTestCore, tempDir, TEST_SCRYPT } from '../support/testCore';
import { seedWorkspace } from '../../src/main/seed/seed';
import { interleave, ms, summarize } from './stats';

const TALENTS = Number(process.env.BENCH_TALENTS ?? 50_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 2_000);
const PASSWORD = 'bench-password-1';

const dir = tempDir('greenroom-bench-');
const t = createTestCore(dir);
let failed = false;

try {
  const seedStarted = Date.now();
  await seedWorkspace(t.core, {
    password: PASSWORD,
    scrypt: TEST_SCRYPT,
    counts: {
      talents: TALENTS,
      auditions: 0,
      bookings: 0,
      scheduleEntries: 0,
      availabilityBlocks: 0,
      artists: 0,
      demos: 0,
      contracts: 0,
      growthLogs: 0,
      reviewNotes: 0,
      managers: 3,
    },
    now: new Date('2026-11-23T09:00:00.000Z'),
  });
  console.log(
    `Seeded ${TALENTS} talents across 3 teams in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`,
  );
  t.core.sqlite.pragma('optimize');

  const { token, user } = await t.call('auth.login', { username: 'manager1', password: PASSWORD });

  // The same query the router's talents.list runs for a manager: one team, manager joined, newest first.
  const raw = t.core.sqlite.prepare(`
    SELECT t.*, u.username AS manager_username, u.full_name AS manager_full_name
    FROM talent_profiles t JOIN users u ON u.id = t.manager
    WHERE t.manager = ? AND t.archived_at IS NULL
    ORDER BY t.updated_at DESC, t.id DESC
    LIMIT 51`);

  const viaRouter = await t.core.dispatch('talents.list', { limit: 50 }, token);
  const direct = raw.all(user.id) as { id: string }[];
  if (!viaRouter.envelope.ok) throw new Error(JSON.stringify(viaRouter.envelope.error));
  const routed = viaRouter.envelope.data as { items: { id: string }[] };
  if (
    routed.items.map((x) => x.id).join() !==
    direct
      .slice(0, 50)
      .map((x) => x.id)
      .join()
  ) {
    throw new Error('router and raw statement disagree: the comparison would be meaningless');
  }

  const samples = await interleave(
    {
      raw: () => raw.all(user.id),
      router: () => t.core.dispatch('talents.list', { limit: 50 }, token),
    },
    ITERATIONS,
    200,
  );
  const base = summarize(samples.raw!);
  const router = summarize(samples.router!);
  const ratio = router.p50 / base.p50;
  console.log('\ntalents.list — 50 rows, manager joined, newest first, one manager’s team');
  console.log(`  raw better-sqlite3 statement  p50 ${ms(base.p50)}  p95 ${ms(base.p95)}`);
  console.log(`  through the router            p50 ${ms(router.p50)}  p95 ${ms(router.p95)}`);
  console.log(`  ratio (router / raw, p50)     ${ratio.toFixed(2)}  (target ≤ 1.5)`);
  console.log(`  router p95                    ${ms(router.p95)}  (target < 5 ms)`);
  if (ratio > 1.5 || router.p95 >= 5) failed = true;
} finally {
  t.core.close();
  rmSync(dir, { recursive: true, force: true });
}

console.log(failed ? '\nbench: a target was missed' : '\nbench: all targets met');
process.exitCode = failed ? 1 : 0;
