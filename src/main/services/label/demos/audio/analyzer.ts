import { Worker } from 'node:worker_threads';
import type { AudioAnalysis } from './analyze';

/**
 * One worker thread that analyses audio files one at a time. In the built app the worker is its
 * own bundle beside main's; from source (tests, the web host under tsx) it is loaded through tsx.
 */
export function createAnalyzer() {
  const here = import.meta.url;
  const fromSource = here.endsWith('.ts');
  const url = new URL(fromSource ? './analysisWorker.ts' : './analysisWorker.js', here);
  let worker: Worker | null = null;
  let nextId = 0;
  const waiting = new Map<
    number,
    { resolve: (r: AudioAnalysis) => void; reject: (e: Error) => void }
  >();

  function start(): Worker {
    // From source, a small bootstrap registers tsx in the worker before loading the TypeScript.
    const created = fromSource
      ? new Worker(
          `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`,
          { eval: true },
        )
      : new Worker(url);
    created.on('message', (message: { id: number; result?: AudioAnalysis; error?: string }) => {
      const job = waiting.get(message.id);
      waiting.delete(message.id);
      if (!job) return;
      if (message.result) job.resolve(message.result);
      else job.reject(new Error(message.error ?? 'analysis failed'));
    });
    // A crashed worker fails what it held; the next job starts a fresh one.
    created.on('error', (error) => {
      for (const job of waiting.values()) job.reject(error);
      waiting.clear();
      worker = null;
    });
    created.unref();
    return created;
  }

  return {
    analyze(path: string): Promise<AudioAnalysis> {
      worker ??= start();
      const id = (nextId += 1);
      const current = worker;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        current.postMessage({ id, path });
      });
    },
    async close(): Promise<void> {
      await worker?.terminate();
      worker = null;
    },
  };
}

export type Analyzer = ReturnType<typeof createAnalyzer>;
