import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../../../../shared/errors';

/** One file: an hour-long WAV demo fits. */
export const MAX_UPLOAD_BYTES = 1024 ** 3;
/** What one user may have staged (and be uploading) at once, before channels consume it. */
export const MAX_STAGED_BYTES_PER_USER = 1.5 * 1024 ** 3;
export const MAX_STAGED_FILES_PER_USER = 200;
const TOKEN_TTL_MS = 60 * 60 * 1000;

const GIB = 1024 ** 3;
const sizeText = (bytes: number): string =>
  bytes >= GIB ? `${+(bytes / GIB).toFixed(1)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;

interface Staged {
  readonly path: string;
  readonly fileName: string;
  readonly owner: string;
  readonly bytes: number;
  readonly expiresAt: number;
}

/**
 * Files handed in by a user before a channel consumes them. Channels take the short-lived
 * token, never a path: the renderer cannot point main at an arbitrary file.
 */
export interface StagingLimits {
  readonly fileBytes: number;
  readonly userBytes: number;
  readonly userFiles: number;
}

export const DEFAULT_STAGING_LIMITS: StagingLimits = {
  fileBytes: MAX_UPLOAD_BYTES,
  userBytes: MAX_STAGED_BYTES_PER_USER,
  userFiles: MAX_STAGED_FILES_PER_USER,
};

export function createStaging(dataDir: string, limits: StagingLimits = DEFAULT_STAGING_LIMITS) {
  const dir = join(dataDir, 'staging');
  const staged = new Map<string, Staged>();
  /** Bytes and files per user: staged, plus uploads still arriving. */
  const usage = new Map<string, { bytes: number; files: number }>();
  // Tokens live in memory: whatever a previous run staged can never be consumed.
  rmSync(dir, { recursive: true, force: true });

  function use(owner: string): { bytes: number; files: number } {
    let found = usage.get(owner);
    if (!found) usage.set(owner, (found = { bytes: 0, files: 0 }));
    return found;
  }

  function release(owner: string, bytes: number): void {
    const found = use(owner);
    found.bytes -= bytes;
    found.files -= 1;
    if (found.files <= 0) usage.delete(owner);
  }

  function overQuota(): AppError {
    return tooLarge(
      `Files waiting to be added may take up to ${sizeText(limits.userBytes)} per person. Add or cancel those first.`,
    );
  }

  function tooLarge(message: string): AppError {
    return new AppError('VALIDATION', message, { file: 'Too large' });
  }

  function sweep(): void {
    const now = Date.now();
    for (const [token, file] of staged) {
      if (file.expiresAt < now) {
        rmSync(file.path, { force: true });
        staged.delete(token);
        release(file.owner, file.bytes);
      }
    }
  }

  /**
   * Refuses, before any byte is read, an upload whose declared size is over a limit: the
   * file limit, or what this user may still stage.
   */
  function assertRoom(owner: string, declaredBytes: number): void {
    sweep();
    if (declaredBytes > limits.fileBytes)
      throw tooLarge(`The file is larger than ${sizeText(limits.fileBytes)}.`);
    const current = use(owner);
    if (current.files >= limits.userFiles)
      throw tooLarge(
        `You have ${limits.userFiles} files waiting to be added. Add or cancel those first.`,
      );
    if (current.bytes + declaredBytes > limits.userBytes) throw overQuota();
  }

  return {
    assertRoom,

    async fromStream(
      owner: string,
      fileName: string,
      body: Readable,
      maxBytes = limits.fileBytes,
    ): Promise<string> {
      assertRoom(owner, 0);
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const token = randomBytes(18).toString('base64url');
      const path = join(dir, token);
      const current = use(owner);
      current.files += 1;
      let size = 0;
      try {
        // Not stream.pipeline: on a refusal it would destroy the request, and with it the
        // socket the answer has to go out on.
        await new Promise<void>((resolve, reject) => {
          const out = createWriteStream(path, { mode: 0o600 });
          let settled = false;
          const fail = (error: AppError) => {
            if (settled) return;
            settled = true;
            body.unpipe(out);
            out.destroy();
            reject(error);
          };
          const incomplete = () =>
            fail(
              new AppError('VALIDATION', 'The upload did not complete.', { file: 'Incomplete' }),
            );
          body.on('data', (chunk: Buffer) => {
            if (settled) return;
            size += chunk.length;
            current.bytes += chunk.length;
            if (size > maxBytes) fail(tooLarge(`The file is larger than ${sizeText(maxBytes)}.`));
            else if (current.bytes > limits.userBytes) fail(overQuota());
          });
          body.on('error', (error) => (error instanceof AppError ? fail(error) : incomplete()));
          body.on('close', () => {
            if (!body.readableEnded) incomplete();
          });
          out.on('error', incomplete);
          out.on('finish', () => {
            if (settled) return;
            settled = true;
            resolve();
          });
          body.pipe(out);
        });
      } catch (error) {
        rmSync(path, { force: true });
        release(owner, size);
        throw error;
      }
      staged.set(token, {
        path,
        fileName: fileName.slice(0, 255),
        owner,
        bytes: size,
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
      release(owner, file.bytes);
      return { path: file.path, fileName: file.fileName };
    },
  };
}

export type Staging = ReturnType<typeof createStaging>;
