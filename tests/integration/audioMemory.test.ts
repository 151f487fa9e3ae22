import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analysisMemory } from '../support/analysisMemory';
import { tempDir } from '../support/testCore';

const hasSox = (() => {
  try {
    execFileSync('sox', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

const dir = tempDir('greenroom-audio-memory-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Silence in FLAC: the smallest file for its length (an hour is a few hundred KB). */
function silentFlac(seconds: number): string {
  const path = join(dir, `silence-${seconds}.flac`);
  execFileSync('sox', ['-n', '-r', '8000', '-c', '1', path, 'trim', '0', String(seconds)]);
  return path;
}

describe('analysing compressed audio', () => {
  it.skipIf(!hasSox)(
    'needs about the same memory for two hours as for a minute (decoded chunk by chunk)',
    () => {
      const minute = analysisMemory(silentFlac(60));
      const long = analysisMemory(silentFlac(7200));
      expect(minute.durationSeconds).toBe(60);
      expect(long.durationSeconds).toBe(7200);
      // Decoding whole, one hour took 3.5 times the minute's peak (+230 MB at 8 kHz mono), and
      // two hours twice that again; chunk by chunk it stays near the minute's, with room left
      // for a busy machine's noise.
      expect(long.peakRss / minute.peakRss).toBeLessThan(2);
    },
    120_000,
  );
});
