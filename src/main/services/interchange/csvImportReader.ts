import { Worker } from 'node:worker_threads';
import type { CsvImportEntity } from '../../../shared/domain/interchange';
import { AppError } from '../../../shared/errors';
import type { CsvDelimiter } from '../workspace/files/csv';
import type { PlannedRow } from './csvImportRows';
import type { FieldIssue } from '../../../shared/fieldIssue';

export interface ReaderInput {
  readonly path: string;
  readonly entity: CsvImportEntity;
  /** The workspace's SQLite file, opened read-only by the worker for references. */
  readonly databaseFile: string;
  readonly maxBytes: number;
}

export type ReaderMessage =
  | { type: 'header'; columns: string[]; delimiter: CsvDelimiter }
  | { type: 'rows'; rows: PlannedRow[]; bytes: number; size: number }
  | { type: 'end'; rows: number }
  | { type: 'refused'; message: string; field: string; issue: FieldIssue }
  | { type: 'crashed'; message: string };

export interface ReaderHandlers {
  header(columns: string[], delimiter: CsvDelimiter): void;
  /** One batch, in file order; the worker reads on once it resolves. Throwing stops the read. */
  rows(rows: PlannedRow[], bytes: number, size: number): Promise<void> | void;
}

/**
 * Reads a staged CSV in a worker thread (csvImportWorker.ts) and hands its rows to `handlers`
 * batch by batch. In the built app the worker is its own bundle beside main's (an entry in
 * electron.vite.config.ts); from source (tests, the web host under tsx) it is loaded through tsx,
 * as the audio analyser's is.
 */
export function readPlannedRows(input: ReaderInput, handlers: ReaderHandlers): Promise<number> {
  const here = import.meta.url;
  const fromSource = here.endsWith('.ts');
  const url = new URL(fromSource ? './csvImportWorker.ts' : './csvImportWorker.js', here);
  const worker = fromSource
    ? new Worker(
        `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`,
        { eval: true, workerData: input },
      )
    : new Worker(url, { workerData: input });

  return new Promise<number>((resolve, reject) => {
    let settled = false;
    const finish = (error: unknown, rows = 0) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (error) reject(error);
      else resolve(rows);
    };
    // Messages are handled one at a time, in order: a batch is written before the next is read.
    let chain = Promise.resolve();
    worker.on('message', (message: ReaderMessage) => {
      chain = chain
        .then(async () => {
          if (settled) return;
          if (message.type === 'header') handlers.header(message.columns, message.delimiter);
          else if (message.type === 'rows') {
            await handlers.rows(message.rows, message.bytes, message.size);
            worker.postMessage({ type: 'more' });
          } else if (message.type === 'end') finish(null, message.rows);
          else if (message.type === 'refused') {
            finish(
              new AppError(
                'VALIDATION',
                message.message,
                { file: message.field },
                { file: message.issue },
              ),
            );
          } else finish(new Error(`CSV reader failed: ${message.message}`));
        })
        .catch((error: unknown) => finish(error));
    });
    worker.on('error', (error) => finish(error));
    worker.on('exit', (code) => finish(new Error(`CSV reader stopped (exit code ${code})`)));
  });
}
