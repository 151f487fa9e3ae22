import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { noteVisibilitiesFor } from '../../../shared/access';
import type { Input, Output } from '../../../shared/api';
import type { NoteVisibility, ReviewNote } from '../../../shared/domain/reviewNote';
import type { NoteType } from '../../../shared/domain/vocabulary';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../db/open';
import { demos, reviewNotes, users } from '../../db/schema';
import {
  afterCursorPlaceholder,
  cursorParams,
  DEFAULT_LIMIT,
  pageOf,
  preparedByShape,
} from '../kernel/paging';
import { requireArtist } from './artists/requireArtist';
import type { Session } from '../kernel/session';
import { newId, type Store, type WriteContext } from '../kernel/store';

/** A row of selectNotes as values, in its column order: read without the ORM's per-row mapping. */
type NoteValues = [
  id: string,
  createdAt: string,
  updatedAt: string,
  version: number,
  artist: string,
  demo: string | null,
  author: string,
  noteType: NoteType,
  body: string,
  visibility: NoteVisibility,
  atSeconds: number | null,
  replaces: string | null,
  authorUsername: string,
  authorFullName: string,
];

function toNote(v: NoteValues): ReviewNote {
  return {
    id: v[0],
    createdAt: v[1],
    updatedAt: v[2],
    version: v[3],
    artist: v[4],
    demo: v[5],
    author: v[6],
    noteType: v[7],
    body: v[8],
    visibility: v[9],
    atSeconds: v[10],
    replaces: v[11],
    expanded: { author: { id: v[6], username: v[12], fullName: v[13] } },
  };
}

export interface NewNote {
  readonly artist: string;
  readonly demo: string | null;
  readonly noteType: NoteType;
  readonly body: string;
  readonly visibility: NoteVisibility;
  readonly atSeconds: number | null;
  readonly replaces: string | null;
}

/**
 * The notes a reader may see, as a condition of prepared statements: their own (placeholder `me`)
 * and others' whose visibility `shared` includes, the visibilities shared with their role.
 */
export function readableNotes(shared: readonly NoteVisibility[]): SQL {
  const own = eq(reviewNotes.author, sql.placeholder('me'));
  return shared.length ? or(own, inArray(reviewNotes.visibility, [...shared]))! : own;
}

function selectNotes(tx: Pick<Db, 'select'>) {
  return tx
    .select({
      id: reviewNotes.id,
      createdAt: reviewNotes.createdAt,
      updatedAt: reviewNotes.updatedAt,
      version: reviewNotes.version,
      artist: reviewNotes.artist,
      demo: reviewNotes.demo,
      author: reviewNotes.author,
      noteType: reviewNotes.noteType,
      body: reviewNotes.body,
      visibility: reviewNotes.visibility,
      atSeconds: reviewNotes.atSeconds,
      replaces: reviewNotes.replaces,
      authorUsername: users.username,
      authorFullName: users.fullName,
    })
    .from(reviewNotes)
    .innerJoin(users, eq(users.id, reviewNotes.author));
}

/**
 * Adds a note inside a write (reviewNotes.create, and a demo decision that carries one): checks
 * what it points at, audits it and tells only its audience.
 */
export function insertNote(w: WriteContext, session: Session, note: NewNote): ReviewNote {
  const readable = noteVisibilitiesFor(session.user.role);
  if (note.visibility !== 'private' && !readable.includes(note.visibility)) {
    throw new AppError('VALIDATION', 'You cannot write a note you would not be allowed to read.', {
      visibility: `Allowed: private, ${readable.join(', ')}`,
    });
  }
  requireArtist(w.tx, note.artist);
  if (note.demo) {
    const demo = w.tx
      .select({ artist: demos.artist })
      .from(demos)
      .where(eq(demos.id, note.demo))
      .get();
    if (!demo || demo.artist !== note.artist)
      throw new AppError('VALIDATION', 'That demo is not one of this artist’s.', {
        demo: 'Not this artist’s demo',
      });
  }
  if (note.replaces) {
    const earlier = w.tx
      .select({ artist: reviewNotes.artist, author: reviewNotes.author })
      .from(reviewNotes)
      .where(eq(reviewNotes.id, note.replaces))
      .get();
    // Only the author corrects a note; a correction stays with the same artist.
    if (!earlier || earlier.author !== session.user.id || earlier.artist !== note.artist)
      throw new AppError(
        'VALIDATION',
        'You can only correct one of your own notes on this artist.',
        {
          replaces: 'Not your note on this artist',
        },
      );
  }
  const id = newId();
  const values = {
    id,
    createdAt: w.now,
    updatedAt: w.now,
    version: 1,
    author: session.user.id,
    ...note,
  };
  w.tx.insert(reviewNotes).values(values).run();
  const { id: _i, createdAt: _c, updatedAt: _u, version: _v, ...fields } = values;
  w.audit({ action: 'reviewNotes.create', entity: 'reviewNotes', entityId: id, changes: fields });
  w.emit({
    entity: 'reviewNotes',
    id,
    action: 'created',
    note: { visibility: note.visibility, author: session.user.id },
  });
  return toNote(selectNotes(w.tx).where(eq(reviewNotes.id, id)).values()[0] as NoteValues);
}

/** Append-only review notes with per-note visibility. */
export function createReviewNoteService(store: Store) {
  const { db } = store;
  // An artist's (or a demo's) notes are read on every open of its page: prepared once per
  // role's audience and filters, not built per call.
  const listStatement = preparedByShape(
    (shape: { shared: readonly NoteVisibility[]; demo: boolean; cursor: boolean }) => {
      const p = sql.placeholder;
      return selectNotes(db)
        .where(
          and(
            eq(reviewNotes.artist, p('artist')),
            readableNotes(shape.shared),
            shape.demo ? eq(reviewNotes.demo, p('demo')) : undefined,
            shape.cursor
              ? afterCursorPlaceholder(reviewNotes.createdAt, reviewNotes.id, 'desc')
              : undefined,
          ),
        )
        .orderBy(desc(reviewNotes.createdAt), desc(reviewNotes.id))
        .limit(p('limit'))
        .prepare();
    },
  );
  return {
    list(session: Session, input: Input<'reviewNotes.list'>): Output<'reviewNotes.list'> {
      const limit = input.limit ?? DEFAULT_LIMIT;
      const rows = listStatement({
        shared: noteVisibilitiesFor(session.user.role),
        demo: input.demo !== undefined,
        cursor: Boolean(input.cursor),
      }).values({
        artist: input.artist,
        me: session.user.id,
        demo: input.demo,
        limit: limit + 1,
        ...(input.cursor ? cursorParams(input.cursor) : {}),
      }) as NoteValues[];
      return pageOf(rows, limit, toNote, (item) => [item.createdAt, item.id]);
    },

    create(session: Session, input: Input<'reviewNotes.create'>): Output<'reviewNotes.create'> {
      return store.write(session.user.id, (w) =>
        insertNote(w, session, {
          artist: input.artist,
          demo: input.demo ?? null,
          noteType: input.noteType,
          body: input.body.trim(),
          visibility: input.visibility,
          atSeconds: input.atSeconds ?? null,
          replaces: input.replaces ?? null,
        }),
      );
    },
  };
}
