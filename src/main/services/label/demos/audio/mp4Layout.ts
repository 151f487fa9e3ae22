import { open } from 'node:fs/promises';

/**
 * Whether an MP4/M4A keeps its index (the `moov` box) after its audio (`mdat`), as many encoders
 * write it unless told to "fast start". A streaming decoder cannot place a single sample before
 * it has the index, so such a file has to be held whole until its end.
 */
export async function mp4IndexAtEnd(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const header = Buffer.alloc(16);
    let offset = 0;
    while (offset + 8 <= size) {
      const { bytesRead } = await handle.read(header, 0, 16, offset);
      if (bytesRead < 8) return false;
      let length = header.readUInt32BE(0);
      const type = header.toString('latin1', 4, 8);
      if (type === 'moov') return false;
      if (type === 'mdat') return true;
      if (length === 1 && bytesRead === 16) length = Number(header.readBigUInt64BE(8));
      if (length < 8) return false; // to the end of the file, or damaged: nothing follows
      offset += length;
    }
    return false;
  } finally {
    await handle.close();
  }
}
