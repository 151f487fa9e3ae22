/**
 * The memory a process needs to analyse one audio file: `node --import tsx analysisMemory.ts FILE`
 * prints `{ idleRss, peakRss, durationSeconds }` (bytes; idle measured after loading the code).
 * A child process of its own, so the figure is that file's and nothing else's. Used by the audio
 * memory test and `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface AnalysisMemory {
  readonly idleRss: number;
  readonly peakRss: number;
  readonly durationSeconds: number;
  readonly seconds: number;
}

const script = fileURLToPath(import.meta.url);

/** Runs the analysis of `file` in a fresh Node process and reports its memory. */
export function analysisMemory(file: string): AnalysisMemory {
  const child = spawnSync(process.execPath, ['--import', 'tsx', script, file], {
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  if (child.status !== 0) throw new Error(`analysis of ${file} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as AnalysisMemory;
}

if (process.argv[1] === script) {
  const { analyzeAudio } = await import('../../src/main/services/label/demos/audio/analyze');
  const idleRss = process.memoryUsage().rss;
  const started = Date.now();
  const result = await analyzeAudio(process.argv[2]!);
  console.log(
    JSON.stringify({
      idleRss,
      peakRss: process.resourceUsage().maxRSS * 1024,
      durationSeconds: result.durationSeconds,
      seconds: (Date.now() - started) / 1000,
    }),
  );
}
