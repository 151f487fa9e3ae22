import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from './testCore';

export interface RunningTeamServer {
  readonly url: string;
  readonly port: number;
  readonly fingerprint: string;
  readonly schemaVersion: number;
  readonly process: ChildProcess;
  /** Request log lines and events the server printed, parsed. */
  readonly lines: Record<string, unknown>[];
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * `npm run server` as a real child process (from source, through tsx), on 127.0.0.1. Resolves
 * once it prints its listening line.
 */
export async function startTeamServerProcess(
  dataDir: string,
  { port = 0, extraArgs = [] as string[] } = {},
): Promise<RunningTeamServer> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'src/main/team/cli.ts'),
      '--data-dir',
      dataDir,
      '--listen',
      `127.0.0.1:${port}`,
      '--name',
      '127.0.0.1',
      ...extraArgs,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const listening = new Promise<Record<string, unknown>>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        lines.push(parsed);
        if (parsed.event === 'listening') resolve(parsed);
      } catch {
        // Not one of the server's JSON lines.
      }
    });
    child.once('exit', (code) => reject(new Error(`team server exited ${code}: ${stderr}`)));
  });
  const ready = await listening;
  return {
    url: ready.url as string,
    port: Number(new URL(ready.url as string).port),
    fingerprint: ready.fingerprint as string,
    schemaVersion: ready.schemaVersion as number,
    process: child,
    lines,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      const [code] = (await once(child, 'exit')) as [number | null];
      return code;
    },
  };
}
