import { and, eq, isNull, like, max } from 'drizzle-orm';
import type { Output } from '../../../../shared/api';
import {
  ANALYSIS_FAILURE_REASONS,
  type AnalysisFailureReason,
  type DemoAnalysisState,
} from '../../../../shared/domain/demo';
import { demos, media, mediaAnalysis } from '../../../db/schema';
import { AnalysisFailure } from './audio/analyze';
import type { Analyzer } from './audio/analyzer';
import type { MediaStore } from '../../workspace/files/media';
import type { Store } from '../../kernel/store';

/**
 * How long measuring one file may take before its worker is stopped: a minute, plus a quarter of
 * the audio's length. Decoding runs 60 to 300 times faster than real time on a busy two-core
 * machine (an hour of Opus in a minute, of FLAC in 12 s), so only a stuck decoder runs over.
 * A file of unknown length gets the budget of three hours of audio.
 */
export function defaultBudgetMs(durationSeconds: number | null): number {
  return 60_000 + (durationSeconds ?? 3 * 3600) * 250;
}

/**
 * A failure is stored as `<reason>: <detail>` in media_analysis.error; rows written before reasons
 * existed hold the decoder's message alone, and read as unreadable.
 */
const storedFailure = (failure: { reason: AnalysisFailureReason; detail: string }) =>
  `${failure.reason}: ${failure.detail}`.slice(0, 500);

export function failureOf(error: string): NonNullable<DemoAnalysisState['failure']> {
  const match = /^([a-z_]+): (.*)$/s.exec(error);
  const reason = ANALYSIS_FAILURE_REASONS.find((known) => known === match?.[1]);
  return reason ? { reason, detail: match![2]! } : { reason: 'unreadable', detail: error };
}

/** The analysis state of a stored file from its media_analysis row (or none yet). */
export function analysisStateOf(
  row: { analyzedAt: string | null; error: string | null } | null,
): DemoAnalysisState {
  if (!row?.analyzedAt) return { status: 'pending', failure: null };
  if (row.error) return { status: 'failed', failure: failureOf(row.error) };
  return { status: 'ready', failure: null };
}

/**
 * Peaks and loudness are measured once per stored audio file, after import, in the analysis
 * worker; the waveform then opens from the stored peaks without decoding the audio. Files stored
 * while the app was closed (or before this existed) are measured at start-up. A file that cannot
 * be measured (no sound in it, a decoder error, over its time budget) is recorded as failed with
 * the reason, once: it is not tried again at every start, and the queue moves on.
 */
export function createDemoAnalysis(
  store: Store,
  files: MediaStore,
  analyzer: Analyzer,
  { budgetMs = defaultBudgetMs }: { budgetMs?: (durationSeconds: number | null) => number } = {},
) {
  const { db } = store;

  /** The length measured at import of the demos that use this file, if any has one. */
  const expectedSeconds = (mediaId: string): number | null =>
    db
      .select({ seconds: max(demos.durationSeconds) })
      .from(demos)
      .where(eq(demos.audioUrl, `media:${mediaId}`))
      .get()?.seconds ?? null;

  const queue: string[] = [];
  let running: Promise<void> | null = null;
  let stopped = false;

  async function measure(mediaId: string): Promise<void> {
    if (stopped) return;
    const done = db
      .select({ media: mediaAnalysis.media })
      .from(mediaAnalysis)
      .where(eq(mediaAnalysis.media, mediaId))
      .get();
    if (done) return;
    let stored;
    try {
      stored = files.locate(mediaId);
    } catch {
      return; // Missing bytes: measured when the file is relinked.
    }
    let values: Omit<typeof mediaAnalysis.$inferInsert, 'media' | 'analyzedAt'>;
    try {
      const result = await analyzer.analyze(stored.path, {
        timeoutMs: budgetMs(expectedSeconds(mediaId)),
      });
      values = {
        peaks: JSON.stringify(result.peaks),
        durationSeconds: result.durationSeconds,
        sampleRate: result.sampleRate,
        loudnessLufs: result.loudnessLufs,
        error: null,
      };
    } catch (error) {
      values = {
        error: storedFailure(
          error instanceof AnalysisFailure
            ? { reason: error.reason, detail: error.message }
            : { reason: 'unreadable', detail: error instanceof Error ? error.message : 'failed' },
        ),
      };
    }
    // The workspace may have closed while the worker was busy.
    if (stopped) return;
    store.write(null, (w) => {
      w.tx
        .insert(mediaAnalysis)
        .values({ media: mediaId, analyzedAt: w.now, ...values })
        .onConflictDoNothing()
        .run();
      if (values.error) {
        // Nothing measured, but the queue and the player say why: the demos show it now.
        const failed = w.tx
          .select({ id: demos.id })
          .from(demos)
          .where(eq(demos.audioUrl, `media:${mediaId}`))
          .all();
        for (const { id } of failed) {
          w.audit({
            action: 'demos.analyze',
            entity: 'demos',
            entityId: id,
            changes: { analysisFailed: failureOf(values.error).reason },
          });
          w.emit({ entity: 'demos', id, action: 'updated' });
        }
        return;
      }
      const measured = w.tx
        .update(demos)
        .set({ loudnessLufs: values.loudnessLufs, updatedAt: w.now })
        .where(eq(demos.audioUrl, `media:${mediaId}`))
        .returning({ id: demos.id })
        .all();
      for (const { id } of measured) {
        w.audit({
          action: 'demos.analyze',
          entity: 'demos',
          entityId: id,
          changes: { loudnessLufs: [null, values.loudnessLufs ?? null] },
        });
        w.emit({ entity: 'demos', id, action: 'updated' });
      }
    });
  }

  function drain(): Promise<void> {
    running ??= (async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        try {
          await measure(next);
        } catch (error) {
          console.error('audio analysis failed', error);
        }
      }
      running = null;
    })();
    return running;
  }

  return {
    /** Queues a stored file for measuring (once; a measured file is skipped). */
    enqueue(mediaId: string): void {
      if (!queue.includes(mediaId)) queue.push(mediaId);
      void drain();
    },

    /** Every stored audio file not measured yet. */
    enqueueUnmeasured(): void {
      const rows = db
        .select({ id: media.id })
        .from(media)
        .leftJoin(mediaAnalysis, eq(mediaAnalysis.media, media.id))
        .where(and(like(media.contentType, 'audio/%'), isNull(mediaAnalysis.media)))
        .all();
      for (const row of rows) this.enqueue(row.id);
    },

    /** No more measuring: the store is closing. */
    stop(): void {
      stopped = true;
      queue.length = 0;
    },

    /** Resolves when nothing is queued or being measured. */
    async idle(): Promise<void> {
      while (running) await running;
    },

    peaks(audioUrl: string): Omit<Output<'demos.peaks'>, 'id'> {
      const mediaId = audioUrl.replace(/^media:/, '');
      const row = db.select().from(mediaAnalysis).where(eq(mediaAnalysis.media, mediaId)).get();
      if (!row) {
        this.enqueue(mediaId);
        return {
          status: 'pending',
          failure: null,
          peaks: null,
          duration: null,
          loudnessLufs: null,
        };
      }
      if (row.error || !row.peaks) {
        return {
          status: 'failed',
          failure: failureOf(row.error ?? 'no peaks'),
          peaks: null,
          duration: null,
          loudnessLufs: null,
        };
      }
      return {
        status: 'ready',
        failure: null,
        peaks: JSON.parse(row.peaks) as number[],
        duration: row.durationSeconds,
        loudnessLufs: row.loudnessLufs,
      };
    },
  };
}

export type DemoAnalysis = ReturnType<typeof createDemoAnalysis>;
