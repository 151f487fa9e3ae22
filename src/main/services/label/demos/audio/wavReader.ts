import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

export interface WavLayout {
  /** The format tag: 1 PCM, 3 IEEE float, others compressed (ADPCM, μ-law, MP3 in WAV...). */
  readonly tag: number;
  readonly sampleRate: number;
  readonly channels: number;
  readonly bitsPerSample: number;
  readonly dataOffset: number;
  /** The bytes of audio the file holds, and the bytes its header promised. */
  readonly dataBytes: number;
  readonly declaredDataBytes: number;
}

const PCM = 1;
const FLOAT = 3;
/** The widths read here: PCM in 8 to 32 bits, float in 32 or 64. */
const PCM_BITS = [8, 16, 24, 32];
const FLOAT_BITS = [32, 64];
/** Wider than any real recording (WAVE_FORMAT_EXTENSIBLE names 18 speaker positions). */
export const MAX_WAV_CHANNELS = 32;
export const MIN_WAV_RATE = 1000;
export const MAX_WAV_RATE = 768_000;

/** The fmt and data chunks of a RIFF/WAVE file as its header states them, or null if not WAVE. */
export async function wavLayout(path: string): Promise<WavLayout | null> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const size = (await handle.stat()).size;
    if (head.toString('latin1', 0, 4) !== 'RIFF' || head.toString('latin1', 8, 12) !== 'WAVE')
      return null;
    let offset = 12;
    let format: Pick<WavLayout, 'tag' | 'sampleRate' | 'channels' | 'bitsPerSample'> | null = null;
    while (offset + 8 <= bytesRead) {
      const id = head.toString('latin1', offset, offset + 4);
      const length = head.readUInt32LE(offset + 4);
      const body = offset + 8;
      if (id === 'fmt ' && body + 16 <= bytesRead) {
        let tag = head.readUInt16LE(body);
        // WAVE_FORMAT_EXTENSIBLE: the real format is the first two bytes of the sub-format GUID.
        if (tag === 0xfffe && length >= 26 && body + 26 <= bytesRead) {
          tag = head.readUInt16LE(body + 24);
        }
        format = {
          tag,
          channels: head.readUInt16LE(body + 2),
          sampleRate: head.readUInt32LE(body + 4),
          bitsPerSample: head.readUInt16LE(body + 14),
        };
      } else if (id === 'data') {
        if (!format) return null;
        return {
          ...format,
          dataOffset: body,
          dataBytes: Math.max(0, Math.min(length, size - body)),
          declaredDataBytes: length,
        };
      }
      offset = body + length + (length % 2);
    }
    return null;
  } finally {
    await handle.close();
  }
}

/** True when the samples are PCM or float that readWavSamples reads itself. */
export const isPlainWav = (layout: WavLayout): boolean =>
  (layout.tag === PCM && PCM_BITS.includes(layout.bitsPerSample)) ||
  (layout.tag === FLOAT && FLOAT_BITS.includes(layout.bitsPerSample));

/**
 * What is wrong with a WAV header that no player could honour (0 or 7 bits per sample, 65,535
 * channels, a 4 GHz rate), in words for the person importing it; null when it is sound.
 */
export function wavHeaderProblem(layout: WavLayout): string | null {
  if (layout.channels < 1 || layout.channels > MAX_WAV_CHANNELS) {
    return `its header says ${layout.channels} channels (a recording has 1 to ${MAX_WAV_CHANNELS})`;
  }
  if (layout.sampleRate < MIN_WAV_RATE || layout.sampleRate > MAX_WAV_RATE) {
    return `its header says a sample rate of ${layout.sampleRate} Hz (${MIN_WAV_RATE} to ${MAX_WAV_RATE} Hz can be played)`;
  }
  if (layout.tag === PCM && !PCM_BITS.includes(layout.bitsPerSample)) {
    return `its header says ${layout.bitsPerSample} bits per sample (PCM has 8, 16, 24 or 32)`;
  }
  if (layout.tag === FLOAT && !FLOAT_BITS.includes(layout.bitsPerSample)) {
    return `its header says ${layout.bitsPerSample}-bit floating point (32 or 64 can be read)`;
  }
  return null;
}

/**
 * Streams the data chunk as planar float channels in [-1, 1], a few hundred KB at a time: an
 * hour of it never sits in memory.
 */
export async function readWavSamples(
  path: string,
  layout: WavLayout,
  onSamples: (channels: Float32Array[]) => void,
): Promise<void> {
  const bytes = layout.bitsPerSample / 8;
  const frameBytes = bytes * layout.channels;
  const usable = layout.dataBytes - (layout.dataBytes % frameBytes);
  if (usable <= 0) return;
  let carry: Buffer = Buffer.alloc(0);
  const stream = createReadStream(path, {
    start: layout.dataOffset,
    end: layout.dataOffset + usable - 1,
    highWaterMark: 256 * 1024,
  });
  for await (const chunk of stream) {
    const data = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    // Whole frames only, so every chunk starts on the first channel.
    const frames = Math.floor(data.length / frameBytes);
    const channels = Array.from({ length: layout.channels }, () => new Float32Array(frames));
    for (let f = 0, o = 0; f < frames; f += 1) {
      for (let c = 0; c < layout.channels; c += 1, o += bytes) {
        channels[c]![f] = sampleAt(data, o, layout);
      }
    }
    carry = data.subarray(frames * frameBytes);
    onSamples(channels);
  }
}

function sampleAt(data: Buffer, offset: number, layout: WavLayout): number {
  switch (layout.bitsPerSample) {
    case 8:
      return (data[offset]! - 128) / 128;
    case 16:
      return data.readInt16LE(offset) / 32768;
    case 24:
      return data.readIntLE(offset, 3) / 8388608;
    case 64:
      return data.readDoubleLE(offset);
    default:
      return layout.tag === FLOAT
        ? data.readFloatLE(offset)
        : data.readInt32LE(offset) / 2147483648;
  }
}
