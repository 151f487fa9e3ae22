import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import type { Staging } from '../services/workspace/files/staging';

/** One step of a chunked upload from the desktop renderer (files dropped on the window). */
export const uploadStep = z.union([
  z.strictObject({ begin: z.string().min(1).max(255) }),
  z.strictObject({ append: z.string().min(1).max(64), bytes: z.instanceof(Uint8Array) }),
  z.strictObject({ finish: z.string().min(1).max(64) }),
  z.strictObject({ abort: z.string().min(1).max(64) }),
]);
export type UploadStep = z.infer<typeof uploadStep>;

interface Open {
  readonly owner: string;
  readonly stream: PassThrough;
  readonly staged: Promise<string>;
}

/**
 * Dropped files cross IPC as bytes in chunks, streamed into the same staging area as the web
 * host's POST /upload: the renderer never names a path, and no file is held whole in memory.
 */
/** Where an upload's bytes go: this computer's staging, or the team server's (joined). */
export type UploadTarget = Pick<Staging, 'fromStream'>;

export function createUploads(staging: UploadTarget) {
  const open = new Map<string, Open>();

  function find(owner: string, id: string): Open {
    const upload = open.get(id);
    if (!upload || upload.owner !== owner)
      throw new AppError('NOT_FOUND', 'That upload is not open.', { upload: 'Unknown upload' });
    return upload;
  }

  return {
    async step(owner: string, raw: unknown): Promise<{ upload?: string; file?: string }> {
      const parsed = uploadStep.safeParse(raw);
      if (!parsed.success)
        throw new AppError('VALIDATION', 'That upload step is malformed.', { upload: 'Malformed' });
      const step = parsed.data;
      if ('begin' in step) {
        const id = randomBytes(12).toString('base64url');
        const stream = new PassThrough();
        const staged = staging.fromStream(owner, step.begin, stream);
        // A failure surfaces at finish; until then it must not go unhandled.
        staged.catch(() => undefined);
        open.set(id, { owner, stream, staged });
        return { upload: id };
      }
      if ('append' in step) {
        const { stream } = find(owner, step.append);
        if (!stream.write(step.bytes))
          await new Promise((resolve) => stream.once('drain', resolve));
        return {};
      }
      if ('abort' in step) {
        const upload = find(owner, step.abort);
        open.delete(step.abort);
        upload.stream.destroy(new AppError('VALIDATION', 'The upload was cancelled.'));
        return {};
      }
      const upload = find(owner, step.finish);
      open.delete(step.finish);
      upload.stream.end();
      return { file: await upload.staged };
    },
  };
}
