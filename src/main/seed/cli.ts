/**
 * `npm run seed -- --data-dir DIR --password P [--talents N --artists N ...]`: sample data for
 * demos and benchmarks. Deterministic for a given --seed and --now.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { passwordProblem } from '../services/workspace/accounts/passwordPolicy';
import { createCore } from '../core';
import { DEFAULT_COUNTS, seedWorkspace, type SeedCounts } from './seed';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const flags: Record<keyof SeedCounts, string> = {
  talents: 'talents',
  auditions: 'auditions',
  bookings: 'bookings',
  scheduleEntries: 'schedule-entries',
  availabilityBlocks: 'availability-blocks',
  artists: 'artists',
  demos: 'demos',
  contracts: 'contracts',
  growthLogs: 'growth-logs',
  reviewNotes: 'review-notes',
  managers: 'managers',
};

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    password: { type: 'string' },
    seed: { type: 'string' },
    now: { type: 'string' },
    ...Object.fromEntries(Object.values(flags).map((flag) => [flag, { type: 'string' as const }])),
  },
});

const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};
const dataDir = values['data-dir'] ?? fail('--data-dir DIR is required');
const password = values.password ?? fail('--password P is required (sample users get it)');
// Sample users sign in with it: the rule for every other password applies.
const problem = passwordProblem(password);
if (problem) fail(`--password is refused: ${problem.toLowerCase()}`);

const counts: Partial<SeedCounts> = {};
for (const [key, flag] of Object.entries(flags) as [keyof SeedCounts, string][]) {
  const raw = (values as Record<string, string | undefined>)[flag];
  if (raw === undefined) continue;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) fail(`--${flag} must be a whole number, not "${raw}"`);
  counts[key] = n;
}

const core = createCore({
  dataDir: resolve(dataDir),
  migrationsDir: join(root, 'resources', 'migrations'),
  scheduledBackups: false,
});
const started = Date.now();
const result = await seedWorkspace(core, {
  password,
  counts,
  ...(values.seed ? { seed: Number(values.seed) } : {}),
  ...(values.now ? { now: new Date(values.now) } : {}),
});
core.close();
console.log(`Seeded ${core.dataDir} in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
for (const [key, n] of Object.entries(result)) console.log(`  ${key.padEnd(20)} ${n}`);
console.log(`Defaults when a flag is left out: ${JSON.stringify(DEFAULT_COUNTS)}`);
