import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../support/testCore';

/** `npm test` kills the writer 20 times; `npm run test:soak` 200. */
const KILLS = Number(process.env.GREENROOM_CRASH_KILLS ?? 20);
const dir = tempDir('greenroom-crash-');
const file = join(dir, 'greenroom.sqlite');

/** Starts the writer, waits until it has acknowledged a few commits, then SIGKILLs it mid-write. */
function writeUntilKilled(round: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'tests/support/crashWriter.ts'), dir, '300'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const acked: string[] = [];
    let buffer = '';
    let errors = '';
    // Kill after a varying number of acknowledged commits, plus a varying delay: sometimes
    // between transactions, sometimes inside one.
    const killAfter = 5 + ((round * 7) % 40);
    let killing = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ack ')) acked.push(line.slice(4));
      if (!killing && acked.length >= killAfter) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), round % 5);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('exit', (_code, signal) => {
      // A partial last line was never acknowledged: the commit may or may not have landed.
      if (signal === 'SIGKILL' || buffer === '' || acked.length > 0) resolve(acked);
      else reject(new Error(`writer exited without being killed: ${errors}`));
    });
  });
}

function check(acknowledged: Set<string>) {
  const db = new Database(file, { readonly: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    const foreignKeys = db.pragma('foreign_key_check') as unknown[];
    const artists = db.prepare('SELECT id FROM artists').all() as { id: string }[];
    const present = new Set(artists.map((a) => a.id));
    const missing = [...acknowledged].filter((id) => !present.has(id));
    // Every artist came with exactly three notes and four audit rows, or not at all.
    const halfWritten = db
      .prepare(
        `SELECT a.id FROM artists a
         WHERE (SELECT count(*) FROM review_notes n WHERE n.artist = a.id) <> 3
            OR (SELECT count(*) FROM audit_log l WHERE l.entity_id = a.id) <> 1`,
      )
      .all();
    return { integrity, foreignKeys, missing, halfWritten, rows: artists.length };
  } finally {
    db.close();
  }
}

let passed = false;
afterAll(() => {
  // Left behind for inspection when a round failed.
  if (passed) rmSync(dir, { recursive: true, force: true });
});

describe('crash safety', () => {
  it(
    `keeps every acknowledged commit and no half-written one through ${KILLS} SIGKILLs`,
    async () => {
      const acknowledged = new Set<string>();
      let rowsChecked = 0;
      for (let round = 0; round < KILLS; round += 1) {
        for (const id of await writeUntilKilled(round)) acknowledged.add(id);
        const result = check(acknowledged);
        expect(result.integrity, `round ${round}`).toBe('ok');
        expect(result.foreignKeys, `round ${round}`).toEqual([]);
        expect(result.missing, `round ${round}`).toEqual([]);
        expect(result.halfWritten, `round ${round}`).toEqual([]);
        rowsChecked = result.rows;
      }
      passed = true;
      console.log(
        `crash test: ${KILLS} kills survived, ${acknowledged.size} acknowledged commits all present, ${rowsChecked} artists checked (each with its 3 notes and audit rows)`,
      );
    },
    KILLS * 15_000,
  );
});
