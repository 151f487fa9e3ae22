import { statSync } from 'node:fs';
import { parseFile } from 'music-metadata';
import { AppError } from '../../../../../shared/errors';
import { readHead } from '../../../workspace/files/fileKinds';

export interface AudioFacts {
  readonly contentType: string;
  readonly durationSeconds: number;
  readonly sampleRate: number;
}

const ascii = (head: Buffer, from: number, to: number) =>
  head.subarray(from, to).toString('latin1');

/** The audio containers a demo may be, recognised by their first bytes, never by their name. */
const AUDIO_SIGNATURES: readonly { contentType: string; matches: (head: Buffer) => boolean }[] = [
  {
    contentType: 'audio/wav',
    matches: (h) => ascii(h, 0, 4) === 'RIFF' && ascii(h, 8, 12) === 'WAVE',
  },
  { contentType: 'audio/flac', matches: (h) => ascii(h, 0, 4) === 'fLaC' },
  { contentType: 'audio/ogg', matches: (h) => ascii(h, 0, 4) === 'OggS' },
  { contentType: 'audio/mp4', matches: (h) => ascii(h, 4, 8) === 'ftyp' },
  { contentType: 'audio/mpeg', matches: (h) => ascii(h, 0, 3) === 'ID3' },
  // An MPEG audio frame (mp3) or an ADTS frame (raw AAC): 11 sync bits.
  {
    contentType: 'audio/mpeg',
    matches: (h) => h[0] === 0xff && ((h[1] ?? 0) & 0xe0) === 0xe0 && ((h[1] ?? 0) & 0x06) !== 0,
  },
  {
    contentType: 'audio/aac',
    matches: (h) => h[0] === 0xff && ((h[1] ?? 0) & 0xf6) === 0xf0,
  },
];

const reject = (message: string, why: string): never => {
  throw new AppError('VALIDATION', message, { file: why });
};

/**
 * Checks a file is audio we can play (WAV, MP3, FLAC, Ogg, M4A/AAC) by its content, and reads its
 * duration and sample rate. A file whose header promises more audio than it holds is cut short:
 * rejected, with the reason.
 */
export async function probeAudio(path: string): Promise<AudioFacts> {
  const size = statSync(path).size;
  if (size === 0) reject('The file is empty.', 'Empty file');
  const head = await readHead(path, 16);
  const kind = AUDIO_SIGNATURES.find((signature) => signature.matches(head));
  if (!kind) {
    reject(
      'This is not an audio file Greenroom can play (WAV, MP3, FLAC, Ogg, M4A or AAC).',
      'Not a supported audio file',
    );
  }
  let format;
  try {
    format = (await parseFile(path, { duration: true, skipCovers: true })).format;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split(':')[0] : 'unreadable';
    return reject(`The audio file is damaged and cannot be read (${reason}).`, 'Damaged audio');
  }
  const { duration, sampleRate } = format;
  if (!duration || !Number.isFinite(duration) || duration <= 0 || !sampleRate) {
    return reject('The audio file is damaged: it holds no playable audio.', 'No audio frames');
  }
  if (kind!.contentType === 'audio/wav' && (await wavIsCutShort(path, size))) {
    return reject(
      'The audio file is cut short: it holds less audio than its header says.',
      'Truncated audio',
    );
  }
  return {
    contentType: kind!.contentType,
    durationSeconds: Math.round(duration * 1000) / 1000,
    sampleRate,
  };
}

/**
 * Walks the RIFF chunks to the `data` chunk: a declared length beyond the end of the file means
 * the copy was cut short (a parser would quietly play what is there).
 */
async function wavIsCutShort(path: string, size: number): Promise<boolean> {
  const head = await readHead(path, 64 * 1024);
  let offset = 12;
  while (offset + 8 <= head.length) {
    const id = ascii(head, offset, offset + 4);
    const length = head.readUInt32LE(offset + 4);
    if (id === 'data') return offset + 8 + length > size;
    offset += 8 + length + (length % 2);
  }
  return false;
}
