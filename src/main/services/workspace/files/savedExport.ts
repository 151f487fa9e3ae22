import type { AuditEntry, Store } from '../../kernel/store';
import type { IngestedFile, MediaStore } from './media';
import type { Session } from '../../kernel/session';

export interface SavedExport {
  readonly media: string;
  readonly fileName: string;
  readonly contentType: string;
}

/**
 * A file the user exported: its media row (theirs, so only they can open it unless a record
 * points at it) and its audit row, in one write. The reply names the type without parameters.
 */
export function saveExport(
  store: Store,
  media: MediaStore,
  session: Session,
  file: IngestedFile,
  meta: { fileName: string; contentType: string; audit: AuditEntry },
): SavedExport {
  const id = store.write(session.user.id, (w) => {
    const record = media.record(w.tx, file, {
      fileName: meta.fileName,
      contentType: meta.contentType,
      createdBy: session.user.id,
      now: w.now,
    });
    w.audit(meta.audit);
    return record.id;
  });
  return {
    media: id,
    fileName: meta.fileName,
    contentType: meta.contentType.split(';')[0]!.trim(),
  };
}
