import { Worker } from 'node:worker_threads';
import type { AnalysisFailureReason } from '../../../../../shared/domain/demo';
import { AnalysisFailure, type AudioAnalysis } from './analyze';

interface Reply {
  id: number;
  result?: AudioAnalysis;
  error?: string;
  reason?: AnalysisFailureReason;
}

/**
 * One worker thread that analyses audio files one at a time, each within a time budget: a file
 * that runs over it (a decoder stuck on damaged bytes, a machine far too slow) has its worker
 * terminated and fails with reason 'timeout'; the next file gets a fresh worker. In the built app
 * the worker is its own bundle beside main's; from source (tests, the web host under tsx) it is
 * loaded through tsx.
 */
export function createAnalyzer() {
  const here = import.meta.url;
  const fromSource = here.endsWith('.ts');
  const url = new URL(fromSource ? './analysisWorker.ts' : './analysisWorker.js', here);
  let worker: Worker | null = null;
  let nextId = 0;
  /** The job on the worker now: the worker runs one at a time, so a timeout fails only it. */
  let current: { id: number; settle: (reply: Reply) => void } | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  function start(): Worker {
    // From source, a small bootstrap registers tsx in the worker before loading the TypeScript.
    const created = fromSource
      ? new Worker(
          `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`,
          { eval: true },
        )
      : new Worker(url);
    created.on('message', (message: Reply) => {
      if (current?.id === message.id) current.settle(message);
    });
    // A crashed worker fails what it held; the next job starts a fresh one.
    const lost = (why: string) => {
      if (worker !== created) return;
      worker = null;
      current?.settle({ id: current.id, error: why, reason: 'unreadable' });
    };
    created.on('error', (error) => lost(`The analysis worker crashed: ${error.message}`));
    created.on('exit', (code) => lost(`The analysis worker stopped (exit code ${code}).`));
    created.unref();
    return created;
  }

  function run(path: string, timeoutMs: number): Promise<AudioAnalysis> {
    const running = (worker ??= start());
    const id = (nextId += 1);
    return new Promise<AudioAnalysis>((resolve, reject) => {
      const timer = setTimeout(() => {
        // Terminated, not asked: a worker spinning in a loop never reads its messages.
        worker = null;
        void running.terminate();
        settle({
          id,
          reason: 'timeout',
          error: `Measuring took longer than ${Math.round(timeoutMs / 1000)} s and was stopped.`,
        });
      }, timeoutMs);
      timer.unref();
      const settle = (reply: Reply) => {
        clearTimeout(timer);
        if (current?.id === id) current = null;
        if (reply.result) resolve(reply.result);
        else reject(new AnalysisFailure(reply.reason ?? 'unreadable', reply.error ?? 'failed'));
      };
      current = { id, settle };
      running.postMessage({ id, path });
    });
  }

  return {
    /** Peaks, duration and loudness of one file; rejects with an AnalysisFailure. */
    analyze(path: string, { timeoutMs }: { timeoutMs: number }): Promise<AudioAnalysis> {
      const result = queue.then(() => run(path, timeoutMs));
      queue = result.catch(() => undefined);
      return result;
    },
    /** Stops the worker; a file being measured fails (the caller has stopped listening). */
    async close(): Promise<void> {
      const closing = worker;
      worker = null;
      current?.settle({ id: current.id, error: 'The workspace closed.', reason: 'unreadable' });
      await closing?.terminate();
    },
  };
}

export type Analyzer = ReturnType<typeof createAnalyzer>;
