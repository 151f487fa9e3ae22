import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { AppError } from '../../../../shared/errors';

export const MAX_UPLOAD_BYTES = 1024 ** 3;
const TOKEN_TTL_MS = 60 * 60 * 1000;

interface Staged {
  readonly path: string;
  readonly fileName: string;
  readonly owner: string;
  readonly expiresAt: number;
}

/**
 * Files handed in by a user before a channel consumes them. Channels take the short-lived
 * token, never a path: the renderer cannot point main at an arbitrary file.
 */
export function createStaging(dataDir: string) {
  const dir = join(dataDir, 'staging');
  const staged = new Map<string, Staged>();

  function sweep(): void {
    const now = Date.now();
    for (const [token, file] of staged) {
      if (file.expiresAt < now) {
        rmSync(file.path, { force: true });
        staged.delete(token);
      }
    }
  }

  return {
    async fromStream(
      owner: string,
      fileName: string,
      body: Readable,
      maxBytes = MAX_UPLOAD_BYTES,
    ): Promise<string> {
      sweep();
      mkdirSync(dir, { recursive: true });
      const token = randomBytes(18).toString('base64url');
      const path = join(dir, token);
      let size = 0;
      body.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes)
          body.destroy(
            new AppError('VALIDATION', 'The file is larger than 1 GB.', { file: 'Too large' }),
          );
      });
      try {
        await pipeline(body, createWriteStream(path));
      } catch (error) {
        rmSync(path, { force: true });
        throw error instanceof AppError
          ? error
          : new AppError('VALIDATION', 'The upload did not complete.', { file: 'Incomplete' });
      }
      staged.set(token, {
        path,
        fileName: fileName.slice(0, 255),
        owner,
        expiresAt: Date.now() + TOKEN_TTL_MS,
      });
      return token;
    },

    /**
     * Runs `work` on the staged file and deletes the staged copy afterwards, whatever happens:
     * the token is spent either way, so a failed import is retried with a fresh upload.
     */
    async use<T>(
      owner: string,
      token: string,
      work: (file: { path: string; fileName: string }) => Promise<T>,
    ): Promise<T> {
      const file = this.take(owner, token);
      try {
        return await work(file);
      } finally {
        rmSync(file.path, { force: true });
      }
    },

    /** The staged file for this user, left staged (a preview before the import itself). */
    peek(owner: string, token: string): { path: string; fileName: string } {
      sweep();
      const file = staged.get(token);
      if (!file || file.owner !== owner)
        throw new AppError('VALIDATION', 'That file is no longer available. Add it again.', {
          file: 'Unknown or expired file',
        });
      return { path: file.path, fileName: file.fileName };
    },

    /** The staged file for this user; the token is spent. */
    take(owner: string, token: string): { path: string; fileName: string } {
      sweep();
      const file = staged.get(token);
      if (!file || file.owner !== owner)
        throw new AppError('VALIDATION', 'That file is no longer available. Add it again.', {
          file: 'Unknown or expired file',
        });
      staged.delete(token);
      return { path: file.path, fileName: file.fileName };
    },
  };
}

export type Staging = ReturnType<typeof createStaging>;
