import { open } from 'node:fs/promises';
import { AppError } from '../../../../shared/errors';

/** Image types a headshot may be, recognised by their first bytes, never by their name. */
const IMAGE_SIGNATURES: readonly { contentType: string; matches: (head: Buffer) => boolean }[] = [
  {
    contentType: 'image/png',
    matches: (h) =>
      h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { contentType: 'image/jpeg', matches: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  {
    contentType: 'image/webp',
    matches: (h) =>
      h.subarray(0, 4).toString('latin1') === 'RIFF' &&
      h.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

export async function readHead(path: string, bytes = 16): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The content type of a PNG, JPEG or WebP file, or a VALIDATION error naming the problem. */
export async function imageContentType(path: string): Promise<string> {
  const head = await readHead(path);
  const kind = IMAGE_SIGNATURES.find((signature) => signature.matches(head));
  if (!kind) {
    throw new AppError('VALIDATION', 'A headshot must be a PNG, JPEG or WebP image.', {
      file: 'Not a PNG, JPEG or WebP image',
    });
  }
  return kind.contentType;
}

/** A PDF, by its `%PDF-` header, or a VALIDATION error naming the problem. */
export async function requirePdf(path: string): Promise<void> {
  const head = await readHead(path, 5);
  if (head.toString('latin1') !== '%PDF-') {
    throw new AppError('VALIDATION', 'A signed contract document must be a PDF.', {
      file: 'Not a PDF',
    });
  }
}
