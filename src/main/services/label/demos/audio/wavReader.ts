import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

export interface WavLayout {
  readonly sampleRate: number;
  readonly channels: number;
  readonly bitsPerSample: number;
  readonly float: boolean;
  readonly dataOffset: number;
  readonly dataBytes: number;
}

/** The fmt and data chunks of a RIFF/WAVE file, or null if it is not PCM or float audio we read. */
export async function wavLayout(path: string): Promise<WavLayout | null> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const size = (await handle.stat()).size;
    if (head.toString('latin1', 0, 4) !== 'RIFF' || head.toString('latin1', 8, 12) !== 'WAVE')
      return null;
    let offset = 12;
    let format: Omit<WavLayout, 'dataOffset' | 'dataBytes'> | null = null;
    while (offset + 8 <= bytesRead) {
      const id = head.toString('latin1', offset, offset + 4);
      const length = head.readUInt32LE(offset + 4);
      const body = offset + 8;
      if (id === 'fmt ') {
        let tag = head.readUInt16LE(body);
        // WAVE_FORMAT_EXTENSIBLE: the real format is the first two bytes of the sub-format GUID.
        if (tag === 0xfffe && length >= 26) tag = head.readUInt16LE(body + 24);
        const bitsPerSample = head.readUInt16LE(body + 14);
        if (tag !== 1 && tag !== 3) return null;
        format = {
          channels: head.readUInt16LE(body + 2),
          sampleRate: head.readUInt32LE(body + 4),
          bitsPerSample,
          float: tag === 3,
        };
      } else if (id === 'data') {
        if (!format || ![8, 16, 24, 32].includes(format.bitsPerSample)) return null;
        return { ...format, dataOffset: body, dataBytes: Math.min(length, size - body) };
      }
      offset = body + length + (length % 2);
    }
    return null;
  } finally {
    await handle.close();
  }
}

/** Streams the data chunk as interleaved float samples in [-1, 1], a few hundred KB at a time. */
export async function readWavSamples(
  path: string,
  layout: WavLayout,
  onSamples: (samples: Float32Array) => void,
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
    const whole = data.length - (data.length % frameBytes);
    const samples = new Float32Array(whole / bytes);
    for (let i = 0, o = 0; o < whole; i += 1, o += bytes) samples[i] = sampleAt(data, o, layout);
    carry = data.subarray(whole);
    onSamples(samples);
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
    default:
      return layout.float ? data.readFloatLE(offset) : data.readInt32LE(offset) / 2147483648;
  }
}
