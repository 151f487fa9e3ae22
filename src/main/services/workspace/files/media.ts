import { createHash } from 'node:crypto';
import {
  copyFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../../db/open';
import { media } from '../../../db/schema';
import { confine } from '../../../host/staticFiles';
import { newId } from '../../kernel/store';

export interface IngestedFile {
  readonly sha256: string;
  readonly size: number;
}

export interface StoredFile {
  readonly id: string;
  readonly path: string;
  readonly contentType: string;
  readonly fileName: string;
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Content-addressed files under <dataDir>/media/<sha[0..2]>/<sha>: the same bytes are stored
 * once, whoever adds them and under whatever name.
 */
export function createMediaStore(dataDir: string, db: Db) {
  const root = join(dataDir, 'media');
  mkdirSync(root, { recursive: true });
  const relativePath = (sha: string): string => join(sha.slice(0, 2), sha);

  return {
    root,

    locate(id: string): StoredFile {
      const row = db.select().from(media).where(eq(media.id, id)).get();
      if (!row) throw new AppError('NOT_FOUND', 'That file does not exist.');
      const path = confine(root, relativePath(row.sha256));
      if (!path) throw new AppError('NOT_FOUND', 'That file is missing from the media store.');
      return { id: row.id, path, contentType: row.contentType, fileName: row.fileName };
    },

    /** The media row behind a `media:<id>` reference, and whether its bytes are on disk. */
    inspect(ref: string): { id: string; sha256: string; present: boolean } | null {
      const id = ref.startsWith('media:') ? ref.slice('media:'.length) : ref;
      const row = db.select({ sha256: media.sha256 }).from(media).where(eq(media.id, id)).get();
      if (!row) return null;
      return { id, sha256: row.sha256, present: this.hasBytes(row.sha256) };
    },

    hasBytes(sha256: string): boolean {
      return existsSync(join(root, relativePath(sha256)));
    },

    /**
     * Copies the bytes in, once per content. Runs before the write transaction (hashing is slow
     * and async); `record` then adds the row inside it.
     */
    async ingest(source: string): Promise<IngestedFile> {
      const sha256 = await sha256OfFile(source);
      const target = join(root, relativePath(sha256));
      if (!existsSync(target)) {
        mkdirSync(join(root, sha256.slice(0, 2)), { recursive: true });
        copyFileSync(source, target);
      }
      return { sha256, size: statSync(target).size };
    },

    /** Bytes made in main (exports): written to a temporary file and ingested like any file. */
    async storeBytes(bytes: Buffer): Promise<IngestedFile> {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const target = join(root, relativePath(sha256));
      if (!existsSync(target)) {
        mkdirSync(join(root, sha256.slice(0, 2)), { recursive: true });
        writeFileSync(target, bytes);
      }
      return { sha256, size: bytes.length };
    },

    /** The media row for ingested bytes: the existing one when the same file was stored before. */
    record(
      tx: Pick<Db, 'select' | 'insert'>,
      file: IngestedFile,
      meta: { fileName: string; contentType: string; createdBy: string | null; now: string },
    ): { id: string; duplicate: boolean } {
      const existing = tx
        .select({ id: media.id })
        .from(media)
        .where(eq(media.sha256, file.sha256))
        .get();
      if (existing) return { id: existing.id, duplicate: true };
      const id = newId();
      tx.insert(media)
        .values({
          id,
          createdAt: meta.now,
          updatedAt: meta.now,
          version: 1,
          sha256: file.sha256,
          size: file.size,
          contentType: meta.contentType,
          fileName: meta.fileName,
          createdBy: meta.createdBy,
        })
        .run();
      return { id, duplicate: false };
    },
  };
}

export type MediaStore = ReturnType<typeof createMediaStore>;
