import { and, eq, isNull } from 'drizzle-orm';
import { can } from '../../../../shared/access';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../../db/open';
import { contracts, demos, media, talentProfiles } from '../../../db/schema';
import type { MediaStore, StoredFile } from './media';
import { teamCondition } from '../../kernel/scope';
import type { Session } from '../../kernel/session';

const MEDIA_ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * A stored file is read through a record the session may read: a demo's audio, a contract's
 * document, a talent's headshot, or an export the user made. Anything that is not an id at all
 * (a path, an encoded `../`) is refused outright.
 */
export function createMediaAccess(db: Db, files: MediaStore) {
  const reachable = (session: Session, ref: string): boolean => {
    const role = session.user.role;
    if (
      can(role, 'demos', 'read') &&
      db.select({ id: demos.id }).from(demos).where(eq(demos.audioUrl, ref)).get()
    )
      return true;
    if (
      can(role, 'contracts', 'read') &&
      db.select({ id: contracts.id }).from(contracts).where(eq(contracts.documentUrl, ref)).get()
    )
      return true;
    if (can(role, 'talents', 'read')) {
      const talent = db
        .select({ id: talentProfiles.id })
        .from(talentProfiles)
        .where(
          and(
            eq(talentProfiles.headshotUrl, ref),
            teamCondition(session, 'talents', 'read'),
            isNull(talentProfiles.archivedAt),
          ),
        )
        .get();
      if (talent) return true;
    }
    return false;
  };

  return {
    open(session: Session, id: string): StoredFile {
      if (!MEDIA_ID.test(id)) throw new AppError('FORBIDDEN', 'That is not a stored file.');
      const row = db
        .select({ createdBy: media.createdBy })
        .from(media)
        .where(eq(media.id, id))
        .get();
      if (!row || (row.createdBy !== session.user.id && !reachable(session, `media:${id}`)))
        throw new AppError('NOT_FOUND', 'That file does not exist or is not yours to open.');
      return files.locate(id);
    },
  };
}

export type MediaAccess = ReturnType<typeof createMediaAccess>;
