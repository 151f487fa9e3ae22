/**
 * The CSV import's reader, in a worker thread: it reads the staged file as a stream, checks that
 * it is UTF-8 CSV, finds its delimiter, and turns each row into its channel's input (schema
 * checks and user and artist references, through its own read-only connection). Main receives
 * the rows in batches and asks for more when it has written them, so a large file neither holds
 * the event loop nor piles up in memory. Loaded by csvImportReader.ts.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { createReadStream, statSync } from 'node:fs';
import { Transform } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse';
import type { CsvImportEntity } from '../../../shared/domain/interchange';
import { columnNames, detectDelimiter, readOptions, rowOf } from '../workspace/files/csv';
import { planRow, type Lookups, type PlannedRow } from './csvImportRows';
import type { ReaderInput, ReaderMessage } from './csvImportReader';
import { rule, type FieldIssue } from '../../../shared/fieldIssue';

const BATCH_ROWS = 500;
/** Batches sent ahead of main's acknowledgement: enough to keep both threads busy. */
const CREDIT = 4;
const SNIFF_BYTES = 64 * 1024;

const input = workerData as ReaderInput;
const port = parentPort!;
const send = (message: ReaderMessage) => port.postMessage(message);

/** A file refused whole: the English sentence, the file field's text, and its code to word. */
class Refused extends Error {
  constructor(
    message: string,
    readonly field: string,
    readonly issue: FieldIssue,
  ) {
    super(message);
  }
}

let credit = CREDIT;
let wake: (() => void) | null = null;
port.on('message', (message: { type: 'more' }) => {
  if (message.type !== 'more') return;
  credit += 1;
  wake?.();
  wake = null;
});
const waitForCredit = () =>
  credit > 0 ? Promise.resolve() : new Promise<void>((resolve) => (wake = resolve));

function lookupsOn(path: string): Lookups & { close(): void } {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const user = db.prepare<[string, string], { id: string }>(
    'SELECT id FROM users WHERE id = ? OR username = ?',
  );
  const artistById = db.prepare<[string], { id: string }>('SELECT id FROM artists WHERE id = ?');
  const artistsNamed = db.prepare<[string], { id: string }>(
    'SELECT id FROM artists WHERE artist_name = ? LIMIT 2',
  );
  // Files repeat the same few users and artists on every row: each is looked up once.
  const cache = new Map<string, string | null>();
  const once = (key: string, find: () => string | null) => {
    if (!cache.has(key)) cache.set(key, find());
    return cache.get(key)!;
  };
  return {
    userId: (value) => once(`user:${value}`, () => user.get(value, value)?.id ?? null),
    artistId: (value) =>
      once(`artist:${value}`, () => {
        const byId = artistById.get(value);
        if (byId) return byId.id;
        const named = artistsNamed.all(value);
        return named.length > 1 ? 'ambiguous' : (named[0]?.id ?? null);
      }) as string | null | 'ambiguous',
    close: () => db.close(),
  };
}

/** Decodes UTF-8 strictly, counting the bytes passed on (the job's progress). */
function utf8(onBytes: (bytes: number) => void) {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  const fail = () =>
    new Refused(
      'The file is not UTF-8 text. Save it as “CSV UTF-8”.',
      'Not UTF-8',
      rule('not_utf8'),
    );
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _encoding, done) {
      try {
        bytes += chunk.length;
        onBytes(bytes);
        done(null, decoder.decode(chunk, { stream: true }));
      } catch {
        done(fail());
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(fail());
      }
    },
  });
}

function sniff(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const read = readSync(fd, buffer, 0, SNIFF_BYTES, 0);
    return new TextDecoder('utf-8').decode(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
}

async function run(): Promise<void> {
  const { path, entity, databaseFile, maxBytes } = input;
  const size = statSync(path).size;
  if (size > maxBytes) {
    throw new Refused(
      `A CSV file can be at most ${maxBytes / 1024 / 1024} MB.`,
      'Too large',
      rule('file_too_large'),
    );
  }
  const delimiter = detectDelimiter(sniff(path));
  const lookups = lookupsOn(databaseFile);
  let bytes = 0;
  const parser = parse(readOptions(delimiter));
  const source = createReadStream(path).pipe(utf8((n) => (bytes = n)));
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);

  let columns: string[] | null = null;
  let present = new Set<string>();
  let batch: PlannedRow[] = [];
  let rows = 0;
  const flush = async () => {
    await waitForCredit();
    credit -= 1;
    send({ type: 'rows', rows: batch, bytes: Math.min(bytes, size), size });
    batch = [];
  };
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!columns) {
        columns = columnNames(record);
        present = new Set(columns);
        send({ type: 'header', columns, delimiter });
        continue;
      }
      rows += 1;
      const raw = rowOf(columns, record);
      batch.push(
        planRow(entity as CsvImportEntity, present, raw, rows, lookups, delimiter === ';'),
      );
      if (batch.length >= BATCH_ROWS) await flush();
    }
  } catch (error) {
    if (error instanceof Refused) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Refused(`The file is not valid CSV (${reason}).`, 'Not CSV', rule('not_csv'));
  } finally {
    lookups.close();
  }
  if (!columns) send({ type: 'header', columns: [], delimiter });
  if (batch.length) await flush();
  send({ type: 'end', rows });
}

run().catch((error: unknown) => {
  if (error instanceof Refused)
    send({ type: 'refused', message: error.message, field: error.field, issue: error.issue });
  else send({ type: 'crashed', message: error instanceof Error ? error.message : String(error) });
});
