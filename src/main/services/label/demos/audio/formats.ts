/** The decoders of audio-decode this app streams through (see decodeStream.ts). */
export type Codec = 'wav' | 'mp3' | 'flac' | 'oga' | 'opus' | 'm4a' | 'aac';

export interface AudioFormat {
  readonly contentType: string;
  readonly codec: Codec;
}

/** Bytes enough to tell every format apart, the Ogg codec included (its first packet). */
export const HEAD_BYTES = 64;

const ascii = (head: Buffer, from: number, to: number) =>
  head.subarray(from, to).toString('latin1');

/** An Ogg stream says its codec in the first packet of its first page. */
const oggCodec = (head: Buffer): Codec => (ascii(head, 28, 36) === 'OpusHead' ? 'opus' : 'oga');

/** The audio containers a demo may be, recognised by their first bytes, never by their name. */
const AUDIO_SIGNATURES: readonly {
  contentType: string;
  matches: (head: Buffer) => boolean;
  codec: (head: Buffer) => Codec;
}[] = [
  {
    contentType: 'audio/wav',
    matches: (h) => ascii(h, 0, 4) === 'RIFF' && ascii(h, 8, 12) === 'WAVE',
    codec: () => 'wav',
  },
  { contentType: 'audio/flac', matches: (h) => ascii(h, 0, 4) === 'fLaC', codec: () => 'flac' },
  { contentType: 'audio/ogg', matches: (h) => ascii(h, 0, 4) === 'OggS', codec: oggCodec },
  { contentType: 'audio/mp4', matches: (h) => ascii(h, 4, 8) === 'ftyp', codec: () => 'm4a' },
  { contentType: 'audio/mpeg', matches: (h) => ascii(h, 0, 3) === 'ID3', codec: () => 'mp3' },
  // An MPEG audio frame (mp3) or an ADTS frame (raw AAC): 11 sync bits.
  {
    contentType: 'audio/mpeg',
    matches: (h) => h[0] === 0xff && ((h[1] ?? 0) & 0xe0) === 0xe0 && ((h[1] ?? 0) & 0x06) !== 0,
    codec: () => 'mp3',
  },
  {
    contentType: 'audio/aac',
    matches: (h) => h[0] === 0xff && ((h[1] ?? 0) & 0xf6) === 0xf0,
    codec: () => 'aac',
  },
];

/** The format of a file from its first HEAD_BYTES bytes, or null when it is none we play. */
export function audioFormatOf(head: Buffer): AudioFormat | null {
  const kind = AUDIO_SIGNATURES.find((signature) => signature.matches(head));
  return kind ? { contentType: kind.contentType, codec: kind.codec(head) } : null;
}
