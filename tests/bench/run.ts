/**
 * `npm run bench`: figures against a baseline measured in the same run (machines are noisy, so
 * the ratio is the number to watch). Exits non-zero when a target is missed.
 * `npm run bench -- ranges` runs only the team-scope, calendar-week and clash section.
 * `npm run bench -- workload` runs only the seeds' whole workload, channel by channel, against raw
 * SQL in-process and bare Node http plus raw SQL over the web host (tests/bench/workload.ts).
 * `npm run bench -- team [--quick]` runs only the team server's capacity bench (about ten
 * minutes; --quick is a smoke run).
 */
import { rmSync } from 'node:fs';
import { createTestCore, tempDir, TEST_SCRYPT } from '../support/testCore';
import { seedWorkspace } from '../../src/main/seed/seed';
import { benchAudio } from './audio';
import { benchImportPreview, benchInterchange } from './interchange';
import { benchRanges } from './ranges';
import { benchSearch } from './search';
import { benchTeam } from './team';
import { benchWebHost } from './webHost';
import { benchWorkload } from './workload';
import { interleave, ms, summarize } from './stats';

if (process.argv[2] === 'ranges') {
  const ok = await benchRanges('bench-password-1');
  process.exit(ok ? 0 : 1);
}

if (process.argv[2] === 'workload') {
  const ok = await benchWorkload('bench-password-1');
  process.exit(ok ? 0 : 1);
}

if (process.argv[2] === 'team') {
  const ok = await benchTeam({ quick: process.argv.includes('--quick') });
  process.exit(ok ? 0 : 1);
}

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

// bookings.create with its clash check, against the raw indexed overlap query it runs.
const ENTRIES = Number(process.env.BENCH_SCHEDULE_ENTRIES ?? 500_000);
const CREATES = Number(process.env.BENCH_CREATES ?? 500);
const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 100_000);
const dir2 = tempDir('greenroom-bench-');
const t2 = createTestCore(dir2);
try {
  const seedStarted = Date.now();
  await seedWorkspace(t2.core, {
    password: PASSWORD,
    scrypt: TEST_SCRYPT,
    counts: {
      talents: 200,
      auditions: 0,
      bookings: BOOKINGS,
      scheduleEntries: ENTRIES,
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
    `\nSeeded ${ENTRIES} schedule entries and ${BOOKINGS} bookings for 200 talents in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`,
  );
  const { token } = await t2.call('auth.login', { username: 'manager1', password: PASSWORD });
  const talent = (await t2.call('talents.list', { limit: 1 }, token)).items[0]!.id;
  const overlap = t2.core.sqlite.prepare(`
    SELECT id FROM schedule_entries
    WHERE talent_profile = ? AND status = 'confirmed' AND start >= ? AND start < ? AND "end" > ?`);
  // Far in the future: nothing is booked there, so every create succeeds and is measured whole.
  let slot = 0;
  const nextSlot = () => {
    slot += 1;
    const start = new Date(Date.UTC(2031, 0, 1) + slot * 3 * 3_600_000).toISOString();
    return { start, end: new Date(Date.parse(start) + 3_600_000).toISOString() };
  };
  const samples = await interleave(
    {
      raw: () => {
        const { start, end } = nextSlot();
        return overlap.all(
          talent,
          new Date(Date.parse(start) - 62 * 86_400_000).toISOString(),
          end,
          start,
        );
      },
      create: async () => {
        const { start, end } = nextSlot();
        const reply = await t2.core.dispatch(
          'bookings.create',
          {
            talentProfile: talent,
            clientName: `Bench ${slot}`,
            projectName: 'Load',
            startDateTime: start,
            endDateTime: end,
          },
          token,
        );
        if (!reply.envelope.ok) throw new Error(JSON.stringify(reply.envelope.error));
      },
    },
    CREATES,
    50,
  );
  const base = summarize(samples.raw!);
  const create = summarize(samples.create!);
  console.log(
    `bookings.create with the clash check — ${ENTRIES} schedule entries, one transaction each (synchronous=FULL)`,
  );
  console.log(`  raw indexed overlap query     p50 ${ms(base.p50)}  p95 ${ms(base.p95)}`);
  console.log(`  bookings.create (router)      p50 ${ms(create.p50)}  p95 ${ms(create.p95)}`);
  console.log(`  ratio (create / raw, p95)     ${(create.p95 / base.p95).toFixed(1)}`);
  console.log(`  create p95                    ${ms(create.p95)}  (target < 5 ms)`);
  if (create.p95 >= 5) failed = true;

  // schedule.list for one week of one talent (what a talent's calendar asks for), 500k entries in the store.
  const weekFrom = '2026-11-22T00:00:00.000Z';
  const weekTo = '2026-11-29T00:00:00.000Z';
  const rawWeek = t2.core.sqlite.prepare(`
    SELECT e.*, t.stage_name FROM schedule_entries e JOIN talent_profiles t ON t.id = e.talent_profile
    WHERE e.talent_profile = ? AND e.start >= ? AND e.start < ? AND e."end" > ?
    ORDER BY e.start, e.id`);
  const earliest = new Date(Date.parse(weekFrom) - 62 * 86_400_000).toISOString();
  const weekSamples = await interleave(
    {
      raw: () => rawWeek.all(talent, earliest, weekTo, weekFrom),
      list: async () => {
        const reply = await t2.core.dispatch(
          'schedule.list',
          { from: weekFrom, to: weekTo, talentProfile: talent },
          token,
        );
        if (!reply.envelope.ok) throw new Error(JSON.stringify(reply.envelope.error));
      },
    },
    1_000,
    100,
  );
  const weekRows = (rawWeek.all(talent, earliest, weekTo, weekFrom) as unknown[]).length;
  const rawWeekSummary = summarize(weekSamples.raw!);
  const listWeek = summarize(weekSamples.list!);
  console.log(
    `\nschedule.list — one talent's week (${weekRows} entries) with ${ENTRIES} entries in the store`,
  );
  console.log(
    `  raw indexed range query       p50 ${ms(rawWeekSummary.p50)}  p95 ${ms(rawWeekSummary.p95)}`,
  );
  console.log(`  schedule.list (router)        p50 ${ms(listWeek.p50)}  p95 ${ms(listWeek.p95)}`);
  console.log(`  ratio (router / raw, p95)     ${(listWeek.p95 / rawWeekSummary.p95).toFixed(2)}`);
  console.log(`  schedule.list p95             ${ms(listWeek.p95)}  (target < 10 ms)`);
  if (listWeek.p95 >= 10) failed = true;

  // clashes.check over a working day: bookings (with ranks), entries, auditions and blocks.
  const dayStart = '2026-11-24T08:00:00.000Z';
  const dayEnd = '2026-11-24T18:00:00.000Z';
  const rawBookings = t2.core.sqlite.prepare(`
    SELECT id FROM bookings WHERE talent_profile = ? AND status IN ('hold', 'confirmed', 'completed')
      AND start_date_time >= ? AND start_date_time < ? AND end_date_time > ?`);
  const dayEarliest = new Date(Date.parse(dayStart) - 62 * 86_400_000).toISOString();
  const clashSamples = await interleave(
    {
      raw: () => {
        rawBookings.all(talent, dayEarliest, dayEnd, dayStart);
        return overlap.all(talent, dayEarliest, dayEnd, dayStart);
      },
      check: async () => {
        const reply = await t2.core.dispatch(
          'clashes.check',
          { talentProfile: talent, start: dayStart, end: dayEnd },
          token,
        );
        if (!reply.envelope.ok) throw new Error(JSON.stringify(reply.envelope.error));
      },
    },
    1_000,
    100,
  );
  const rawClash = summarize(clashSamples.raw!);
  const check = summarize(clashSamples.check!);
  console.log(
    `\nclashes.check — one talent's working day with ${ENTRIES} schedule entries and ${BOOKINGS} bookings in the store`,
  );
  console.log(`  raw indexed overlap queries   p50 ${ms(rawClash.p50)}  p95 ${ms(rawClash.p95)}`);
  console.log(`  clashes.check (router)        p50 ${ms(check.p50)}  p95 ${ms(check.p95)}`);
  console.log(`  ratio (router / raw, p95)     ${(check.p95 / rawClash.p95).toFixed(2)}`);
  console.log(`  clashes.check p95             ${ms(check.p95)}  (target < 5 ms)`);
  if (check.p95 >= 5) failed = true;
} finally {
  t2.core.close();
  rmSync(dir2, { recursive: true, force: true });
}

if (!(await benchRanges(PASSWORD))) failed = true;
if (!(await benchSearch(PASSWORD))) failed = true;
await benchInterchange();
if (!(await benchAudio())) failed = true;
if (!(await benchImportPreview())) failed = true;
if (!(await benchWebHost())) failed = true;
if (!(await benchWorkload(PASSWORD))) failed = true;

console.log(failed ? '\nbench: a target was missed' : '\nbench: all targets met');
process.exitCode = failed ? 1 : 0;
