import { eq } from 'drizzle-orm';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../../db/open';
import { artists } from '../../../db/schema';

/** NOT_FOUND naming the `artist` field unless that artist exists (label records hang off one). */
export function requireArtist(tx: Pick<Db, 'select'>, id: string): void {
  const found = tx.select({ id: artists.id }).from(artists).where(eq(artists.id, id)).get();
  if (!found)
    throw new AppError('NOT_FOUND', 'That artist does not exist.', { artist: 'Not found' });
}
