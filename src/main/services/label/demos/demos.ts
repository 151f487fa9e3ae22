import { statSync } from 'node:fs';
import {
  and,
  asc,
  count,
  eq,
  inArray,
  notLike,
  sql,
  type Placeholder,
  type SQL,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { scopeOf } from '../../../../shared/access';
import type { Input, Output } from '../../../../shared/api';
import {
  audioStayedHosted,
  MAX_AUDIO_BYTES,
  REVIEW_TRANSITIONS,
  UNDECIDED_STATUSES,
  type Demo,
  type ReviewStatus,
  type UnplacedRecording,
} from '../../../../shared/domain/demo';
import type { SubmissionSource } from '../../../../shared/domain/vocabulary';
import { AppError } from '../../../../shared/errors';
import { rule } from '../../../../shared/fieldIssue';
import type { Db } from '../../../db/open';
import { artists, demoScores, demos, media, mediaAnalysis, users } from '../../../db/schema';
import { probeAudio } from './audio/probe';
import { sha256OfFile, type MediaStore } from '../../workspace/files/media';
import { analysisStateOf, type DemoAnalysis } from './demoAnalysis';
import { recordingKey } from './hostedAudio';
import {
  afterCursorPlaceholder,
  cursorParams,
  DEFAULT_LIMIT,
  pageOf,
  preparedByShape,
} from '../../kernel/paging';
import { insertNote } from '../reviewNotes';
import { requireArtist } from '../artists/requireArtist';
import type { Session } from '../../kernel/session';
import type { Staging } from '../../workspace/files/staging';
import { newId, type Store } from '../../kernel/store';
import { assertUndoable } from '../../kernel/undo';
import { valueRows } from '../../kernel/valueRows';

const submitter = alias(users, 'submitter');

type Row = typeof demos.$inferSelect & {
  artistName: string;
  artistOwner: string;
  sha256: string | null;
  analyzedAt: string | null;
  analysisError: string | null;
  submitterUsername: string;
  submitterFullName: string;
  scoreAverage: number | null;
  scoreCount: number;
  myScore: number | null;
};

/** Which filters a queue call has: one prepared statement per combination. */
interface ListShape {
  readonly artist: boolean;
  readonly reviewStatus: boolean;
  readonly undecided: boolean;
  readonly submissionSource: boolean;
  readonly cursor: boolean;
}

/** A demo row as `viewer` sees it: their own score beside everyone's average. */
function demoFields(viewer: string | Placeholder) {
  return {
    id: demos.id,
    createdAt: demos.createdAt,
    updatedAt: demos.updatedAt,
    version: demos.version,
    artist: demos.artist,
    title: demos.title,
    audioUrl: demos.audioUrl,
    submissionSource: demos.submissionSource,
    reviewStatus: demos.reviewStatus,
    submittedBy: demos.submittedBy,
    receivedAt: demos.receivedAt,
    durationSeconds: demos.durationSeconds,
    sampleRate: demos.sampleRate,
    loudnessLufs: demos.loudnessLufs,
    artistName: artists.artistName,
    artistOwner: artists.owner,
    sha256: media.sha256,
    analyzedAt: mediaAnalysis.analyzedAt,
    analysisError: mediaAnalysis.error,
    submitterUsername: submitter.username,
    submitterFullName: submitter.fullName,
    scoreAverage: sql<
      number | null
    >`(SELECT avg(${demoScores.score}) FROM ${demoScores} WHERE ${demoScores.demo} = ${demos.id})`,
    scoreCount: sql<number>`(SELECT count(*) FROM ${demoScores} WHERE ${demoScores.demo} = ${demos.id})`,
    myScore: sql<
      number | null
    >`(SELECT ${demoScores.score} FROM ${demoScores} WHERE ${demoScores.demo} = ${demos.id} AND ${demoScores.reviewer} = ${viewer})`,
  };
}

function selectDemos(tx: Pick<Db, 'select'>, viewer: string | Placeholder) {
  return tx
    .select(demoFields(viewer))
    .from(demos)
    .innerJoin(artists, eq(artists.id, demos.artist))
    .innerJoin(submitter, eq(submitter.id, demos.submittedBy))
    .leftJoin(media, sql`'media:' || ${media.id} = ${demos.audioUrl}`)
    .leftJoin(mediaAnalysis, eq(mediaAnalysis.media, media.id));
}

/** The day part of an instant: lastDemoDate is a calendar date. */
const dayOf = (instant: string): string => instant.slice(0, 10);

/**
 * The demo queue: audio checked by content at import, stored once per content, reviewed through
 * a fixed workflow by the artist's owner.
 */
export function createDemoService(
  store: Store,
  files: { staging: Staging; media: MediaStore },
  analysis: DemoAnalysis,
) {
  const { db } = store;

  /** `present`: whether a content's bytes are stored, asked once per content in a list. */
  const toDemo = (row: Row, present = files.media.hasBytes): Demo => ({
    id: row.id,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    artist: row.artist,
    title: row.title,
    audioUrl: row.audioUrl,
    submissionSource: row.submissionSource as SubmissionSource,
    reviewStatus: row.reviewStatus as ReviewStatus,
    submittedBy: row.submittedBy,
    receivedAt: row.receivedAt,
    durationSeconds: row.durationSeconds,
    sampleRate: row.sampleRate,
    loudnessLufs: row.loudnessLufs,
    audioMissing: row.sha256 === null || !present(row.sha256),
    analysis: analysisStateOf({ analyzedAt: row.analyzedAt, error: row.analysisError }),
    scores: { average: row.scoreAverage, count: row.scoreCount, mine: row.myScore },
    expanded: {
      artist: { id: row.artist, artistName: row.artistName, owner: row.artistOwner },
      submittedBy: {
        id: row.submittedBy,
        username: row.submitterUsername,
        fullName: row.submitterFullName,
      },
    },
  });

  // The queue is read on every open and every decision: prepared once per shape of its filters.
  // Counted on demos alone: the filter is on its columns, and each demo has its artist and
  // submitter (foreign keys), so the page's joins add no rows and drop none.
  const p = sql.placeholder;
  const listWhere = (shape: ListShape): SQL | undefined =>
    and(
      shape.artist ? eq(demos.artist, p('artist')) : undefined,
      shape.reviewStatus ? eq(demos.reviewStatus, p('reviewStatus')) : undefined,
      shape.undecided ? inArray(demos.reviewStatus, UNDECIDED_STATUSES) : undefined,
      shape.submissionSource ? eq(demos.submissionSource, p('submissionSource')) : undefined,
    );
  const countStatement = preparedByShape((shape: ListShape) =>
    db.select({ total: count() }).from(demos).where(listWhere(shape)).prepare(),
  );
  const listRow = valueRows<Row>(demoFields(p('viewer')));
  // First in, first heard: the queue is oldest first.
  const listStatement = preparedByShape((shape: ListShape) =>
    selectDemos(db, p('viewer'))
      .where(
        and(
          listWhere(shape),
          shape.cursor ? afterCursorPlaceholder(demos.receivedAt, demos.id, 'asc') : undefined,
        ),
      )
      .orderBy(asc(demos.receivedAt), asc(demos.id))
      .limit(p('limit'))
      .prepare(),
  );

  function loadRow(tx: Pick<Db, 'select'>, id: string, viewer: string): Row {
    const row = selectDemos(tx, viewer).where(eq(demos.id, id)).get();
    if (!row) throw new AppError('NOT_FOUND', 'That demo does not exist.');
    return row;
  }

  /** Takes an uploaded recording: checked by content, at most 1 GB, its bytes in the store. */
  function stageRecording(session: Session, file: string) {
    return files.staging.use(session.user.id, file, async (staged) => {
      if (statSync(staged.path).size > MAX_AUDIO_BYTES) {
        throw new AppError(
          'VALIDATION',
          'A demo can be at most 1 GB.',
          { file: 'Larger than 1 GB' },
          { file: rule('file_too_large') },
        );
      }
      const facts = await probeAudio(staged.path);
      return {
        fileName: staged.fileName,
        facts,
        ingested: await files.media.ingest(staged.path),
      };
    });
  }

  /** Who decides on a demo's review, and its recording: the artist's owner, or an admin. */
  function maySessionDecide(session: Session, demo: Row): boolean {
    return (
      scopeOf(session.user.role, 'demos', 'update') !== 'own' ||
      demo.artistOwner === session.user.id
    );
  }

  function mayDecide(session: Session, demo: Row, what: string): void {
    if (!maySessionDecide(session, demo)) {
      throw new AppError('FORBIDDEN', `Only the artist’s owner or an admin ${what}.`);
    }
  }

  /**
   * A demo imported from the hosted app gets its recording: stored like an import, the demo
   * pointed at it with its duration and sample rate, audited with the hosted address it replaces.
   */
  async function attachRecording(session: Session, demo: Row, file: string): Promise<Demo> {
    mayDecide(session, demo, 'gives this artist’s demos their recordings');
    const { fileName, facts, ingested } = await stageRecording(session, file);
    const attached = store.write(session.user.id, (w) => {
      const before = loadRow(w.tx, demo.id, session.user.id);
      if (!audioStayedHosted(before)) {
        throw new AppError(
          'CONFLICT',
          'This demo has just been given its recording by someone else.',
        );
      }
      const stored = files.media.record(w.tx, ingested, {
        fileName,
        contentType: facts.contentType,
        createdBy: session.user.id,
        now: w.now,
      });
      const audioUrl = `media:${stored.id}`;
      w.tx
        .update(demos)
        .set({
          audioUrl,
          durationSeconds: facts.durationSeconds,
          sampleRate: facts.sampleRate,
          updatedAt: w.now,
          version: before.version + 1,
        })
        .where(eq(demos.id, before.id))
        .run();
      w.audit({
        action: 'demos.relink',
        entity: 'demos',
        entityId: before.id,
        changes: {
          audioUrl: [before.audioUrl, audioUrl],
          durationSeconds: [before.durationSeconds, facts.durationSeconds],
          sampleRate: [before.sampleRate, facts.sampleRate],
          fileName,
        },
      });
      w.emit({ entity: 'demos', id: before.id, action: 'updated' });
      return toDemo(loadRow(w.tx, before.id, session.user.id));
    });
    analysis.enqueue(attached.audioUrl.slice('media:'.length));
    return attached;
  }

  return {
    list(session: Session, input: Input<'demos.list'>): Output<'demos.list'> {
      const limit = input.limit ?? DEFAULT_LIMIT;
      const shape: ListShape = {
        artist: input.artist !== undefined,
        reviewStatus: input.reviewStatus !== undefined,
        undecided: Boolean(input.undecided),
        submissionSource: input.submissionSource !== undefined,
        cursor: Boolean(input.cursor),
      };
      const params = {
        viewer: session.user.id,
        artist: input.artist,
        reviewStatus: input.reviewStatus,
        submissionSource: input.submissionSource,
        limit: limit + 1,
        ...(input.cursor ? cursorParams(input.cursor) : {}),
      };
      // A first page says how many match; later pages come after it (see firstPageTotal).
      const total = input.cursor ? undefined : countStatement(shape).get(params)?.total;
      const rows = listStatement(shape).values(params).map(listRow);
      // Demos often share a recording's content (one file, stored once): one look per content.
      const stored = new Map<string, boolean>();
      const present = (sha256: string): boolean => {
        let found = stored.get(sha256);
        if (found === undefined) stored.set(sha256, (found = files.media.hasBytes(sha256)));
        return found;
      };
      return pageOf(
        rows,
        limit,
        (row) => toDemo(row, present),
        (item) => [item.receivedAt, item.id],
        total,
      );
    },

    get(session: Session, input: Input<'demos.get'>): Output<'demos.get'> {
      return toDemo(loadRow(db, input.id, session.user.id));
    },

    peaks(session: Session, input: Input<'demos.peaks'>): Output<'demos.peaks'> {
      const demo = loadRow(db, input.id, session.user.id);
      return { id: demo.id, ...analysis.peaks(demo.audioUrl) };
    },

    async import(session: Session, input: Input<'demos.import'>): Promise<Output<'demos.import'>> {
      // Checked before the file token is spent, so a wrong artist can be fixed and retried.
      requireArtist(db, input.artist);
      const { fileName, facts, ingested } = await stageRecording(session, input.file);
      const imported = store.write(session.user.id, (w) => {
        requireArtist(w.tx, input.artist);
        const stored = files.media.record(w.tx, ingested, {
          fileName,
          contentType: facts.contentType,
          createdBy: session.user.id,
          now: w.now,
        });
        const id = newId();
        const values = {
          id,
          createdAt: w.now,
          updatedAt: w.now,
          version: 1,
          artist: input.artist,
          title: input.title,
          audioUrl: `media:${stored.id}`,
          submissionSource: input.submissionSource,
          reviewStatus: 'submitted',
          submittedBy: session.user.id,
          receivedAt: w.now,
          durationSeconds: facts.durationSeconds,
          sampleRate: facts.sampleRate,
          loudnessLufs: null,
        };
        w.tx.insert(demos).values(values).run();
        // Derived, so no version bump: nobody's open edit of the artist is made stale by it.
        const today = dayOf(w.now);
        w.tx
          .update(artists)
          .set({ lastDemoDate: today, updatedAt: w.now })
          .where(
            and(
              eq(artists.id, input.artist),
              sql`(${artists.lastDemoDate} IS NULL OR ${artists.lastDemoDate} < ${today})`,
            ),
          )
          .run();
        const { id: _i, createdAt: _c, updatedAt: _u, version: _v, ...fields } = values;
        w.audit({
          action: 'demos.import',
          entity: 'demos',
          entityId: id,
          changes: { ...fields, fileName, duplicateOfStoredFile: stored.duplicate },
        });
        w.emit({ entity: 'demos', id, action: 'created' });
        w.emit({ entity: 'artists', id: input.artist, action: 'updated' });
        return { ...toDemo(loadRow(w.tx, id, session.user.id)), duplicate: stored.duplicate };
      });
      analysis.enqueue(imported.audioUrl.slice('media:'.length));
      return imported;
    },

    setReviewStatus(
      session: Session,
      input: Input<'demos.setReviewStatus'>,
    ): Output<'demos.setReviewStatus'> {
      return store.write(session.user.id, (w) => {
        const before = loadRow(w.tx, input.id, session.user.id);
        mayDecide(session, before, 'decides on this artist’s demos');
        const from = before.reviewStatus as ReviewStatus;
        const undoing =
          input.undo &&
          assertUndoable(w, {
            entity: 'demos',
            entityId: before.id,
            actor: session.user.id,
            action: 'demos.setReviewStatus',
            field: 'reviewStatus',
            back: input.status,
          });
        if (!undoing && !REVIEW_TRANSITIONS[from].includes(input.status)) {
          throw new AppError('CONFLICT', `A demo cannot move from ${from} to ${input.status}.`, {
            status: `Allowed from ${from}: ${REVIEW_TRANSITIONS[from].join(', ') || 'none'}`,
          });
        }
        w.tx
          .update(demos)
          .set({ reviewStatus: input.status, updatedAt: w.now, version: before.version + 1 })
          .where(eq(demos.id, before.id))
          .run();
        const note = input.note?.trim()
          ? insertNote(w, session, {
              artist: before.artist,
              demo: before.id,
              noteType: 'decision',
              body: input.note.trim(),
              visibility: 'team',
              atSeconds: null,
              replaces: null,
            })
          : null;
        w.audit({
          action: 'demos.setReviewStatus',
          entity: 'demos',
          entityId: before.id,
          changes: { reviewStatus: [from, input.status], ...(note ? { note: note.id } : {}) },
        });
        w.emit({ entity: 'demos', id: before.id, action: 'updated' });
        return toDemo(loadRow(w.tx, before.id, session.user.id));
      });
    },

    /** The caller's score for a demo (1-5); rating again replaces their earlier score. */
    rate(session: Session, input: Input<'demos.rate'>): Output<'demos.rate'> {
      return store.write(session.user.id, (w) => {
        const before = loadRow(w.tx, input.id, session.user.id);
        w.tx
          .insert(demoScores)
          .values({
            demo: before.id,
            reviewer: session.user.id,
            score: input.score,
            updatedAt: w.now,
          })
          .onConflictDoUpdate({
            target: [demoScores.demo, demoScores.reviewer],
            set: { score: input.score, updatedAt: w.now },
          })
          .run();
        w.audit({
          action: 'demos.rate',
          entity: 'demos',
          entityId: before.id,
          changes: { score: [before.myScore, input.score] },
        });
        w.emit({ entity: 'demos', id: before.id, action: 'updated' });
        return toDemo(loadRow(w.tx, before.id, session.user.id));
      });
    },

    /**
     * Recordings for many demos brought over from Back4app at once: each file goes to the one
     * demo (of those this user decides on) whose hosted audio had its name, and is attached as
     * demos.relink would; a file that matches none, or several, is reported and not kept.
     */
    async attachRecordings(
      session: Session,
      input: Input<'demos.attachRecordings'>,
    ): Promise<Output<'demos.attachRecordings'>> {
      // Every token checked before anything is attached: a bad one changes nothing.
      if (new Set(input.files).size !== input.files.length) {
        throw new AppError('VALIDATION', 'The same file was given twice.', {
          files: 'A file appears more than once',
        });
      }
      const picked = input.files.map((file) => ({
        file,
        fileName: files.staging.peek(session.user.id, file).fileName,
      }));
      const waiting = new Map<string, Row[]>();
      for (const row of selectDemos(db, session.user.id)
        .where(notLike(demos.audioUrl, 'media:%'))
        .all()) {
        if (!maySessionDecide(session, row)) continue;
        const key = recordingKey(row.audioUrl);
        waiting.set(key, [...(waiting.get(key) ?? []), row]);
      }
      const attached: Output<'demos.attachRecordings'>['attached'] = [];
      const unmatched: Output<'demos.attachRecordings'>['unmatched'] = [];
      const given = new Set<string>();
      for (const { file, fileName } of picked) {
        const candidates = waiting.get(recordingKey(fileName)) ?? [];
        const refuse = async (why: UnplacedRecording['why'], reason: string) => {
          await files.staging.use(session.user.id, file, async () => undefined);
          unmatched.push({ fileName, why, reason });
        };
        if (candidates.length === 0) {
          await refuse(
            { code: 'noDemo' },
            'No demo brought over from Back4app had audio with this name.',
          );
        } else if (candidates.length > 1) {
          const titles = candidates.map((c) => c.title);
          await refuse(
            { code: 'severalDemos', titles },
            `${candidates.length} demos had audio with this name (${titles.map((title) => `“${title}”`).join(', ')}): add it from the right one.`,
          );
        } else if (given.has(candidates[0]!.id)) {
          const { title } = candidates[0]!;
          await refuse(
            { code: 'alreadyGiven', title },
            `Another file was already added to “${title}”.`,
          );
        } else {
          const demo = candidates[0]!;
          try {
            attached.push({ fileName, demo: await attachRecording(session, demo, file) });
            given.add(demo.id);
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            unmatched.push({
              fileName,
              why: { code: 'refused', error: error.toBody() },
              reason: error.message,
            });
          }
        }
      }
      return { attached, unmatched };
    },

    /**
     * Restores a missing stored file from the same recording (a different recording is
     * refused); a demo whose audio stayed on the hosted app takes its recording here.
     */
    async relink(session: Session, input: Input<'demos.relink'>): Promise<Output<'demos.relink'>> {
      const demo = loadRow(db, input.id, session.user.id);
      if (audioStayedHosted(demo)) return attachRecording(session, demo, input.file);
      const stored = demo.sha256;
      if (stored === null) throw new AppError('NOT_FOUND', 'This demo has no stored file record.');
      await files.staging.use(session.user.id, input.file, async (staged) => {
        await probeAudio(staged.path);
        if ((await sha256OfFile(staged.path)) !== stored) {
          throw new AppError(
            'VALIDATION',
            'That is a different recording from the one imported. Import it as a new demo instead.',
            { file: 'Different recording' },
          );
        }
        await files.media.ingest(staged.path);
      });
      analysis.enqueue(demo.audioUrl.slice('media:'.length));
      return store.write(session.user.id, (w) => {
        w.audit({ action: 'demos.relink', entity: 'demos', entityId: demo.id });
        w.emit({ entity: 'demos', id: demo.id, action: 'updated' });
        return toDemo(loadRow(w.tx, demo.id, session.user.id));
      });
    },
  };
}
