import { randomUUID } from 'node:crypto';
import type { Job } from '../../../shared/domain/job';
import { AppError } from '../../../shared/errors';
import type { Session } from './session';

type Result = NonNullable<Job['result']>;

export interface JobControl {
  /** Reports progress; throws JobCancelled once the user has cancelled. */
  step(done: number, total: number): void;
  readonly cancelled: boolean;
}

export class JobCancelled extends Error {}

const FINISHED_KEPT_MS = 60 * 60 * 1000;

interface Tracked extends Job {
  readonly owner: string;
  finishedAt: number | null;
  cancelRequested: boolean;
}

/**
 * Work that outlives one call: started by a channel, followed with `jobs.get`, stopped with
 * `jobs.cancel`. Jobs live in memory, belong to the user who started them, and are forgotten
 * an hour after they finish.
 */
export function createJobs() {
  const jobs = new Map<string, Tracked>();

  function sweep(): void {
    const now = Date.now();
    for (const [id, job] of jobs) {
      if (job.finishedAt && now - job.finishedAt > FINISHED_KEPT_MS) jobs.delete(id);
    }
  }

  function own(session: Session, id: string): Tracked {
    const job = jobs.get(id);
    if (!job || job.owner !== session.user.id) {
      throw new AppError('NOT_FOUND', 'That job does not exist or is not yours.');
    }
    return job;
  }

  const publicJob = ({ owner: _o, finishedAt: _f, cancelRequested: _c, ...job }: Tracked): Job =>
    job;

  return {
    /**
     * `work` resolves with the file it made, or with null when its service keeps what it found
     * (a CSV import's check is read back with imports.preview).
     */
    start(
      session: Session,
      kind: string,
      work: (control: JobControl) => Promise<Result | null>,
    ): Job {
      sweep();
      const job: Tracked = {
        id: randomUUID(),
        kind,
        state: 'running',
        done: 0,
        total: 0,
        result: null,
        error: null,
        owner: session.user.id,
        finishedAt: null,
        cancelRequested: false,
      };
      jobs.set(job.id, job);
      const control: JobControl = {
        step(done, total) {
          if (job.cancelRequested) throw new JobCancelled();
          job.done = done;
          job.total = total;
        },
        get cancelled() {
          return job.cancelRequested;
        },
      };
      // Started on the next turn, so the caller gets the job before any work runs.
      setImmediate(() => {
        work(control)
          .then((result) => {
            job.state = 'done';
            job.result = result;
          })
          .catch((error: unknown) => {
            if (error instanceof JobCancelled) job.state = 'cancelled';
            else {
              job.state = 'failed';
              job.error =
                error instanceof AppError
                  ? error.message
                  : 'Something went wrong. Nothing was saved.';
              if (!(error instanceof AppError)) console.error(`job ${kind} failed`, error);
            }
          })
          .finally(() => {
            job.finishedAt = Date.now();
          });
      });
      return publicJob(job);
    },

    get(session: Session, id: string): Job {
      return publicJob(own(session, id));
    },

    cancel(session: Session, id: string): Job {
      const job = own(session, id);
      if (job.state === 'running') job.cancelRequested = true;
      return publicJob(job);
    },
  };
}

export type Jobs = ReturnType<typeof createJobs>;
