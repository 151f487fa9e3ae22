/**
 * `npm run bench -- ranges`: team-scoped lists, a week of the calendar and a clash check on the
 * issue's workspace (20 managers, 5,000 talents, 20,000 auditions, 10,000 bookings, 20,000
 * schedule entries), each through the router against a raw better-sqlite3 statement for the
 * same rows in the same run. Also run by `npm run bench`.
 */
import { rmSync } from 'node:fs';
import { seedWorkspace } from '../../src/main/seed/seed';
import { createTestCore, tempDir, TEST_SCRYPT } from '../support/testCore';
import { interleave, ms, summarize } from './stats';

const WEEK = { from: '2026-12-14T00:00:00.000Z', to: '2026-12-21T00:00:00.000Z' };

export async function benchRanges(password: string): Promise<boolean> {
  const dir = tempDir('greenroom-bench-');
  const t = createTestCore(dir);
  let ok = true;
  try {
    const started = Date.now();
    await seedWorkspace(t.core, {
      password,
      scrypt: TEST_SCRYPT,
      counts: {
        talents: Number(process.env.BENCH_RANGE_TALENTS ?? 5_000),
        auditions: 20_000,
        bookings: 10_000,
        scheduleEntries: 20_000,
        availabilityBlocks: 60,
        artists: 0,
        demos: 0,
        contracts: 0,
        growthLogs: 0,
        reviewNotes: 0,
        managers: 20,
      },
      now: new Date('2026-11-23T09:00:00.000Z'),
    });
    console.log(`\nSeeded the ranges workspace in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const owner = (await t.call('auth.login', { username: 'owner', password })).token;
    const manager = await t.call('auth.login', { username: 'manager1', password });
    const call = async (channel: string, input: unknown, token: string) => {
      const reply = await t.core.dispatch(channel, input, token);
      if (!reply.envelope.ok) throw new Error(JSON.stringify(reply.envelope.error));
      return reply.envelope.data;
    };
    const report = (
      title: string,
      samples: Record<string, number[]>,
      rows: [name: string, label: string][],
      target = 1.5,
    ) => {
      console.log(title);
      const base = summarize(samples.raw!);
      console.log(`  ${'raw SQL (same rows)'.padEnd(32)} p50 ${ms(base.p50)}  p95 ${ms(base.p95)}`);
      for (const [name, label] of rows) {
        const s = summarize(samples[name]!);
        const ratio = s.p50 / base.p50;
        console.log(
          `  ${label.padEnd(32)} p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  ratio (p50) ${ratio.toFixed(2)}  (target ≤ ${target})`,
        );
        if (ratio > target) ok = false;
      }
    };

    // auditions.list { status: 'invited', limit: 100 }: the admin's rows and one team's.
    const rawAuditions = t.core.sqlite.prepare(`
      SELECT a.*, t.stage_name, t.manager FROM auditions a JOIN talent_profiles t ON t.id = a.talent_profile
      WHERE a.status = 'invited' ORDER BY a.audition_date, a.id LIMIT 101`);
    const auditionSamples = await interleave(
      {
        raw: () => rawAuditions.all(),
        owner: () => call('auditions.list', { status: 'invited', limit: 100 }, owner),
        team: () => call('auditions.list', { status: 'invited', limit: 100 }, manager.token),
      },
      Number(process.env.BENCH_RANGE_ITERATIONS ?? 500),
      50,
    );
    report("auditions.list { status: 'invited', limit: 100 }", auditionSamples, [
      ['owner', 'as owner (every team)'],
      ['team', 'as manager1 (team scope)'],
    ]);

    // schedule.list for a week as the owner: every team's entries.
    const weekRows = t.core.sqlite.prepare(`
      SELECT e.*, t.stage_name, t.manager FROM schedule_entries e JOIN talent_profiles t ON t.id = e.talent_profile
      WHERE e.start < ? AND e."end" > ? ORDER BY e.start, e.id`);
    const earliest = new Date(Date.parse(WEEK.from) - 62 * 86_400_000).toISOString();
    const rawWeek = t.core.sqlite.prepare(`
      SELECT e.*, t.stage_name, t.manager FROM schedule_entries e JOIN talent_profiles t ON t.id = e.talent_profile
      WHERE e.start >= ? AND e.start < ? AND e."end" > ? ORDER BY e.start, e.id`);
    const entries = (weekRows.all(WEEK.to, WEEK.from) as unknown[]).length;
    const weekSamples = await interleave(
      {
        raw: () => rawWeek.all(earliest, WEEK.to, WEEK.from),
        owner: () => call('schedule.list', WEEK, owner),
        team: () => call('schedule.list', WEEK, manager.token),
      },
      Number(process.env.BENCH_RANGE_ITERATIONS ?? 300),
      30,
    );
    report(
      `schedule.list — a week (${entries} entries), raw = the start index read over the 62-day maximum span`,
      weekSamples,
      [
        ['owner', 'as owner (every team)'],
        ['team', 'as manager1 (team scope)'],
      ],
    );

    // clashes.check over a working day of one talent.
    const talent = (
      t.core.sqlite.prepare('SELECT talent_profile AS id FROM schedule_entries LIMIT 1').get() as {
        id: string;
      }
    ).id;
    const day = { start: '2026-12-15T08:00:00.000Z', end: '2026-12-15T18:00:00.000Z' };
    const dayEarliest = new Date(Date.parse(day.start) - 62 * 86_400_000).toISOString();
    const rawBooked = t.core.sqlite.prepare(`SELECT * FROM bookings WHERE talent_profile = ?
      AND status IN ('hold', 'confirmed', 'completed') AND start_date_time >= ? AND start_date_time < ? AND end_date_time > ?`);
    const rawEntries = t.core.sqlite
      .prepare(`SELECT * FROM schedule_entries WHERE talent_profile = ?
      AND status = 'confirmed' AND start >= ? AND start < ? AND "end" > ?`);
    const clashSamples = await interleave(
      {
        raw: () => {
          rawBooked.all(talent, dayEarliest, day.end, day.start);
          return rawEntries.all(talent, dayEarliest, day.end, day.start);
        },
        check: () => call('clashes.check', { talentProfile: talent, ...day }, owner),
      },
      Number(process.env.BENCH_RANGE_ITERATIONS ?? 500),
      50,
    );
    report(
      'clashes.check — one talent’s working day',
      clashSamples,
      [['check', 'clashes.check (router)']],
      // Microseconds of raw work (an empty day): the router's fixed cost is the ratio; a report.
      Infinity,
    );
    return ok;
  } finally {
    t.core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('ranges.ts')) {
  const ok = await benchRanges('bench-password-1');
  process.exitCode = ok ? 0 : 1;
}
