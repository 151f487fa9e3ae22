/**
 * Memory of audio analysis: the peak RSS above idle of a process analysing one hour of FLAC, MP3
 * and Ogg Vorbis (44.1 kHz stereo, made by sox at bench time), against the same process analysing
 * one minute of the same format in the same run. The FLAC is an hour of silence (the file of the
 * report: the most samples per byte); MP3 and Ogg are a tone sweep, five minutes encoded once and
 * repeated (MP3 frames follow frames; Ogg streams chain), since encoding an hour takes minutes. Decoded whole, an hour of FLAC took 3.7 GB;
 * decoded chunk by chunk, an hour should need what a minute needs (target < 150 MB above idle).
 * BENCH_AUDIO_SECONDS shortens the long files for a quick look.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analysisMemory } from '../support/analysisMemory';
import { tempDir } from '../support/testCore';

const SECONDS = Number(process.env.BENCH_AUDIO_SECONDS ?? 3600);
const TARGET_MB = 150;
const MB = 1024 * 1024;

const sox = (path: string, seconds: number, options: string[] = []) =>
  execFileSync('sox', [
    '-n',
    '-r',
    '44100',
    '-c',
    '2',
    ...options,
    path,
    'synth',
    String(seconds),
    'sine',
    '220-880',
    'vol',
    '0.2',
  ]);

/** Five minutes encoded once and repeated: an hour of MP3 frames, or of chained Ogg streams. */
function repeated(options: string[]) {
  return (path: string, seconds: number): void => {
    const part = Math.min(seconds, 300);
    sox(`${path}.part`, part, ['-t', options[0]!, ...options.slice(1)]);
    const bytes = readFileSync(`${path}.part`);
    const copies = Math.round(seconds / part);
    writeFileSync(path, Buffer.concat(Array.from({ length: copies }, () => bytes)));
  };
}

const FORMATS: { name: string; make: (path: string, seconds: number) => void }[] = [
  {
    name: 'flac',
    make: (path, seconds) =>
      execFileSync('sox', ['-n', '-r', '44100', '-c', '2', path, 'trim', '0', String(seconds)]),
  },
  { name: 'mp3', make: repeated(['mp3', '-C', '128']) },
  { name: 'ogg', make: repeated(['ogg', '-C', '3']) },
];

const soxWrites = (format: string) =>
  / mp3 /.test(execFileSync('sox', ['-h']).toString()) || format !== 'mp3';

/** Returns false when a target is missed. */
export async function benchAudio(): Promise<boolean> {
  const dir = tempDir('greenroom-bench-audio-');
  let met = true;
  try {
    console.log(
      `\nAudio analysis memory — peak RSS above idle, one process per file, ${SECONDS / 60} min against 1 min`,
    );
    for (const { name, make } of FORMATS) {
      if (!soxWrites(name)) {
        console.log(
          `  ${name.padEnd(5)} skipped: this sox cannot write it (apt-get install libsox-fmt-mp3)`,
        );
        continue;
      }
      const minutePath = join(dir, `minute.${name}`);
      const longPath = join(dir, `long.${name}`);
      const made = Date.now();
      make(minutePath, 60);
      make(longPath, SECONDS);
      const madeIn = (Date.now() - made) / 1000;
      const minute = analysisMemory(minutePath);
      const long = analysisMemory(longPath);
      const above = (m: typeof long) => (m.peakRss - m.idleRss) / MB;
      if (Math.abs(long.durationSeconds - SECONDS) > 1) {
        throw new Error(`${name}: measured ${long.durationSeconds} s of ${SECONDS} s`);
      }
      console.log(
        `  ${name.padEnd(5)} 1 min ${above(minute).toFixed(0).padStart(4)} MB   ${SECONDS / 60} min ${above(long).toFixed(0).padStart(4)} MB` +
          `   ratio ${(above(long) / above(minute)).toFixed(2)}   analysed in ${long.seconds.toFixed(1)} s` +
          `   (made by sox in ${madeIn.toFixed(0)} s; target < ${TARGET_MB} MB)`,
      );
      if (above(long) >= TARGET_MB) met = false;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return met;
}
