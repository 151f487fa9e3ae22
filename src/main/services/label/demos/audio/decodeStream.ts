import { open } from 'node:fs/promises';
import type { Codec } from './formats';

/** Decoded audio of one chunk: planar channels, samples in [-1, 1]. */
export type OnAudio = (channels: Float32Array[], sampleRate: number) => 'stop' | void;

/**
 * Bytes fed to the decoder per call. Compressed audio can expand thousands of times (an hour of
 * FLAC silence is 700 KB), so the next chunk is sized from what the last one decoded to, keeping
 * each call near FRAMES_PER_CALL whatever the codec or content.
 */
const FIRST_CHUNK = 16 * 1024;
const MIN_CHUNK = 512;
const MAX_CHUNK = 256 * 1024;
const FRAMES_PER_CALL = 1 << 18;

interface Decoded {
  channelData: Float32Array[];
  sampleRate: number;
}

interface ChunkDecoder {
  decode(chunk: Uint8Array): Promise<Decoded>;
  /** The end of the stream: what the decoder still holds. */
  finish(): Promise<Decoded>;
  free(): void;
}

const trimmed = (out: Decoded & { samplesDecoded: number }): Decoded => ({
  channelData: out.channelData.map((data) => data.subarray(0, out.samplesDecoded)),
  sampleRate: out.sampleRate,
});

/**
 * FLAC goes to libFLAC's streaming decoder directly: audio-decode's own FLAC frame splitter drops
 * a frame now and then when fed in small chunks (1 % of ten minutes of silence at 512 bytes a
 * chunk). Every other codec goes through audio-decode's streaming decoders.
 */
async function openDecoder(codec: Codec): Promise<ChunkDecoder> {
  if (codec === 'flac') {
    const { FLACDecoder } = await import('@wasm-audio-decoders/flac');
    const flac = new FLACDecoder();
    await flac.ready;
    return {
      decode: async (chunk) => trimmed(await flac.decode(chunk)),
      finish: async () => trimmed(await flac.flush()),
      free: () => flac.free(),
    };
  }
  const { default: decode } = await import('audio-decode');
  const decoder = await decode[codec]();
  return {
    decode: (chunk) => decoder(chunk),
    finish: () => decoder(),
    free: () => decoder.free(),
  };
}

/**
 * Decodes a file with a streaming decoder for its codec, reading it chunk by chunk,
 * so memory stays the same for a minute or an hour. Stops at the end of the file, after
 * `maxBytes`, or when `onAudio` says 'stop'.
 */
export async function decodeStream(
  path: string,
  codec: Codec,
  onAudio: OnAudio,
  {
    maxBytes = Infinity,
    wholeFile = false,
  }: {
    maxBytes?: number;
    /** The decoder holds everything until the file's end (an M4A indexed there): large reads. */
    wholeFile?: boolean;
  } = {},
): Promise<void> {
  const decoder = await openDecoder(codec);
  const handle = await open(path, 'r');
  let stopped = false;
  const deliver = (decoded: Decoded) => {
    if (!decoded.channelData.length || !decoded.channelData[0]?.length) return 0;
    if (onAudio(decoded.channelData, decoded.sampleRate) === 'stop') stopped = true;
    return decoded.channelData[0].length;
  };
  try {
    const buffer = Buffer.alloc(MAX_CHUNK);
    let position = 0;
    let chunk = wholeFile ? MAX_CHUNK : FIRST_CHUNK;
    while (!stopped && position < maxBytes) {
      const { bytesRead } = await handle.read(
        buffer,
        0,
        Math.min(chunk, maxBytes - position),
        position,
      );
      if (bytesRead === 0) break;
      position += bytesRead;
      // A copy: decoders may keep the bytes of an unfinished frame until the next call.
      const frames = deliver(
        await decoder.decode(Uint8Array.prototype.slice.call(buffer, 0, bytesRead)),
      );
      if (frames > 0) {
        const framesPerByte = frames / bytesRead;
        chunk = Math.max(
          MIN_CHUNK,
          Math.min(MAX_CHUNK, Math.floor(FRAMES_PER_CALL / framesPerByte)),
        );
      }
    }
    if (!stopped) deliver(await decoder.finish());
  } finally {
    decoder.free();
    await handle.close();
  }
}
