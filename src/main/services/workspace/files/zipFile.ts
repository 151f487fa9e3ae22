import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';

export type ZipEntry =
  | { readonly name: string; readonly file: string; readonly compress?: boolean }
  | { readonly name: string; readonly bytes: Buffer; readonly compress?: boolean };

/**
 * Streams entries into a zip file on disk: files are read as they are written, so a media store
 * larger than memory still exports. Already-compressed media should pass `compress: false`.
 */
export async function writeZip(target: string, entries: Iterable<ZipEntry>): Promise<void> {
  const zip = new ZipFile();
  const written = pipeline(zip.outputStream, createWriteStream(target));
  for (const entry of entries) {
    const options = { compress: entry.compress ?? true };
    if ('file' in entry) zip.addFile(entry.file, entry.name, options);
    else zip.addBuffer(entry.bytes, entry.name, options);
  }
  zip.end();
  await written;
}
