import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { appendFileSync } from 'node:fs';
import { expect, test as base } from '@playwright/test';

/** Counted across the whole run; scripts/test.mjs prints the total. */
function recordCspViolations(count: number): void {
  const file = process.env.GREENROOM_CSP_LOG;
  if (file) appendFileSync(file, `${count}\n`);
}

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface RunningHost {
  readonly url: string;
  readonly dataDir: string;
  /**
   * Stops the host and starts it again on the same data: proves what was saved is kept.
   * `clockOffsetMinutes` starts it that much later by its clock (time passed while closed).
   */
  restart(options?: { clockOffsetMinutes?: number }): Promise<void>;
}

function start(
  dataDir: string,
  port = 0,
  clockOffsetMinutes = 0,
): Promise<{ process: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'src/main/host/cli.ts'),
      '--data-dir',
      dataDir,
      '--port',
      String(port),
      '--clock-offset-minutes',
      String(clockOffsetMinutes),
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolveStart, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolveStart({ process: child, url: match[1]! });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`web host exited with ${code}: ${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null) return done();
    child.removeAllListeners('exit');
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

/** A fresh workspace and web host per test; every page is watched for CSP violations. */
export const test = base.extend<{ host: RunningHost }>({
  page: async ({ page }, use) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await use(page);
    recordCspViolations(violations.length);
    expect(violations, 'Content Security Policy violations').toEqual([]);
  },
  // Playwright reads the fixture's dependencies from this (empty) destructuring pattern.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'greenroom-e2e-'));
    let running = await start(dataDir);
    const host: RunningHost = {
      get url() {
        return running.url;
      },
      dataDir,
      async restart(options) {
        await stop(running.process);
        // The same port keeps the same origin, so the browser keeps its sign-in.
        running = await start(
          dataDir,
          Number(new URL(running.url).port),
          options?.clockOffsetMinutes,
        );
      },
    };
    await use(host);
    await stop(running.process);
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
