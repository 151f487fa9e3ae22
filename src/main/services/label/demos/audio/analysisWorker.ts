/**
 * Runs in a worker thread: decoding an hour of audio must never stall main, which answers every
 * channel. A file that cannot be measured answers with the reason (see AnalysisFailure).
 */
import { parentPort } from 'node:worker_threads';
import { AnalysisFailure, analyzeAudio } from './analyze';

parentPort?.on('message', (job: { id: number; path: string }) => {
  analyzeAudio(job.path).then(
    (result) => parentPort?.postMessage({ id: job.id, result }),
    (error: unknown) =>
      parentPort?.postMessage({
        id: job.id,
        error: error instanceof Error ? error.message : String(error),
        reason: error instanceof AnalysisFailure ? error.reason : 'unreadable',
      }),
  );
});
