import { statSync } from 'node:fs';
import { parseFile } from 'music-metadata';
import { AppError } from '../../../../../shared/errors';
import { rule, type FieldRule } from '../../../../../shared/fieldIssue';
import { readHead } from '../../../workspace/files/fileKinds';
import { decodeStream } from './decodeStream';
import { audioFormatOf, HEAD_BYTES, type AudioFormat } from './formats';
import { isPlainWav, wavHeaderProblem, wavLayout } from './wavReader';

export interface AudioFacts {
  readonly contentType: string;
  readonly durationSeconds: number;
  readonly sampleRate: number;
}

const reject = (message: string, why: string, code: FieldRule): never => {
  throw new AppError('VALIDATION', message, { file: why }, { file: rule(code) });
};

/**
 * Checks a file is audio we can play (WAV, MP3, FLAC, Ogg, M4A/AAC) by its content, and reads its
 * duration and sample rate. A file whose header promises more audio than it holds is cut short:
 * rejected, with the reason.
 */
export async function probeAudio(path: string): Promise<AudioFacts> {
  const size = statSync(path).size;
  if (size === 0) reject('The file is empty.', 'Empty file', 'file_empty');
  const kind = audioFormatOf(await readHead(path, HEAD_BYTES));
  if (!kind) {
    return reject(
      'This is not an audio file Greenroom can play (WAV, MP3, FLAC, Ogg, M4A or AAC).',
      'Not a supported audio file',
      'not_audio',
    );
  }
  const wav = kind.codec === 'wav' ? await wavLayout(path) : null;
  const problem = wav && wavHeaderProblem(wav);
  if (problem) {
    return reject(
      `This WAV file cannot be played: ${problem}.`,
      'Unsupported WAV format',
      'audio_unsupported',
    );
  }
  let format;
  try {
    format = (await parseFile(path, { duration: true, skipCovers: true })).format;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split(':')[0] : 'unreadable';
    return reject(
      `The audio file is damaged and cannot be read (${reason}).`,
      'Damaged audio',
      'audio_damaged',
    );
  }
  const { duration, sampleRate } = format;
  if (!duration || !Number.isFinite(duration) || duration <= 0 || !sampleRate) {
    return reject(
      'The audio file is damaged: it holds no playable audio.',
      'No audio frames',
      'audio_damaged',
    );
  }
  if (wav && wav.declaredDataBytes > wav.dataBytes) {
    return reject(
      'The audio file is cut short: it holds less audio than its header says.',
      'Truncated audio',
      'audio_damaged',
    );
  }
  if (!(wav && isPlainWav(wav)) && !(await decodesToSound(path, kind, size))) {
    return reject(
      'The audio file is damaged: none of it decodes to sound (is it only the start of a file?).',
      'No audio frames',
      'audio_damaged',
    );
  }
  return {
    contentType: kind.contentType,
    durationSeconds: Math.round(duration * 1000) / 1000,
    sampleRate,
  };
}

/** How far into a file the import looks for sound: a cover image or a long tag may come first. */
const DECODE_CHECK_BYTES = 2 * 1024 * 1024;

/**
 * Whether the start of the file decodes to at least one channel and one frame. The first few
 * hundred bytes of an MP3 or a FLAC carry a header promising minutes of audio and no sound at all.
 * A file larger than the bytes looked at, with no sound in them yet, is given the benefit of the
 * doubt (an M4A may index its audio at its end): analysis then says if it cannot be measured.
 */
async function decodesToSound(path: string, format: AudioFormat, size: number): Promise<boolean> {
  let sound = false;
  try {
    await decodeStream(
      path,
      format.codec,
      (channels) => {
        sound = channels.length > 0 && (channels[0]?.length ?? 0) > 0;
        return sound ? 'stop' : undefined;
      },
      { maxBytes: DECODE_CHECK_BYTES },
    );
  } catch {
    return sound;
  }
  return sound || size > DECODE_CHECK_BYTES;
}
