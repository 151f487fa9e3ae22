// `npm test`: everything CI runs, in order, summed into one closing line
// `N passed, N failed, N skipped`. Typecheck, lint, formatting and build count as one check
// each; vitest and Playwright contribute their test counts. Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outputDir = join(root, '.test-output');
rmSync(outputDir, { recursive: true, force: true });
mkdirSync(outputDir, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CI: 'true', ...env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: result.status === 0, seconds };
}

function check(label, command, args) {
  const { ok, seconds } = run(label, command, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  summary.push(`${ok ? '✓' : '✗'} ${label} (${seconds}s)`);
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const npx = 'npx';

check('typecheck (main, preload, shared, tests)', npx, [
  'tsc',
  '--noEmit',
  '-p',
  'tsconfig.node.json',
]);
check('typecheck (renderer)', npx, ['tsc', '--noEmit', '-p', 'tsconfig.web.json']);
check('lint', npx, ['eslint', '--max-warnings', '0', '.']);
check('formatting', npx, ['prettier', '--check', '.']);

/** Each failed test's file, name and first line of its failure, so the closing summary says which. */
function failuresOf(report) {
  const lines = [];
  for (const file of report.testResults ?? []) {
    const where = file.name.replace(root, '');
    for (const test of file.assertionResults ?? []) {
      if (test.status !== 'failed') continue;
      const first = (test.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 300);
      lines.push(`    ✗ ${where} › ${test.fullName}: ${first}`);
    }
    if ((file.assertionResults ?? []).length === 0 && file.status === 'failed')
      lines.push(`    ✗ ${where}: ${(file.message ?? '').split('\n')[0].slice(0, 300)}`);
  }
  return lines;
}

/** The same for Playwright's report: specs whose outcome was not the expected one. */
function e2eFailuresOf(report) {
  const lines = [];
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === 'expected' || test.status === 'skipped') continue;
        const error = test.results?.find((r) => r.error)?.error?.message ?? '';
        const first = error.split('\n')[0].slice(0, 300);
        lines.push(`    ✗ ${spec.file}:${spec.line} › ${spec.title} (${test.status}): ${first}`);
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites ?? []) visit(suite);
  return lines;
}

function vitest(label, name, args, env = {}) {
  const file = join(outputDir, `${name}.json`);
  const { ok, seconds } = run(
    label,
    npx,
    [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${file}`,
      ...args,
    ],
    env,
  );
  const report = readJson(file);
  if (report) {
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
    summary.push(
      `${ok ? '✓' : '✗'} ${label}: ${report.numPassedTests} passed, ${report.numFailedTests} failed (${seconds}s)`,
    );
    summary.push(...failuresOf(report));
  }
  if (!ok && (!report || report.numFailedTests === 0)) {
    totals.failed += 1;
    summary.push(`✗ ${label} did not finish cleanly`);
  }
}

vitest('vitest', 'vitest', []);

// Dates and time zones must not depend on the machine's zone: the time-bound suites run again
// under a zone with DST on the other side of UTC and one with a 45-minute offset.
const TIME_SUITES = [
  'tests/unit',
  'tests/integration/schedule.test.ts',
  'tests/integration/today.test.ts',
  'tests/integration/holds.test.ts',
  'tests/integration/availability.test.ts',
];
for (const zone of ['America/New_York', 'Pacific/Chatham']) {
  vitest(`vitest TZ=${zone}`, `vitest-${zone.replace('/', '-')}`, TIME_SUITES, { TZ: zone });
}

const built = check('build', npx, ['electron-vite', 'build']);
if (built) {
  check('electronegativity over src/main and out (no open HIGH finding)', 'node', [
    'scripts/electronegativity-gate.mjs',
  ]);
}

if (built && existsSync(join(root, 'out', 'renderer', 'index.html'))) {
  const file = join(outputDir, 'playwright.json');
  const cspLog = join(outputDir, 'csp-violations.log');
  const { ok, seconds } = run('e2e (Playwright, Debian chromium)', npx, ['playwright', 'test'], {
    GREENROOM_CSP_LOG: cspLog,
  });
  const report = readJson(file);
  if (existsSync(cspLog)) {
    const counts = readFileSync(cspLog, 'utf8').trim().split('\n').map(Number);
    const total = counts.reduce((sum, n) => sum + n, 0);
    summary.push(
      `${total === 0 ? '✓' : '✗'} CSP: ${total} violations across ${counts.length} e2e pages`,
    );
  }
  if (report?.stats) {
    const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
    totals.passed += expected;
    totals.failed += unexpected + flaky;
    totals.skipped += skipped;
    summary.push(
      `${ok ? '✓' : '✗'} e2e: ${expected} passed, ${unexpected + flaky} failed (${seconds}s)`,
    );
    summary.push(...e2eFailuresOf(report));
  }
  if (!ok && (!report?.stats || report.stats.unexpected + report.stats.flaky === 0)) {
    totals.failed += 1;
    summary.push('✗ e2e did not finish cleanly');
  }
} else {
  totals.failed += 1;
  summary.push('✗ e2e not run: the build failed');
}

console.log(`\n${summary.join('\n')}\n`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
